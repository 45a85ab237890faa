import json

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend


class MailFileBackend(BaseEmailBackend):
    """Delivers through MAIL_FILE_DELIVERY_BACKEND (SMTP or the console), then appends each
    message to MAIL_FILE as one JSON line, {"to", "subject", "body"}: the tests read the reset
    links there, in the same format from every reference backend."""

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.delivery = get_connection(
            settings.MAIL_FILE_DELIVERY_BACKEND, fail_silently=fail_silently, **kwargs
        )

    def open(self):
        return self.delivery.open()

    def close(self):
        self.delivery.close()

    def send_messages(self, email_messages):
        sent = self.delivery.send_messages(email_messages)
        with open(settings.MAIL_FILE, "a", encoding="utf-8") as file:
            for message in email_messages:
                record = {
                    "to": ", ".join(message.to),
                    "subject": message.subject,
                    "body": message.body,
                }
                file.write(json.dumps(record) + "\n")
        return sent
