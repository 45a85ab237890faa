"""Gatehouse's FastAPI reference backend: FastAPI's tutorial "OAuth2 with Password (and hashing),
Bearer with JWT tokens", with its settings read from the environment (see README.md).

    pip install -r requirements.txt && uvicorn main:app --port 8000

POST /token and GET /users/me/ as in the tutorial, plus the account routes unless
PASSWORD_RESET=false: POST /password-reset and /password-reset/confirm, POST /password (change)
and POST /logout-everywhere.
"""
import logging
import os
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from typing import Dict

import jwt
from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, HTTPException, status
from fastapi.middleware.cors import CORSMiddleware
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel, constr

from mailer import send_mail
from password_policy import password_problem
from password_resets import RateLimit, ResetTokens
from users import (
    User,
    UserInDB,
    authenticate_user,
    get_user,
    revoke_tokens,
    set_password,
    verify_password,
)

DEFAULT_CORS_ORIGINS = ",".join(
    f"http://{host}:{port}" for port in (5173, 4173) for host in ("127.0.0.1", "localhost")
)


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value not in ("true", "false"):
        raise ValueError(f'{name} must be "true" or "false", got "{value}"')
    return value == "true"


SECRET_KEY = os.environ.get("SECRET_KEY", "change-me-in-production")
ALGORITHM = "HS256"
ACCESS_TOKEN_SECONDS = int(os.environ.get("ACCESS_TOKEN_SECONDS", "").strip() or 30 * 60)
CORS_ORIGINS = [o.strip() for o in os.environ.get("CORS_ORIGINS", DEFAULT_CORS_ORIGINS).split(",")]
PASSWORD_RESET = env_flag("PASSWORD_RESET", default=True)
APP_URL = os.environ.get("APP_URL", "http://127.0.0.1:5173").rstrip("/")


class Token(BaseModel):
    access_token: str
    token_type: str


oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=[o for o in CORS_ORIGINS if o],
    allow_methods=["*"],
    allow_headers=["Authorization", "Content-Type"],
    # The app reads the wait from a 429's Retry-After; CORS hides other headers from scripts.
    expose_headers=["Retry-After"],
)

# When each token was issued, by jti, in nanoseconds: a password change must revoke the tokens
# issued before it in the same second, but not its own new one, and `exp` holds whole seconds.
# In memory, like the users: a real deployment keeps it in its database or in Redis.
token_issue_times: Dict[str, int] = {}
token_issue_times_lock = threading.Lock()


def create_access_token(username: str) -> str:
    expire = datetime.now(timezone.utc) + timedelta(seconds=ACCESS_TOKEN_SECONDS)
    jti = str(uuid.uuid4())
    issued = time.time_ns()
    with token_issue_times_lock:
        # Entries come in the order tokens were issued: those of expired tokens, which no request
        # can use any more, go first, so that the record stays as small as the live tokens.
        horizon = issued - ACCESS_TOKEN_SECONDS * 10**9
        while token_issue_times:
            oldest = next(iter(token_issue_times))
            if token_issue_times[oldest] >= horizon:
                break
            del token_issue_times[oldest]
        token_issue_times[jti] = issued
    return jwt.encode(
        {"sub": username, "exp": expire, "jti": jti}, SECRET_KEY, algorithm=ALGORITHM
    )


def is_revoked(payload: dict, user: UserInDB) -> bool:
    """Whether the token was issued before the user's last password change or log-out-everywhere.
    A token this server did not issue (crafted with the key) counts as issued at the epoch."""
    jti = payload.get("jti")
    issued = token_issue_times.get(jti, 0) if isinstance(jti, str) else 0
    return issued < user.tokens_valid_after


async def get_current_user(token: str = Depends(oauth2_scheme)) -> UserInDB:
    credentials_exception = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        raise credentials_exception
    username = payload.get("sub")
    # PyJWT before 2.10 does not check that "sub" is a string.
    if not isinstance(username, str):
        raise credentials_exception
    user = get_user(username)
    # A revoked token is refused like any other bad token: the tutorial has one answer for all.
    if user is None or is_revoked(payload, user):
        raise credentials_exception
    return user


async def get_current_active_user(
    current_user: UserInDB = Depends(get_current_user),
) -> UserInDB:
    if current_user.disabled:
        raise HTTPException(status_code=400, detail="Inactive user")
    return current_user


