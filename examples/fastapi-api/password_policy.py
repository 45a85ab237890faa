"""The password policy for sign-up, reset and change: at least 8 characters, not digits only, not
one of the common passwords. The messages are the ones Django's validators use, so every reference
backend words a refusal the same way. Existing accounts keep their passwords.
"""
from functools import lru_cache
from pathlib import Path

MINIMUM_LENGTH = 8

# Django's CommonPasswordValidator list (19,726 passwords, lowercased), shared by the mock API.
DEFAULT_COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent.parent / "common-passwords.txt"


@lru_cache(maxsize=1)
def common_passwords(path=DEFAULT_COMMON_PASSWORDS_FILE):
    try:
        with open(path, encoding="utf-8") as file:
            return frozenset(line.strip() for line in file if line.strip())
    except FileNotFoundError:
        raise RuntimeError(
            f"The common passwords file {path} does not exist. It is examples/common-passwords.txt "
            "in the Gatehouse repository; keep it next to this app's folder."
        ) from None


def password_problem(password):
    """Why the policy refuses `password`, in one sentence; None when it is acceptable."""
    if len(password) < MINIMUM_LENGTH:
        return (
            f"This password is too short. It must contain at least {MINIMUM_LENGTH} characters."
        )
    if password.lower().strip() in common_passwords():
        return "This password is too common."
    if password.isdigit():
        return "This password is entirely numeric."
    return None
