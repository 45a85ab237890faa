from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

# The accounts every reference backend and the mock API share (src/mocks/users.ts), alice
# deactivated, which SimpleJWT refuses; in this order so that a new database gives them the ids
# 1 to 4, as the mock does.
SEED_USERS = [
    ("alesanchezr", "12341234", True),
    ("ada", "lovelace1815", True),
    ("johndoe", "secret", True),
    ("alice", "secret2", False),
]


class Command(BaseCommand):
    help = "Create the seed users that are missing; existing users are left as they are."

    def handle(self, *args, **options):
        User = get_user_model()
        for username, password, is_active in SEED_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User(username=username, is_active=is_active)
            user.set_password(password)
            user.save()
            self.stdout.write(f"Created {username} (id {user.id})")
