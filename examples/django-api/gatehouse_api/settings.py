"""Settings of the Gatehouse reference API: everything that varies comes from the environment
(see README.md)."""
import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

DEFAULT_CORS_ORIGINS = ",".join(
    f"http://{host}:{port}" for port in (5173, 4173) for host in ("127.0.0.1", "localhost")
)


def env_flag(name, default=False):
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value not in ("true", "false"):
        raise ValueError(f'{name} must be "true" or "false", got "{value}"')
    return value == "true"


def env_seconds(name, default):
    value = os.environ.get(name, "").strip()
    return timedelta(seconds=int(value) if value else default)


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_text(name, default=""):
    return os.environ.get(name, "").strip() or default


# Long enough for HS256 (at least 32 bytes), so that the dev default is not also a weak key.
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "django-insecure-gatehouse-dev-key-change-me-in-production"
)
DEBUG = env_flag("DJANGO_DEBUG")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "gatehouse_api",  # for its token cutoffs and its management commands
]

# No sessions, CSRF or messages: the API knows its callers by their bearer token only.
# CORS comes first so that it also marks the answers that the inner layers turn into errors.
MIDDLEWARE = [
    "gatehouse_api.cors.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "gatehouse_api.urls"
WSGI_APPLICATION = "gatehouse_api.wsgi.application"

# One file per instance: tests run several servers side by side, each on its own DATABASE_PATH.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DATABASE_PATH") or BASE_DIR / "db.sqlite3",
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
# The token blacklist stores aware datetimes, which SQLite refuses without it (Django 3.2's
# default is still False).
USE_TZ = True

CORS_ORIGINS = env_list("CORS_ORIGINS", DEFAULT_CORS_ORIGINS)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ],
    # JSON only: the browsable API's HTML forms would need sessions and CSRF, which this API
    # leaves out, and the app never asks for text/html.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Counted in Django's default cache, the process's memory: several processes need a shared
    # cache (Redis, the database) to share the count.
    "DEFAULT_THROTTLE_RATES": {"password_reset": "5/hour"},
}

ROTATE_REFRESH_TOKENS = env_flag("ROTATE_REFRESH_TOKENS")

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": env_seconds("ACCESS_TOKEN_SECONDS", 5 * 60),
    "REFRESH_TOKEN_LIFETIME": env_seconds("REFRESH_TOKEN_SECONDS", 24 * 60 * 60),
    "ROTATE_REFRESH_TOKENS": ROTATE_REFRESH_TOKENS,
    "BLACKLIST_AFTER_ROTATION": env_flag("BLACKLIST_AFTER_ROTATION", ROTATE_REFRESH_TOKENS),
    # SimpleJWT's own authentication and views, with token classes that a reset, a password
    # change and log-out-everywhere can revoke (gatehouse_api/tokens.py).
    "AUTH_TOKEN_CLASSES": ["gatehouse_api.tokens.AccessToken"],
    "TOKEN_OBTAIN_SERIALIZER": "gatehouse_api.serializers.TokenObtainPairSerializer",
    "TOKEN_REFRESH_SERIALIZER": "gatehouse_api.serializers.TokenRefreshSerializer",
    "TOKEN_BLACKLIST_SERIALIZER": "gatehouse_api.serializers.TokenBlacklistSerializer",
}

# Password reset by e-mail, password change and log-out-everywhere (gatehouse_api/views.py).
PASSWORD_RESET = env_flag("PASSWORD_RESET", default=True)
# The reset e-mail links to APP_URL/reset-password#token=…
APP_URL = env_text("APP_URL", "http://127.0.0.1:5173").rstrip("/")
# The life of a reset link, for Django's PasswordResetTokenGenerator.
PASSWORD_RESET_TIMEOUT = 30 * 60

# Django's validators, as its project template lists them, for the new password of a reset or a
# change. Existing accounts keep their passwords.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Through SMTP_HOST when it is set; without it the console backend writes each e-mail to the
# server's output, where a developer reads the link.
EMAIL_HOST = env_text("SMTP_HOST")
EMAIL_PORT = int(env_text("SMTP_PORT", "587"))
EMAIL_HOST_USER = env_text("SMTP_USERNAME")
EMAIL_HOST_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
EMAIL_USE_TLS = env_flag("SMTP_STARTTLS", default=True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_text("MAIL_FROM", "Gatehouse <no-reply@localhost>")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
# With MAIL_FILE set, each e-mail also goes to that file as one JSON line (the tests read it).
MAIL_FILE = env_text("MAIL_FILE")
if MAIL_FILE:
    MAIL_FILE_DELIVERY_BACKEND = EMAIL_BACKEND
    EMAIL_BACKEND = "gatehouse_api.mail.MailFileBackend"
