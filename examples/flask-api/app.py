"""Gatehouse's reference backend: the tutorial's Flask + flask-jwt-extended API, done properly, with
the course project's sign-up and server-side logout.

    pip install -r requirements.txt && flask run      # http://127.0.0.1:5000

POST /token and GET /protected as in the tutorial (the identity is str(user.id): PyJWT 2.10 and
later reject a number), POST /refresh when REFRESH_TOKENS=true, POST /signup unless SIGNUP=false,
POST /logout, which puts the token on a blocklist, and the account routes unless
PASSWORD_RESET=false: POST /password-reset and /password-reset/confirm, POST /password (change)
and POST /logout-everywhere. Two-step verification (/2fa, POST /token/2fa; two_factor.py) and
passkeys (/webauthn; passkeys.py). With TOKEN_LOCATION=cookies the tokens travel in httpOnly
cookies with flask-jwt-extended's CSRF double submit instead of the Authorization header. Settings
come from the environment; see README.md.
"""
import logging
import os
import re
import threading
import time
from datetime import timedelta

from flask import Blueprint, Flask, current_app, jsonify, request
from flask_cors import CORS
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    current_user,
    decode_token,
    get_jti,
    get_jwt,
    jwt_required,
    set_access_cookies,
    set_refresh_cookies,
    unset_jwt_cookies,
)
from flask_jwt_extended.exceptions import CSRFError

from bodies import read_strings
from mailer import send_mail
from passkeys import add_passkey_routes
from password_policy import password_problem
from password_resets import RateLimit, ResetTokens
from two_factor import add_two_factor_routes
from users import UserStore

DEFAULT_CORS_ORIGINS = ",".join(
    f"http://{host}:{port}" for port in (5173, 4173) for host in ("127.0.0.1", "localhost")
)
EMAIL_SHAPE = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")


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


def env_identifier():
    value = os.environ.get("IDENTIFIER", "").strip().lower() or "username"
    if value not in ("username", "email"):
        raise ValueError(f'IDENTIFIER must be "username" or "email", got "{value}"')
    return value


def env_token_location():
    value = os.environ.get("TOKEN_LOCATION", "").strip().lower() or "headers"
    if value not in ("headers", "cookies"):
        raise ValueError(f'TOKEN_LOCATION must be "headers" or "cookies", got "{value}"')
    return value


def use_cookies(app):
    """flask-jwt-extended's cookie mode: httpOnly token cookies, CSRF double submit."""
    app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
    app.config["JWT_COOKIE_CSRF_PROTECT"] = True
    app.config["JWT_CSRF_IN_COOKIES"] = True
    # False by default so that http://localhost works; over https, production sets it true.
    app.config["JWT_COOKIE_SECURE"] = env_flag("COOKIE_SECURE")
    # For an API on a sibling host (api.example.com) of the app (app.example.com).
    app.config["JWT_COOKIE_DOMAIN"] = os.environ.get("COOKIE_DOMAIN", "").strip() or None
    # Lax: the browser sends the cookies on the app's own requests (same site), not on another
    # site's form posts; the CSRF double submit covers the rest.
    app.config["JWT_COOKIE_SAMESITE"] = "Lax"


