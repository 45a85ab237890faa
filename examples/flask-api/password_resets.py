"""Password-reset links and the limit on asking for them, in memory like the users.

A reset token is 32 random bytes, URL-safe; only its SHA-256 is kept, so a leaked store does not
leak working links. It works once, for 30 minutes, and a new password voids the person's others.
"""
import hashlib
import secrets
import time
from collections import deque
from threading import Lock

RESET_LIFETIME_SECONDS = 30 * 60
RESET_REQUESTS_PER_HOUR = 5


def _digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ResetTokens:
    def __init__(self, clock=time.time):
        self._clock = clock
        self._lock = Lock()
        self._by_digest = {}

    def create(self, user_id):
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._by_digest[_digest(token)] = (user_id, self._clock() + RESET_LIFETIME_SECONDS)
        return token

    def is_valid(self, token):
        """Whether the token would be redeemed now, without using it up."""
        with self._lock:
            found = self._by_digest.get(_digest(token))
            return found is not None and found[1] >= self._clock()

    def redeem(self, token):
        """The user id the token was made for, once; None for an unknown, used or expired one."""
        with self._lock:
            found = self._by_digest.pop(_digest(token), None)
            if found is None or found[1] < self._clock():
                return None
            user_id = found[0]
            # The password changes now: the person's other links stop working too.
            for digest, (owner, _) in list(self._by_digest.items()):
                if owner == user_id:
                    del self._by_digest[digest]
            return user_id


class RateLimit:
    """At most `limit` requests per `window` seconds for one key; the rest learn how long to wait."""

    def __init__(self, limit=RESET_REQUESTS_PER_HOUR, window=3600, clock=time.time):
        self._limit, self._window, self._clock = limit, window, clock
        self._lock = Lock()
        self._hits = {}
        self._next_sweep = 0

    def retry_after(self, key):
        """Seconds to wait before `key` may ask again, or None after counting this request."""
        now = self._clock()
        with self._lock:
            if now >= self._next_sweep:
                # Keys whose requests have all left the window go, now and then: names typed
                # once (any string at all) must not stay in memory for as long as the server runs.
                for stale in [k for k, h in self._hits.items() if h[-1] <= now - self._window]:
                    del self._hits[stale]
                self._next_sweep = now + 60
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self._window:
                hits.popleft()
            if len(hits) >= self._limit:
                return max(1, int(hits[0] + self._window - now + 0.999))
            hits.append(now)
            return None
