"""The accounts: in memory, seeded at every start, passwords hashed with the standard library.

The tutorial keeps a fake_users_db dict and hashes with passlib/pwdlib; neither library is a
dependency here, so PBKDF2 from hashlib stands in. The users come from examples/seed-users.json,
the list the mock API and the other reference backends share: the first two are the mock API's,
the last two the tutorial's.
"""
import hashlib
import hmac
import json
import os
import time
from pathlib import Path
from typing import Optional

from pydantic import BaseModel

ITERATIONS = 600_000  # OWASP's recommendation for PBKDF2-HMAC-SHA256


class User(BaseModel):
    username: str
    email: Optional[str] = None
    full_name: Optional[str] = None
    disabled: Optional[bool] = None


class UserInDB(User):
    hashed_password: str
    # Tokens issued before this time (time.time_ns()) are revoked: set by a password change, a
    # reset and "log out everywhere".
    tokens_valid_after: int = 0


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, hashed_password: str) -> bool:
    _, iterations, salt, digest = hashed_password.split("$")
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(candidate.hex(), digest)


DEFAULT_SEED_USERS_FILE = Path(__file__).resolve().parent.parent / "seed-users.json"


def load_seed_users():
    """The seed users as (username, password, email, full_name, disabled), from SEED_USERS_FILE
    if it is set. Their ids are not read: the tutorial's users have none."""
    path = Path(os.environ.get("SEED_USERS_FILE") or DEFAULT_SEED_USERS_FILE)
    try:
        with open(path, encoding="utf-8") as file:
            users = json.load(file)
    except FileNotFoundError:
        raise RuntimeError(
            f"The seed users file {path} does not exist. It is examples/seed-users.json in the "
            "Gatehouse repository; set SEED_USERS_FILE to its path when this app runs elsewhere."
        ) from None
    except json.JSONDecodeError as error:
        raise RuntimeError(f"The seed users file {path} is not valid JSON: {error}") from None
    return [
        (u["username"], u["password"], u["email"], u["full_name"], u["disabled"]) for u in users
    ]


users_db = {
    username: UserInDB(
        username=username,
        email=email,
        full_name=full_name,
        disabled=disabled,
        hashed_password=hash_password(password),
    )
    for username, password, email, full_name, disabled in load_seed_users()
}

# Checked against when the username is unknown, so that a wrong name costs as much time as a
# wrong password and the response time does not tell which usernames exist.
DUMMY_HASH = hash_password("dummy password")


def get_user(username: str) -> Optional[UserInDB]:
    """The user whose username is exactly `username`: no trimming, case-sensitive."""
    return users_db.get(username)


def set_password(user: UserInDB, password: str) -> None:
    """Stores the new password's hash and revokes every token issued to the user so far."""
    user.hashed_password = hash_password(password)
    revoke_tokens(user)


def revoke_tokens(user: UserInDB) -> None:
    """Every token issued to the user until now stops working."""
    user.tokens_valid_after = time.time_ns()


def authenticate_user(username: str, password: str) -> Optional[UserInDB]:
    user = get_user(username)
    if user is None:
        verify_password(password, DUMMY_HASH)
        return None
    if not verify_password(password, user.hashed_password):
        return None
    return user
