"""Put a source's text after its other columns (SQLite).

SQLite stores a row's columns in order, a long text spilling over a chain of
overflow pages; reading a column that comes after the text walks the whole
chain. A registry list's text is tens of megabytes, so reading its hash to
show a case file cost 12–16 ms. PostgreSQL keeps long values apart (TOAST)
and needs nothing.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE sources ADD COLUMN text_last TEXT NOT NULL DEFAULT ''")
    op.execute("UPDATE sources SET text_last = text")
    op.execute("ALTER TABLE sources DROP COLUMN text")
    op.execute("ALTER TABLE sources RENAME COLUMN text_last TO text")


def downgrade() -> None:
    """Nothing to undo: the columns are the same, in another order."""
