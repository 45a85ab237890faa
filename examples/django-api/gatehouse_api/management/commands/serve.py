from django.core.management import call_command
from django.core.management.commands.runserver import Command as RunserverCommand


class Command(RunserverCommand):
    help = (
        "Migrate the database and seed the users, then run the development server. "
        "Takes runserver's arguments; never autoreloads."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_users")
        # Without the autoreloader this very process is the server: the reloader's serving child
        # survives a SIGKILL to the process that a test runner started, and keeps the port.
        options["use_reloader"] = False
        super().handle(*args, **options)
