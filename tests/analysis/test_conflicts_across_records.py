"""Conflicts over all one person is: every record linking joined, any calendar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.interfaces.cli import cli
from kartoteka.linking.edits import judge_pair
from kartoteka.storage import Store
from kartoteka.storage.links import Verdict
from tests.records import BIOGRAPHY, CASEFILE, petrov_in_two_records


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], obj={})


@pytest.fixture
def two_records(tmp_path: Path) -> Path:
    return petrov_in_two_records(tmp_path)


def _join(db: Path) -> None:
    store = Store.open(db)
    ids = [e.id for e in store.find_entities("Петров Иван Сергеевич")]
    assert len(ids) == 2
    judge_pair(store, ids[0], ids[1], Verdict.SAME, actor="historian")
    store.close()


def _conflicts(db: Path, *args: str) -> list[dict]:
    result = run(db, "conflicts", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_records_are_compared_only_once_linking_joins_them(two_records):
    assert _conflicts(two_records) == []
    _join(two_records)
    (conflict,) = _conflicts(two_records)
    assert (conflict["kind"], conflict["predicate"]) == ("date", "executed")
    assert conflict["values"] == ["1938-05-20", "1938-05-21"]
    sources = [c["source"] for c in conflict["claims"]]
    assert sources[0] == "bio" and sources[1].startswith("memorial-moscow")


def test_one_day_in_two_calendars_is_one_birth_not_a_conflict(two_records):
    _join(two_records)
    assert all(c["predicate"] != "born" for c in _conflicts(two_records))
    case = json.loads(
        run(two_records, "case", "Ivan Petrov", "--format", "json").output
    )
    (born,) = [e for e in case["events"] if e["type"] == "born"]
    assert born["date"] == "1893-02-16"
    assert len(born["claims"]) == 2
    assert born["same_event"] == [
        "1893-02-04 Old Style is 1893-02-16 New Style: one day in two calendars"
    ]


def test_conflicts_find_the_person_by_any_of_their_names(two_records):
    _join(two_records)
    for name in ("Ivan Petrov", "Петров Иван Сергеевич", "Петров"):
        assert [c["predicate"] for c in _conflicts(two_records, "--person", name)] == [
            "executed"
        ], name


def test_an_explanation_is_a_revision_and_closes_the_conflict(two_records):
    _join(two_records)
    (conflict,) = _conflicts(two_records)
    said = run(
        two_records, "--actor", "historian", "explain", conflict["id"],
        "transcription_error", "--note", "the list's typist",
    )  # fmt: skip
    assert said.exit_code == 0, said.output
    (explained,) = _conflicts(two_records, "--explained")
    assert explained["explained"]["reason"] == "transcription_error"
    assert explained["explained"]["by"] == "historian"
    assert _conflicts(two_records, "--open") == []
    store = Store.open(two_records)
    (revision,) = store.revisions(conflict["id"])
    assert (revision.actor, revision.after["reason"]) == (
        "historian",
        "transcription_error",
    )
    assert store.verify().ok
    text = run(two_records, "case", "Ivan Petrov", "--format", "md").output
    assert "EXPLAINED (transcription_error by historian)" in text


def test_an_unknown_conflict_or_reason_is_a_clear_error(two_records):
    missing = run(two_records, "explain", "cfl_0000000000000000", "translation")
    assert missing.exit_code == 1 and "no conflict" in missing.output
    wrong = run(two_records, "explain", "cfl_0000000000000000", "typo")
    assert wrong.exit_code == 2 and "typo" in wrong.output


def test_conflicts_filter_by_kind_and_source(two_records):
    _join(two_records)
    assert len(_conflicts(two_records, "--kind", "date", "--source", "bio")) == 1
    assert _conflicts(two_records, "--kind", "order") == []
    assert _conflicts(two_records, "--source", "nowhere") == []


def test_a_casefile_date_written_old_style_is_kept_and_compared_new_style(tmp_path):
    (tmp_path / "bio.txt").write_text(
        BIOGRAPHY.replace("16 February", "4 February"), encoding="utf-8"
    )
    casefile = CASEFILE.replace(
        "date: 1893-02-16,", "date: 1893-02-04, calendar: julian,"
    ).replace("16 February", "4 February")
    (tmp_path / "petrov.yaml").write_text(casefile, encoding="utf-8")
    db = tmp_path / "k.db"
    assert run(db, "import", "casefile", str(tmp_path / "petrov.yaml")).exit_code == 0
    (born,) = Store.open(db).claims(predicate="born")
    assert born.date.value == "1893-02-16"
    assert born.qualifiers == {"calendar": "julian", "julian": "1893-02-04"}
    wrong = casefile.replace("calendar: julian", "calendar: byzantine")
    (tmp_path / "petrov.yaml").write_text(wrong, encoding="utf-8")
    refused = run(db, "import", "casefile", str(tmp_path / "petrov.yaml"))
    assert refused.exit_code == 1 and "calendar 'byzantine'" in refused.output
