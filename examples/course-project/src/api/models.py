from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True, nullable=False)
    # A werkzeug hash (about 100 to 170 characters), never the password itself.
    password = db.Column(db.String, nullable=False)
    is_active = db.Column(db.Boolean(), nullable=False)
    # Tokens issued before this time (time.time_ns()) are refused: a password change, a reset and
    # "log out everywhere" move it. server_default: the migration fills it in for existing users.
    tokens_valid_after = db.Column(db.BigInteger, nullable=False, default=0, server_default="0")

    def serialize(self):
        return {
            "id": self.id,
            "email": self.email,
            # do not serialize the password, its a security breach
        }


class TokenBlocklist(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    jti = db.Column(db.String(36), nullable=False, index=True)


class TokenIssue(db.Model):
    # When each token was issued, in nanoseconds: a token's iat holds whole seconds, and a password
    # change must refuse the tokens issued before it in that second, not the one it answers with.
    jti = db.Column(db.String(36), primary_key=True)
    issued_at = db.Column(db.BigInteger, nullable=False, index=True)


class PasswordReset(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    # The token's SHA-256, never the token: a leaked table holds no working link.
    token_hash = db.Column(db.String(64), unique=True, nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False, index=True)
    expires_at = db.Column(db.DateTime, nullable=False)


class PasswordResetRequest(db.Model):
    # The reset requests of the last hour, for the limit per address typed (known or not).
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String, nullable=False, index=True)
    requested_at = db.Column(db.DateTime, nullable=False, index=True)
