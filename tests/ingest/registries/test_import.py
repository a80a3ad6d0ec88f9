"""Registry lists into the store: counts, idempotence, interruption, evidence."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from kartoteka.analysis.cases import build_case
from kartoteka.analysis.conflicts import find_conflicts
from kartoteka.ingest.registries import importer, prepare
from kartoteka.ingest.registries.importer import IDENTIFYING, import_registry
from kartoteka.interfaces.cli import cli
from kartoteka.storage.schema import claims, entities

from .samples import MOSCOW, TRUNCATED_TAIL, write_lists, write_moscow


@pytest.fixture
def lists_store(fresh_store, tmp_path):
    report = import_registry(
        fresh_store, "memorial-lists", [write_lists(tmp_path)], "test"
    )
    assert report.ok, report.summary()
    return fresh_store


def test_each_record_becomes_one_person_with_its_claims(lists_store):
    counts = lists_store.counts()
    assert (counts["sources"], counts["entities"]) == (1, 5)
    assert counts["claims"] == 14


def test_registry_claims_are_accepted_and_quote_their_own_record(lists_store):
    source = lists_store.sources()[0]
    for claim in lists_store.claims():
        assert (
            claim.status.value == "accepted"
            and claim.origin == "registry:memorial-lists"
        )
        assert (
            source.text[claim.passage.start : claim.passage.end] == claim.passage.text
        )
    arrest = lists_store.claims(predicate="arrested")[0]
    assert arrest.passage.text == "Арестована  7 марта 1937 г."
    assert arrest.date.as_written == "7 марта 1937 г."


def test_importing_the_same_file_again_changes_nothing(lists_store, tmp_path):
    before = lists_store.counts()
    report = import_registry(
        lists_store, "memorial-lists", [write_lists(tmp_path)], "test"
    )
    assert lists_store.counts() == before
    assert (report.persons_created, report.persons_present) == (0, 5)


def test_an_interrupted_import_leaves_whole_batches_and_a_rerun_completes_it(
    fresh_store, tmp_path, monkeypatch
):
    monkeypatch.setattr(prepare, "BATCH", 2)
    monkeypatch.setattr(importer, "COMMIT_RECORDS", 2)
    path = write_lists(tmp_path)

    def crash_after_first_batch(done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_registry(
            fresh_store, "memorial-lists", [path], "test", crash_after_first_batch
        )
    assert fresh_store.counts()["entities"] == 2
    assert fresh_store.verify().ok
    report = import_registry(fresh_store, "memorial-lists", [path], "test")
    assert (report.persons_created, report.persons_present) == (3, 2)
    assert fresh_store.counts()["entities"] == 5
    assert fresh_store.verify().ok


def test_records_are_written_with_copy_on_postgresql_and_one_insert_on_sqlite(
    fresh_store, tmp_path
):
    statements: list[str] = []
    sa.event.listen(
        fresh_store.engine,
        "before_cursor_execute",
        lambda _c, _cur, sql, *_rest: statements.append(sql),
    )
    import_registry(fresh_store, "memorial-lists", [write_lists(tmp_path)], "test")
    inserts = [s for s in statements if s.startswith("INSERT INTO claims ")]
    if fresh_store.dialect == "postgresql":
        assert inserts == []  # COPY goes past SQLAlchemy, a batch at a time
    else:
        assert len(inserts) == 1  # the batch's claims in one executemany
    assert fresh_store.counts()["claims"] == 14
    assert fresh_store.verify().ok


def test_small_files_share_a_transaction_each_keeping_its_revisions(
    fresh_store, tmp_path
):
    paths = [
        # one page three times over, at other addresses: three sources
        write_moscow(tmp_path, MOSCOW.replace("д.1,", f"д.{n}1,"), f"{n}.htm")
        for n in (1, 2, 3)
    ]
    # the list's identifying fields, declared by an earlier import (their
    # one commit, once per store)
    fresh_store.declare_identifying(IDENTIFYING["memorial-moscow"], "earlier")
    commits = []
    sa.event.listen(fresh_store.engine, "commit", lambda _conn: commits.append(1))
    report = import_registry(fresh_store, "memorial-moscow", paths, "test")
    assert (report.files, report.persons_created) == (3, 9)
    assert len(commits) == 1
    with fresh_store.engine.connect() as conn:
        kinds = conn.execute(
            sa.text("SELECT target_kind, count(*) FROM revisions GROUP BY target_kind")
        ).all()
    assert dict(kinds)["batch"] == 3 and dict(kinds)["source"] == 3
    assert fresh_store.verify().ok


def test_a_transaction_holds_several_batches_each_its_own_revision(
    fresh_store, tmp_path, monkeypatch
):
    monkeypatch.setattr(prepare, "BATCH", 1)
    monkeypatch.setattr(importer, "COMMIT_RECORDS", 2)
    fresh_store.declare_identifying(IDENTIFYING["memorial-lists"], "earlier")
    commits = []
    sa.event.listen(fresh_store.engine, "commit", lambda _conn: commits.append(1))
    import_registry(
        fresh_store, "memorial-lists", [write_lists(tmp_path)], "t", worker=False
    )
    assert len(commits) == 3  # five records: two, two, one
    with fresh_store.engine.connect() as conn:
        batches = conn.execute(
            sa.text("SELECT count(*) FROM revisions WHERE target_kind = 'batch'")
        ).scalar_one()
    assert batches == 5
    assert fresh_store.verify().ok


def test_verify_covers_every_registry_row(lists_store):
    report = lists_store.verify()
    assert report.ok, report.failures
    with lists_store.engine.begin() as conn:
        conn.execute(sa.update(entities).where(entities.c.sex == "F").values(sex="M"))
    failures = lists_store.verify().failures
    assert any("rows of this batch were changed" in f for f in failures)


def test_a_registry_claim_reviewed_later_still_verifies(lists_store):
    claim = lists_store.claims(predicate="executed")[0]
    with lists_store.writing("historian", "the record's date is a typo") as tx:
        tx.set_status(claim.id, claim.status.REJECTED, reviewer="historian")
    assert lists_store.verify().ok
    with lists_store.engine.begin() as conn:
        moved = (
            sa.update(claims)
            .where(claims.c.id == claim.id)
            .values(end=claims.c.end - 1)
        )
        conn.execute(moved)
    assert not lists_store.verify().ok


def test_self_contradictions_are_conflicts_of_their_own(lists_store):
    kinds = {(c.kind, c.predicate) for c in find_conflicts(lists_store.claims())}
    assert kinds == {
        ("family_sentence", "sentenced"),  # раскулачен in 1931, born in 1940
        ("alternative", "executed"),  # 15.01.1895, по другим данным 15.01.1938
        ("range", "executed"),  # 1895 is outside 1900–2025
    }


def test_the_case_shows_the_record_and_its_events(lists_store):
    person = lists_store.find_entities("Сидорова")[0]
    case = build_case(lists_store, person.id)
    assert case.person.attributes["record"]["ref"] == "records.txt:22"
    first = build_case(lists_store, lists_store.claims(predicate="arrested")[0].subject)
    assert [e.predicate for e in first.events] == [
        "born",
        "arrested",
        "sentenced",
        "rehabilitated",
    ]


def test_a_moscow_page_with_a_truncated_record_imports_the_rest_and_exits_1(tmp_path):
    page = write_moscow(tmp_path, MOSCOW + TRUNCATED_TAIL)
    result = CliRunner().invoke(
        cli,
        ["--db", str(tmp_path / "k.db"), "import", "memorial-moscow", str(page)],
        obj={},
    )
    assert result.exit_code == 1
    assert "persons created: 3" in result.output
    assert "1.htm:7: no execution date" in result.output


def test_a_file_in_the_wrong_encoding_is_named_and_the_others_imported(tmp_path):
    good = write_moscow(tmp_path, name="1.htm")
    bad = tmp_path / "2.htm"
    bad.write_bytes(MOSCOW.encode("utf-8").decode("latin-1").encode("utf-8"))
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(tmp_path / "k.db"),
            "import",
            "memorial-moscow",
            str(good),
            str(bad),
        ],
        obj={},
    )
    assert result.exit_code == 1
    assert "persons created: 3" in result.output
    assert (
        "file not imported" in result.output and "2.htm:1: cannot read" in result.output
    )


def test_a_record_giving_the_same_variant_twice_imports(fresh_store, tmp_path):
    text = "(варианты фамилии: Барда, Барда)\nРодился в 1900 г.\n---\n"
    report = import_registry(
        fresh_store, "memorial-lists", [write_lists(tmp_path, text)], "t"
    )
    assert report.persons_created == 1
    assert fresh_store.counts()["names"] == 1


def test_imported_names_are_found_by_full_text_search_once(lists_store, tmp_path):
    hits = [h for h in lists_store.search("Петрофф") if h.kind == "entity"]
    assert len(hits) == 1
    import_registry(lists_store, "memorial-lists", [write_lists(tmp_path)], "test")
    again = [h for h in lists_store.search("Петрофф") if h.kind == "entity"]
    assert again == hits
