"""`kartoteka link` over a small store: merges, namesakes, judgements, unmerge."""

from __future__ import annotations

import os

import pytest

from kartoteka.analysis.cases import build_case
from kartoteka.errors import NotFound
from kartoteka.linking.edits import judge_pair, unmerge
from kartoteka.linking.features import features_of, person_row
from kartoteka.linking.run import link_store
from kartoteka.model import Claim, Entity, Literal, Name, Passage, Source
from kartoteka.model.identifying import IdentifyingField
from kartoteka.model.vocabulary import EntityKind, SourceKind, Status
from kartoteka.storage.links import Verdict

from .people import PEOPLE, write_people


@pytest.fixture
def people(fresh_store):
    return fresh_store, write_people(fresh_store)


def _clusters(store, ids):
    key = {v: k for k, v in ids.items()}
    found: dict[str, set[str]] = {}
    for member, head in store.links().items():
        found.setdefault(key[head], set()).add(key[member])
    return found


def test_one_man_under_three_records_becomes_one_person(people):
    store, ids = people
    report = link_store(store, "test")
    clusters = _clusters(store, ids)
    # the casefile's person (c) heads the records a and b (b with a Latin H)
    assert clusters["c"] == {"a", "b", "c"}
    assert {"e", "g"} in clusters.values()
    assert not any({"d"} & members for members in clusters.values())  # the brother
    assert report.merged == 5 and store.verify().ok


def test_namesakes_go_to_review_not_into_one_person(people):
    store, ids = people
    report = link_store(store, "test")
    queued = {frozenset((a, b)) for a, b, _ in store.link_queue()}
    assert frozenset((ids["e"], ids["f"])) in queued
    assert not any(ids["f"] in members for members in [set(store.cluster_of(ids["e"]))])
    assert report.held_back >= 1


def test_a_second_run_changes_nothing(people):
    store, _ = people
    link_store(store, "test")
    revisions = store.counts()["revisions"]
    again = link_store(store, "test")
    assert (again.merged, again.unlinked) == (0, 0)
    assert store.counts()["revisions"] == revisions


def test_not_same_is_never_overridden_by_a_later_run(people):
    store, ids = people
    link_store(store, "test")
    unmerge(store, ids["b"], "historian", reason="the H record is another man")
    assert ids["b"] not in store.links()
    link_store(store, "test")
    assert ids["b"] not in store.cluster_of(ids["a"])
    assert store.judgements()[tuple(sorted((ids["a"], ids["b"])))] == "not_same"
    assert store.verify().ok


def test_same_joins_a_queued_pair_and_unmerge_takes_it_apart(people):
    store, ids = people
    link_store(store, "test")
    members = judge_pair(store, ids["e"], ids["f"], Verdict.SAME, "historian")
    assert set(members) == {ids["e"], ids["f"], ids["g"]}
    assert (ids["e"], ids["f"]) not in {(a, b) for a, b, _ in store.link_queue()}
    link_store(store, "test")  # the judgement holds
    assert ids["f"] in store.cluster_of(ids["e"])
    unmerge(store, ids["f"], "historian")
    assert ids["f"] not in store.cluster_of(ids["e"])
    with pytest.raises(NotFound):
        unmerge(store, ids["d"], "historian")
    revisions = [r for r in store.revisions() if r.target_kind == "link"]
    assert any(r.action == "delete" and r.target_id == ids["f"] for r in revisions)


def test_the_case_file_of_a_merged_person_shows_every_record(people):
    store, ids = people
    link_store(store, "test")
    case = build_case(store, ids["a"])
    assert case.person.id == ids["c"]
    assert {r.source for r in case.records} == {"linking-a", "linking-b"}
    born = [e for e in case.events if e.predicate == "born"]
    assert {c.source for e in born for c in e.claims} == {
        "linking-a",
        "linking-b",
        "linking-c",
    }


def test_words_naming_several_records_of_one_merged_person_find_that_person(people):
    store, ids = people
    with pytest.raises(NotFound, match="names 2 persons"):
        build_case(store, "Тухачевский Михаил")  # a and b, not yet one
    link_store(store, "test")
    case = build_case(store, "Тухачевский Михаил")
    assert case.person.id == ids["c"]
    with pytest.raises(NotFound, match="names 2 persons"):
        build_case(store, "Иванов Иван")  # e and g are one; f is another man


def test_a_merged_person_exports_once_with_every_record(people):
    from kartoteka.exports.jsonl import persons

    store, ids = people
    link_store(store, "test")
    exported = {p["id"]: p for p in persons(store)}
    assert ids["a"] not in exported and ids["b"] not in exported
    merged = exported[ids["c"]]
    assert sorted(merged["merged_from"]) == sorted([ids["a"], ids["b"]])
    assert {r["source"] for r in merged["records"]} == {"linking-a", "linking-b"}
    names = {n["name"] for n in merged["names"]}
    assert {"Тухачевский Михаил Hиколаевич", "M. N. Tukhachevsky"} <= names
    assert len(exported) == len(ids) - 3  # a, b into c; e into g or g into e


