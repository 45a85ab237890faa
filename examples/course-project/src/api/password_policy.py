"""
The password policy of sign-up, reset and change: at least 8 characters, not one of the common
passwords, not digits only. The messages are Django's validators', the ones Gatehouse's mock API
and the other reference backends send, so the app words a refusal the same way everywhere.
Existing accounts keep their passwords.
"""
import os
from functools import lru_cache
from pathlib import Path

MINIMUM_LENGTH = 8


def common_passwords_file():
    """$COMMON_PASSWORDS_FILE, else Gatehouse's examples/common-passwords.txt where it is found."""
    if os.environ.get("COMMON_PASSWORDS_FILE"):
        return Path(os.environ["COMMON_PASSWORDS_FILE"])
    project = Path(__file__).resolve().parents[2]
    candidates = [
        # Your project, with Gatehouse in gatehouse/ (deployed with it, as render_build.sh builds it)
        project / "gatehouse" / "examples" / "common-passwords.txt",
        # This example, inside Gatehouse's repository
        project.parent / "common-passwords.txt",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise RuntimeError(
        "The common passwords list is missing: it is gatehouse/examples/common-passwords.txt in "
        "your project. Set COMMON_PASSWORDS_FILE to its path if it lives elsewhere.")


@lru_cache(maxsize=1)
def common_passwords():
    # Django's CommonPasswordValidator list (about 20,000 passwords, lowercased): read once.
    with open(common_passwords_file(), encoding="utf-8") as file:
        return frozenset(line.strip() for line in file if line.strip())


def password_problem(password):
    """Why the policy refuses `password`, in one sentence; None when it is acceptable."""
    if len(password) < MINIMUM_LENGTH:
        return f"This password is too short. It must contain at least {MINIMUM_LENGTH} characters."
    if password.lower().strip() in common_passwords():
        return "This password is too common."
    if password.isdigit():
        return "This password is entirely numeric."
    return None
