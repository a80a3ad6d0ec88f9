"""Claims by source and offset: a source's page finds the claims of its window.

Without it, a page of a registry list read every claim of the store (3 M at
a million records) to find the few in 20,000 characters.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claims_source_start", "claims", ["source_id", "start"])


def downgrade() -> None:
    op.drop_index("ix_claims_source_start", table_name="claims")
