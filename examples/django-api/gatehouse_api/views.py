import logging
import threading

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .serializers import (
    PasswordChangeSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetRequestSerializer,
    login_answer,
    make_reset_token,
)
from .throttles import PasswordResetRateThrottle
from .tokens import revoke_tokens

log = logging.getLogger("gatehouse.mail")


# A class rather than @api_view: DRF builds a function view's Allow header from a set, so its
# order would change from one process to the next.
class MeView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"id": request.user.id, "username": request.user.username})


# The account routes (PASSWORD_RESET). Those that take no token authenticate nobody, like
# SimpleJWT's token views: a stale Authorization header must not get them a 401.


class PasswordResetRequestView(GenericAPIView):
    authentication_classes = ()
    permission_classes = ()
    serializer_class = PasswordResetRequestSerializer
    throttle_classes = [PasswordResetRateThrottle]

    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        identifier = serializer.validated_data[serializer.username_field]
        User = get_user_model()
        # Django's PasswordResetForm writes to active users with a usable password only.
        user = User._default_manager.filter(
            **{User.USERNAME_FIELD: identifier}, is_active=True
        ).first()
        if user is not None and user.has_usable_password() and user.email:
            link = f"{settings.APP_URL}/reset-password#token={make_reset_token(user)}"
            body = (
                "Someone asked to reset the password of your account. To choose a new one, "
                f"open this link within {settings.PASSWORD_RESET_TIMEOUT // 60} minutes:\n\n"
                f"{link}\n\n"
                "If it was not you, ignore this message: your password stays as it is."
            )
            # Sent beside the answer, so that its timing does not tell whether the account exists.
            threading.Thread(
                target=send_mail,
                args=("Reset your password", body, None, [user.email]),
                daemon=True,
            ).start()
        elif user is not None:
            log.warning("Password reset for user %s, who gets no e-mail: nothing sent", user.pk)
        return Response(
            {"detail": "If the account exists, a reset link was sent"},
            status=status.HTTP_202_ACCEPTED,
        )


class PasswordResetConfirmView(GenericAPIView):
    authentication_classes = ()
    permission_classes = ()
    serializer_class = PasswordResetConfirmSerializer

    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        with transaction.atomic():
            # The new password hash also voids this link and the user's other ones. Written only
            # over the hash the link was checked against: of two requests with one link, the
            # second finds it changed, and is refused as for a used link.
            checked_against = user.password
            user.set_password(serializer.validated_data["password"])
            changed = get_user_model().objects.filter(pk=user.pk, password=checked_against)
            if not changed.update(password=user.password):
                used = PasswordResetConfirmSerializer.default_error_messages["invalid_token"]
                raise ValidationError({"token": [used]})
            revoke_tokens(user)
        return Response({"detail": "Password changed"})


class PasswordChangeView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = PasswordChangeSerializer

    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = request.user
        with transaction.atomic():
            user.set_password(serializer.validated_data["new_password"])
            user.save(update_fields=["password"])
            revoke_tokens(user)
        # Issued after the cutoff: this tab goes on with them, every older token is revoked.
        return Response(login_answer(user))


class LogoutEverywhereView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        revoke_tokens(request.user)
        return Response({"detail": "Logged out everywhere"})
