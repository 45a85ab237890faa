"""Gatehouse's reference backend: the tutorial's Flask + flask-jwt-extended API, done properly.

    pip install -r requirements.txt && flask run      # http://127.0.0.1:5000

POST /token and GET /protected as in the tutorial (the identity is str(user.id): PyJWT 2.10 and
later reject a number), POST /refresh when REFRESH_TOKENS=true. Settings come from the
environment; see README.md.
"""
import os
from datetime import timedelta

from flask import Blueprint, Flask, jsonify, request
from flask_cors import CORS
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    current_user,
    jwt_required,
)

from users import UserStore

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


def read_credentials():
    """The login body's username and password, or the 400 answer for a body we cannot use."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, (jsonify(msg="The request body must be a JSON object"), 400)
    for field in ("username", "password"):
        value = body.get(field)
        if not isinstance(value, str) or value == "":
            return None, (jsonify(msg=f"{field} must be a non-empty string"), 400)
    return (body["username"], body["password"]), None


def create_app():
    app = Flask(__name__)
    app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "change-me-in-production")
    app.config["JWT_ACCESS_TOKEN_EXPIRES"] = env_seconds("ACCESS_TOKEN_SECONDS", 15 * 60)
    app.config["JWT_REFRESH_TOKEN_EXPIRES"] = env_seconds("REFRESH_TOKEN_SECONDS", 30 * 86400)
    issue_refresh_tokens = env_flag("REFRESH_TOKENS")

    origins = [o.strip() for o in os.environ.get("CORS_ORIGINS", DEFAULT_CORS_ORIGINS).split(",")]
    CORS(app, origins=[o for o in origins if o], allow_headers=["Authorization", "Content-Type"])

    jwt = JWTManager(app)
    users = UserStore()

    # flask-jwt-extended's automatic user loading: a token whose user is gone gets its 401
    # {"msg": "Error loading the user <id>"} instead of a crash in the view.
    @jwt.user_lookup_loader
    def load_user(_jwt_header, jwt_data):
        identity = jwt_data["sub"]
        return users.get(int(identity)) if str(identity).isdigit() else None

    api = Blueprint("api", __name__)

    @api.post("/token")
    def create_token():
        credentials, problem = read_credentials()
        if problem is not None:
            return problem
        user = users.authenticate(*credentials)
        if user is None:
            return jsonify(msg="Bad username or password"), 401
        answer = {"token": create_access_token(identity=str(user.id)), "user_id": user.id}
        if issue_refresh_tokens:
            answer["refresh_token"] = create_refresh_token(identity=str(user.id))
        return jsonify(answer)

    @api.get("/protected")
    @jwt_required()
    def protected():
        return jsonify(id=current_user.id, username=current_user.username)

    if issue_refresh_tokens:

        @api.post("/refresh")
        @jwt_required(refresh=True)
        def refresh():
            return jsonify(access_token=create_access_token(identity=str(current_user.id)))

    app.register_blueprint(api, url_prefix=os.environ.get("URL_PREFIX", "").rstrip("/") or None)
    return app


app = create_app()
