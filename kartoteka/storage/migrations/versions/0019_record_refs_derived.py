"""A registry record's external id is no longer a row of ``entity_refs``.

``record:<source>:<n>`` names the person ``sequential_id("per", source,
n - 1)``: the store finds the person from the id itself
(``kartoteka.model.registry_ids``), so the table held a row a record, three
million at registry scale, that only repeated it. The rows whose person is
that id are deleted; any other ref (a casefile's, a record's entity made
otherwise) is kept. Nothing of a revision's state changes: refs were never
part of one, and ``verify`` passes as before.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-29
"""

from __future__ import annotations

import orjson
import sqlalchemy as sa
from alembic import op

from kartoteka.model.registry_ids import person_id, person_of_ref

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    # The number's eight hex digits, as sequential_id writes them.
    hex8 = (
        "printf('%08x', CAST(substr(ref, :skip) AS INTEGER) - 1)"
        if conn.dialect.name == "sqlite"
        else "lpad(to_hex(CAST(substr(ref, :skip) AS BIGINT) - 1), 8, '0')"
    )
    # A source's refs: on SQLite a range of the key (";" follows ":", and
    # text compares byte by byte), so each list reads its own refs rather
    # than every ref of the store; PostgreSQL's collation may not order
    # punctuation so, and compares the beginning of every ref.
    theirs = (
        "ref > :prefix AND ref < :beyond"
        if conn.dialect.name == "sqlite"
        else "left(ref, :n) = :prefix"
    )
    sources = conn.exec_driver_sql("SELECT id FROM sources").scalars().all()
    for source_id in sources:
        prefix = f"record:{source_id}:"
        ours = person_id(source_id, 0)[:-8]  # per_ and the list's eight digits
        conn.execute(
            sa.text(
                f"DELETE FROM entity_refs WHERE {theirs} "
                f"AND entity_id = :ours || {hex8}"
            ),
            {
                "prefix": prefix,
                "beyond": prefix[:-1] + ";",
                "n": len(prefix),
                "skip": len(prefix) + 1,
                "ours": ours,
            },
        )


def downgrade() -> None:
    conn = op.get_bind()
    insert = (
        "INSERT OR IGNORE INTO entity_refs (ref, entity_id) VALUES (:ref, :entity_id)"
        if conn.dialect.name == "sqlite"
        else "INSERT INTO entity_refs (ref, entity_id) VALUES (:ref, :entity_id) "
        "ON CONFLICT DO NOTHING"
    )
    # Each person's ref from which its id follows, back in the table; the
    # persons read and the refs written a page at a time, not millions at once.
    after = ""
    while rows := conn.execute(
        sa.text(
            "SELECT id, external_ids FROM entities WHERE kind = 'person' "
            "AND id > :after ORDER BY id LIMIT 5000"
        ),
        {"after": after},
    ).all():
        after = rows[-1][0]
        refs = [
            {"ref": ref, "entity_id": pid}
            for pid, external in rows
            for ref in _refs(external)
            if person_of_ref(ref) == pid
        ]
        if refs:
            conn.execute(sa.text(insert), refs)


def _refs(external: str | list[str]) -> list[str]:
    """An entity's external ids: JSON text on SQLite, a list from JSONB."""
    return orjson.loads(external) if isinstance(external, str) else external
