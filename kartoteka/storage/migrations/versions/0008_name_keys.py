"""Entities found by the keys of their names: any spelling finds a person.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kartoteka.names.keys import lookup_keys

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CHUNK = 50_000


def upgrade() -> None:
    op.create_table(
        "name_keys",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column(
            "entity_id", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
        ),
    )
    op.create_index("ix_name_keys_entity", "name_keys", ["entity_id"])
    _fill(op.get_bind())


def _fill(conn: sa.Connection) -> None:
    """The keys of every stored name, written a chunk at a time."""
    names = sa.table("names", sa.column("entity_id"), sa.column("name"))
    keys = sa.table("name_keys", sa.column("key"), sa.column("entity_id"))
    by_entity: dict[str, set[str]] = {}
    query = sa.select(names.c.entity_id, names.c.name).order_by(names.c.entity_id)
    for entity_id, name in conn.execute(query).fetchall():
        if entity_id not in by_entity and len(by_entity) >= CHUNK:
            _write(conn, keys, by_entity)
            by_entity = {}
        by_entity.setdefault(entity_id, set()).update(lookup_keys(name))
    _write(conn, keys, by_entity)


def _write(conn: sa.Connection, keys: sa.TableClause, found: dict) -> None:
    rows = [
        {"key": key, "entity_id": entity_id}
        for entity_id, entity_keys in found.items()
        for key in sorted(entity_keys)
    ]
    if rows:
        conn.execute(sa.insert(keys), rows)


def downgrade() -> None:
    op.drop_index("ix_name_keys_entity", table_name="name_keys")
    op.drop_table("name_keys")
