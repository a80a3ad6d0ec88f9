"""Estimates and quotations as candidate claims; a candidate person merged."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.interfaces.cli import cli
from kartoteka.storage import Store

CASEFILE = """\
casefile: 1
id: army
title: The army and its commissar (test)
curator: test curator
sources:
  - {id: note, file: note.txt, title: A note, language: en}
entities:
  - {id: army, kind: organization, name: Красная армия, names: [Red Army]}
  - {id: orlov, name: Орлов Павел Иванович, sex: M, names: [Pavel Orlov]}
"""
ESSAY = (
    "The purge struck the Red Army hardest. Perhaps as many as 12,000 officers "
    "were dismissed, and 40-50 percent of the colonels were arrested.\n\n"
    "Pavel Orlov said later: “Ivan Sidorov was arrested on May 3, 1938, "
    "and nobody heard of him again.”\n"
)


def run(db: Path, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=stdin, obj={})


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    db = tmp_path / "k.db"
    (tmp_path / "note.txt").write_text("A note.\n", encoding="utf-8")
    (tmp_path / "army.yaml").write_text(CASEFILE, encoding="utf-8")
    (tmp_path / "essay.txt").write_text(ESSAY, encoding="utf-8")
    assert run(db, "import", "casefile", str(tmp_path / "army.yaml")).exit_code == 0
    out = run(db, "add-source", str(tmp_path / "essay.txt"), "--id", "essay",
              "--extract")  # fmt: skip
    assert out.exit_code == 0, out.output
    return db


def _claims(db: Path, predicate: str) -> list:  # type: ignore[type-arg]
    store = Store.open(db)
    return [c for c in store.claims(source_id="essay") if c.predicate == predicate]


def test_an_estimate_is_a_candidate_claim_of_the_organization_it_counts_in(essay):
    store = Store.open(essay)
    army = store.find_entities("Red Army")[0].id
    estimates = {c.passage.text: c for c in _claims(essay, "estimate")}
    many = estimates["Perhaps as many as 12,000 officers"]
    assert many.subject == army
    assert (many.value.value, many.value.unit) == (12000.0, "officers")
    assert many.qualifiers["modality"] == "perhaps as many as"
    assert str(many.certainty) == "possible"
    share = estimates["40-50 percent of the colonels"]
    assert (share.value.low, share.value.high, share.value.unit) == (40, 50, "percent")
    assert share.qualifiers["counted"] == "colonels"
    assert str(share.status) == "candidate"


def test_a_quotation_is_its_speakers_stated_claim_and_voices_its_events(essay):
    store = Store.open(essay)
    orlov = store.find_entities("Pavel Orlov")[0].id
    (stated,) = _claims(essay, "stated")
    assert stated.subject == orlov
    assert stated.passage.text.startswith("“Ivan Sidorov was arrested")
    (arrest,) = _claims(essay, "arrested")
    assert arrest.asserted_by == orlov
    assert arrest.date.value == "1938-05-03"


def test_the_review_shows_the_quantity_and_the_voice(essay):
    out = run(essay, "review", "candidates", "--source", "essay", stdin="k\n" * 10)
    assert "estimate 12,000 officers" in out.output
    assert "in the words of Орлов Павел Иванович" in out.output


def test_a_candidate_person_is_merged_into_a_stored_one_in_review(essay):
    store = Store.open(essay)
    (arrest,) = _claims(essay, "arrested")
    candidate = store.entity(arrest.subject)
    assert candidate.name == "Ivan Sidorov"
    (essay.parent / "p.yaml").write_text(
        "casefile: 1\nid: p\ntitle: t\ncurator: c\nsources:\n"
        "  - {id: note, file: note.txt, title: A note, language: en}\n"
        "entities:\n  - {id: sidorov, name: Сидоров Иван Петрович, sex: M}\n",
        encoding="utf-8",
    )
    assert run(essay, "import", "casefile", str(essay.parent / "p.yaml")).exit_code == 0
    stored = Store.open(essay).find_entities("Сидоров Иван Петрович")[0].id
    order = [c.id for c in _review_order(essay)]
    keys = ["k"] * order.index(arrest.id) + ["m", "Сидоров Иван Петрович", "q"]
    out = run(essay, "--actor", "historian", "review", "candidates",
              "--source", "essay", stdin="\n".join(keys) + "\n")  # fmt: skip
    assert out.exit_code == 0, out.output
    store = Store.open(essay)
    assert sorted(store.cluster_of(candidate.id)) == sorted([candidate.id, stored])
    assert store.judgements()[tuple(sorted((candidate.id, stored)))] == "same"
    assert store.verify().ok


def _review_order(db: Path) -> list:  # type: ignore[type-arg]
    from kartoteka.extract.review import candidates

    return candidates(Store.open(db), "essay")


def test_a_quotation_keeps_its_own_marks_in_the_case_file(essay):
    run(essay, "review", "candidates", "--source", "essay",
        "--accept-rule", "quote:attributed")  # fmt: skip
    out = run(essay, "case", "Pavel Orlov")
    assert "“Ivan Sidorov was arrested" in out.output
    assert "““" not in out.output


SIDOROV = """\
casefile: 1
id: sidorov
title: Sidorov (test)
curator: test curator
defaults: {status: accepted, source: note}
sources:
  - {id: note, file: sidorov-note.txt, title: A note, language: en}
