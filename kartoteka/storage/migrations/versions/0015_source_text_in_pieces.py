"""A source's text in pieces of 65,536 characters, and its length beside it.

A page of a registry list shows 20,000 characters of a text of 25 million;
with the text in one column, SQLite and PostgreSQL read it whole to cut the
window (0.1-0.5 s a page at a million records). The text moves, unchanged,
into ``source_pieces``; its sha256 in the source's row still covers it.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

PIECE = 65_536


def upgrade() -> None:
    op.create_table(
        "source_pieces",
        sa.Column(
            "source_id", sa.String(80), sa.ForeignKey("sources.id"), primary_key=True
        ),
        sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:  # SQLite adds a NOT NULL column only with a default
        op.execute("ALTER TABLE sources ADD COLUMN length INTEGER NOT NULL DEFAULT 0")
    else:
        op.add_column("sources", sa.Column("length", sa.Integer))
    ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM sources ORDER BY id")]
    pieces = sa.table(
        "source_pieces", sa.column("source_id"), sa.column("n"), sa.column("text")
    )
    for source_id in ids:  # one text in memory at a time
        text = conn.execute(
            sa.text("SELECT text FROM sources WHERE id = :id"), {"id": source_id}
        ).scalar_one()
        rows = [
            {"source_id": source_id, "n": n, "text": text[at : at + PIECE]}
            for n, at in enumerate(range(0, len(text), PIECE))
        ]
        if rows:
            conn.execute(sa.insert(pieces), rows)
        conn.execute(
            sa.text("UPDATE sources SET length = :n WHERE id = :id"),
            {"n": len(text), "id": source_id},
        )
    op.execute("ALTER TABLE sources DROP COLUMN text")
    if not sqlite:
        op.alter_column("sources", "length", existing_type=sa.Integer, nullable=False)


def downgrade() -> None:
    op.add_column("sources", sa.Column("text", sa.Text, server_default=""))
    conn = op.get_bind()
    for (source_id,) in list(conn.exec_driver_sql("SELECT id FROM sources")):
        parts = conn.execute(
            sa.text("SELECT text FROM source_pieces WHERE source_id = :id ORDER BY n"),
            {"id": source_id},
        ).scalars()
        conn.execute(
            sa.text("UPDATE sources SET text = :t WHERE id = :id"),
            {"t": "".join(parts), "id": source_id},
        )
    op.drop_table("source_pieces")
    op.execute("ALTER TABLE sources DROP COLUMN length")
