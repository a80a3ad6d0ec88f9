"""Persons by the address their record gives: an expression index, so that
the co-residents of one flat are found among millions without a scan.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SQLITE = (
    "CREATE INDEX ix_entities_address ON entities "
    "(json_extract(attributes, '$.address')) "
    "WHERE json_extract(attributes, '$.address') IS NOT NULL"
)
POSTGRES = (
    "CREATE INDEX ix_entities_address ON entities ((attributes->>'address')) "
    "WHERE attributes ? 'address'"
)


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute(POSTGRES if postgres else SQLITE)


def downgrade() -> None:
    op.execute("DROP INDEX ix_entities_address")
