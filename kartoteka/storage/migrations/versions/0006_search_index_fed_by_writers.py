"""SQLite: the writers feed the full-text index, not a trigger row by row.

A trigger inserting each new search document into FTS5 on its own cost four
times as much as one INSERT … SELECT for a batch (a registry of millions of
names); `storage.search.indexing` now does it around every insert. Deletes
and updates still go through their triggers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER search_docs_ai")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN "
            "INSERT INTO search_fts(rowid, body) VALUES (new.doc_id, new.body); END"
        )
