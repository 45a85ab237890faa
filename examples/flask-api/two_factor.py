"""Two-step verification: TOTP codes (RFC 6238), recovery codes, and the login's second step.

In memory, like the users. The TOTP secret is kept in clear: the server must compute the codes.
Recovery codes are kept as SHA-256 digests only; 50 random bits each need no slow hash, since
nobody can try 2**50 guesses against a login.
"""
import base64
import hashlib
import hmac
import os
import re
import secrets
import time
import uuid
from dataclasses import dataclass
from functools import partial
from threading import Lock
from typing import Optional

import jwt
import pyotp
from flask import current_app, jsonify, request
from flask_jwt_extended import current_user, jwt_required

from bodies import read_strings

TOTP_STEP_SECONDS = 30
MFA_TOKEN_SECONDS = 5 * 60
MFA_WRONG_CODES_ALLOWED = 5
RECOVERY_CODE_COUNT = 10
# No 0/o, 1/i/l: the codes are read off paper and typed by hand.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
MFA_TOKEN_TYPE = "mfa"


def new_secret():
    # 20 bytes are exactly 32 base32 characters: no padding to strip.
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def new_recovery_code():
    code = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
    return f"{code[:5]}-{code[5:]}"


def recovery_digest(code):
    normalised = re.sub(r"[\s-]", "", code.lower())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def current_step():
    return int(time.time()) // TOTP_STEP_SECONDS


def matching_step(secret, code, after_step):
    """The time step (now, or one either way for a slow clock) whose code is `code`, if it is
    later than `after_step`, the step of the last code accepted; else None."""
    code = re.sub(r"\s", "", code)
    if not re.fullmatch(r"[0-9]{6}", code):
        return None
    totp = pyotp.TOTP(secret)
    now = current_step()
    for step in (now - 1, now, now + 1):
        if step > after_step and hmac.compare_digest(totp.at(step * TOTP_STEP_SECONDS), code):
            return step
    return None


@dataclass
class Factors:
    secret: Optional[str] = None
    pending_secret: Optional[str] = None
    # Kept when the factor is turned off: a code once accepted stays used, whatever the secret.
    last_step: int = -1
    recovery_digests: frozenset = frozenset()


