"""A registry person's export record built from rows is the one their case gives."""

from __future__ import annotations

from kartoteka.exports import person_pages
from kartoteka.ingest.registries.importer import import_registry
from kartoteka.storage import Store
from tests.case_records import one_by_one as _one_by_one
from tests.ingest.registries.samples import write_lists, write_moscow


def _registry_store(store: Store, folder) -> Store:
    for fmt, path in (
        ("memorial-lists", write_lists(folder)),
        ("memorial-moscow", write_moscow(folder)),
    ):
        import_registry(store, fmt, [path], "test", worker=False)
    return store


def test_every_registry_person_is_written_as_their_case_gives_them(
    fresh_store, tmp_path
):
    store = _registry_store(fresh_store, tmp_path)
    expected = _one_by_one(store)
    assert len(expected) == 8  # five list records, three Moscow ones
    # Some records conflict with themselves (born 1940, sentenced 1931; an
    # alternative date), the others are plain: both ways are taken.
    assert any(r["conflicts"] for r in expected)
    assert any(not r["conflicts"] for r in expected)
    for size in (1, 2, 1000):  # pages cut anywhere
        assert list(person_pages.every_person_record(store, size)) == expected


def test_only_a_record_that_can_conflict_only_with_itself_is_built_from_its_rows(
    fresh_store, tmp_path
):
    store = _registry_store(fresh_store, tmp_path)
    found, claim_rows = store.person_page_rows("", 1000)
    plain = {
        pid: person_pages._plain(person, claim_rows.get(pid, []))
        for pid, person in found.items()
    }
    by_record = {r["id"]: r for r in _one_by_one(store)}
    own_kinds = {"order", "family_sentence", "range"}  # a record against itself
    for pid, is_plain in plain.items():
        kinds = {c["kind"] for c in by_record[pid]["conflicts"]}
        if is_plain:
            assert kinds <= own_kinds, pid
    assert sum(plain.values()) >= 3  # the teacher from Tver, the Tula man, …
    # born 1940 and sentenced in 1931: plain, and its conflict written
    assert any(plain[p] and by_record[p]["conflicts"] for p in plain)
    # an alternative reading ("по другим данным") goes through the case
    assert any(
        not plain[p]
        and {c["kind"] for c in by_record[p]["conflicts"]} & {"alternative"}
        for p in plain
    )


def test_a_reviewed_claim_sends_its_person_through_the_case(fresh_store, tmp_path):
    from kartoteka.model.vocabulary import Status

    store = _registry_store(fresh_store, tmp_path)
    found, claim_rows = store.person_page_rows("", 1000)
    pid = next(p for p in found if person_pages._plain(found[p], claim_rows.get(p, [])))
    claim_id = claim_rows[pid][0][0]
    with store.writing("test", "a misread date") as tx:
        tx.set_status(claim_id, Status.REJECTED, reviewer="test")
    found, claim_rows = store.person_page_rows("", 1000)
    assert not person_pages._plain(found[pid], claim_rows[pid])
    assert list(person_pages.every_person_record(store)) == _one_by_one(store)


def test_driver_rows_give_the_claims_sqlalchemy_rows_give(petrov_store):
    # The exports read the driver's tuples (IN lists expanded, JSON decoded
    # on SQLite, already decoded on PostgreSQL): the same claims as the store's.
    subjects = sorted({c.subject for c in petrov_store.claims()})
    about = petrov_store.claims_about(subjects)
    assert sum(map(len, about.values())) == len(petrov_store.claims())
    for subject in subjects:
        expected = sorted(petrov_store.claims(subject=subject), key=lambda c: c.id)
        assert sorted(about[subject], key=lambda c: c.id) == expected
    assert any(c.qualifiers for cs in about.values() for c in cs)
