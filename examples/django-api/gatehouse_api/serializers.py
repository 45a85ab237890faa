from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from rest_framework import serializers
from rest_framework_simplejwt import serializers as simplejwt
from rest_framework_simplejwt.serializers import PasswordField

from .tokens import RefreshToken

# SimpleJWT's views, issuing and reading the revocable tokens.


class TokenObtainPairSerializer(simplejwt.TokenObtainPairSerializer):
    token_class = RefreshToken


class TokenRefreshSerializer(simplejwt.TokenRefreshSerializer):
    token_class = RefreshToken


class TokenBlacklistSerializer(simplejwt.TokenBlacklistSerializer):
    token_class = RefreshToken


def login_answer(user):
    """What POST /api/token/ answers, for a password change to answer the same."""
    refresh = TokenObtainPairSerializer.get_token(user)
    return {"refresh": str(refresh), "access": str(refresh.access_token)}


# Password reset. Django's own reset link carries the user's id and a token as two path segments;
# the app gets one opaque token from the link's fragment, so the two travel as one string.
RESET_TOKEN_SEPARATOR = ":"


def make_reset_token(user):
    """`<uidb64>:<token>`, from Django's PasswordResetTokenGenerator: it stops working when the
    password changes (so it works once) and after PASSWORD_RESET_TIMEOUT seconds."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    return f"{uidb64}{RESET_TOKEN_SEPARATOR}{default_token_generator.make_token(user)}"


def user_of_reset_token(reset_token):
    """The user whose working reset token this is; None for a bad, expired or used one."""
    uidb64, _, token = reset_token.partition(RESET_TOKEN_SEPARATOR)
    User = get_user_model()
    try:
        user = User._default_manager.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, User.DoesNotExist, DjangoValidationError):
        return None
    return user if default_token_generator.check_token(user, token) else None


class PasswordResetRequestSerializer(serializers.Serializer):
    """The account is named by the field the login takes, like SimpleJWT's TokenObtainSerializer."""

    username_field = get_user_model().USERNAME_FIELD

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.username_field] = serializers.CharField()


def check_new_password(password, user):
    """Django's AUTH_PASSWORD_VALIDATORS, their messages as DRF field errors."""
    try:
        validate_password(password, user)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.messages) from None
    return password


class PasswordResetConfirmSerializer(serializers.Serializer):
    token = serializers.CharField()
    # Trimmed, as the login trims the password it is given.
    password = PasswordField()

    default_error_messages = {"invalid_token": "Invalid or expired reset token"}

    def validate(self, attrs):
        # The link first: a refused password leaves it working, and the person needs to know
        # whether to try another password or ask for a new link.
        user = user_of_reset_token(attrs["token"])
        if user is None:
            raise serializers.ValidationError(
                {"token": [self.error_messages["invalid_token"]]}, code="invalid_token"
            )
        try:
            check_new_password(attrs["password"], user)
        except serializers.ValidationError as error:
            raise serializers.ValidationError({"password": error.detail}) from None
        return {"user": user, "password": attrs["password"]}


class PasswordChangeSerializer(serializers.Serializer):
    current_password = PasswordField()
    new_password = PasswordField()

    default_error_messages = {"wrong_password": "Current password is incorrect"}

    def validate_current_password(self, value):
        if not self.context["request"].user.check_password(value):
            raise serializers.ValidationError(
                self.error_messages["wrong_password"], code="wrong_password"
            )
        return value

    def validate_new_password(self, value):
        return check_new_password(value, self.context["request"].user)
