"""
This module takes care of starting the API Server, Loading the DB and Adding the endpoints
"""
import os
from flask import Flask
from flask_migrate import Migrate
from api.models import db
from api.routes import api
from api.commands import setup_commands

# Added for Gatehouse: the tokens, their blocklist, and serving the build
from flask_jwt_extended import JWTManager
from api.models import TokenBlocklist, TokenIssue, User
from api.routes import TOKEN_IN_COOKIES
from gatehouse_static import gatehouse_static

static_file_dir = os.path.join(os.path.dirname(
    os.path.realpath(__file__)), '../dist/')
app = Flask(__name__)
app.url_map.strict_slashes = False

# database condiguration
db_url = os.getenv("DATABASE_URL")
if db_url is not None:
    app.config['SQLALCHEMY_DATABASE_URI'] = db_url.replace(
        "postgres://", "postgresql://")
else:
    app.config['SQLALCHEMY_DATABASE_URI'] = "sqlite:////tmp/test.db"

app.config['SQLALCHEMY_TRACK_MODIFICATIONS'] = False
MIGRATE = Migrate(app, db, compare_type=True)
db.init_app(app)

# JWT: the key that signs the tokens. Without JWT_SECRET_KEY, flask-jwt-extended would sign with
# app.secret_key, which the boilerplate's admin.py sets to the public 'sample key': anyone could
# forge a token. So no key, no start.
if not os.environ.get("JWT_SECRET_KEY"):
    raise RuntimeError(
        "JWT_SECRET_KEY is not set. Add a long random value to .env (and to your host's "
        "environment variables), for example the output of: "
        "python -c 'import secrets; print(secrets.token_hex(32))'"
    )
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
if TOKEN_IN_COOKIES:
    # The token in an httpOnly cookie, and its CSRF value in a readable one that the front end
    # sends back in an X-CSRF-TOKEN header with every POST.
    app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
    app.config["JWT_COOKIE_CSRF_PROTECT"] = True
    app.config["JWT_CSRF_IN_COOKIES"] = True
    # Over https (Render), COOKIE_SECURE=true: the browser then sends the cookies over https only.
    app.config["JWT_COOKIE_SECURE"] = os.environ.get("COOKIE_SECURE", "").lower() == "true"
    # For an API on a sibling host of the front end (api.example.com beside app.example.com).
    app.config["JWT_COOKIE_DOMAIN"] = os.environ.get("COOKIE_DOMAIN") or None
    # Lax: sent with the front end's own requests, not with another site's form posts.
    app.config["JWT_COOKIE_SAMESITE"] = "Lax"
jwt = JWTManager(app)


# The user a token belongs to, as current_user in the routes. A token whose user is gone gets
# 401 {"msg": "Error loading the user <id>"} instead of a crash in the route.
@jwt.user_lookup_loader
def load_user(_jwt_header, jwt_data):
    identity = jwt_data["sub"]
    return db.session.get(User, int(identity)) if str(identity).isdigit() else None


# 401 {"msg": "Token has been revoked"} for a logged-out token (its jti in the blocklist), and for
# one issued before its user's last password change, reset or "log out everywhere".
@jwt.token_in_blocklist_loader
def token_revoked(jwt_header, jwt_data):
    if db.session.query(TokenBlocklist.id).filter_by(jti=jwt_data["jti"]).scalar() is not None:
        return True
    user = load_user(jwt_header, jwt_data)
    if user is None:
        return False  # user_lookup_loader's 401 says why
    issue = db.session.get(TokenIssue, jwt_data["jti"])
    # A token issued before the issue times were kept: its iat, in whole seconds. One crafted
    # with the key may lack `iat`: issued at the epoch, not a 500.
    issued_at = issue.issued_at if issue is not None else jwt_data.get("iat", 0) * 1_000_000_000
    return issued_at < user.tokens_valid_after


# add the commands (flask seed-users)
setup_commands(app)

# Add all endpoints form the API with a "api" prefix
app.register_blueprint(api, url_prefix='/api')

# Gatehouse's build in dist/: /login and /signup prerendered in the reader's language, the app
# for every other page, with the security headers the build wrote. Replaces the boilerplate's
# sitemap() and serve_any_other_file().
app.register_blueprint(gatehouse_static(static_file_dir))


# this only runs if `$ python src/app.py` is executed
if __name__ == '__main__':
    PORT = int(os.environ.get('PORT', 3001))
    app.run(host='0.0.0.0', port=PORT, debug=True)