def test_a_blocking_that_would_score_too_many_pairs_is_refused(people, monkeypatch):
    from kartoteka.errors import KartotekaError
    from kartoteka.linking import score

    store, _ = people
    monkeypatch.setattr(score, "BUDGET_FROM", 0)
    monkeypatch.setattr(score, "MAX_PAIRS", 1)
    with pytest.raises(KartotekaError, match="over the budget of 1 "):
        link_store(store, "test")
    assert store.links() == {}


def test_duckdb_spills_into_a_folder_of_its_own_removed_afterwards(
    people, monkeypatch, tmp_path
):
    import tempfile

    from kartoteka.linking import score

    store, _ = people
    scratch, work = tmp_path / "scratch", tmp_path / "work"
    scratch.mkdir()
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(work)
    spills: list[str] = []
    original = score.duckdb_api

    limits: list[str] = []

    def watched(cleanup):
        api = original(cleanup)
        ((folder, limit),) = api._con.execute(
            "select current_setting('temp_directory'), current_setting('memory_limit')"
        ).fetchall()
        spills.append(folder)
        limits.append(limit)
        return api

    monkeypatch.setattr(score, "duckdb_api", watched)
    link_store(store, "test")
    assert spills and spills[0].startswith(str(scratch))
    assert list(scratch.iterdir()) == [] and list(work.iterdir()) == []
    # it spills at half the machine's memory, not DuckDB's default 80 %
    machine = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    amount, unit = limits[0].split()
    limit = float(amount) * {"MiB": 2**20, "GiB": 2**30, "TiB": 2**40}[unit]
    assert 0.4 * machine < limit < 0.6 * machine


def test_linking_reads_the_date_of_execution_or_death(people):
    store, ids = people
    text = "Иванов Иван Петрович, расстрелян 2 ноября 1937 г."
    source = Source(id="linking-death", kind=SourceKind.REGISTRY, title="d", text=text)
    at = text.index("расстрелян")
    passage = Passage(source.id, at, len(text), text[at:])
    with store.writing("test", "a date of death") as tx:
        tx.put_source(source)
        tx.put_claim(
            Claim(
                id=Claim.make_id(ids["e"], "executed", passage),
                subject=ids["e"],
                predicate="executed",
                passage=passage,
                date=Literal("date", "1937-11-02", as_written="2 ноября 1937 г."),
                status=Status.ACCEPTED,
                origin="test",
            )
        )
    died = {row[0]: row[5] for row in store.persons_for_linking()}
    assert died[ids["e"]] == "1937-11-02"
    assert died[ids["g"]] is None
    features = features_of(
        person_row(ids["e"], ["Иванов Иван Петрович"], death=died[ids["e"]])
    )
    assert (features["death_year"], features["death_date"]) == (1937, "1937-11-02")


def test_linking_reads_each_person_once_with_their_own_names_and_dates(people):
    """The persons, their names and their dates are read side by side in
    order of id: nobody else's name or date slips in, an organisation's
    included, and each date is a person's earliest."""
    store, ids = people
    text = "НКВД; Иванов Иван Петрович, род. 1899, арест. 1937-08-01, 1938-01-05"
    source = Source(id="linking-more", kind=SourceKind.REGISTRY, title="m", text=text)
    org = Entity.make_id(EntityKind.ORGANIZATION, "linking-test", "nkvd")

    def claim(subject, predicate, words, date):
        at = text.index(words)
        passage = Passage(source.id, at, at + len(words), words)
        return Claim(
            id=Claim.make_id(subject, predicate, passage),
            subject=subject,
            predicate=predicate,
            passage=passage,
            date=Literal("date", date, as_written=words),
            status=Status.ACCEPTED,
            origin="test",
        )

    with store.writing("test", "more to read") as tx:
        tx.put_source(source)
        tx.put_entity(Entity(org, EntityKind.ORGANIZATION, "НКВД", (Name("НКВД"),)))
        tx.put_claim(claim(org, "born", "НКВД", "1934"))
        tx.put_claim(claim(ids["e"], "born", "род. 1899", "1899"))
        tx.put_claim(claim(ids["e"], "arrested", "1938-01-05", "1938-01-05"))
        tx.put_claim(claim(ids["e"], "arrested", "арест. 1937-08-01", "1937-08-01"))
    arrested = IdentifyingField("arrested", "date")
    read = {row[0]: row for row in store.persons_for_linking([arrested])}
    assert set(read) == set(ids.values())  # the organisation is no person
    for key, (names, sex, born, place, registry) in PEOPLE.items():
        row = read[ids[key]]
        assert row[1] == names and row[2] == sex and row[3] == place
        assert row[4] == ("1899" if key == "e" else born)  # the earliest
        assert row[6] is not registry  # a casefile's person is curated
        assert row[7] == (("1937-08-01",) if key == "e" else (None,))
