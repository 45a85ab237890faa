import json
import os
from pathlib import Path

import click
from werkzeug.security import generate_password_hash

from api.models import User, db

# examples/seed-users.json in the Gatehouse repository: the accounts the mock API and the other
# reference backends have too, so the same logins work everywhere.
DEFAULT_SEED_USERS_FILE = Path(__file__).resolve().parents[3] / "seed-users.json"


def setup_commands(app):

    """
    flask seed-users [FILE]: adds the users of FILE (else $SEED_USERS_FILE, else Gatehouse's
    examples/seed-users.json), a JSON list of {"email": ..., "password": ...}, with hashed
    passwords. An email that already has an account is left as it is: run it as often as you like.
    """
    @app.cli.command("seed-users")
    @click.argument("file", required=False)
    def seed_users(file):
        path = Path(file or os.environ.get("SEED_USERS_FILE") or DEFAULT_SEED_USERS_FILE)
        if not path.is_file():
            raise click.ClickException(
                f"{path} does not exist. Give the file as an argument, or set SEED_USERS_FILE.")
        added = 0
        for seed in json.loads(path.read_text(encoding="utf-8")):
            if not seed.get("email") or User.query.filter_by(email=seed["email"]).first():
                continue
            db.session.add(User(email=seed["email"],
                                password=generate_password_hash(seed["password"]),
                                is_active=True))
            added += 1
        db.session.commit()
        print(f"{added} users added from {path}")
