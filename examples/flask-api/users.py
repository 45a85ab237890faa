"""The accounts of the reference backend: in memory, passwords hashed with werkzeug.

The tutorial keeps users in a SQLAlchemy model; a dict keeps this example free of a database.
The seed users are the mock API's (src/mocks/users.ts), so the same logins work on both.
"""
from dataclasses import dataclass
from threading import Lock

from werkzeug.security import check_password_hash, generate_password_hash


@dataclass(frozen=True)
class User:
    id: int
    username: str
    password_hash: str


SEED_USERS = [
    ("alesanchezr", "12341234"),
    ("ada", "lovelace1815"),
]


class UserStore:
    def __init__(self, seed=SEED_USERS):
        self._lock = Lock()
        self._by_id = {}
        for username, password in seed:
            self.add(username, password)

    def add(self, username, password):
        with self._lock:
            user = User(len(self._by_id) + 1, username, generate_password_hash(password))
            self._by_id[user.id] = user
            return user

    def get(self, user_id):
        return self._by_id.get(user_id)

    def authenticate(self, username, password):
        """The user whose username is exactly `username` and whose password matches, or None."""
        user = next((u for u in self._by_id.values() if u.username == username), None)
        if user is None or not check_password_hash(user.password_hash, password):
            return None
        return user
