"""Accounts: argon2 passwords, roles, tokens kept only as hashes, disabling."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from kartoteka.accounts import add_user, authenticate, issue_token, user_by_token
from kartoteka.accounts.sessions import close_session, open_session, session_user
from kartoteka.accounts.users import Role, demo_account, disable_user, set_role
from kartoteka.errors import ConfigError
from kartoteka.storage.schema import api_tokens, users

PASSWORD = "correct horse battery"


def test_a_password_is_kept_only_as_an_argon2_hash(fresh_store):
    add_user(fresh_store, "anna", PASSWORD, "editor")
    with fresh_store.engine.connect() as conn:
        kept = conn.execute(sa.select(users.c.password_hash)).scalar_one()
    assert kept.startswith("$argon2") and PASSWORD not in kept
    assert authenticate(fresh_store, "anna", PASSWORD).role is Role.EDITOR
    assert authenticate(fresh_store, "anna", PASSWORD + "x") is None
    assert authenticate(fresh_store, "nobody", PASSWORD) is None


def test_short_passwords_taken_names_and_unknown_roles_are_refused(fresh_store):
    with pytest.raises(ConfigError, match="at least 10"):
        add_user(fresh_store, "anna", "short")
    add_user(fresh_store, "anna", PASSWORD)
    with pytest.raises(ConfigError, match="exists already"):
        add_user(fresh_store, "anna", PASSWORD)
    with pytest.raises(ConfigError, match="no role"):
        set_role(fresh_store, "anna", "owner")


def test_a_token_is_kept_as_its_hash_and_dies_with_the_account(fresh_store):
    add_user(fresh_store, "anna", PASSWORD, "editor")
    token = issue_token(fresh_store, "anna", "script")
    with fresh_store.engine.connect() as conn:
        kept = conn.execute(sa.select(api_tokens.c.hash)).scalar_one()
    assert token not in kept and len(kept) == 64
    assert user_by_token(fresh_store, token).name == "anna"
    cookie, csrf = open_session(fresh_store, user_by_token(fresh_store, token))
    assert session_user(fresh_store, cookie)[1] == csrf
    disable_user(fresh_store, "anna")
    assert user_by_token(fresh_store, token) is None
    assert session_user(fresh_store, cookie) is None
    assert authenticate(fresh_store, "anna", PASSWORD) is None


def test_a_closed_session_is_gone(fresh_store):
    user = add_user(fresh_store, "rita", PASSWORD)
    cookie, _ = open_session(fresh_store, user)
    close_session(fresh_store, cookie)
    assert session_user(fresh_store, cookie) is None


def test_the_demo_account_is_made_once_and_its_password_kept(fresh_store):
    password = demo_account(fresh_store)
    assert password and authenticate(fresh_store, "editor", password)
    assert demo_account(fresh_store) is None
    assert authenticate(fresh_store, "editor", password).role is Role.EDITOR
