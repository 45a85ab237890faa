"""The accounts of the reference backend: in memory, passwords hashed with werkzeug.

The tutorial and the course project keep users in a SQLAlchemy model; a dict keeps this example
free of a database. The seed users are the mock API's (src/mocks/users.ts), so the same logins
work on both. A user has a username, an email, or both; IDENTIFIER says which one logs in.
"""
from dataclasses import dataclass
from threading import Lock
from typing import Optional

from werkzeug.security import check_password_hash, generate_password_hash


@dataclass(frozen=True)
class User:
    id: int
    username: Optional[str]
    email: Optional[str]
    password_hash: str


# The accounts every reference backend and the mock API share: the seed's, one more, and FastAPI's
# tutorial's two (alice is disabled where the framework has the notion; Flask's tutorial has not).
SEED_USERS = [
    ("alesanchezr", "alesanchezr@example.com", "12341234"),
    ("ada", "ada@example.com", "lovelace1815"),
    ("johndoe", "johndoe@example.com", "secret"),
    ("alice", "alice@example.com", "secret2"),
]


class UserStore:
    def __init__(self, seed=SEED_USERS):
        self._lock = Lock()
        self._by_id = {}
        for username, email, password in seed:
            self._add(username, email, password)

    def _add(self, username, email, password):
        user = User(len(self._by_id) + 1, username, email, generate_password_hash(password))
        self._by_id[user.id] = user
        return user

    def create(self, field, identifier, password):
        """A new user whose `field` ("username" or "email") is `identifier`; None if it is taken."""
        with self._lock:
            if self.find(field, identifier) is not None:
                return None
            values = {"username": None, "email": None, field: identifier}
            return self._add(values["username"], values["email"], password)

    def get(self, user_id):
        return self._by_id.get(user_id)

    def find(self, field, identifier):
        """The user whose `field` is exactly `identifier`: no trimming, case-sensitive."""
        return next((u for u in self._by_id.values() if getattr(u, field) == identifier), None)

    def authenticate(self, field, identifier, password):
        user = self.find(field, identifier)
        if user is None or not check_password_hash(user.password_hash, password):
            return None
        return user
