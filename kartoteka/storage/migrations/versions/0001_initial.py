"""The initial schema: sources, entities, names, claims, revisions, search.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Id = sa.String(80)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", Id, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("authors", Json, nullable=False),
        sa.Column("published", sa.String(64)),
        sa.Column("language", sa.String(16)),
        sa.Column("citation", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("derived_from", Json, nullable=False),
        sa.Column("authenticity", sa.String(16), nullable=False),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", Id, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sex", sa.String(1)),
        sa.Column("external_ids", Json, nullable=False),
        sa.Column("attributes", Json, nullable=False),
    )
    op.create_table(
        "names",
        sa.Column("id", Id, primary_key=True),
        sa.Column("entity_id", Id, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("script", sa.String(4), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("source_id", Id, sa.ForeignKey("sources.id")),
        sa.Column("folded", sa.Text, nullable=False),
    )
    op.create_index("ix_names_entity", "names", ["entity_id"])
    op.create_index("ix_names_folded", "names", ["folded"])
    op.create_table(
        "entity_refs",
        sa.Column("ref", sa.String(200), primary_key=True),
        sa.Column("entity_id", Id, sa.ForeignKey("entities.id"), primary_key=True),
    )
    op.create_table(
        "claims",
        sa.Column("id", Id, primary_key=True),
        sa.Column("subject", Id, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("predicate", sa.String(32), nullable=False),
        sa.Column("object", Id, sa.ForeignKey("entities.id")),
        sa.Column("date", sa.String(64)),
        sa.Column("date_text", sa.Text),
        sa.Column("value", Json),
        sa.Column("qualifiers", Json, nullable=False),
        sa.Column("source_id", Id, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("asserted_by", Id, sa.ForeignKey("entities.id")),
        sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("certainty", sa.String(8), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("reviewer", sa.Text),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("note", sa.Text),
    )
    for column in ("subject", "object", "asserted_by"):
        op.create_index(f"ix_claims_{column}", "claims", [column])
    op.create_index("ix_claims_source", "claims", ["source_id"])
    op.create_table(
        "revisions",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target_id", Id, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("before", Json),
        sa.Column("after", Json),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_revisions_target", "revisions", ["target_kind", "target_id"])
    op.create_table(
        "search_docs",
        sa.Column("doc_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref", Id, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.UniqueConstraint("kind", "ref", name="uq_search_docs_kind_ref"),
    )
    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_fts()
    else:
        op.execute(
            "CREATE INDEX ix_search_docs_tsv ON search_docs "
            "USING GIN (to_tsvector('simple', body))"
        )


def _create_sqlite_fts() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_docs', "
        "content_rowid='doc_id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN "
        "INSERT INTO search_fts(rowid, body) VALUES (new.doc_id, new.body); END"
    )
    op.execute(
        "CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, body) "
        "VALUES ('delete', old.doc_id, old.body); END"
    )
    op.execute(
        "CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, body) "
        "VALUES ('delete', old.doc_id, old.body); "
        "INSERT INTO search_fts(rowid, body) VALUES (new.doc_id, new.body); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
    for table in (
        "search_docs",
        "revisions",
        "claims",
        "entity_refs",
        "names",
        "entities",
        "sources",
    ):
        op.drop_table(table)
