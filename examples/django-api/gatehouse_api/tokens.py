"""SimpleJWT's access and refresh tokens, revocable all at once for one user.

SimpleJWT's blacklist holds refresh tokens only, and only those it recorded at login. A password
change, a reset and log-out-everywhere must also end the access tokens, and the refresh tokens
that rotation issued: so every token carries its issue time to the microsecond (`iat_ns`, in
nanoseconds), and one issued before the user's cutoff is refused like a blacklisted token.
"""
from calendar import timegm

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt import tokens
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.utils import aware_utcnow

from .models import TokenCutoff

ISSUED_NS_CLAIM = "iat_ns"


def epoch_ns(moment):
    return timegm(moment.utctimetuple()) * 10**9 + moment.microsecond * 1000


class RevocableMixin:
    def set_iat(self, claim="iat", at_time=None):
        super().set_iat(claim, at_time)
        self.payload[ISSUED_NS_CLAIM] = epoch_ns(at_time or self.current_time)

    def verify(self):
        super().verify()
        if api_settings.USER_ID_CLAIM not in self.payload:
            # JWTAuthentication refuses it for that; a refresh never looks the user up.
            return
        issued_ns = self.payload.get(ISSUED_NS_CLAIM)
        if issued_ns is None:
            # Minted without the claim (by hand, or before it existed): its whole-second `iat`.
            issued_ns = self.payload.get("iat", 0) * 10**9
        try:
            revoked = TokenCutoff.objects.filter(
                user_id=self.payload[api_settings.USER_ID_CLAIM], issued_before_ns__gt=issued_ns
            ).exists()
        except (TypeError, ValueError):
            # A user id the ORM cannot read belongs to nobody, so nothing revoked it; the user
            # lookup answers for it as it did before this check.
            return
        if revoked:
            # SimpleJWT's words for a revoked token, so that the app reads it as one.
            raise TokenError(_("Token is blacklisted"))


# Their class names are in SimpleJWT's answers ("token_class": "AccessToken"): kept the same.
class AccessToken(RevocableMixin, tokens.AccessToken):
    pass


class RefreshToken(RevocableMixin, tokens.RefreshToken):
    access_token_class = AccessToken


def revoke_tokens(user):
    """Every token issued to `user` until now stops working; the ones issued next work."""
    with transaction.atomic():
        TokenCutoff.objects.update_or_create(
            user=user, defaults={"issued_before_ns": epoch_ns(aware_utcnow())}
        )
        # The cutoff alone would refuse them too; blacklisted, they show as revoked in
        # SimpleJWT's own tables, as a refresh token sent to /api/token/blacklist/ does.
        BlacklistedToken.objects.bulk_create(
            BlacklistedToken(token=outstanding)
            for outstanding in OutstandingToken.objects.filter(
                user=user, blacklistedtoken__isnull=True
            )
        )
