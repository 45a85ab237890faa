"""Gatehouse's reference backend: the tutorial's Flask + flask-jwt-extended API, done properly, with
the course project's sign-up and server-side logout.

    pip install -r requirements.txt && flask run      # http://127.0.0.1:5000

POST /token and GET /protected as in the tutorial (the identity is str(user.id): PyJWT 2.10 and
later reject a number), POST /refresh when REFRESH_TOKENS=true, POST /signup unless SIGNUP=false,
POST /logout, which puts the token on a blocklist, and the account routes unless
PASSWORD_RESET=false: POST /password-reset and /password-reset/confirm, POST /password (change)
and POST /logout-everywhere. Settings come from the environment; see README.md.
"""
import logging
import os
import re
import threading
import time
from datetime import timedelta

from flask import Blueprint, Flask, jsonify, request
from flask_cors import CORS
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    current_user,
    get_jti,
    get_jwt,
    jwt_required,
)

from mailer import send_mail
from password_policy import password_problem
from password_resets import RateLimit, ResetTokens
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


def read_strings(*names):
    """The body's string fields `names`, or the 400 answer naming the first one missing or empty."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, (jsonify(msg="The request body must be a JSON object"), 400)
    values = []
    for name in names:
        value = body.get(name)
        if not isinstance(value, str) or value == "":
            return None, (jsonify(msg=f"{name} must be a non-empty string"), 400)
        values.append(value)
    return values, None


def create_app():
    app = Flask(__name__)
    app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "change-me-in-production")
    app.config["JWT_ACCESS_TOKEN_EXPIRES"] = env_seconds("ACCESS_TOKEN_SECONDS", 15 * 60)
    app.config["JWT_REFRESH_TOKEN_EXPIRES"] = env_seconds("REFRESH_TOKEN_SECONDS", 30 * 86400)
    issue_refresh_tokens = env_flag("REFRESH_TOKENS")
    field = env_identifier()

    origins = [o.strip() for o in os.environ.get("CORS_ORIGINS", DEFAULT_CORS_ORIGINS).split(",")]
    CORS(
        app,
        origins=[o for o in origins if o],
        allow_headers=["Authorization", "Content-Type"],
        # The app reads the wait from a 429's Retry-After; CORS hides other headers from scripts.
        expose_headers=["Retry-After"],
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
        answer = {"token": issue(create_access_token, user), "user_id": user.id}
        if issue_refresh_tokens:
            answer["refresh_token"] = issue(create_refresh_token, user)
        return answer

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
        user = load_user(jwt_header, jwt_data)
        if user is None:
            return False
        # One crafted with the key may lack `iat`: issued at the epoch, not a 500.
        issued = issued_at.get(jwt_data["jti"], jwt_data.get("iat", 0) * 1_000_000_000)
        return issued < user.tokens_valid_after

    api = Blueprint("api", __name__)

    @api.post("/token")
    def create_token():
        credentials, problem = read_credentials(field)
        if problem is not None:
            return problem
        user = users.authenticate(field, *credentials)
        if user is None:
            return jsonify(msg=f"Bad {field} or password"), 401
        return jsonify(login_answer(user))

    @api.get("/protected")
    @jwt_required()
    def protected():
        return jsonify({"id": current_user.id, field: getattr(current_user, field)})

    if issue_refresh_tokens:

        @api.post("/refresh")
        @jwt_required(refresh=True)
        def refresh():
            return jsonify(access_token=issue(create_access_token, current_user))

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

    # verify_type=False: the app revokes its access token and, when it has one, its refresh token.
    @api.post("/logout")
    @jwt_required(verify_type=False)
    def logout():
        revoked_jtis.add(get_jwt()["jti"])
        return jsonify(msg="Logged out")

    if env_flag("PASSWORD_RESET", default=True):
        add_account_routes(api, users, field, login_answer)

    app.register_blueprint(api, url_prefix=os.environ.get("URL_PREFIX", "").rstrip("/") or None)
    return app


def add_account_routes(api, users, field, login_answer):
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
        return jsonify(login_answer(users.get(current_user.id)))

    @api.post("/logout-everywhere")
    @jwt_required()
    def logout_everywhere():
        users.revoke_tokens(current_user.id)
        return jsonify(msg="Logged out everywhere")


app = create_app()
