"""Passkeys (WebAuthn): registering one, signing in with it, listing and removing them.

fido2 checks what the authenticator sent: the client data, the CBOR attestation object, the COSE
public key and the signature. The JSON the browser's toJSON() and parse…FromJSON() speak, with
binary fields in base64url, is converted here: fido2 0.9 predates it.
"""
import base64
import os
import re
import time
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from enum import Enum
from threading import Lock
from typing import Optional

import jwt
from fido2.client import ClientData
from fido2.cose import ES256, RS256
from fido2.ctap2 import AttestationObject, AttestedCredentialData, AuthenticatorData
from fido2.server import Fido2Server
from fido2.utils import websafe_encode
from fido2.webauthn import PublicKeyCredentialParameters, PublicKeyCredentialRpEntity
from flask import current_app, jsonify, request
from flask_jwt_extended import current_user, jwt_required

from bodies import read_strings

DEFAULT_ORIGINS = "http://localhost:5173,http://localhost:4173"
# The browser's own timeout and the server's: a ceremony left longer than this starts over.
CEREMONY_SECONDS = 120
ALGORITHMS = (ES256.ALGORITHM, RS256.ALGORITHM)
USER_VERIFICATION = "preferred"
LOGIN_STATE_TYPE = "webauthn-login"
NAME_MAX_LENGTH = 64


def from_b64url(text):
    """The bytes of unpadded base64url `text`; ValueError for anything else, where Python's own
    decoder would skip stray characters."""
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def to_json(value):
    """fido2's options (dicts holding bytes and enums) as the browser's JSON options."""
    if isinstance(value, bytes):
        return websafe_encode(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json(item) for item in value]
    return value


def utc_now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def user_handle(user_id):
    return str(user_id).encode("utf-8")


@dataclass(frozen=True)
class Passkey:
    user_id: int
    credential: AttestedCredentialData
    name: str
    created_at: str
    last_used_at: Optional[str] = None
    sign_count: int = 0

    @property
    def id(self):
        return websafe_encode(self.credential.credential_id)

    def summary(self):
        return {"id": self.id, "name": self.name, "created_at": self.created_at}


class PasskeyStore:
    def __init__(self):
        self._lock = Lock()
        # By credential id, in the order they were added: a user's list is oldest first.
        self._by_id = {}

    def add(self, passkey):
        """False when that credential is registered already, to this user or another."""
        with self._lock:
            if passkey.credential.credential_id in self._by_id:
                return False
            self._by_id[passkey.credential.credential_id] = passkey
            return True

    def get(self, credential_id):
        with self._lock:
            return self._by_id.get(credential_id)

    def of_user(self, user_id):
        with self._lock:
            return [p for p in self._by_id.values() if p.user_id == user_id]

    def remove(self, user_id, credential_id):
        with self._lock:
            found = self._by_id.get(credential_id)
            if found is None or found.user_id != user_id:
                return False
            del self._by_id[credential_id]
            return True

    def record_sign_in(self, credential_id, sign_count):
        with self._lock:
            found = self._by_id.get(credential_id)
            if found is not None:
                self._by_id[credential_id] = replace(
                    found, last_used_at=utc_now(), sign_count=sign_count
                )


class Expiring:
    """Keys remembered for CEREMONY_SECONDS, each with a value; expired ones are swept out."""

    def __init__(self):
        self._lock = Lock()
        self._items = {}

    def _sweep(self, now):
        for stale in [k for k, (_, until) in self._items.items() if until < now]:
            del self._items[stale]

    def put(self, key, value):
        """Remembers `value` under `key`, replacing what was there."""
        with self._lock:
            now = time.time()
            self._sweep(now)
            self._items[key] = (value, now + CEREMONY_SECONDS)

    def take(self, key):
        """The value put under `key`, once, if it has not expired; else None."""
        with self._lock:
            value, until = self._items.pop(key, (None, 0))
            return value if until >= time.time() else None

    def first_time(self, key):
        """True the first time `key` is seen, False for as long as it is remembered."""
        with self._lock:
            now = time.time()
            self._sweep(now)
            if key in self._items:
                return False
            self._items[key] = (True, now + CEREMONY_SECONDS)
            return True


def fido2_server():
    rp_id = os.environ.get("WEBAUTHN_RP_ID", "").strip() or "localhost"
    rp_name = os.environ.get("WEBAUTHN_RP_NAME", "").strip() or "Gatehouse"
    origins = os.environ.get("WEBAUTHN_ORIGIN", "").strip() or DEFAULT_ORIGINS
    allowed = tuple(o.strip() for o in origins.split(",") if o.strip())
    # fido2's own origin check wants https and a host under the RP ID; the list of origins lets
    # http://localhost in for development, and nothing that is not listed.
    server = Fido2Server(
        PublicKeyCredentialRpEntity(rp_id, rp_name),
        attestation="none",
        verify_origin=lambda origin: origin in allowed,
    )
    server.timeout = CEREMONY_SECONDS * 1000
    server.allowed_algorithms = [PublicKeyCredentialParameters("public-key", a) for a in ALGORITHMS]
    return server


def create_login_state(challenge):
    now = int(time.time())
    claims = {
        "type": LOGIN_STATE_TYPE,
        "challenge": challenge,
        "jti": str(uuid.uuid4()),
        "iat": now,
        "exp": now + CEREMONY_SECONDS,
    }
    return jwt.encode(claims, current_app.config["JWT_SECRET_KEY"], algorithm="HS256")


