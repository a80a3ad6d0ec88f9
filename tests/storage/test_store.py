from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka.errors import NotFound, StorageError
from kartoteka.model import Claim, Entity, Name, Passage, Source
from kartoteka.model.vocabulary import EntityKind, Status
from kartoteka.storage import Change, Store

TEXT = "Ivan Petrov was arrested on 3 March 1938."


def _source() -> Source:
    return Source(id="report", kind="archival-file", title="Report", text=TEXT)


def _person() -> Entity:
    return Entity(
        id=Entity.make_id(EntityKind.PERSON, "t", "petrov"),
        kind=EntityKind.PERSON,
        name="Петров Иван",
        names=(Name("Петров Иван"), Name("Ivan Petrov", source="report")),
        external_ids=("casefile:petrov",),
        sex="M",
    )


def _claim(person: Entity) -> Claim:
    passage = Passage("report", 0, len(TEXT), TEXT)
    return Claim(
        id=Claim.make_id(person.id, "arrested", passage),
        subject=person.id,
        predicate="arrested",
        passage=passage,
    )


def _fill(store: Store) -> tuple[Entity, Claim]:
    person = _person()
    claim = _claim(person)
    with store.writing("test", "fixture") as tx:
        tx.put_source(_source())
        tx.put_entity(person)
        tx.put_claim(claim)
    return person, claim


def test_what_is_written_reads_back_the_same(fresh_store):
    person, claim = _fill(fresh_store)
    assert fresh_store.source("report") == _source()
    stored = fresh_store.entity(person.id)
    assert stored.name == person.name
    assert {n.name for n in stored.names} == {"Петров Иван", "Ivan Petrov"}
    assert fresh_store.claims(subject=person.id) == [claim]


def test_the_preferred_name_comes_first(fresh_store):
    person, _ = _fill(fresh_store)
    assert fresh_store.entity(person.id).names[0].name == "Петров Иван"


def test_putting_the_same_thing_twice_changes_nothing(fresh_store):
    person, claim = _fill(fresh_store)
    before = fresh_store.counts()
    with fresh_store.writing("test") as tx:
        assert tx.put_source(_source()) is Change.UNCHANGED
        assert tx.put_entity(person) is Change.UNCHANGED
        assert tx.put_claim(claim) is Change.UNCHANGED
    assert fresh_store.counts() == before


def test_every_write_appends_a_revision(fresh_store):
    _fill(fresh_store)
    kinds = [r.target_kind for r in fresh_store.revisions()]
    assert kinds == ["source", "entity", "name", "name", "claim"]
    assert all(
        r.actor == "test" and r.reason == "fixture" for r in fresh_store.revisions()
    )


def test_an_edit_records_before_and_after(fresh_store):
    person, _ = _fill(fresh_store)
    with fresh_store.writing("editor", "correct the sex") as tx:
        change = tx.put_entity(Entity(**{**vars(person), "sex": "F"}))
    assert change is Change.UPDATED
    last = fresh_store.revisions(person.id)[-1]
    assert (last.action, last.before["sex"], last.after["sex"]) == ("edit", "M", "F")


def test_a_status_change_names_the_reviewer(fresh_store):
    _, claim = _fill(fresh_store)
    with fresh_store.writing("historian", "checked the file") as tx:
        tx.set_status(claim.id, Status.ACCEPTED, reviewer="historian")
    assert fresh_store.claims()[0].status is Status.ACCEPTED
    assert fresh_store.claims()[0].reviewer == "historian"
    assert fresh_store.revisions(claim.id)[-1].action == "status"


def test_a_failed_write_leaves_nothing_behind(fresh_store):
    with pytest.raises(RuntimeError), fresh_store.writing("test") as tx:
        tx.put_source(_source())
        raise RuntimeError("crash mid-import")
    assert fresh_store.counts()["sources"] == 0
    assert fresh_store.counts()["revisions"] == 0
    assert fresh_store.verify().ok


def test_entities_are_found_by_id_key_or_any_name_in_any_case(fresh_store):
    person, _ = _fill(fresh_store)
    for query in (person.id, "petrov", "casefile:petrov", "ivan petrov", "ПЕТРОВ ИВАН"):
        assert [e.id for e in fresh_store.find_entities(query)] == [person.id]
    assert fresh_store.find_entities("Sidorov") == []


def test_unknown_ids_are_not_found(fresh_store):
    with pytest.raises(NotFound, match="no source"):
        fresh_store.source("nothing")
    with pytest.raises(NotFound, match="no entity"):
        fresh_store.entity("per_0000000000000000")


def test_a_store_file_keeps_its_content_across_openings(tmp_path):
    path = tmp_path / "k.db"
    store = Store.open(path)
    _fill(store)
    store.close()
    reopened = Store.open(path)
    assert reopened.counts()["claims"] == 1
    assert reopened.verify().ok
    reopened.close()


def test_a_store_in_a_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StorageError, match="no folder"):
        Store.open(tmp_path / "missing" / "k.db")


def test_source_metadata_comes_without_the_text(fresh_store):
    _fill(fresh_store)
    meta = fresh_store.source_meta("report")
    assert (meta.title, meta.text, meta.sha256) == ("Report", "", _source().sha256)


def test_an_excerpt_is_read_by_character_offsets(fresh_store):
    _fill(fresh_store)
    start = TEXT.index("arrested")
    assert fresh_store.excerpt("report", start, start + 8) == "arrested"
    with pytest.raises(NotFound):
        fresh_store.excerpt("nothing", 0, 1)


