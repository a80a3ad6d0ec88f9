"""`kartoteka links`: every merge listed with its link, filterable, undoable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.interfaces.cli import cli
from kartoteka.linking.edits import judge_pair
from kartoteka.storage import Store
from kartoteka.storage.links import Verdict
from tests.records import petrov_in_two_records


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], obj={})


@pytest.fixture
def merged(tmp_path: Path) -> tuple[Path, str]:
    """Petrov's two records joined by a person's review; the list record's id."""
    db = petrov_in_two_records(tmp_path)
    store = Store.open(db)
    record = next(e.id for e in store.find_entities("Петров Иван Сергеевич")
                  if "record" in e.attributes)  # fmt: skip
    curated = next(e.id for e in store.find_entities("Ivan Petrov"))
    judge_pair(store, curated, record, Verdict.SAME, actor="historian")
    store.close()
    return db, record


def test_every_merge_is_listed_with_who_joined_it_and_how_to_undo(merged):
    db, record = merged
    out = run(db, "links")
    assert out.exit_code == 0, out.output
    assert f"undo: kartoteka unmerge {record}" in out.output
    assert "a person's review by historian" in out.output
    assert "1 merged persons, 1 records joined" in out.output


def test_merges_filter_by_origin_person_and_day(merged):
    db, record = merged
    (one,) = json.loads(
        run(db, "links", "--format", "json", "--person", "Pietrow").output
    )
    assert [j["id"] for j in one["joined"]] == [record]
    assert one["joined"][0]["origin"] == "review"
    assert one["joined"][0]["probability"] is None
    assert (
        json.loads(run(db, "links", "--format", "json", "--origin", "link").output)
        == []
    )
    assert (
        json.loads(run(db, "links", "--format", "json", "--since", "2999-01-01").output)
        == []
    )


def test_the_undo_command_takes_the_record_out_again(merged):
    db, record = merged
    (one,) = json.loads(run(db, "links", "--format", "json").output)
    undo = one["joined"][0]["undo"].split()[1:]
    assert undo == ["unmerge", record]
    assert run(db, *undo).exit_code == 0
    assert json.loads(run(db, "links", "--format", "json").output) == []