def read_login_state(token):
    """The state's claims, or None for one that is forged, expired or of another kind."""
    try:
        claims = jwt.decode(
            token,
            current_app.config["JWT_SECRET_KEY"],
            algorithms=["HS256"],
            options={"require": ["exp"]},
        )
    except jwt.InvalidTokenError:
        return None
    if (
        claims.get("type") != LOGIN_STATE_TYPE
        or not isinstance(claims.get("challenge"), str)
        or not isinstance(claims.get("jti"), str)
    ):
        return None
    return claims


def verified_registration(server, state, credential):
    """The new credential (id and public key) from a RegistrationResponseJSON, or an exception."""
    response = credential["response"]
    client_data = ClientData(from_b64url(response["clientDataJSON"]))
    attestation = AttestationObject(from_b64url(response["attestationObject"]))
    attested = server.register_complete(state, client_data, attestation).credential_data
    if attested is None or attested.public_key.ALGORITHM not in ALGORITHMS:
        raise ValueError("no ES256 or RS256 credential in the attestation")
    return attested


def verified_assertion(server, store, users, challenge, credential):
    """(passkey, user, authenticator data) from an AuthenticationResponseJSON, or an exception."""
    credential_id = from_b64url(credential["id"])
    response = credential["response"]
    passkey = store.get(credential_id)
    if passkey is None or from_b64url(response["userHandle"]) != user_handle(passkey.user_id):
        raise ValueError("unknown credential, or not this user's")
    user = users.get(passkey.user_id)
    if user is None:
        raise ValueError("the passkey's user is gone")
    auth_data = AuthenticatorData(from_b64url(response["authenticatorData"]))
    server.authenticate_complete(
        {"challenge": challenge, "user_verification": USER_VERIFICATION},
        [passkey.credential],
        credential_id,
        ClientData(from_b64url(response["clientDataJSON"])),
        auth_data,
        from_b64url(response["signature"]),
    )
    return passkey, user, auth_data


def add_passkey_routes(api, users, field, login_answer, second_step):
    """The /webauthn routes. `second_step(user)` is two-step verification's answer asking for a
    code, or None when the user has it off."""
    server = fido2_server()
    store = PasskeyStore()
    registrations = Expiring()
    used_login_states = Expiring()

    @api.post("/webauthn/register/begin")
    @jwt_required()
    def register_begin():
        identifier = getattr(current_user, field)
        options, state = server.register_begin(
            {
                "id": user_handle(current_user.id),
                "name": identifier,
                "displayName": identifier,
            },
            credentials=[p.credential for p in store.of_user(current_user.id)],
            resident_key=True,
            user_verification=USER_VERIFICATION,
        )
        registrations.put(current_user.id, state)
        public_key = to_json(options["publicKey"])
        # fido2 0.9 writes only Level 1's requireResidentKey; today's browsers read residentKey.
        public_key["authenticatorSelection"]["residentKey"] = "required"
        return jsonify(publicKey=public_key)

    @api.post("/webauthn/register/complete")
    @jwt_required()
    def register_complete():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify(msg="The request body must be a JSON object"), 400
        name = body.get("name")
        name = name.strip() if isinstance(name, str) else ""
        if name == "":
            return jsonify(msg="name must be a non-empty string"), 400
        if len(name) > NAME_MAX_LENGTH:
            return jsonify(msg=f"name must be at most {NAME_MAX_LENGTH} characters"), 400
        state = registrations.take(current_user.id)
        if state is None:
            return jsonify(msg="No passkey registration in progress"), 400
        # Whatever is malformed (JSON, base64url, CBOR, COSE) or fails a check gets one answer.
        try:
            attested = verified_registration(server, state, body.get("credential"))
        except Exception:
            return jsonify(msg="Passkey could not be verified"), 400
        passkey = Passkey(current_user.id, attested, name, utc_now())
        if not store.add(passkey):
            return jsonify(msg="This passkey is already registered"), 400
        return jsonify(passkey.summary()), 201

    @api.get("/webauthn/credentials")
    @jwt_required()
    def list_passkeys():
        return jsonify(
            [
                {**p.summary(), "last_used_at": p.last_used_at}
                for p in store.of_user(current_user.id)
            ]
        )

    @api.delete("/webauthn/credentials/<credential_id>")
    @jwt_required()
    def remove_passkey(credential_id):
        try:
            removed = store.remove(current_user.id, from_b64url(credential_id))
        except ValueError:
            removed = False
        if not removed:
            return jsonify(msg="Passkey not found"), 404
        return "", 204

    @api.post("/webauthn/login/begin")
    def login_begin():
        # No allowCredentials: the passkey itself tells who signs in (a discoverable credential).
        options, state = server.authenticate_begin([], user_verification=USER_VERIFICATION)
        return jsonify(
            publicKey=to_json(options["publicKey"]),
            state=create_login_state(state["challenge"]),
        )

    @api.post("/webauthn/login/complete")
    def login_complete():
        values, problem = read_strings("state")
        if problem is not None:
            return problem
        claims = read_login_state(values[0])
        # Used once, by any attempt: a state seen by an attacker cannot be tried again. A used
        # state is remembered as long as it would be valid.
        if claims is None or not used_login_states.first_time(claims["jti"]):
            return jsonify(msg="Passkey sign-in expired. Try again."), 400
        credential = request.get_json(silent=True).get("credential")
        # As on registration: whatever is wrong with the credential gets one answer.
        try:
            passkey, user, auth_data = verified_assertion(
                server, store, users, claims["challenge"], credential
            )
        except Exception:
            return jsonify(msg="Passkey not recognised"), 401
        store.record_sign_in(passkey.credential.credential_id, auth_data.counter)
        # Without user verification (a PIN, a fingerprint) the passkey is one factor only.
        if not auth_data.is_user_verified():
            ask_code = second_step(user)
            if ask_code is not None:
                return ask_code
        return login_answer(user)
