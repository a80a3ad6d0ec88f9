"""The trained linkage model, kept for later runs of `kartoteka link`.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "linking_models",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column(
            "model", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("signature", sa.String(64), nullable=False),
        sa.Column("persons", sa.Integer, nullable=False),
        sa.Column("trained", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("linking_models")
