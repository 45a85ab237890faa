from django.conf import settings
from django.urls import path
from rest_framework_simplejwt.views import (
    TokenBlacklistView,
    TokenObtainPairView,
    TokenRefreshView,
)

from . import views

# The paths of SimpleJWT's documentation, plus the app's "who am I".
urlpatterns = [
    path("api/token/", TokenObtainPairView.as_view(), name="token_obtain_pair"),
    path("api/token/refresh/", TokenRefreshView.as_view(), name="token_refresh"),
    path("api/token/blacklist/", TokenBlacklistView.as_view(), name="token_blacklist"),
    path("api/me/", views.MeView.as_view(), name="me"),
]

if settings.PASSWORD_RESET:
    urlpatterns += [
        path(
            "api/password-reset/",
            views.PasswordResetRequestView.as_view(),
            name="password_reset",
        ),
        path(
            "api/password-reset/confirm/",
            views.PasswordResetConfirmView.as_view(),
            name="password_reset_confirm",
        ),
        path("api/password/", views.PasswordChangeView.as_view(), name="password_change"),
        path(
            "api/logout-everywhere/",
            views.LogoutEverywhereView.as_view(),
            name="logout_everywhere",
        ),
    ]
