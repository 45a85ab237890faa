from django.conf import settings
from django.db import models


class TokenCutoff(models.Model):
    """The instant before which every token of the user is revoked: set by a password change, a
    reset and log-out-everywhere. SimpleJWT can blacklist a refresh token it recorded, never an
    access token, so the tokens carry their issue time (`iat_ns`) and are checked against this.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True
    )
    # Nanoseconds since the epoch: `iat` counts whole seconds, and a change must revoke the
    # tokens issued earlier in its second but not the ones it answers.
    issued_before_ns = models.BigIntegerField()