def read_credentials(field, signup=False):
    """The body's `field` and password, or the 400 answer for a body we cannot use."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, (jsonify(msg="The request body must be a JSON object"), 400)
    identifier, password = body.get(field), body.get("password")
    if not isinstance(identifier, str) or identifier == "":
        return None, (jsonify(msg=f"{field} must be a non-empty string"), 400)
    if signup and field == "email" and not EMAIL_SHAPE.match(identifier):
        return None, (jsonify(msg="email must be a valid email address"), 400)
    if not isinstance(password, str) or password == "":
        return None, (jsonify(msg="password must be a non-empty string"), 400)
    return (identifier, password), None


def create_app():
    app = Flask(__name__)
    app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "change-me-in-production")
    app.config["JWT_ACCESS_TOKEN_EXPIRES"] = env_seconds("ACCESS_TOKEN_SECONDS", 15 * 60)
    app.config["JWT_REFRESH_TOKEN_EXPIRES"] = env_seconds("REFRESH_TOKEN_SECONDS", 30 * 86400)
    issue_refresh_tokens = env_flag("REFRESH_TOKENS")
    field = env_identifier()
    in_cookies = env_token_location() == "cookies"
    if in_cookies:
        use_cookies(app)

    origins = [o.strip() for o in os.environ.get("CORS_ORIGINS", DEFAULT_CORS_ORIGINS).split(",")]
    CORS(
        app,
        origins=[o for o in origins if o],
        allow_headers=["Authorization", "Content-Type"] + (["X-CSRF-TOKEN"] if in_cookies else []),
        # The app reads the wait from a 429's Retry-After; CORS hides other headers from scripts.
        expose_headers=["Retry-After"],
        # Cookies cross origins only with credentials, which need the exact origin, never "*".
        supports_credentials=in_cookies,
    )

    jwt = JWTManager(app)
    users = UserStore()
    # In memory, like the users: a real deployment keeps it in its database or in Redis.
    revoked_jtis = set()
    # When each token was issued, in nanoseconds: `iat` holds whole seconds, and a password
    # change must revoke the tokens issued before it in the same second, but not its own new ones.
    issued_at = {}

    def issue(create_token, user):
        token = create_token(identity=str(user.id))
        issued_at[get_jti(token)] = time.time_ns()
        return token

    def login_answer(user):
        """The answer of every way to log in (POST /token, /token/2fa, /webauthn/login/complete);
        POST /password answers the same."""
        access = issue(create_access_token, user)
        refresh = issue(create_refresh_token, user) if issue_refresh_tokens else None
        if in_cookies:
            # The tokens stay out of the body, where the page's scripts would read them.
            response = jsonify(login=True, user_id=user.id)
            set_access_cookies(response, access)
            if refresh is not None:
                set_refresh_cookies(response, refresh)
            return response
        answer = {"token": access, "user_id": user.id}
        if refresh is not None:
            answer["refresh_token"] = refresh
        return jsonify(answer)

    # flask-jwt-extended's automatic user loading: a token whose user is gone gets its 401
    # {"msg": "Error loading the user <id>"} instead of a crash in the view.
    @jwt.user_lookup_loader
    def load_user(_jwt_header, jwt_data):
        identity = jwt_data["sub"]
        return users.get(int(identity)) if str(identity).isdigit() else None

    # Any later use of a logged-out token gets 401 {"msg": "Token has been revoked"}, and so does
    # a token issued before the user's password changed or they logged out everywhere.
    @jwt.token_in_blocklist_loader
    def is_revoked(jwt_header, jwt_data):
        if jwt_data["jti"] in revoked_jtis:
            return True
        # A login's mfa_token is signed with the same key, and flask-jwt-extended refuses only a
        # refresh token where an access token goes: without this, the password alone would open
        # every protected route.
        if jwt_data["type"] not in ("access", "refresh"):
            return True
        user = load_user(jwt_header, jwt_data)
        if user is None:
            return False
        # One crafted with the key may lack `iat`: issued at the epoch, not a 500.
        issued = issued_at.get(jwt_data["jti"], jwt_data.get("iat", 0) * 1_000_000_000)
        return issued < user.tokens_valid_after

    api = Blueprint("api", __name__)
    second_step = add_two_factor_routes(api, users, field, login_answer)
    add_passkey_routes(api, users, field, login_answer, second_step)

    @api.post("/token")
    def create_token():
        credentials, problem = read_credentials(field)
        if problem is not None:
            return problem
        user = users.authenticate(field, *credentials)
        if user is None:
            return jsonify(msg=f"Bad {field} or password"), 401
        ask_code = second_step(user)
        return login_answer(user) if ask_code is None else ask_code

    @api.get("/protected")
    @jwt_required()
    def protected():
        return jsonify({"id": current_user.id, field: getattr(current_user, field)})

    if issue_refresh_tokens:

        @api.post("/refresh")
        @jwt_required(refresh=True)
        def refresh():
            access = issue(create_access_token, current_user)
            if not in_cookies:
                return jsonify(access_token=access)
            response = jsonify(refresh=True)
            set_access_cookies(response, access)
            return response

    if env_flag("SIGNUP", default=True):

        @api.post("/signup")
        def signup():
            credentials, problem = read_credentials(field, signup=True)
            if problem is not None:
                return problem
            weakness = password_problem(credentials[1])
            if weakness is not None:
                return jsonify(msg=weakness), 400
            user = users.create(field, *credentials)
            if user is None:
                return jsonify(msg="User already exists"), 409
            return jsonify({"id": user.id, field: getattr(user, field)}), 201

    if in_cookies:

        @api.post("/logout")
        def logout():
            for jti in logout_cookie_jtis():
                revoked_jtis.add(jti)
            response = jsonify(msg="Logged out")
            unset_jwt_cookies(response)
            return response

    else:
        # verify_type=False: the app revokes its access token and, when it has one, its refresh
        # token.
        @api.post("/logout")
        @jwt_required(verify_type=False)
        def logout():
            revoked_jtis.add(get_jwt()["jti"])
            return jsonify(msg="Logged out")

    if env_flag("PASSWORD_RESET", default=True):
        add_account_routes(api, users, field, login_answer, in_cookies)

    app.register_blueprint(api, url_prefix=os.environ.get("URL_PREFIX", "").rstrip("/") or None)
    return app


def logout_cookie_jtis():
    """The jtis a cookie-mode logout revokes, or CSRFError for a forged request.

    Not @jwt_required: logging out must clear the cookies even when the access token has expired,
    was revoked or is gone, or the browser keeps a cookie it cannot use. Only a request carrying an
    access cookie without its CSRF value is refused, as another site's form post would be.
    """
    config = current_app.config
    jtis = []
    access = request.cookies.get(config["JWT_ACCESS_COOKIE_NAME"])
    if access:
        csrf = request.headers.get(config["JWT_ACCESS_CSRF_HEADER_NAME"])
        if not csrf:
            raise CSRFError("Missing CSRF token")
        try:
            # allow_expired: an expired token's CSRF value is checked all the same.
            jtis.append(decode_token(access, csrf_value=csrf, allow_expired=True)["jti"])
        except CSRFError:
            raise
        except Exception:
            pass  # Not a token this server signed: nothing to revoke.
    refresh = request.cookies.get(config["JWT_REFRESH_COOKIE_NAME"])
    if refresh:
        try:
            jtis.append(decode_token(refresh)["jti"])
        except Exception:
            pass
    return [jti for jti in jtis if jti is not None]


def add_account_routes(api, users, field, login_answer, in_cookies):
    """Password reset by e-mail, password change and log-out-everywhere."""
    app_url = os.environ.get("APP_URL", "http://127.0.0.1:5173").rstrip("/")
    reset_tokens = ResetTokens()
    reset_requests = RateLimit()

    @api.post("/password-reset")
    def request_password_reset():
        values, problem = read_strings(field)
        if problem is not None:
            return problem
        (identifier,) = values
        # Counted per account typed, known or not, so the limit tells nothing either.
        wait = reset_requests.retry_after(identifier)
        if wait is not None:
            answer = jsonify(msg="Too many reset requests for this account. Try again later.")
            return answer, 429, {"Retry-After": str(wait)}
        user = users.find(field, identifier)
        if user is not None and user.email:
            link = f"{app_url}/reset-password#token={reset_tokens.create(user.id)}"
            body = (
                "Someone asked to reset the password of your account. To choose a new one, "
                f"open this link within 30 minutes:\n\n{link}\n\n"
                "If it was not you, ignore this message: your password stays as it is."
            )
            # Sent after the answer, so that its timing does not tell whether the account exists.
            threading.Thread(
                target=send_mail, args=(user.email, "Reset your password", body), daemon=True
            ).start()
        elif user is not None:
            logging.getLogger("gatehouse.mail").warning(
                "Password reset for user %s, who has no e-mail address: nothing sent", user.id
            )
        return jsonify(msg="If the account exists, a reset link was sent"), 202

    @api.post("/password-reset/confirm")
    def confirm_password_reset():
        values, problem = read_strings("token", "password")
        if problem is not None:
            return problem
        token, password = values
        if not reset_tokens.is_valid(token):
            return jsonify(msg="Invalid or expired reset token"), 400
        weakness = password_problem(password)
        if weakness is not None:
            return jsonify(msg=weakness), 400
        user_id = reset_tokens.redeem(token)
        if user_id is None:
            return jsonify(msg="Invalid or expired reset token"), 400
        users.set_password(user_id, password)
        return jsonify(msg="Password changed")

    @api.post("/password")
    @jwt_required()
    def change_password():
        values, problem = read_strings("current_password", "new_password")
        if problem is not None:
            return problem
        current, new = values
        if not users.has_password(current_user, current):
            return jsonify(msg="Current password is incorrect"), 400
        weakness = password_problem(new)
        if weakness is not None:
            return jsonify(msg=weakness), 400
        users.set_password(current_user.id, new)
        # This tab goes on with tokens issued after the change; every older one is revoked.
        return login_answer(users.get(current_user.id))

    @api.post("/logout-everywhere")
    @jwt_required()
    def logout_everywhere():
        users.revoke_tokens(current_user.id)
        response = jsonify(msg="Logged out everywhere")
        if in_cookies:
            unset_jwt_cookies(response)
        return response


app = create_app()
