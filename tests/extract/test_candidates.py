"""From prose to claims: add-source --extract, review candidates, claim add."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.interfaces.cli import cli
from kartoteka.storage import Store

RUSSIAN = (
    "Сидоро́в Пётр Ива́нович (1890—1938) — комдив. "
    "Арестован 3 марта 1938 года. Расстрелян 20 мая 1938 года. "
    "Реабилитирован в 1957 году.\n"
)


def run(db: Path, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=stdin, obj={})


@pytest.fixture
def extracted(tmp_path: Path) -> Path:
    db, text = tmp_path / "k.db", tmp_path / "sidorov.txt"
    text.write_text(RUSSIAN, encoding="utf-8")
    out = run(db, "add-source", str(text), "--id", "bse", "--language", "ru",
              "--extract")  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "claim created: 3" in out.output.replace(
        "claim created 3", "claim created: 3"
    )
    return db


def test_extracted_events_are_candidates_about_a_candidate_person(extracted):
    store = Store.open(extracted)
    claims = store.claims(source_id="bse")
    assert {(c.predicate, c.date.value, str(c.status)) for c in claims} == {
        ("arrested", "1938-03-03", "candidate"),
        ("executed", "1938-05-20", "candidate"),
        ("rehabilitated", "1957", "candidate"),
    }
    (person,) = store.entities(sorted({c.subject for c in claims})).values()
    assert person.name == "Сидоров Пётр Иванович"
    assert all(c.origin.startswith("extract:event:ru:") for c in claims)
    assert store.verify().ok


def test_extracting_the_same_source_again_changes_nothing(extracted, tmp_path):
    again = run(extracted, "add-source", str(tmp_path / "sidorov.txt"), "--extract")
    assert "claim unchanged 3" in again.output


def test_a_rules_candidates_are_accepted_at_once_as_revisions(extracted):
    rule = "event:ru:executed:person-of-an-earlier-sentence"
    out = run(extracted, "--actor", "historian", "review", "candidates",
              "--source", "bse", "--accept-rule", rule)  # fmt: skip
    assert "accepted: 1 candidates" in out.output
    store = Store.open(extracted)
    (shot,) = store.claims(predicate="executed")
    assert (str(shot.status), shot.reviewer) == ("accepted", "historian")
    assert store.revisions(shot.id)[-1].actor == "historian"


def test_a_candidate_is_corrected_and_rejected_in_the_terminal(extracted):
    out = run(extracted, "--actor", "historian", "review", "candidates",
              "--source", "bse", stdin="d\n1938-03-04\nr\nq\n")  # fmt: skip
    assert out.exit_code == 0, out.output
    store = Store.open(extracted)
    (arrest,) = store.claims(predicate="arrested")
    assert (arrest.date.value, str(arrest.status)) == ("1938-03-04", "accepted")
    (shot,) = store.claims(predicate="executed")
    assert str(shot.status) == "rejected"


def test_a_claim_is_added_by_hand_with_its_quote_found_loosely(extracted):
    quote = "Сидоров Петр Иванович (1890-1938)"  # no stress marks, ё, or dash
    entry = ["--subject", "Sidorov", "--predicate", "born", "--date", "1890"]
    out = run(extracted, "--actor", "historian", "claim", "add", "bse", "--quote",
              quote, *entry)  # fmt: skip
    assert out.exit_code == 0, out.output
    store = Store.open(extracted)
    (born,) = store.claims(predicate="born")
    assert born.passage.text == "Сидоро́в Пётр Ива́нович (1890—1938)"
    assert (str(born.status), born.reviewer) == ("accepted", "historian")
    assert store.verify().ok


def test_a_quote_not_in_the_source_names_the_closest_passage(extracted):
    out = run(extracted, "claim", "add", "bse", "--quote", "Расстрелян 21 мая 1938",
              "--subject", "Sidorov", "--predicate", "executed")  # fmt: skip
    assert out.exit_code == 1
    assert "closest passage" in out.output and "Расстрелян 20 мая 1938" in out.output
