"""The hypotheses section: questions, rival answers, ratings of named claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka.errors import CasefileError
from kartoteka.ingest.casefile import import_casefile, read_casefile
from kartoteka.model.argument import Rating, Relevance
from kartoteka.storage.arguments import KEPT

QUESTION = """
hypotheses:
  - id: death
    question: How did Petrov die?
    hypotheses:
      - {id: shot, text: "He was shot in 1938", blames: [nkvd]}
      - {id: camp, text: "He died in a camp in 1943"}
    ratings:
      - claim: shot-1938
        relevance: high
        shot: CC
        camp: II
        why: the report gives the day he was shot
"""


def _with_question(path: Path, extra: str = QUESTION) -> Path:
    text = path.read_text(encoding="utf-8").replace(
        "  - subject: petrov\n    predicate: executed",
        "  - id: shot-1938\n    subject: petrov\n    predicate: executed",
    )
    path.write_text(text + extra, encoding="utf-8")
    return path


def test_a_question_and_its_ratings_are_read(petrov_dir):
    casefile = read_casefile(_with_question(petrov_dir / "petrov.yaml"))
    (question,) = casefile.questions
    assert question.hypothesis_ids == ("shot", "camp")
    assert question.origin == "casefile:petrov-test"
    assert len(question.hypotheses[0].blames) == 1
    ratings = {r.hypothesis: r for r in casefile.ratings}
    assert ratings["shot"].rating is Rating.VERY_CONSISTENT
    assert ratings["camp"].rating is Rating.VERY_INCONSISTENT
    assert ratings["shot"].relevance is Relevance.HIGH
    assert ratings["shot"].rationale == "the report gives the day he was shot"


def test_problems_in_the_section_name_their_lines(petrov_dir):
    bad = QUESTION.replace("claim: shot-1938", "claim: no-such-claim").replace(
        "camp: II", "camp: XX"
    )
    path = _with_question(petrov_dir / "petrov.yaml", bad)
    with pytest.raises(CasefileError) as caught:
        read_casefile(path)
    problems = [str(p) for p in caught.value.problems]
    assert any("no-such-claim" in p and "give that claim `id:" in p for p in problems)
    line = next(
        i
        for i, text in enumerate(path.read_text().splitlines(), 1)
        if "no-such-claim" in text
    )
    assert any(f":{line}:" in p for p in problems)


def test_a_question_needs_two_hypotheses(petrov_dir):
    one = QUESTION.replace(
        '      - {id: camp, text: "He died in a camp in 1943"}\n', ""
    )
    one = one.replace("        camp: II\n", "")
    with pytest.raises(CasefileError, match="at least two rival hypotheses"):
        read_casefile(_with_question(petrov_dir / "petrov.yaml", one))


def test_import_writes_them_once_and_keeps_a_persons_rating(fresh_store, petrov_dir):
    store = fresh_store
    path = _with_question(petrov_dir / "petrov.yaml")
    first = import_casefile(store, path, actor="curator")
    assert first.changes["question", "created"] == 1
    assert first.changes["rating", "created"] == 2
    again = import_casefile(store, path, actor="curator")
    assert again.changes["rating", "unchanged"] == 2
    # An editor changes one rating; the casefile's next import leaves it.
    (shot,) = [r for r in store.ratings("death") if r.hypothesis == "camp"]
    from kartoteka.analysis.hypotheses import rate

    rate(store, "death", "camp", shot.claim, "I", "editor", "the memoir says 1943")
    third = import_casefile(store, path, actor="curator")
    assert third.changes["rating", KEPT] == 1
    (kept,) = [r for r in store.ratings("death") if r.hypothesis == "camp"]
    assert (kept.rating, kept.by, kept.origin) == (
        Rating.INCONSISTENT,
        "editor",
        "person",
    )
    assert store.verify().ok
