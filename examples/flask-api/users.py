"""The accounts of the reference backend: in memory, passwords hashed with werkzeug.

The tutorial and the course project keep users in a SQLAlchemy model; a dict keeps this example
free of a database. The seed users come from examples/seed-users.json, which the mock API and the
other reference backends read too, so the same logins work on all of them. A user has a username,
an email, or both; IDENTIFIER says which one logs in.
"""
import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from threading import Lock
from typing import Optional

from werkzeug.security import check_password_hash, generate_password_hash


@dataclass(frozen=True)
class User:
    id: int
    username: Optional[str]
    email: Optional[str]
    password_hash: str
    # Tokens issued before this time (time.time_ns()) are revoked: set by a password change, a
    # reset and "log out everywhere".
    tokens_valid_after: int = 0


# The accounts every reference backend and the mock API share: the seed's, one more, and FastAPI's
# tutorial's two. Flask's tutorial has no notion of a disabled user, so full_name and disabled are
# not read here: alice logs in like the others.
DEFAULT_SEED_USERS_FILE = Path(__file__).resolve().parent.parent / "seed-users.json"


def load_seed_users():
    """The seed users as (id, username, email, password), from SEED_USERS_FILE if it is set."""
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
    return [(u["id"], u["username"], u["email"], u["password"]) for u in users]


class UserStore:
    def __init__(self, seed=None):
        self._lock = Lock()
        self._by_id = {}
        for user_id, username, email, password in load_seed_users() if seed is None else seed:
            self._add(user_id, username, email, password)

    def _add(self, user_id, username, email, password):
        user = User(user_id, username, email, generate_password_hash(password))
        self._by_id[user.id] = user
        return user

    def create(self, field, identifier, password):
        """A new user whose `field` ("username" or "email") is `identifier`; None if it is taken."""
        with self._lock:
            if self.find(field, identifier) is not None:
                return None
            values = {"username": None, "email": None, field: identifier}
            user_id = max(self._by_id, default=0) + 1
            return self._add(user_id, values["username"], values["email"], password)

    def set_password(self, user_id, password):
        """Stores the new password's hash and revokes every token issued to the user so far."""
        with self._lock:
            user = self._by_id[user_id]
            self._by_id[user_id] = replace(
                user,
                password_hash=generate_password_hash(password),
                tokens_valid_after=time.time_ns(),
            )

    def revoke_tokens(self, user_id):
        """Every token issued to the user until now stops working."""
        with self._lock:
            self._by_id[user_id] = replace(self._by_id[user_id], tokens_valid_after=time.time_ns())

    def get(self, user_id):
        return self._by_id.get(user_id)

    def find(self, field, identifier):
        """The user whose `field` is exactly `identifier`: no trimming, case-sensitive."""
        return next((u for u in self._by_id.values() if getattr(u, field) == identifier), None)

    def authenticate(self, field, identifier, password):
        user = self.find(field, identifier)
        if user is None or not self.has_password(user, password):
            return None
        return user

    @staticmethod
    def has_password(user, password):
        return check_password_hash(user.password_hash, password)
