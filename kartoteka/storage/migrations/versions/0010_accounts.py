"""Accounts of the web app: users, API tokens and sessions.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("name", sa.String(80), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
    )
    for table in ("api_tokens", "web_sessions"):
        extra = (
            [sa.Column("label", sa.Text)]
            if table == "api_tokens"
            else [sa.Column("csrf", sa.String(64), nullable=False)]
        )
        op.create_table(
            table,
            sa.Column("hash", sa.String(64), primary_key=True),
            sa.Column(
                "user_name",
                sa.String(80),
                sa.ForeignKey("users.name"),
                nullable=False,
            ),
            *extra,
            sa.Column(
                "created" if table == "api_tokens" else "expires",
                sa.String(40),
                nullable=False,
            ),
        )


def downgrade() -> None:
    op.drop_table("web_sessions")
    op.drop_table("api_tokens")
    op.drop_table("users")