class TwoFactorStore:
    def __init__(self):
        self._lock = Lock()
        self._by_user = {}

    def _factors(self, user_id):
        return self._by_user.setdefault(user_id, Factors())

    def status(self, user_id):
        """(whether it is on, how many recovery codes are left)."""
        with self._lock:
            factors = self._factors(user_id)
            return factors.secret is not None, len(factors.recovery_digests)

    def is_on(self, user_id):
        return self.status(user_id)[0]

    def start_setup(self, user_id):
        """A new pending secret, replacing an earlier one; None when the factor is already on."""
        with self._lock:
            factors = self._factors(user_id)
            if factors.secret is not None:
                return None
            factors.pending_secret = new_secret()
            return factors.pending_secret

    def enable(self, user_id, code):
        """The recovery codes, or the 4xx answer's (status, message)."""
        with self._lock:
            factors = self._factors(user_id)
            if factors.secret is not None:
                return None, (409, "Two-step verification is already on")
            if factors.pending_secret is None:
                return None, (400, "Set up two-step verification first")
            step = matching_step(factors.pending_secret, code, factors.last_step)
            if step is None:
                return None, (400, "Invalid code")
            codes = [new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
            factors.secret, factors.pending_secret = factors.pending_secret, None
            factors.last_step = step
            factors.recovery_digests = frozenset(recovery_digest(c) for c in codes)
            return codes, None

    def disable(self, user_id):
        with self._lock:
            factors = self._factors(user_id)
            factors.secret = factors.pending_secret = None
            factors.recovery_digests = frozenset()

    def use_code(self, user_id, code):
        """Whether `code` is a TOTP code not used before; if so, nothing older works any more."""
        with self._lock:
            factors = self._factors(user_id)
            if factors.secret is None:
                return False
            step = matching_step(factors.secret, code, factors.last_step)
            if step is None:
                return False
            factors.last_step = step
            return True

    def use_recovery_code(self, user_id, code):
        """Whether `code` is one of the user's recovery codes; if so, it is used up."""
        with self._lock:
            factors = self._factors(user_id)
            if factors.secret is None:
                return False
            digest = recovery_digest(code)
            if digest not in factors.recovery_digests:
                return False
            factors.recovery_digests -= {digest}
            return True


class MfaAttempts:
    """What became of each mfa_token: wrong codes sent with it, and whether it logged someone in.

    A record lives as long as its token, then goes, so memory stays bounded by the logins of the
    last five minutes.
    """

    def __init__(self):
        self._lock = Lock()
        self._by_jti = {}

    def attempt(self, jti, expires_at, check):
        """"used", "locked", "wrong" or "ok"; `check()` runs under the lock, so that two requests
        with one token cannot both log in, nor both slip under the limit of wrong codes."""
        with self._lock:
            now = time.time()
            for stale in [j for j, r in self._by_jti.items() if r["expires_at"] < now]:
                del self._by_jti[stale]
            record = self._by_jti.setdefault(
                jti, {"wrong": 0, "used": False, "expires_at": expires_at}
            )
            if record["used"]:
                return "used"
            if record["wrong"] >= MFA_WRONG_CODES_ALLOWED:
                return "locked"
            if not check():
                record["wrong"] += 1
                return "wrong"
            record["used"] = True
            return "ok"


def create_mfa_token(user):
    now = int(time.time())
    claims = {
        "sub": str(user.id),
        "type": MFA_TOKEN_TYPE,
        "jti": str(uuid.uuid4()),
        "iat": now,
        "nbf": now,
        "exp": now + MFA_TOKEN_SECONDS,
    }
    return jwt.encode(claims, current_app.config["JWT_SECRET_KEY"], algorithm="HS256")


def read_mfa_token(token, users):
    """(user, claims), or the answer for a token that cannot go on to the code check."""
    try:
        claims = jwt.decode(
            token,
            current_app.config["JWT_SECRET_KEY"],
            algorithms=["HS256"],
            options={"require": ["exp"]},
        )
    except jwt.ExpiredSignatureError:
        return None, (jsonify(msg="Token has expired"), 401)
    except jwt.InvalidTokenError:
        return None, (jsonify(msg="Invalid verification token"), 422)
    subject, jti = claims.get("sub"), claims.get("jti")
    user = None
    if isinstance(subject, str) and re.fullmatch(r"[0-9]+", subject):
        user = users.get(int(subject))
    if claims.get("type") != MFA_TOKEN_TYPE or not isinstance(jti, str) or user is None:
        return None, (jsonify(msg="Invalid verification token"), 422)
    return (user, claims), None


def add_two_factor_routes(api, users, field, login_answer):
    """The /2fa routes and POST /token/2fa. Returns second_step(user): the answer that asks a
    password or passkey login for its second step, or None when the user has the factor off."""
    store = TwoFactorStore()
    attempts = MfaAttempts()
    issuer = os.environ.get("TOTP_ISSUER", "").strip() or "Gatehouse"

    def second_step(user):
        if not store.is_on(user.id):
            return None
        return jsonify(mfa_required=True, mfa_token=create_mfa_token(user))

    @api.get("/2fa")
    @jwt_required()
    def two_factor_status():
        enabled, left = store.status(current_user.id)
        return jsonify(enabled=enabled, recovery_codes_left=left)

    @api.post("/2fa/setup")
    @jwt_required()
    def two_factor_setup():
        secret = store.start_setup(current_user.id)
        if secret is None:
            return jsonify(msg="Two-step verification is already on"), 409
        identifier = getattr(current_user, field)
        uri = pyotp.TOTP(secret).provisioning_uri(name=identifier, issuer_name=issuer)
        return jsonify(secret=secret, otpauth_uri=uri)

    @api.post("/2fa/enable")
    @jwt_required()
    def two_factor_enable():
        values, problem = read_strings("code")
        if problem is not None:
            return problem
        codes, refusal = store.enable(current_user.id, values[0])
        if refusal is not None:
            status, message = refusal
            return jsonify(msg=message), status
        return jsonify(recovery_codes=codes)

    @api.post("/2fa/disable")
    @jwt_required()
    def two_factor_disable():
        values, problem = read_strings("password")
        if problem is not None:
            return problem
        if not users.has_password(current_user, values[0]):
            return jsonify(msg="Current password is incorrect"), 400
        store.disable(current_user.id)
        return jsonify(msg="Two-step verification is off")

    @api.post("/token/2fa")
    def token_second_step():
        values, problem = read_strings("mfa_token")
        if problem is not None:
            return problem
        body = request.get_json(silent=True)
        code, recovery_code = body.get("code"), body.get("recovery_code")
        typed_code = isinstance(code, str) and code != ""
        if not typed_code and not (isinstance(recovery_code, str) and recovery_code != ""):
            return jsonify(msg="code or recovery_code must be a non-empty string"), 400
        found, refusal = read_mfa_token(values[0], users)
        if refusal is not None:
            return refusal
        user, claims = found
        if typed_code:
            check = partial(store.use_code, user.id, code)
        else:
            check = partial(store.use_recovery_code, user.id, recovery_code)
        outcome = attempts.attempt(claims["jti"], claims["exp"], check)
        if outcome == "used":
            return jsonify(msg="Token has been revoked"), 401
        if outcome == "locked":
            return jsonify(msg="Too many wrong codes. Log in again."), 429
        if outcome == "wrong":
            return jsonify(msg="Invalid code"), 401
        return login_answer(user)

    return second_step

