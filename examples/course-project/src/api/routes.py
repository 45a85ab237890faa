"""
This module takes care of starting the API Server, Loading the DB and Adding the endpoints
"""
import hashlib
import math
import os
import re
import secrets
import threading
import time
from datetime import datetime, timedelta, timezone

from flask import Blueprint, current_app, jsonify, request
from flask_cors import CORS
from flask_jwt_extended import (
    create_access_token, current_user, decode_token, get_jti, get_jwt, jwt_required,
    set_access_cookies, unset_jwt_cookies)
from flask_jwt_extended.exceptions import CSRFError
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from api.mailer import send_mail
from api.models import (
    PasswordReset, PasswordResetRequest, TokenBlocklist, TokenIssue, User, db)
from api.password_policy import password_problem

api = Blueprint('api', __name__)

# TOKEN_LOCATION=cookies (app.py reads it too): the token travels in an httpOnly cookie that the
# page's scripts cannot read, with flask-jwt-extended's CSRF double submit against forged requests.
TOKEN_IN_COOKIES = os.environ.get("TOKEN_LOCATION", "").strip().lower() == "cookies"

# Allow CORS requests to this API. Keep this line: without it the browser blocks every call from
# a front end on another origin. Retry-After: the front end reads it on a 429 (a rate limiter's).
if not TOKEN_IN_COOKIES:
    CORS(api, expose_headers=["Retry-After"])
else:
    # Cookies cross origins only with credentials, which CORS grants to named origins, never to
    # any: CORS_ORIGINS lists the front end's addresses, comma-separated (none for one host).
    origins = [o.strip() for o in os.environ.get("CORS_ORIGINS", "").split(",") if o.strip()]
    CORS(api, origins=origins, supports_credentials=True,
         allow_headers=["Content-Type", "X-CSRF-TOKEN"], expose_headers=["Retry-After"])

EMAIL_SHAPE = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")


def read_credentials(check_email_shape=False):
    """The body's email and password, or the 400 answer for a body we cannot use."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, (jsonify(msg="The request body must be a JSON object"), 400)
    email, password = body.get("email"), body.get("password")
    if not isinstance(email, str) or email == "":
        return None, (jsonify(msg="email must be a non-empty string"), 400)
    if check_email_shape and not EMAIL_SHAPE.match(email):
        return None, (jsonify(msg="email must be a valid email address"), 400)
    if not isinstance(password, str) or password == "":
        return None, (jsonify(msg="password must be a non-empty string"), 400)
    return (email, password), None


def issue_token(user):
    """An access token for `user`, its issue time kept to the nanosecond for app.py's loader."""
    token = create_access_token(identity=str(user.id))
    now = time.time_ns()
    db.session.add(TokenIssue(jti=get_jti(token), issued_at=now))
    # An expired token is refused anyway: its row can go, so that the table does not grow forever.
    lifetime = current_app.config["JWT_ACCESS_TOKEN_EXPIRES"]  # a timedelta, seconds, or False
    if lifetime is not False:
        seconds = lifetime.total_seconds() if isinstance(lifetime, timedelta) else lifetime
        oldest = now - int(seconds * 1_000_000_000)
        TokenIssue.query.filter(TokenIssue.issued_at < oldest).delete(synchronize_session=False)
    db.session.commit()
    return token


def login_answer(user):
    """POST /token's answer, and POST /password's: the token in the body, or in cookies."""
    token = issue_token(user)
    if not TOKEN_IN_COOKIES:
        return jsonify({"token": token, "user_id": user.id})
    # The token stays out of the body, where the page's scripts would read it.
    response = jsonify({"login": True, "user_id": user.id})
    set_access_cookies(response, token)
    return response


