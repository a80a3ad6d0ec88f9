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
    sources = conn.exec_driver_sql("SELECT id FROM sources").scalars().all()
    for source_id in sources:
        prefix = f"record:{source_id}:"
        ours = person_id(source_id, 0)[:-8]  # per_ and the list's eight digits
        conn.execute(
            sa.text(
                "DELETE FROM entity_refs WHERE substr(ref, 1, :n) = :prefix "
                f"AND entity_id = :ours || {hex8}"
            ),
            {"n": len(prefix), "prefix": prefix, "skip": len(prefix) + 1, "ours": ours},
        )


def downgrade() -> None:
    conn = op.get_bind()
    rows = conn.exec_driver_sql(
        "SELECT id, external_ids FROM entities WHERE kind = 'person'"
    ).all()
    # Each person's ref from which its id follows, back in the table.
    refs = [
        {"ref": ref, "entity_id": pid}
        for pid, external in rows
        for ref in (orjson.loads(external) if isinstance(external, str) else external)
        if person_of_ref(ref) == pid
    ]
    insert = (
        "INSERT OR IGNORE INTO entity_refs (ref, entity_id) VALUES (:ref, :entity_id)"
        if conn.dialect.name == "sqlite"
        else "INSERT INTO entity_refs (ref, entity_id) VALUES (:ref, :entity_id) "
        "ON CONFLICT DO NOTHING"
    )
    for at in range(0, len(refs), 5000):
        conn.execute(sa.text(insert), refs[at : at + 5000])
