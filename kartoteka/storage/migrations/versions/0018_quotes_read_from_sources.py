"""Claims keep the offsets of their words, not a copy of them.

A claim's quote is what its source's text holds at [start, end) — verify has
always required exactly that — so the column repeated every registry
record's words a second time (a fifth of a claim row). The quote is now read
from the source's text; revisions keep recording it, so the chain and every
batch digest stay as they were and verify compares the recorded words with
the text at the row's offsets.

SQLite keeps the freed pages in its file until the store is rebuilt
(``kartoteka compact``: a million list records, 4.21 → 3.41 GB); PostgreSQL
reuses them.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE claims DROP COLUMN quote")


def downgrade() -> None:
    op.add_column("claims", sa.Column("quote", sa.Text, server_default=""))
    conn = op.get_bind()
    for (source_id,) in list(conn.exec_driver_sql("SELECT id FROM sources")):
        text = "".join(
            conn.execute(
                sa.text(
                    "SELECT text FROM source_pieces WHERE source_id = :id ORDER BY n"
                ),
                {"id": source_id},
            ).scalars()
        )
        spans = conn.execute(
            sa.text('SELECT id, start, "end" FROM claims WHERE source_id = :id'),
            {"id": source_id},
        ).all()
        if spans:
            conn.execute(
                sa.text("UPDATE claims SET quote = :q WHERE id = :id"),
                [{"q": text[s:e], "id": i} for i, s, e in spans],
            )