@api.route('/signup', methods=['POST'])
def signup():
    credentials, problem = read_credentials(check_email_shape=True)
    if problem is not None:
        return problem
    email, password = credentials
    weakness = password_problem(password)
    if weakness is not None:
        return jsonify(msg=weakness), 400
    if User.query.filter_by(email=email).first() is not None:
        return jsonify(msg="User already exists"), 409
    # is_active is NOT NULL in the boilerplate's User: leave it out and sign-up fails with a 500.
    user = User(email=email, password=generate_password_hash(password), is_active=True)
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:  # the same email, signed up at the same moment
        db.session.rollback()
        return jsonify(msg="User already exists"), 409
    return jsonify({"id": user.id, "email": user.email}), 201


@api.route('/token', methods=['POST'])
def create_token():
    credentials, problem = read_credentials()
    if problem is not None:
        return problem
    email, password = credentials
    user = User.query.filter_by(email=email).first()
    if user is None or not check_password_hash(user.password, password):
        return jsonify(msg="Bad email or password"), 401
    # The identity must be a string: PyJWT 2.10 and later refuse a number ("Subject must be a string").
    return login_answer(user)


@api.route('/protected', methods=['GET'])
@jwt_required()
def protected():
    # current_user: the User that app.py's user_lookup_loader loaded from the token's identity.
    return jsonify({"id": current_user.id, "email": current_user.email})


if not TOKEN_IN_COOKIES:
    # verify_type=False: the front end revokes its access token (and a refresh token, if it has
    # one).
    @api.route('/logout', methods=['POST'])
    @jwt_required(verify_type=False)
    def logout():
        db.session.add(TokenBlocklist(jti=get_jwt()["jti"]))
        db.session.commit()
        return jsonify(msg="Logged out")
else:
    # Not @jwt_required: logging out clears the cookies even when the token has expired or was
    # revoked, or the browser would keep a cookie it cannot use.
    @api.route('/logout', methods=['POST'])
    def logout():
        jti = cookie_token_jti()
        if jti is not None:
            db.session.add(TokenBlocklist(jti=jti))
            db.session.commit()
        response = jsonify(msg="Logged out")
        unset_jwt_cookies(response)
        return response


def cookie_token_jti():
    """The jti of the access cookie's token, expired or not (None without one this server signed).

    A request that carries the cookie without its CSRF value, as another site's form post would,
    is refused: 401 {"msg": "Missing CSRF token"} (or "CSRF double submit tokens do not match").
    """
    token = request.cookies.get(current_app.config["JWT_ACCESS_COOKIE_NAME"])
    if not token:
        return None
    csrf = request.headers.get(current_app.config["JWT_ACCESS_CSRF_HEADER_NAME"])
    if not csrf:
        raise CSRFError("Missing CSRF token")
    try:
        return decode_token(token, csrf_value=csrf, allow_expired=True)["jti"]
    except CSRFError:
        raise
    except Exception:
        return None  # not a token this server signed: nothing to revoke


# Password reset by e-mail, password change and log out everywhere: the routes of Gatehouse's
# /forgot-password, /reset-password and /account pages.

RESET_LIFETIME = timedelta(minutes=30)
RESET_REQUESTS_PER_HOUR = 5


def utc_now():
    # Naive UTC: what a DateTime column without a time zone gives back, on SQLite and Postgres.
    return datetime.now(timezone.utc).replace(tzinfo=None)


def digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


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


def revoke_tokens(user):
    """Every token issued to `user` until now is refused from now on (app.py's token_revoked)."""
    user.tokens_valid_after = time.time_ns()


def reset_wait(email):
    """Seconds before `email` may ask for a link again, or None after counting this request
    (committed by the caller, with the link if there is one)."""
    now = utc_now()
    hour_ago = now - timedelta(hours=1)
    PasswordResetRequest.query.filter(
        PasswordResetRequest.requested_at <= hour_ago).delete(synchronize_session=False)
    recent = PasswordResetRequest.query.filter_by(email=email).order_by(
        PasswordResetRequest.requested_at).all()
    if len(recent) >= RESET_REQUESTS_PER_HOUR:
        db.session.commit()
        return max(1, math.ceil((recent[0].requested_at - hour_ago).total_seconds()))
    db.session.add(PasswordResetRequest(email=email, requested_at=now))
    return None


