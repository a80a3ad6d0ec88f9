"""The Alembic migrations and the SQLAlchemy metadata describe the same schema."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from kartoteka.ingest.casefile import import_casefile
from kartoteka.model import Source
from kartoteka.storage import Store
from kartoteka.storage.engine import MIGRATIONS, create_engine, database_url
from kartoteka.storage.revisions import GENESIS, make_revision
from kartoteka.storage.rows import revision_state, source_row
from kartoteka.storage.schema import metadata, revisions


def _is_full_text(difference: tuple) -> bool:
    kind = difference[0]
    if kind == "remove_column":  # ("remove_column", schema, table, column)
        return difference[2] == "search_docs" and difference[3].name == "body_tsv"
    thing = difference[1]
    return (kind == "remove_table" and thing.name.startswith("search_fts")) or (
        kind == "remove_index"
        and thing.name in ("ix_search_docs_body_tsv", "ix_entities_address")
    )


def _old_source_row(source: Source) -> dict:
    """A source's row as stores before version 0015 kept it: the text inline."""
    row = source_row(source)
    del row["length"]
    return {**row, "text": source.text}


# The sources table as it was before its text moved into pieces.
OLD_SOURCES = sa.table("sources", *(
    sa.column(c, sa.JSON if c in ("authors", "derived_from") else sa.Text)
    for c in ("id", "kind", "title", "authors", "published", "language", "citation",
              "url", "derived_from", "authenticity", "reliability", "sha256", "text")
))  # fmt: skip


