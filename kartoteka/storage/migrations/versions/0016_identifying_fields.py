"""The fields that identify a person, as the imported lists declare them.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "identifying_fields",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("compare", sa.String(16), nullable=False),
        sa.Column("own", sa.Boolean, nullable=False),
        sa.Column("declared_by", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("identifying_fields")