# A plain def: FastAPI runs it in its thread pool, so the deliberately slow password hash does not
# hold up the event loop, as it would in the tutorial's async def.
@app.post("/token", response_model=Token)
def login_for_access_token(form_data: OAuth2PasswordRequestForm = Depends()):
    user = authenticate_user(form_data.username, form_data.password)
    if user is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Token(access_token=create_access_token(user.username), token_type="bearer")


@app.get("/users/me/", response_model=User)
async def read_users_me(current_user: User = Depends(get_current_active_user)):
    return current_user


@app.get("/users/me/items/")
async def read_own_items(current_user: User = Depends(get_current_active_user)):
    return [{"item_id": "Foo", "owner": current_user.username}]


# Strict: pydantic would otherwise turn a number into a string.
NonEmptyString = constr(strict=True, min_length=1)


class PasswordResetRequest(BaseModel):
    username: NonEmptyString


class PasswordResetConfirm(BaseModel):
    token: NonEmptyString
    password: NonEmptyString


class PasswordChange(BaseModel):
    current_password: NonEmptyString
    new_password: NonEmptyString


class Message(BaseModel):
    message: str


def refuse_weak(password: str) -> None:
    weakness = password_problem(password)
    if weakness is not None:
        raise HTTPException(status_code=400, detail=weakness)


INVALID_RESET_TOKEN = "Invalid or expired reset token"

account_router = APIRouter()
reset_tokens = ResetTokens()
reset_requests = RateLimit()
mail_log = logging.getLogger("gatehouse.mail")


@account_router.post(
    "/password-reset", status_code=status.HTTP_202_ACCEPTED, response_model=Message
)
async def request_password_reset(body: PasswordResetRequest, background_tasks: BackgroundTasks):
    # Counted per account typed, known or not, so the limit tells nothing either.
    wait = reset_requests.retry_after(body.username)
    if wait is not None:
        raise HTTPException(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            detail="Too many reset requests for this account. Try again later.",
            headers={"Retry-After": str(wait)},
        )
    user = get_user(body.username)
    if user is not None and user.email and not user.disabled:
        link = f"{APP_URL}/reset-password#token={reset_tokens.create(user.username)}"
        text = (
            "Someone asked to reset the password of your account. To choose a new one, "
            f"open this link within 30 minutes:\n\n{link}\n\n"
            "If it was not you, ignore this message: your password stays as it is."
        )
        # Sent after the answer, so that its timing does not tell whether the account exists.
        background_tasks.add_task(send_mail, user.email, "Reset your password", text, link)
    elif user is not None:
        mail_log.warning(
            "Password reset for %s, who is disabled or has no e-mail address: nothing sent",
            user.username,
        )
    return Message(message="If the account exists, a reset link was sent")


# Plain defs, like /token: the slow password hash runs in FastAPI's thread pool.
@account_router.post("/password-reset/confirm", response_model=Message)
def confirm_password_reset(body: PasswordResetConfirm):
    # The link first: a refused password must not use it up.
    if not reset_tokens.is_valid(body.token):
        raise HTTPException(status_code=400, detail=INVALID_RESET_TOKEN)
    refuse_weak(body.password)
    # None when the link was used or expired since it was checked.
    username = reset_tokens.redeem(body.token)
    if username is None:
        raise HTTPException(status_code=400, detail=INVALID_RESET_TOKEN)
    set_password(get_user(username), body.password)
    return Message(message="Password changed")


@account_router.post("/password", response_model=Token)
def change_password(body: PasswordChange, user: UserInDB = Depends(get_current_active_user)):
    if not verify_password(body.current_password, user.hashed_password):
        raise HTTPException(status_code=400, detail="Current password is incorrect")
    refuse_weak(body.new_password)
    set_password(user, body.new_password)
    # This tab goes on with a token issued after the change; every older one is revoked.
    return Token(access_token=create_access_token(user.username), token_type="bearer")


@account_router.post("/logout-everywhere", response_model=Message)
async def logout_everywhere(user: UserInDB = Depends(get_current_active_user)):
    revoke_tokens(user)
    return Message(message="Logged out everywhere")


if PASSWORD_RESET:
    app.include_router(account_router)
