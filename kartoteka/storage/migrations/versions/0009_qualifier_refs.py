"""The entities a claim names in its qualifiers, so each has the claim in its file.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from __future__ import annotations

import orjson
import sqlalchemy as sa
from alembic import op

from kartoteka.storage.rows import qualifier_entities

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "qualifier_refs",
        sa.Column(
            "entity_id", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
        ),
        sa.Column("claim_id", sa.String(80), primary_key=True),
    )
    op.create_index("ix_qualifier_refs_claim", "qualifier_refs", ["claim_id"])
    claims = sa.table(
        "claims", sa.column("id"), sa.column("qualifiers"), sa.column("origin")
    )
    refs = sa.table("qualifier_refs", sa.column("entity_id"), sa.column("claim_id"))
    conn = op.get_bind()
    # Registry claims qualify with words, never with entities: not read.
    query = sa.select(claims.c.id, claims.c.qualifiers).where(
        sa.not_(claims.c.origin.like("registry:%"))
    )
    rows = [
        {"entity_id": entity, "claim_id": claim_id}
        for claim_id, qualifiers in conn.execute(query).fetchall()
        for entity in qualifier_entities(_mapping(qualifiers))
    ]
    if rows:
        conn.execute(sa.insert(refs), rows)


def _mapping(value: object) -> dict:
    # JSON text on SQLite, a dict from PostgreSQL's JSONB.
    return value if isinstance(value, dict) else orjson.loads(value or "{}")


def downgrade() -> None:
    op.drop_index("ix_qualifier_refs_claim", table_name="qualifier_refs")
    op.drop_table("qualifier_refs")