@api.route('/password-reset', methods=['POST'])
def request_password_reset():
    values, problem = read_strings("email")
    if problem is not None:
        return problem
    (email,) = values
    # Counted per address typed, known or not, so that the limit tells nothing either.
    wait = reset_wait(email)
    if wait is not None:
        answer = jsonify(msg="Too many reset requests for this account. Try again later.")
        return answer, 429, {"Retry-After": str(wait)}
    user = User.query.filter_by(email=email).first()
    mail = None
    if user is not None:
        token = secrets.token_urlsafe(32)
        db.session.add(PasswordReset(token_hash=digest(token), user_id=user.id,
                                     expires_at=utc_now() + RESET_LIFETIME))
        # In the fragment (#), which browsers never send to a server: not in the app host's
        # logs, nor in a Referer header.
        app_url = os.environ.get("APP_URL", "http://127.0.0.1:5173").rstrip("/")
        link = f"{app_url}/reset-password#token={token}"
        body = (
            "Someone asked to reset the password of your account. To choose a new one, "
            f"open this link within 30 minutes:\n\n{link}\n\n"
            "If it was not you, ignore this message: your password stays as it is."
        )
        mail = (user.email, "Reset your password", body)
    # One write for a known address and an unknown one alike (the request counted, and the link
    # if there is one): how long the answer takes must not tell who has an account.
    db.session.commit()
    if mail is not None:
        # Sent after the answer, so that its timing does not tell whether the account exists.
        threading.Thread(target=send_mail, args=mail, daemon=True).start()
    # The same answer for an unknown address: the page must not tell who has an account.
    return jsonify(msg="If the account exists, a reset link was sent"), 202


@api.route('/password-reset/confirm', methods=['POST'])
def confirm_password_reset():
    values, problem = read_strings("token", "password")
    if problem is not None:
        return problem
    token, password = values
    reset = PasswordReset.query.filter_by(token_hash=digest(token)).first()
    if reset is None or reset.expires_at < utc_now():
        return jsonify(msg="Invalid or expired reset token"), 400
    weakness = password_problem(password)
    if weakness is not None:
        return jsonify(msg=weakness), 400
    # Deleting the row redeems the link: of two requests that carry it, one deletes it.
    if PasswordReset.query.filter_by(id=reset.id).delete(synchronize_session=False) == 0:
        db.session.rollback()
        return jsonify(msg="Invalid or expired reset token"), 400
    user = db.session.get(User, reset.user_id)
    user.password = generate_password_hash(password)
    revoke_tokens(user)
    # The person's other links stop working too: the password they were for is gone.
    PasswordReset.query.filter_by(user_id=user.id).delete(synchronize_session=False)
    db.session.commit()
    return jsonify(msg="Password changed")


@api.route('/password', methods=['POST'])
@jwt_required()
def change_password():
    values, problem = read_strings("current_password", "new_password")
    if problem is not None:
        return problem
    current, new = values
    if not check_password_hash(current_user.password, current):
        return jsonify(msg="Current password is incorrect"), 400
    weakness = password_problem(new)
    if weakness is not None:
        return jsonify(msg=weakness), 400
    current_user.password = generate_password_hash(new)
    revoke_tokens(current_user)
    db.session.commit()
    # This tab goes on with a token issued after the change; every older one is refused.
    return login_answer(current_user)


@api.route('/logout-everywhere', methods=['POST'])
@jwt_required()
def logout_everywhere():
    revoke_tokens(current_user)
    db.session.commit()
    response = jsonify(msg="Logged out everywhere")
    if TOKEN_IN_COOKIES:
        unset_jwt_cookies(response)
    return response
