"""
Serves Gatehouse's build (the dist/ folder `npm run build` writes) from Flask, as Gatehouse's
deploy/nginx.conf does:

- /login and /signup: the page prerendered in the reader's language (dist/login.en.html,
  dist/login.es.html...): their choice (the gatehouse_locale cookie the language switch sets),
  else the first of the build's languages their browser asks for (Accept-Language, by weight),
  else the first language. With `Vary: Accept-Language, Cookie`, so caches keep one per language.
- /assets/...: the hashed files, cached for a year; a missing one is a 404, never the app.
- any other path: the file of that name, else dist/index.html (status 200) for the app's routes.
- on every response, errors included, the security headers the build wrote into
  dist/gatehouse-build.json: its Content-Security-Policy allows exactly the API the build calls.

Use it in place of the boilerplate's sitemap() and serve_any_other_file():

    app.register_blueprint(gatehouse_static(static_file_dir))
"""
import json
import os
import re

from flask import Blueprint, Response, abort, request, send_from_directory
from werkzeug.routing import PathConverter

MANIFEST_FILE = "gatehouse-build.json"
PRERENDERED_PAGES = ("login", "signup")
# The languages Gatehouse prerenders its pages in; the first is for a reader who asks for none.
LOCALES = ("en", "es")
LOCALE_COOKIE = "gatehouse_locale"
YEAR = "public, max-age=31536000, immutable"


def negotiate_locale(cookie_locale, accept_language, locales=LOCALES):
    """The cookie's language, else Accept-Language's best-weighted one among `locales`, else the first."""
    if cookie_locale and cookie_locale.strip().lower() in locales:
        return cookie_locale.strip().lower()
    ranked = []
    for index, entry in enumerate((accept_language or "").split(",")):
        tag, *parameters = entry.strip().split(";")
        weight = 1.0
        for parameter in parameters:
            match = re.match(r"^\s*q=([\d.]+)\s*$", parameter)
            if match:
                try:
                    weight = float(match.group(1))
                except ValueError:
                    weight = 0.0
                break
        if weight > 0:
            ranked.append((-weight, index, tag.split("-")[0].strip().lower()))
    for _weight, _index, language in sorted(ranked):
        if language in locales:
            return language
    return locales[0]


def gatehouse_static(dist_dir, api_prefix="/api"):
    dist_dir = os.path.realpath(dist_dir)
    pages = Blueprint("gatehouse_static", __name__)

    # Any path but the API's: GET /api/token must stay the API's 405 (Allow: POST, OPTIONS) and
    # an unknown /api/... its 404, never the app's HTML.
    class PageConverter(PathConverter):
        regex = rf"(?!{re.escape(api_prefix.strip('/'))}(?:/|$))[^/].*?" if api_prefix else PathConverter.regex

    pages.record_once(lambda state: state.app.url_map.converters.setdefault("page", PageConverter))

    def security_headers():
        path = os.path.join(dist_dir, MANIFEST_FILE)
        try:
            with open(path, encoding="utf-8") as file:
                return json.load(file)["headers"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def is_file(name):
        path = os.path.realpath(os.path.join(dist_dir, name))
        return path.startswith(dist_dir + os.sep) and os.path.isfile(path)

    def send(name, cache_control="no-cache"):
        response = send_from_directory(dist_dir, name, max_age=None)
        response.headers["Cache-Control"] = cache_control
        return response

    @pages.after_request
    def add_headers(response):
        headers = security_headers()
        if headers is None:
            return response
        for name, value in headers.items():
            response.headers[name] = value
        return response

    @pages.route("/", defaults={"path": ""}, methods=["GET"])
    @pages.route("/<page:path>", methods=["GET"])
    def serve(path):
        if security_headers() is None:
            return Response(
                f"{os.path.join(dist_dir, MANIFEST_FILE)} is missing or unreadable: {dist_dir} "
                "holds no Gatehouse build. Run `npm run build` (with the VITE_ variables the "
                "deployment needs) so that it writes there.\n",
                status=500,
                mimetype="text/plain",
            )
        if path.startswith("assets/"):
            if not is_file(path):
                abort(404)  # the browser would refuse HTML as a script
            return send(path, YEAR)
        if path in PRERENDERED_PAGES:
            locale = negotiate_locale(
                request.cookies.get(LOCALE_COOKIE), request.headers.get("Accept-Language"))
            page = f"{path}.{locale}.html"
            if not is_file(page):
                return send("index.html")  # a build without prerendered pages
            response = send(page)
            # The page differs by language: caches must keep one copy per language.
            response.headers["Vary"] = "Accept-Language, Cookie"
            return response
        return send(path if path and is_file(path) else "index.html")

    return pages
