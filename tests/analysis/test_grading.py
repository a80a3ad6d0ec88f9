"""Grades: a person's judgement beside a suggestion, each with its reason."""

from __future__ import annotations

import pytest

from kartoteka.analysis.grading import suggest_credibility
from kartoteka.analysis.grading_list import grade, grade_report
from kartoteka.errors import VocabularyError
from kartoteka.model import Claim, Passage, Source
from kartoteka.model.vocabulary import Certainty, Stance


def test_f_means_too_little_to_judge_not_worst(demo_store):
    report = grade_report(demo_store)
    weissberg = next(s for s in report.sources if s.source.id == "weissberg-1951")
    assert weissberg.reliability.suggested == "F"
    assert "cannot be judged" in weissberg.reliability.suggested_meaning
    assert "at least 3" in weissberg.reliability.why


def test_the_casefiles_grade_is_shown_as_the_source_record(demo_store):
    roberts = next(
        s for s in grade_report(demo_store).sources if s.source.id == "roberts-1964"
    )
    assert (roberts.reliability.value, roberts.reliability.by) == ("C", "source record")
    assert roberts.authenticity.value == "authentic"
    assert roberts.authenticity.suggested is None  # a person's judgement only


def test_a_persons_grade_stands_beside_the_suggestion(demo_store):
    grade(demo_store, "aragon-1964", "reliability", "E", "historian",
          "chosen to write the official line")  # fmt: skip
    aragon = next(
        s for s in grade_report(demo_store).sources if s.source.id == "aragon-1964"
    )
    assert (aragon.reliability.value, aragon.reliability.by) == ("E", "historian")
    assert aragon.reliability.rationale == "chosen to write the official line"
    assert aragon.reliability.suggested == "D"  # computed, kept beside it
    assert demo_store.verify().ok


def test_a_grade_off_its_scale_is_refused(demo_store):
    with pytest.raises(VocabularyError, match="A, B, C, D, E, F"):
        grade(demo_store, "aragon-1964", "reliability", "7", "historian", None)
    with pytest.raises(VocabularyError, match="1, 2, 3, 4, 5, 6"):
        claim = demo_store.claims(predicate="executed")[0].id
        grade(demo_store, claim, "credibility", "A", "historian", None)


def test_what_the_forged_dossier_asserts_is_improbable(demo_store):
    report = grade_report(demo_store, person="Tukhachevsky")
    agent = [
        c for c in report.claims
        if c.claim.predicate == "agent_of" and c.claim.stance is Stance.AFFIRMS
    ]  # fmt: skip
    assert agent and all(c.credibility.suggested == "5" for c in agent)


def test_confirmed_needs_two_independent_origins(demo_store):
    report = grade_report(demo_store, person="Tukhachevsky")
    confirmed = [c for c in report.claims if c.credibility.suggested == "1"]
    assert confirmed and all(c.origins >= 2 for c in confirmed)
    assert all("independent origins" in c.credibility.why for c in confirmed)


def test_a_date_another_origin_contradicts_is_doubtful(demo_store):
    report = grade_report(demo_store, person="Yakir")
    rehab = [c for c in report.claims if c.claim.predicate == "rehabilitated"]
    assert {c.claim.date.value for c in rehab} == {"1956", "1961-10"}
    assert all(c.credibility.suggested == "4" for c in rehab)


def test_a_single_possible_claim_is_possibly_true():
    claim = Claim("c", "p", "executed", Passage("s", 0, 1, "x"),
                  certainty=Certainty.POSSIBLE)  # fmt: skip
    source = Source("s", "article", "t", reliability="B")
    assert suggest_credibility(claim, None, source)[0] == "3"
    sure = Claim("c", "p", "executed", Passage("s", 0, 1, "x"))
    assert suggest_credibility(sure, None, source)[0] == "2"
    unknown = Source("s", "article", "t", reliability="F")
    assert suggest_credibility(sure, None, unknown)[0] == "6"