entities:
  - {id: sidorov, name: Сидоров Иван Петрович, sex: M, names: [Ivan Sidorov]}
claims:
  - {subject: sidorov, predicate: executed, date: 1938-05-21,
     quote: "shot on May 21, 1938"}
"""


def test_a_proposal_is_no_evidence_until_it_is_accepted(tmp_path):
    db = tmp_path / "k.db"
    (tmp_path / "sidorov-note.txt").write_text(
        "Ivan Sidorov was shot on May 21, 1938.\n", encoding="utf-8"
    )
    (tmp_path / "sidorov.yaml").write_text(SIDOROV, encoding="utf-8")
    (tmp_path / "other.txt").write_text(
        "Ivan Sidorov was executed on May 20, 1938.\n", encoding="utf-8"
    )
    assert run(db, "import", "casefile", str(tmp_path / "sidorov.yaml")).exit_code == 0
    out = run(db, "add-source", str(tmp_path / "other.txt"), "--id", "other",
              "--extract")  # fmt: skip
    assert "claim created 1" in out.output
    case = run(db, "case", "Ivan Sidorov")
    assert "1 proposed by extraction, awaiting review" in case.output
    assert "May 20, 1938" not in case.output
    assert "0 conflicts" in run(db, "conflicts").output
    run(db, "review", "candidates", "--source", "other", "--accept-rule",
        "event:en:executed")  # fmt: skip
    case = run(db, "case", "Ivan Sidorov")
    assert "awaiting review" not in case.output
    assert "1938-05-20" in run(db, "conflicts").output


def test_what_a_decided_claim_says_is_not_proposed_again(tmp_path):
    db = tmp_path / "k.db"
    (tmp_path / "sidorov-note.txt").write_text(
        "Ivan Sidorov was shot on May 21, 1938.\n", encoding="utf-8"
    )
    (tmp_path / "sidorov.yaml").write_text(SIDOROV, encoding="utf-8")
    assert run(db, "import", "casefile", str(tmp_path / "sidorov.yaml")).exit_code == 0
    out = run(db, "add-source", str(tmp_path / "sidorov-note.txt"), "--id", "note",
              "--extract")  # fmt: skip
    assert "claim already stored 1" in out.output
    assert "claim created" not in out.output
    store = Store.open(db)
    assert [c.origin for c in store.claims(source_id="note")] == ["casefile:sidorov"]
