"""Just enough CORS for the app to call the API from another origin, so that the API needs no
package beyond Django, DRF and SimpleJWT (django-cors-headers does the same with more options)."""
from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type"
# The app reads the wait from a 429's Retry-After; CORS hides other headers from scripts.
EXPOSED_HEADERS = "Retry-After"
# A day; browsers cap it lower anyway (Chrome at two hours).
MAX_AGE = "86400"


class CorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.origins = frozenset(settings.CORS_ORIGINS)

    def __call__(self, request):
        origin = request.headers.get("Origin")
        allowed = origin in self.origins
        if allowed and self.is_preflight(request):
            response = HttpResponse(status=200)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = MAX_AGE
            # Said outright, since this answer skips CommonMiddleware: without it the dev server
            # closes the connection after each preflight.
            response["Content-Length"] = "0"
        else:
            # A preflight from an origin not allowed goes on to the view like any OPTIONS;
            # lacking the headers below, the browser refuses it.
            response = self.get_response(request)
        if allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        # On every answer, allowed origin or not: a cache must not hand one origin's answer
        # to another.
        patch_vary_headers(response, ("Origin",))
        return response

    @staticmethod
    def is_preflight(request):
        return request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