def _migrate(conn: sa.Connection, revision: str, *, down: bool = False) -> None:
    """Take the store on ``conn`` up (or, ``down``, back) to ``revision``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    (command.downgrade if down else command.upgrade)(config, revision)


@contextmanager
def _store_file(path: Path) -> Iterator[sa.Connection]:
    """A transaction on the store file at ``path``, outside any Store."""
    engine = create_engine(database_url(path))
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


# SQLAlchemy does not reflect SQLite's index on an expression (the address).
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression")
def test_the_migrated_schema_matches_the_metadata(fresh_store):
    with fresh_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # The full-text machinery is made by the migration on purpose, outside the
    # metadata: SQLite's FTS5 tables, PostgreSQL's stored tsvector and its GIN
    # index.
    unexpected = [d for d in diff if not _is_full_text(d)]
    assert unexpected == []


def test_opening_a_store_twice_does_not_migrate_again(tmp_path):
    path = tmp_path / "k.db"
    Store.open(path).close()
    store = Store.open(path)
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
    store.close()


def test_a_store_written_before_batch_revisions_upgrades_and_verifies(tmp_path):
    with _store_file(tmp_path / "old.db") as conn:
        _migrate(conn, "0001")
        row = _old_source_row(
            Source(id="s", kind="article", title="An old source", text="x")
        )
        conn.execute(sa.insert(OLD_SOURCES).values(row))
        revision = make_revision(
            prev_hash=GENESIS,
            actor="old",
            action="create",
            target_kind="source",
            target_id="s",
            reason=None,
            before=None,
            after=revision_state("source", row),
        )
        conn.execute(
            sa.insert(revisions).values(
                {k: v for k, v in vars(revision).items() if k != "seq"}
            )
        )
    store = Store.open(tmp_path / "old.db")
    report = store.verify()
    assert report.ok, report.failures
    assert (report.revisions, report.sources) == (1, 1)
    store.close()


def test_a_sources_text_moves_into_pieces_and_stays_whole(tmp_path):
    source = Source(id="s", kind="registry", title="A list", text="Тухачевский " * 9000)
    with _store_file(tmp_path / "old.db") as conn:
        _migrate(conn, "0004")
        conn.execute(sa.insert(OLD_SOURCES).values(_old_source_row(source)))
    store = Store.open(tmp_path / "old.db")
    with store.engine.connect() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(sources)")]
        pieces = conn.exec_driver_sql("SELECT count(*) FROM source_pieces").scalar()
    assert "text" not in columns and pieces == 2  # 108,000 characters
    assert store.source("s").text == source.text
    assert store.excerpt("s", 65_530, 65_545) == source.text[65_530:65_545]
    ((meta, characters),) = store.source_metas()
    assert (meta.sha256, meta.text, characters) == (source.sha256, "", len(source.text))
    store.close()


def test_quotes_leave_the_claims_table_and_every_claim_keeps_its_words(
    tmp_path, petrov_dir
):
    """A store made before 0018 (here: taken back to 0017, which puts each
    quote back in its row) upgrades, verifies and reads the same words."""
    path = tmp_path / "k.db"
    store = Store.open(path)
    import_casefile(store, petrov_dir / "petrov.yaml", actor="test")
    words = {c.id: c.passage.text for c in store.claims()}
    store.close()
    with _store_file(path) as conn:
        _migrate(conn, "0017", down=True)
        kept = dict(conn.exec_driver_sql("SELECT id, quote FROM claims").all())
    assert kept == words and len(words) == 7
    store = Store.open(path)
    with store.engine.connect() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(claims)")]
    assert "quote" not in columns
    assert {c.id: c.passage.text for c in store.claims()} == words
    report = store.verify()
    assert report.ok and report.claims == 7, report.failures
    store.close()


def test_a_records_external_id_finds_its_person_without_a_row_of_refs(
    fresh_store, petrov_dir, tmp_path
):
    """Before 0019 every registry record's external id was a row of
    entity_refs: taken back to 0018 they are there again; upgraded, they are
    gone, a casefile's refs stay, verify passes, and the record's external id
    still finds its person."""
    from kartoteka.ingest.registries.importer import import_registry
    from tests.ingest.registries.samples import write_lists

    store = fresh_store
    import_casefile(store, petrov_dir / "petrov.yaml", actor="test")
    import_registry(store, "memorial-lists", [write_lists(tmp_path)], "t", worker=False)
    persons = {p.id: p for p in store.find_entities("Петрофф")}
    ((pid, petrov),) = persons.items()
    (ref,) = [x for x in petrov.external_ids if x.startswith("record:")]

    def refs() -> list[str]:
        with store.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT ref FROM entity_refs").scalars().all()

    kept = refs()
    assert kept and not [r for r in kept if r.startswith("record:")]
    with store.engine.begin() as conn:
        _migrate(conn, "0018", down=True)
    restored = refs()
    assert ref in restored and len(restored) == len(kept) + 5  # the list's five
    with store.engine.begin() as conn:
        _migrate(conn, "head")
    assert sorted(refs()) == sorted(kept)
    assert [p.id for p in store.find_entities(ref)] == [pid]
    assert store.find_entities(ref.replace(":2", ":99")) == []
    assert store.verify().ok


def test_pieces_of_text_are_compressed_and_read_back_the_same(tmp_path, petrov_dir):
    """Taken back to 0019 the pieces hold their text again; upgraded, they
    hold it compressed, every text and quote reads the same, verify passes."""
    path = tmp_path / "k.db"
    store = Store.open(path)
    import_casefile(store, petrov_dir / "petrov.yaml", actor="test")
    long = Source(id="long", kind="registry", title="A list", text="Якир\n" * 30_000)
    with store.writing("test") as tx:
        tx.put_source(long, index_text=False)
    texts = {m.id: store.text_of(m.id) for m, _ in store.source_metas()}
    words = {c.id: c.passage.text for c in store.claims()}
    store.close()
    with _store_file(path) as conn:
        _migrate(conn, "0019", down=True)
        rows = conn.exec_driver_sql(
            "SELECT source_id, text FROM source_pieces ORDER BY source_id, n"
        ).all()
    back: dict[str, str] = {}
    for source_id, text in rows:
        back[source_id] = back.get(source_id, "") + text
    assert back == texts and len(texts["long"]) == 150_000  # three pieces
    store = Store.open(path)  # upgrades
    with store.engine.connect() as conn:
        columns = [
            r[1] for r in conn.exec_driver_sql("PRAGMA table_info(source_pieces)")
        ]
    assert "text" not in columns and "packed" in columns
    assert {m.id: store.text_of(m.id) for m, _ in store.source_metas()} == texts
    assert {c.id: c.passage.text for c in store.claims()} == words
    assert store.excerpt("long", 65_530, 65_545) == long.text[65_530:65_545]
    assert store.verify().ok
    store.close()
