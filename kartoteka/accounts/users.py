"""Users, their roles and API tokens, kept in the store beside the evidence.

Passwords are hashed with argon2; tokens are random and only their sha256 is
kept. A disabled account can neither log in nor use its tokens.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kartoteka.errors import ConfigError, NotFound
from kartoteka.storage import Store
from kartoteka.storage import accounts as rows
from kartoteka.storage.revisions import now


class Role(IntEnum):
    """What an account may do; each role may do what the ones below it may."""

    READER = 1
    EDITOR = 2
    ADMIN = 3

    def __str__(self) -> str:
        return self.name.lower()


ROLES = tuple(str(r) for r in Role)
_HASHER = PasswordHasher()
MIN_PASSWORD = 10


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    disabled: bool = False

    def may(self, role: Role) -> bool:
        return not self.disabled and self.role >= role


def role_named(text: str) -> Role:
    try:
        return Role[text.upper()]
    except KeyError:
        raise ConfigError(f"no role {text!r}; roles: {', '.join(ROLES)}") from None


def user_from_row(row: Any) -> User:
    return User(row.name, Role[row.role.upper()], bool(row.disabled))


def add_user(store: Store, name: str, password: str, role: str = "reader") -> User:
    """A new account; ConfigError if the name is taken or the password short."""
    if not name or len(name) > 80 or not name.isprintable() or " " in name:
        raise ConfigError("a user name is 1–80 printable characters without spaces")
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"a password has at least {MIN_PASSWORD} characters")
    chosen = role_named(role)
    made = rows.insert_user(
        store,
        name=name,
        password_hash=_HASHER.hash(password),
        role=str(chosen),
        disabled=False,
        created=now(),
    )
    if not made:
        raise ConfigError(f"the user {name!r} exists already")
    return User(name, chosen)


def get_user(store: Store, name: str) -> User:
    row = rows.user_row(store, name)
    if row is None:
        raise NotFound(f"no user {name!r}")
    return user_from_row(row)


def list_users(store: Store) -> list[User]:
    return [user_from_row(r) for r in rows.user_rows(store)]


def _update(store: Store, name: str, **values: object) -> User:
    if not rows.update_user(store, name, **values):
        raise NotFound(f"no user {name!r}")
    return get_user(store, name)


def set_role(store: Store, name: str, role: str) -> User:
    return _update(store, name, role=str(role_named(role)))


def disable_user(store: Store, name: str, disabled: bool = True) -> User:
    return _update(store, name, disabled=disabled)


def set_password(store: Store, name: str, password: str) -> User:
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"a password has at least {MIN_PASSWORD} characters")
    return _update(store, name, password_hash=_HASHER.hash(password))


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user, if the name and password are right and the account enabled."""
    row = rows.user_row(store, name)
    if row is None:
        _HASHER.hash(password)  # as slow as a wrong password: names stay secret
        return None
    try:
        _HASHER.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    user = user_from_row(row)
    return None if user.disabled else user


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(store: Store, name: str, label: str | None = None) -> str:
    """A new API token for the user, shown once: only its hash is kept."""
    get_user(store, name)
    token = "kt_" + secrets.token_urlsafe(32)
    rows.insert_token(
        store, hash=digest(token), user_name=name, label=label, created=now()
    )
    return token


def user_by_token(store: Store, token: str) -> User | None:
    row = rows.user_row_by_token(store, digest(token))
    user = user_from_row(row) if row else None
    return None if user is None or user.disabled else user


DEMO_ACCOUNT = "editor"


def demo_account(store: Store) -> str | None:
    """Make the demo's editor account with a fresh random password, returned
    to be shown once; None when the account exists (its password stands)."""
    if rows.user_row(store, DEMO_ACCOUNT) is not None:
        return None
    password = secrets.token_urlsafe(12)
    add_user(store, DEMO_ACCOUNT, password, "editor")
    return password
