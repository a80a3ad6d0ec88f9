"""The Alembic migrations and the SQLAlchemy metadata describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kartoteka.storage.schema import metadata


def _is_full_text(difference: tuple) -> bool:
    kind, thing = difference[0], difference[1]
    return (kind == "remove_table" and thing.name.startswith("search_fts")) or (
        kind == "remove_index" and thing.name == "ix_search_docs_tsv"
    )


def test_the_migrated_schema_matches_the_metadata(fresh_store):
    with fresh_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # The full-text machinery is made by the migration on purpose, outside the
    # metadata: SQLite's FTS5 tables, PostgreSQL's GIN index on the tsvector.
    unexpected = [d for d in diff if not _is_full_text(d)]
    assert unexpected == []


def test_opening_a_store_twice_does_not_migrate_again(tmp_path):
    from kartoteka.storage import Store

    path = tmp_path / "k.db"
    Store.open(path).close()
    store = Store.open(path)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0001"
    store.close()
