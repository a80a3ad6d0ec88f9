"""Every entity has a file: organizations, places, artifacts, events, and the
claims that name a person only in a qualifier."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kartoteka.analysis.cases import build_case
from kartoteka.ingest.casefile import import_casefile
from kartoteka.interfaces.cli import cli
from kartoteka.model.vocabulary import EntityKind


def test_an_organization_has_a_case_file(demo_store):
    case = build_case(demo_store, "sicherheitsdienst")
    assert case.person.kind is EntityKind.ORGANIZATION
    framed = [c for c in case.relations if c.predicate == "framed"]
    assert framed and "Sicherheitsdienst of the Nazi party" in framed[0].passage.text


def test_the_forged_dossiers_file_follows_every_hand_it_passed_through(demo_store):
    case = build_case(demo_store, "forged letters of the German General Staff")
    assert case.person.kind is EntityKind.ARTIFACT
    hands = {
        (case.label(c.qualifiers.get("from")), case.label(c.qualifiers.get("to")))
        for c in case.relations
        if c.predicate == "transferred"
    }
    assert {("Gestapo", "General Skoblin"), ("General Skoblin", "Edvard Beneš")} <= (
        hands
    )
    assert all(c.source for c in case.relations)


def test_a_person_named_only_in_a_qualifier_has_the_claim_in_his_file(demo_store):
    case = build_case(demo_store, "Skoblin")
    passed = [c for c in case.mentions if c.predicate == "transferred"]
    assert len(passed) == 2  # the letters to Skoblin, and from him to Beneš
    assert {c.qualifiers.get("to") for c in passed} >= {case.person.id}


def test_a_place_has_a_case_file(demo_store):
    case = build_case(demo_store, "Czechoslovakia")
    assert case.person.kind is EntityKind.PLACE
    assert any(c.predicate == "held_position" for c in case.mentions)


TRIAL = """\
casefile: 1
id: trial-test
title: A trial (test)
sources:
  - {id: report, file: report.txt, title: A report}
entities:
  - {id: trial, kind: event, name: Trial of the generals, names: [the secret trial]}
  - {id: yakir, name: Якир Иона Эммануилович, names: [Yakir]}
claims:
  - subject: yakir
    predicate: tried
    source: report
    qualifiers: {court: trial}
    quote: "Yakir was tried in the secret trial"
"""


def test_an_event_such_as_a_trial_has_a_case_file(tmp_path: Path, fresh_store):
    (tmp_path / "report.txt").write_text(
        "Yakir was tried in the secret trial of June 1937.\n", encoding="utf-8"
    )
    (tmp_path / "trial.yaml").write_text(TRIAL, encoding="utf-8")
    import_casefile(fresh_store, tmp_path / "trial.yaml", actor="test")
    case = build_case(fresh_store, "the secret trial")
    assert case.person.kind is EntityKind.EVENT
    assert case.person.id.startswith("evt_")
    assert [c.predicate for c in case.mentions] == ["tried"]


def test_the_case_command_prints_an_organizations_file(demo_db):
    out = CliRunner().invoke(cli, ["--db", str(demo_db), "case", "gestapo"], obj={})
    assert out.exit_code == 0, out.output
    assert "organization" in out.output and "Gestapo" in out.output
    assert "sex not stated" not in out.output
