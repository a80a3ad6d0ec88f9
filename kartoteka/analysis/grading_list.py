"""Grades over the store: each source's authenticity and reliability, each
claim's credibility — the person's judgement, else the source's own record,
beside kartoteka's suggestion — and the writing of a person's grade.

>>> # report = grade_report(store); report.sources[0].reliability.suggested
"""

from __future__ import annotations

from dataclasses import dataclass

from kartoteka.analysis.corroboration import fact_key
from kartoteka.analysis.corroboration_list import CorroborationReport, corroboration
from kartoteka.analysis.grading import (
    Judgement,
    casefile_grade,
    judgement,
    record_of,
    suggest_credibility,
    suggest_reliability,
)
from kartoteka.errors import NotFound, VocabularyError
from kartoteka.model import Claim, Source
from kartoteka.model.argument import Axis, Grade, check_grade
from kartoteka.model.vocabulary import Authenticity, EntityKind
from kartoteka.storage import Change, Store


@dataclass(frozen=True)
class SourceGrades:
    source: Source
    authenticity: Judgement
    reliability: Judgement
    corroborated: int
    disputed: int


@dataclass(frozen=True)
class ClaimGrade:
    claim: Claim
    credibility: Judgement
    origins: int


@dataclass
class GradeReport:
    sources: list[SourceGrades]
    claims: list[ClaimGrade]
    corroboration: CorroborationReport


def _latest(grades: list[Grade], axis: Axis) -> Grade | None:
    found = [g for g in grades if g.axis is axis]
    return max(found, key=lambda g: g.at or "") if found else None


def forged_voices(store: Store) -> frozenset[str]:
    """Documents judged forged (by their record or by a person): what they
    assert is graded improbable."""
    artifacts = store.entities(kind=EntityKind.ARTIFACT)
    graded = store.grades(list(artifacts))
    forged = set()
    for i, e in artifacts.items():
        mine = _latest(graded.get(i, []), Axis.AUTHENTICITY)
        value = mine.value if mine else e.attributes.get("authenticity")
        if value == Authenticity.FORGED:
            forged.add(i)
    return frozenset(forged)


def grade_report(
    store: Store, person: str | None = None, source: str | None = None
) -> GradeReport:
    """Grades of every narrative source, and the credibility of the claims of
    a person or a source (of every narrative source when neither is given)."""
    everything = corroboration(store)
    metas = {s.id: s for s, _length in store.source_metas()}
    graded = store.grades()
    sources = []
    for sid, meta in sorted(metas.items()):
        if source and sid != source:
            continue
        won, lost = record_of(sid, everything.facts)
        sources.append(
            SourceGrades(
                meta,
                _judge(sid, Axis.AUTHENTICITY, graded, meta, (None, _NO_AUTH)),
                _judge(
                    sid, Axis.RELIABILITY, graded, meta, suggest_reliability(won, lost)
                ),
                won,
                lost,
            )
        )
    scope = (
        corroboration(store, person=person, source=source)
        if person or source
        else everything
    )
    facts = {(f.subject, f.predicate, f.object, f.detail): f for f in scope.facts}
    forged = forged_voices(store)
    claims = []
    wanted = {s.claim for f in scope.facts for s in (*f.supports, *f.denials)}
    cited = sorted(
        (scope.claims[i] for i in wanted), key=lambda c: (c.source, c.passage.start)
    )
    for c in cited:
        fact = facts.get(fact_key(c))
        mine = _latest(graded.get(c.id, []), Axis.CREDIBILITY)
        suggestion = suggest_credibility(c, fact, metas[c.source], forged)
        claims.append(
            ClaimGrade(
                c,
                judgement(c.id, Axis.CREDIBILITY, mine, suggestion),
                fact.origins if fact else 0,
            )
        )
    return GradeReport(sources, claims, scope)


_NO_AUTH = (
    "whether a document is what it claims to be is a person's judgement of the "
    "document; kartoteka suggests none"
)


def _judge(
    sid: str,
    axis: Axis,
    graded: dict[str, list[Grade]],
    meta: Source,
    suggestion: tuple[str | None, str],
) -> Judgement:
    mine = _latest(graded.get(sid, []), axis) or casefile_grade(meta, axis)
    return judgement(sid, axis, mine, suggestion)


def grade(
    store: Store, target: str, axis: str, value: str, actor: str, rationale: str | None
) -> Change | str:
    """A person's grade of a source, an artifact or a claim, as a revision."""
    try:
        which = Axis(axis)
        check_grade(which, value)
    except ValueError as exc:
        raise VocabularyError(str(exc)) from None
    if which is Axis.CREDIBILITY:
        store.claim(target)
    elif not store.has_source(target) and not store.find_entities(target):
        raise NotFound(f"no source or document {target!r} to grade")
    with store.writing(actor, reason=rationale or f"graded {which} {value}") as tx:
        return tx.put_grade(Grade(target, which, value, rationale))
