"""Gatehouse's reference backend: the tutorial's Flask + flask-jwt-extended API, done properly, with
the course project's sign-up and server-side logout.

    pip install -r requirements.txt && flask run      # http://127.0.0.1:5000

POST /token and GET /protected as in the tutorial (the identity is str(user.id): PyJWT 2.10 and
later reject a number), POST /refresh when REFRESH_TOKENS=true, POST /signup unless SIGNUP=false,
and POST /logout, which puts the token on a blocklist. Settings come from the environment; see
README.md.
"""
import os
import re
from datetime import timedelta

from flask import Blueprint, Flask, jsonify, request
from flask_cors import CORS
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    current_user,
    get_jwt,
    jwt_required,
)

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


def create_app():
    app = Flask(__name__)
    app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "change-me-in-production")
    app.config["JWT_ACCESS_TOKEN_EXPIRES"] = env_seconds("ACCESS_TOKEN_SECONDS", 15 * 60)
    app.config["JWT_REFRESH_TOKEN_EXPIRES"] = env_seconds("REFRESH_TOKEN_SECONDS", 30 * 86400)
    issue_refresh_tokens = env_flag("REFRESH_TOKENS")
    field = env_identifier()

    origins = [o.strip() for o in os.environ.get("CORS_ORIGINS", DEFAULT_CORS_ORIGINS).split(",")]
    CORS(app, origins=[o for o in origins if o], allow_headers=["Authorization", "Content-Type"])

    jwt = JWTManager(app)
    users = UserStore()
    # In memory, like the users: a real deployment keeps it in its database or in Redis.
    revoked_jtis = set()

    # flask-jwt-extended's automatic user loading: a token whose user is gone gets its 401
    # {"msg": "Error loading the user <id>"} instead of a crash in the view.
    @jwt.user_lookup_loader
    def load_user(_jwt_header, jwt_data):
        identity = jwt_data["sub"]
        return users.get(int(identity)) if str(identity).isdigit() else None

    # Any later use of a logged-out token gets 401 {"msg": "Token has been revoked"}.
    @jwt.token_in_blocklist_loader
    def is_revoked(_jwt_header, jwt_data):
        return jwt_data["jti"] in revoked_jtis

    api = Blueprint("api", __name__)

    @api.post("/token")
    def create_token():
        credentials, problem = read_credentials(field)
        if problem is not None:
            return problem
        user = users.authenticate(field, *credentials)
        if user is None:
            return jsonify(msg=f"Bad {field} or password"), 401
        answer = {"token": create_access_token(identity=str(user.id)), "user_id": user.id}
        if issue_refresh_tokens:
            answer["refresh_token"] = create_refresh_token(identity=str(user.id))
        return jsonify(answer)

    @api.get("/protected")
    @jwt_required()
    def protected():
        return jsonify({"id": current_user.id, field: getattr(current_user, field)})

    if issue_refresh_tokens:

        @api.post("/refresh")
        @jwt_required(refresh=True)
        def refresh():
            return jsonify(access_token=create_access_token(identity=str(current_user.id)))

    if env_flag("SIGNUP", default=True):

        @api.post("/signup")
        def signup():
            credentials, problem = read_credentials(field, signup=True)
            if problem is not None:
                return problem
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

    app.register_blueprint(api, url_prefix=os.environ.get("URL_PREFIX", "").rstrip("/") or None)
    return app


app = create_app()