def test_an_edited_text_is_read_anew_not_from_pieces_kept(fresh_store):
    """Pieces read are kept by their stored bytes: a text put again with
    other words is read with its new words."""
    with fresh_store.writing("test") as tx:
        tx.put_source(_source())
    assert fresh_store.excerpts([("report", 5, 11)]) == ["Petrov"]
    edited = Source(id="report", kind="archival-file", title="Report",
                    text=TEXT.replace("Petrov", "Sidoro"))  # fmt: skip
    with fresh_store.writing("test") as tx:
        tx.put_source(edited)
    assert fresh_store.excerpts([("report", 5, 11)]) == ["Sidoro"]
    assert fresh_store.text_of("report") == edited.text


def test_ids_of_a_kind_are_listed_without_loading_entities(fresh_store):
    person, _ = _fill(fresh_store)
    assert fresh_store.entity_ids(EntityKind.PERSON) == [person.id]
    assert fresh_store.entity_ids(EntityKind.PLACE) == []


def test_pages_of_a_kind_begin_after_every_size_th_id(demo_store, fresh_store):
    ids = sorted(demo_store.entity_ids(EntityKind.PERSON))
    assert len(ids) == 32
    for size in (1, 5, 32, 33):
        starts = list(demo_store.entity_page_starts(EntityKind.PERSON, size))
        assert starts == ["", *ids[size - 1 :: size]]
    assert list(fresh_store.entity_page_starts(EntityKind.PERSON, 2)) == [""]


def test_events_stream_what_statistics_count_and_skip_rejected_claims(fresh_store):
    person, claim = _fill(fresh_store)
    assert [tuple(r) for r in fresh_store.events(["arrested"])] == [
        (person.id, "arrested", None, {}, "manual")
    ]
    with fresh_store.writing("historian", "wrong person") as tx:
        tx.set_status(claim.id, Status.REJECTED, reviewer="historian")
    assert list(fresh_store.events(["arrested"])) == []


def test_a_name_search_can_return_only_its_first_matches(fresh_store):
    person, _ = _fill(fresh_store)
    assert [e.id for e in fresh_store.find_entities("Ivan Petrov", limit=1)] == [
        person.id
    ]
    assert fresh_store.find_entities("Ivan Petrov", limit=0) == []
    assert fresh_store.find_entities("Ivan Petrov", kind=EntityKind.PLACE) == []


def test_a_migration_keeps_temporary_files_beside_the_store(tmp_path):
    """While migrations run, SQLite's temporary files (a rewritten table's
    old pages) go to the store's folder; afterwards they are in memory again."""
    from kartoteka.storage.engine import _temporary_files_beside, create_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'k.db'}")
    with engine.connect() as conn:
        pragma = conn.connection.driver_connection.execute  # type: ignore[union-attr]
        assert pragma("PRAGMA temp_store").fetchone() == (2,)  # memory
        with _temporary_files_beside(conn, engine):
            assert pragma("PRAGMA temp_store").fetchone() == (1,)  # a file
            (folder,) = pragma("PRAGMA temp_store_directory").fetchone()
            assert folder == str(tmp_path.resolve())
        assert pragma("PRAGMA temp_store").fetchone() == (2,)
    engine.dispose()
    store = Store.open(tmp_path / "k.db")  # migrated through the same helper
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2
    store.close()


def test_compacting_a_store_keeps_every_row(petrov_store):
    from kartoteka.storage.engine import compact

    counts = petrov_store.counts()
    compact(petrov_store.engine)
    assert petrov_store.counts() == counts
    assert petrov_store.verify().ok


_BUILD = """
import base64, random, sys
from kartoteka.model import Source
from kartoteka.storage import Store
store = Store.open(sys.argv[1])
with store.writing("test") as tx:
    # 110 M characters that no compression shortens much: some 85 MB stored
    text = base64.b64encode(random.Random(1).randbytes(82_500_000)).decode()
    tx.put_source(Source(id="big", kind="registry", title="A list", text=text),
                  index_text=False)
store.close()
"""
_COMPACT = """
import resource, sys
from kartoteka.storage import Store
from kartoteka.storage.engine import compact
store = Store.open(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
compact(store.engine)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) * 1024, len(store.source("big").text))
"""


def test_compacting_holds_no_copy_of_the_store_in_memory(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "big.db"
    subprocess.run([sys.executable, "-c", _BUILD, str(path)], check=True)
    size = path.stat().st_size
    assert size > 80 * 2**20
    done = subprocess.run(
        [sys.executable, "-c", _COMPACT, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    grew, kept = map(int, done.stdout.split())
    assert kept == 110_000_000
    # Rebuilt in memory, with the store's page cache, it took twice the
    # store's size (190 MB here); beside the store, a small cache: ~30 MB
    assert grew < size / 2, (grew, size)
    assert not list(tmp_path.glob("etilqs_*"))  # no temporary file left


def test_packed_rows_know_the_json_columns_of_the_schema():
    import sqlalchemy as sa

    from kartoteka.storage.bulk import ORDER
    from kartoteka.storage.packed_rows import JSON_COLUMNS
    from kartoteka.storage.schema import TABLES_WITH_REVISIONS

    assert set(JSON_COLUMNS) == set(ORDER)  # every kind a batch writes
    for kind in ORDER:
        table = TABLES_WITH_REVISIONS[kind]
        declared = {c.name for c in table.columns if isinstance(c.type, sa.JSON)}
        assert JSON_COLUMNS[kind] == declared, kind
