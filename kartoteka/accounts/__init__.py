"""Accounts of the web app: who may read, edit and administer an archive."""

from kartoteka.accounts.users import (
    ROLES,
    Role,
    User,
    add_user,
    authenticate,
    disable_user,
    issue_token,
    list_users,
    set_role,
    user_by_token,
)

__all__ = [
    "ROLES",
    "Role",
    "User",
    "add_user",
    "authenticate",
    "disable_user",
    "issue_token",
    "list_users",
    "set_role",
    "user_by_token",
]
