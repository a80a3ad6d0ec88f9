"""A question's ACH matrix over the store: every rated claim as evidence with
its credibility and independent origin, scored by each scorer, and the
linchpin table; and the writes an editor makes (questions, hypotheses,
ratings), each a revision.

>>> # result = weigh(store, "dossier-origin"); result.ranks["bayesian"]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kartoteka.analysis import ach
from kartoteka.analysis.custody import custody
from kartoteka.analysis.grading_list import grade_report
from kartoteka.errors import NotFound, VocabularyError
from kartoteka.model import Claim
from kartoteka.model.argument import (
    CellRating,
    Hypothesis,
    Question,
    Rating,
    Relevance,
)
from kartoteka.model.ids import is_slug
from kartoteka.storage import Store


@dataclass
class Row:
    """One piece of evidence: the claim, its ratings with their reasons."""

    evidence: ach.Evidence
    claim: Claim
    cells: dict[str, CellRating]  # hypothesis id → the rating as given
    diagnosticity: float
    why_not_diagnostic: str | None  # set when the custody chains mark it


@dataclass
class Weighed:
    question: Question
    rows: list[Row]
    scores: dict[str, dict[str, float]]  # scorer → hypothesis → score
    ranks: dict[str, dict[str, int]]
    posterior: dict[str, float]
    likelihoods: dict[str, dict[str, float]]  # claim → hypothesis → P'(E|H)
    linchpins: list[ach.Dropped]
    names: dict[str, str]


def question_of(store: Store, question_id: str) -> Question:
    found = store.question(question_id)
    if found is None:
        known = ", ".join(q.id for q in store.questions()) or "none yet"
        raise NotFound(f"no question {question_id!r}; known: {known}")
    return found


def weigh(store: Store, question_id: str) -> Weighed:
    """The matrix of a question, scored every way, with its linchpins."""
    question = question_of(store, question_id)
    hypotheses = question.hypothesis_ids
    cells: dict[str, dict[str, CellRating]] = {}
    for r in store.ratings(question.id):
        cells.setdefault(r.claim, {})[r.hypothesis] = r
    grades = grade_report(store)
    credibility = {g.claim.id: g.credibility for g in grades.claims}
    origins = {
        s.claim: s.roots
        for f in grades.corroboration.facts
        for s in (*f.supports, *f.denials)
    }
    shared = custody(store, question.artifact).non_diagnostic_claims() if (
        question.artifact
    ) else set()  # fmt: skip
    rows = []
    for claim_id, given in sorted(cells.items()):
        claim = store.claim(claim_id)
        judged = credibility.get(claim_id)
        grade = (judged.value or judged.suggested) if judged else None
        evidence = ach.Evidence(
            claim=claim_id,
            source=claim.source,
            origins=tuple(origins.get(claim_id, (claim.source,))),
            ratings={h: str(given[h].rating) for h in given},
            credibility=grade or "6",
            relevance=str(max((c.relevance for c in given.values()), key=_weight)),
            non_diagnostic=claim_id in shared,
        )
        why = (
            "every rival custody chain has this step, so it cannot tell them apart"
            if claim_id in shared
            else None
        )
        rows.append(
            Row(evidence, claim, given, ach.diagnosticity(evidence, hypotheses), why)
        )
    evidence = [r.evidence for r in rows]
    scores = {s: ach.score(hypotheses, evidence, s) for s in ach.SCORERS}
    ids = {claim.subject for claim in (r.claim for r in rows)} | {
        b for h in question.hypotheses for b in h.blames
    }
    return Weighed(
        question=question,
        rows=rows,
        scores=scores,
        ranks={s: ach.ranking(v, s) for s, v in scores.items()},
        posterior=ach.posterior(scores["bayesian"]),
        likelihoods={
            e.claim: {
                h: round(ach.likelihood(e.ratings[h], e.credibility), 4)
                for h in hypotheses
                if h in e.ratings and e.ratings[h] != "NA"
            }
            for e in evidence
        },
        linchpins=ach.linchpins(hypotheses, evidence),
        names={i: e.name for i, e in store.entities(sorted(ids)).items()},
    )


def _weight(relevance: Relevance) -> float:
    return ach.RELEVANCE[str(relevance)]


# -- an editor's writes --------------------------------------------------------


def save_question(
    store: Store,
    question_id: str,
    text: str,
    hypotheses: list[tuple[str, str]],
    actor: str,
    artifact: str | None = None,
) -> Question:
    """Create a question, or change its words and add hypotheses; a revision.
    Hypotheses already there keep their words and what they blame."""
    if not is_slug(question_id):
        raise VocabularyError(f"question id {question_id!r} must be a slug")
    before = store.question(question_id)
    kept = {h.id: h for h in before.hypotheses} if before else {}
    for key, words in hypotheses:
        if not is_slug(key):
            raise VocabularyError(f"hypothesis id {key!r} must be a slug")
        kept.setdefault(key, Hypothesis(key, words))
    if len(kept) < 2:
        raise VocabularyError("a question needs at least two rival hypotheses")
    question = Question(
        question_id,
        text or (before.text if before else ""),
        tuple(kept.values()),
        artifact or (before.artifact if before else None),
        before.note if before else None,
        origin="person",
    )
    if not question.text:
        raise VocabularyError("give the question's words")
    with store.writing(actor, reason=f"question {question_id}") as tx:
        tx.put_question(question)
    return question


def rate(
    store: Store,
    question_id: str,
    hypothesis: str,
    claim_id: str,
    rating: str,
    actor: str,
    rationale: str | None = None,
    relevance: str = "medium",
) -> CellRating:
    """Rate one claim against one hypothesis; a revision by the editor."""
    question = question_of(store, question_id)
    if hypothesis not in question.hypothesis_ids:
        raise NotFound(
            f"no hypothesis {hypothesis!r} in {question_id}; "
            f"known: {', '.join(question.hypothesis_ids)}"
        )
    store.claim(claim_id)
    try:
        cell = CellRating(question_id, hypothesis, claim_id, Rating(rating),
                          Relevance(relevance), rationale or None)  # fmt: skip
    except ValueError:
        raise VocabularyError(
            f"rating {rating!r} or relevance {relevance!r} unknown: ratings are "
            "CC, C, N, I, II, NA; relevance high, medium, low"
        ) from None
    with store.writing(actor, reason=rationale or f"rated {rating}") as tx:
        tx.put_rating(cell)
    return replace(cell, by=actor)
