"""
The models of models.py in SQLAlchemy 2's style (Mapped / mapped_column), the style the
react-flask-hello boilerplate's models.py is written in. Not imported by this example: it runs on
SQLAlchemy 1.4 as well, which has no mapped_column. In your copy of the boilerplate, keep its User
and add the rest in the same style; both styles create the same tables.
"""
from datetime import datetime

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

db = SQLAlchemy()


class User(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), unique=True, nullable=False)
    password: Mapped[str] = mapped_column(nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean(), nullable=False)
    # Tokens issued before this time (time.time_ns()) are refused: a password change, a reset and
    # "log out everywhere" move it. server_default: the migration fills it in for existing users.
    tokens_valid_after: Mapped[int] = mapped_column(
        BigInteger, nullable=False, default=0, server_default="0")

    def serialize(self):
        return {
            "id": self.id,
            "email": self.email,
            # do not serialize the password, its a security breach
        }


class TokenBlocklist(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    jti: Mapped[str] = mapped_column(String(36), nullable=False, index=True)


class TokenIssue(db.Model):
    # When each token was issued, in nanoseconds: a token's iat holds whole seconds, and a password
    # change must refuse the tokens issued before it in that second, not the one it answers with.
    jti: Mapped[str] = mapped_column(String(36), primary_key=True)
    issued_at: Mapped[int] = mapped_column(BigInteger, nullable=False, index=True)


class PasswordReset(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # The token's SHA-256, never the token: a leaked table holds no working link.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), nullable=False, index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class PasswordResetRequest(db.Model):
    # The reset requests of the last hour, for the limit per address typed (known or not).
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String, nullable=False, index=True)
    requested_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
