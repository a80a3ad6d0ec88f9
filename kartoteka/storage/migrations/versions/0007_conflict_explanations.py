"""A person's explanation of a conflict, revised row by row.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflict_explanations",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("subject", sa.String(80), nullable=False),
        sa.Column(
            "claims", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("rev", sa.Integer),
    )
    op.create_index(
        "ix_conflict_explanations_subject", "conflict_explanations", ["subject"]
    )


def downgrade() -> None:
    op.drop_index(
        "ix_conflict_explanations_subject", table_name="conflict_explanations"
    )
    op.drop_table("conflict_explanations")
