"""Log-in sessions: a random cookie whose hash is kept, with its CSRF token."""

from __future__ import annotations

import datetime as dt
import secrets

from kartoteka.accounts.users import User, digest, user_from_row
from kartoteka.storage import Store
from kartoteka.storage import accounts as rows

LIFETIME = dt.timedelta(hours=12)


def _stamp(at: dt.datetime | None = None) -> str:
    return (at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat("T", "seconds")


def open_session(store: Store, user: User) -> tuple[str, str]:
    """A new session for the user: (cookie value, CSRF token)."""
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = _stamp(dt.datetime.now(dt.UTC) + LIFETIME)
    rows.insert_session(
        store, _stamp(), hash=digest(cookie), user_name=user.name, csrf=csrf,
        expires=expires,
    )  # fmt: skip
    return cookie, csrf


def session_user(store: Store, cookie: str) -> tuple[User, str] | None:
    """The user and CSRF token of a live session of an enabled account."""
    row = rows.session_row(store, digest(cookie), _stamp())
    if row is None or row.disabled:
        return None
    return user_from_row(row), row.csrf


def close_session(store: Store, cookie: str) -> None:
    rows.delete_session(store, digest(cookie))
