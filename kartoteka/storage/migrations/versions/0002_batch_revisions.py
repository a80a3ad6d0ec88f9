"""Rows name the revision that wrote them, so one revision can cover a batch.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

REVISED = ("sources", "entities", "names", "claims")


def upgrade() -> None:
    for table in REVISED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("rev", sa.Integer))
    # Existing rows were each written by the last revision that targets them.
    for table, kind in zip(REVISED, ("source", "entity", "name", "claim"), strict=True):
        op.execute(
            f"UPDATE {table} SET rev = (SELECT max(seq) FROM revisions "
            f"WHERE target_kind = '{kind}' AND target_id = {table}.id)"
        )


def downgrade() -> None:
    for table in REVISED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("rev")
