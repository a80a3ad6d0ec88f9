"""Who is asking, and may they: sessions, API tokens, roles, CSRF, log-in limits."""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from fastapi import HTTPException, Request

from kartoteka.accounts.sessions import session_user
from kartoteka.accounts.users import Role, User, user_by_token

COOKIE = "kartoteka_session"


@dataclass(frozen=True)
class Principal:
    """The signed-in user (None when anonymous), and how they came."""

    user: User | None
    csrf: str | None = None  # the session's token; None for API tokens
    by_token: bool = False


def principal(request: Request) -> Principal:
    """The user behind a request: an API token, else a session cookie."""
    store = request.app.state.store
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        user = user_by_token(store, auth[7:].strip())
        if user is None:
            raise HTTPException(401, "the API token is not valid")
        return Principal(user, by_token=True)
    cookie = request.cookies.get(COOKIE)
    found = session_user(store, cookie) if cookie else None
    return Principal(*found) if found else Principal(None)


def is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


class LoginRequired(Exception):
    """Reading needs an account here: pages send the reader to log in."""


def may_read(request: Request) -> Principal:
    """A dependency: the principal, if reading is open to them."""
    who = principal(request)
    if who.user is None and not request.app.state.public:
        if is_api(request):
            raise HTTPException(401, "log in or send an API token")
        raise LoginRequired()
    return who


async def may_edit(request: Request) -> User:
    """A dependency for every write: the user, an editor (or admin), with a
    browser session's CSRF token in its form or header."""
    who = principal(request)
    if who.user is None:
        raise HTTPException(401, "log in to change the archive")
    if not who.user.may(Role.EDITOR):
        raise HTTPException(403, f"{who.user.name} is a {who.user.role}: editors only")
    if not who.by_token:
        sent = request.headers.get("x-csrf-token")
        if sent is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")
        ):
            sent = str((await request.form()).get("csrf", ""))
        if not sent or not who.csrf or not secrets.compare_digest(sent, who.csrf):
            raise HTTPException(403, "the form's CSRF token is missing or wrong")
    return who.user


class LoginLimit:
    """Failed log-ins allowed in ``window`` seconds: ``per_name`` for one
    account, ``per_address`` from one address (several people may share one),
    kept in this process's memory."""

    def __init__(
        self, per_name: int = 5, per_address: int = 20, window: float = 300.0
    ) -> None:
        self.limits = {"user": per_name, "ip": per_address}
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] < time.monotonic() - self.window:
            failures.popleft()
        return failures

    def blocked(self, *keys: str) -> bool:
        """Is any key ("ip:…", "user:…") over its limit?"""
        with self._lock:
            return any(
                len(self._recent(k)) >= self.limits[k.split(":")[0]] for k in keys
            )

    def failed(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._recent(key).append(time.monotonic())
