"""The Alembic migrations and the SQLAlchemy metadata describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kartoteka.storage.schema import metadata


def test_the_migrated_schema_matches_the_metadata(fresh_store):
    with fresh_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # The FTS5 shadow tables are made by the migration on purpose, outside metadata.
    unexpected = [
        d for d in diff if not (d[0] == "remove_table" and "search_fts" in d[1].name)
    ]
    assert unexpected == []


def test_opening_a_store_twice_does_not_migrate_again(tmp_path):
    from kartoteka.storage import Store

    path = tmp_path / "k.db"
    Store.open(path).close()
    store = Store.open(path)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0001"
    store.close()
