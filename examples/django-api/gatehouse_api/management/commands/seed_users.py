import json
import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

# The accounts every reference backend and the mock API share, in examples/seed-users.json (or the
# file SEED_USERS_FILE names). Only the username, the email (where reset links go), the password
# and `disabled` are read: alice is deactivated, which SimpleJWT refuses. Their ids are not set
# but followed: they are created in the order of their ids, so that a new database gives them the
# ids 1 to 4, as the mock does.
DEFAULT_SEED_USERS_FILE = Path(__file__).resolve().parents[4] / "seed-users.json"


def load_seed_users():
    """The seed users as (username, email, password, is_active)."""
    path = Path(os.environ.get("SEED_USERS_FILE") or DEFAULT_SEED_USERS_FILE)
    try:
        with open(path, encoding="utf-8") as file:
            users = json.load(file)
    except FileNotFoundError:
        raise CommandError(
            f"The seed users file {path} does not exist. It is examples/seed-users.json in the "
            "Gatehouse repository; set SEED_USERS_FILE to its path when this app runs elsewhere."
        ) from None
    except json.JSONDecodeError as error:
        raise CommandError(f"The seed users file {path} is not valid JSON: {error}") from None
    users = sorted(users, key=lambda u: u["id"])
    return [(u["username"], u["email"], u["password"], not u["disabled"]) for u in users]


class Command(BaseCommand):
    help = "Create the seed users that are missing; existing users are left as they are."

    def handle(self, *args, **options):
        User = get_user_model()
        for username, email, password, is_active in load_seed_users():
            if User.objects.filter(username=username).exists():
                continue
            user = User(username=username, email=email, is_active=is_active)
            user.set_password(password)
            user.save()
            self.stdout.write(f"Created {username} (id {user.id})")
