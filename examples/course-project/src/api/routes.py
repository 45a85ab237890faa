"""
This module takes care of starting the API Server, Loading the DB and Adding the endpoints
"""
import re

from flask import Blueprint, jsonify, request
from flask_cors import CORS
from flask_jwt_extended import create_access_token, current_user, get_jwt, jwt_required
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from api.models import TokenBlocklist, User, db

api = Blueprint('api', __name__)

# Allow CORS requests to this API. Keep this line: without it the browser blocks every call from
# a front end on another origin. Retry-After: the front end reads it on a 429 (a rate limiter's).
CORS(api, expose_headers=["Retry-After"])

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


@api.route('/signup', methods=['POST'])
def signup():
    credentials, problem = read_credentials(check_email_shape=True)
    if problem is not None:
        return problem
    email, password = credentials
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
    return jsonify({"token": create_access_token(identity=str(user.id)), "user_id": user.id})


@api.route('/protected', methods=['GET'])
@jwt_required()
def protected():
    # current_user: the User that app.py's user_lookup_loader loaded from the token's identity.
    return jsonify({"id": current_user.id, "email": current_user.email})


# verify_type=False: the front end revokes its access token (and a refresh token, if it has one).
@api.route('/logout', methods=['POST'])
@jwt_required(verify_type=False)
def logout():
    db.session.add(TokenBlocklist(jti=get_jwt()["jti"]))
    db.session.commit()
    return jsonify(msg="Logged out")
