"""
Sending the password-reset e-mail: through SMTP when SMTP_HOST is set, else to the server's log,
where a developer reads the link. With MAIL_FILE set, each message is also appended to that file
as one JSON line {"to", "subject", "body"}, for tests to read.
"""
import json
import logging
import os
import smtplib
import ssl
from email.message import EmailMessage

log = logging.getLogger("gatehouse.mail")


def send_mail(to, subject, body):
    sender = os.environ.get("MAIL_FROM", "Gatehouse <no-reply@localhost>")
    host = os.environ.get("SMTP_HOST", "").strip()
    if host:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = sender, to, subject
        message.set_content(body)
        port = int(os.environ.get("SMTP_PORT", "587"))
        with smtplib.SMTP(host, port, timeout=10) as smtp:
            if os.environ.get("SMTP_STARTTLS", "true").lower() != "false":
                smtp.starttls(context=ssl.create_default_context())
            user = os.environ.get("SMTP_USERNAME", "")
            if user:
                smtp.login(user, os.environ.get("SMTP_PASSWORD", ""))
            smtp.send_message(message)
    else:
        log.warning("E-mail to %s: %s\n%s", to, subject, body)
    mail_file = os.environ.get("MAIL_FILE", "").strip()
    if mail_file:
        with open(mail_file, "a", encoding="utf-8") as file:
            file.write(json.dumps({"to": to, "subject": subject, "body": body}) + "\n")
