"""Each piece of a source's text is kept compressed.

A registry list's text, once in the store, was after the claims its largest
part (1.26 GiB of 8 at 3.1 million list records). Each piece is now the zlib
of its UTF-8 (level 3: the Memorial lists 6.6 : 1), read back whole as
before; the source's sha256 still covers the text, and verify checks it.

The pieces are rewritten a source at a time. SQLite keeps the freed pages in
its file until the store is rebuilt (``kartoteka compact``); PostgreSQL
reuses them.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-29
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _rewrite(
        "packed",
        sa.LargeBinary,
        "x''",
        "text",
        lambda text: zlib.compress(text.encode("utf-8"), 3),
    )


def downgrade() -> None:
    _rewrite(
        "text",
        sa.Text,
        "''",
        "packed",
        lambda packed: zlib.decompress(packed).decode("utf-8"),
    )


def _rewrite(
    new: str, kind: type, empty: str, old: str, convert: Callable[[object], object]
) -> None:
    """Column ``old`` of every piece, converted, into column ``new``."""
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:  # SQLite adds a NOT NULL column only with a default
        type_name = "BLOB" if kind is sa.LargeBinary else "TEXT"
        op.execute(
            f"ALTER TABLE source_pieces ADD COLUMN {new} {type_name} "
            f"NOT NULL DEFAULT {empty}"
        )
    else:
        op.add_column("source_pieces", sa.Column(new, kind))
    ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM sources ORDER BY id")]
    for source_id in ids:  # one text in memory at a time
        rows = conn.execute(
            sa.text(f"SELECT n, {old} FROM source_pieces WHERE source_id = :id"),
            {"id": source_id},
        ).all()
        if rows:
            conn.execute(
                sa.text(
                    f"UPDATE source_pieces SET {new} = :value "
                    "WHERE source_id = :id AND n = :n"
                ),
                [{"value": convert(v), "id": source_id, "n": n} for n, v in rows],
            )
    op.execute(f"ALTER TABLE source_pieces DROP COLUMN {old}")
    if not sqlite:
        op.alter_column("source_pieces", new, existing_type=kind(), nullable=False)
