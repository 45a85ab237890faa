"""
The models of models.py in SQLAlchemy 2's style (Mapped / mapped_column), the style the
react-flask-hello boilerplate's models.py is written in. Not imported by this example: it runs on
SQLAlchemy 1.4 as well, which has no mapped_column. In your copy of the boilerplate, keep its User
and add TokenBlocklist in the same style; both styles create the same tables.
"""
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

db = SQLAlchemy()


class User(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), unique=True, nullable=False)
    password: Mapped[str] = mapped_column(nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean(), nullable=False)

    def serialize(self):
        return {
            "id": self.id,
            "email": self.email,
            # do not serialize the password, its a security breach
        }


class TokenBlocklist(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    jti: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
