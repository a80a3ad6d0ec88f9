"""Index claims' object and asserted_by only where set; drop the source index.

Registry claims (millions) have neither an object nor a reported voice, so
full indexes on those columns cost every insert and serve no query.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PARTIAL = ("object", "asserted_by")


def upgrade() -> None:
    op.drop_index("ix_claims_source", table_name="claims")
    for column in PARTIAL:
        op.drop_index(f"ix_claims_{column}", table_name="claims")
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(
            f"ix_claims_{column}",
            "claims",
            [column],
            sqlite_where=where,
            postgresql_where=where,
        )


def downgrade() -> None:
    for column in PARTIAL:
        op.drop_index(f"ix_claims_{column}", table_name="claims")
        op.create_index(f"ix_claims_{column}", "claims", [column])
    op.create_index("ix_claims_source", "claims", ["source_id"])
