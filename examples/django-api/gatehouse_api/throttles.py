import hashlib

from rest_framework.throttling import SimpleRateThrottle


class PasswordResetRateThrottle(SimpleRateThrottle):
    """DEFAULT_THROTTLE_RATES["password_reset"] per account typed, known or not, so that the
    limit tells nothing either. The account is read as the view's serializer reads it (trimmed),
    so that spaces around it do not make a new one."""

    scope = "password_reset"

    def get_cache_key(self, request, view):
        serializer = view.get_serializer(data=request.data)
        if not serializer.is_valid():
            # Not throttled: the view answers the serializer's 400.
            return None
        identifier = serializer.validated_data[serializer.username_field]
        # Hashed: any string is a valid cache key then, and the cache holds no account names.
        digest = hashlib.sha256(identifier.encode("utf-8")).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}
