"""The rows of the web app's accounts: users, API tokens and sessions.

Rules about them (hashing, roles, lifetimes) are in ``kartoteka.accounts``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from kartoteka.storage.schema import api_tokens, users, web_sessions
from kartoteka.storage.store import Store


def user_row(store: Store, name: str) -> sa.Row | None:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(users).where(users.c.name == name)).first()


def user_rows(store: Store) -> list[sa.Row]:
    with store.engine.connect() as conn:
        return list(conn.execute(sa.select(users).order_by(users.c.name)))


def insert_user(store: Store, **row: Any) -> bool:
    """Insert the user unless the name is taken; whether it was inserted."""
    with store.engine.begin() as conn:
        taken = sa.select(users.c.name).where(users.c.name == row["name"])
        if conn.execute(taken).first():
            return False
        conn.execute(sa.insert(users).values(**row))
    return True


def update_user(store: Store, name: str, **values: Any) -> bool:
    """Change the user's row; whether there was one."""
    with store.engine.begin() as conn:
        query = sa.update(users).where(users.c.name == name).values(**values)
        return conn.execute(query).rowcount > 0


def insert_token(store: Store, **row: Any) -> None:
    with store.engine.begin() as conn:
        conn.execute(sa.insert(api_tokens).values(**row))


def user_row_by_token(store: Store, token_hash: str) -> sa.Row | None:
    query = sa.select(users).join(api_tokens).where(api_tokens.c.hash == token_hash)
    with store.engine.connect() as conn:
        return conn.execute(query).first()


def insert_session(store: Store, now: str, **row: Any) -> None:
    """A new session, and the expired ones gone."""
    with store.engine.begin() as conn:
        conn.execute(sa.delete(web_sessions).where(web_sessions.c.expires < now))
        conn.execute(sa.insert(web_sessions).values(**row))


def session_row(store: Store, session_hash: str, now: str) -> sa.Row | None:
    """The user's row with the session's csrf, if the session is live."""
    query = (
        sa.select(users, web_sessions.c.csrf)
        .join(web_sessions)
        .where(web_sessions.c.hash == session_hash, web_sessions.c.expires > now)
    )
    with store.engine.connect() as conn:
        return conn.execute(query).first()


def delete_session(store: Store, session_hash: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(sa.delete(web_sessions).where(web_sessions.c.hash == session_hash))
