"""Source grading: authenticity, reliability (A–F) and credibility (1–6) kept
apart, each a person's judgement shown beside what kartoteka computes, with
the reasons of both. F and 6 mean "cannot be judged", not "worst".

A suggestion never replaces a judgement: it is computed at each reading and
never stored; a person's grade is a revision with its rationale.

>>> suggest_reliability(corroborated=9, disputed=0)
('B', '9 of its 9 checkable passages are corroborated by an independent origin')
>>> suggest_reliability(corroborated=1, disputed=0)[0]
'F'
"""

from __future__ import annotations

from dataclasses import dataclass

from kartoteka.analysis.corroboration import Fact
from kartoteka.model import Claim, Source
from kartoteka.model.argument import CREDIBILITY, Axis, Grade
from kartoteka.model.vocabulary import RELIABILITY, Authenticity, Certainty, Stance

CHECKABLE = 3  # facts of a source that must be checkable before its record counts


@dataclass(frozen=True)
class Judgement:
    """One axis of one source or claim: a person's grade and the suggestion."""

    target: str
    axis: Axis
    value: str | None  # the person's grade; None when nobody has graded it
    meaning: str | None
    rationale: str | None
    by: str | None  # who graded it ("casefile" when the casefile gives it)
    at: str | None
    suggested: str | None  # kartoteka's suggestion; None when it makes none
    suggested_meaning: str | None
    why: str  # the suggestion's reason, or why there is none


def _meaning(axis: Axis, value: str | None) -> str | None:
    if value is None:
        return None
    scale = {Axis.RELIABILITY: RELIABILITY, Axis.CREDIBILITY: CREDIBILITY}
    return scale.get(axis, {}).get(value, value)


def judgement(
    target: str,
    axis: Axis,
    graded: Grade | None,
    suggestion: tuple[str | None, str],
) -> Judgement:
    suggested, why = suggestion
    return Judgement(
        target=target,
        axis=axis,
        value=graded.value if graded else None,
        meaning=_meaning(axis, graded.value) if graded else None,
        rationale=graded.rationale if graded else None,
        by=graded.by if graded else None,
        at=graded.at if graded else None,
        suggested=suggested,
        suggested_meaning=_meaning(axis, suggested),
        why=why,
    )


def suggest_reliability(corroborated: int, disputed: int) -> tuple[str, str]:
    """A source's record: how many of its checkable passages held up."""
    checked = corroborated + disputed
    if checked < CHECKABLE:
        return "F", (
            f"only {checked} of its passages can be checked against an "
            f"independent origin (at least {CHECKABLE} needed)"
        )
    share = corroborated / checked
    grade = (
        "B" if share >= 0.9 else "C" if share >= 0.75 else "D" if share >= 0.5 else "E"
    )
    return grade, (
        f"{corroborated} of its {checked} checkable passages are corroborated by "
        "an independent origin" + (f", {disputed} disputed" if disputed else "")
    )


def record_of(source_id: str, facts: list[Fact]) -> tuple[int, int]:
    """(corroborated, disputed): passages this source is the origin of whose
    fact another independent origin affirms, or which one disputes (denies,
    or dates otherwise). A passage naming six generals counts once."""
    corroborated: set[str] = set()
    disputed: set[str] = set()
    for f in facts:
        for s in f.supports:
            if s.origin != source_id:
                continue
            if s.disputed_by or (f.denials and f.origins < 2):
                disputed.add(s.quote)
            elif f.origins >= 2:
                corroborated.add(s.quote)
    return len(corroborated - disputed), len(disputed)


def suggest_credibility(
    claim: Claim,
    fact: Fact | None,
    source: Source,
    forged_voices: frozenset[str] = frozenset(),
) -> tuple[str, str]:
    """A claim's credibility from its corroboration (of its date too), its
    denials, the document it rests on and how firmly the source puts it."""
    mine = (
        next((s for s in fact.supports if s.claim == claim.id), None) if fact else None
    )
    if claim.asserted_by in forged_voices or source.authenticity is Authenticity.FORGED:
        return "5", "it rests on a document judged forged"
    if claim.stance is Stance.DENIES:
        return "6", "a denial: its truth is the truth of what it denies"
    if mine and mine.disputed_by:
        return "4", (
            f"its date ({mine.date}) is contradicted by another origin: "
            + ", ".join(mine.disputed_by)
        )
    if fact is not None and fact.confirmed and (mine is None or mine.agreeing >= 2):
        count = mine.agreeing if mine else fact.origins
        return "1", f"confirmed by {count} independent origins"
    if fact is not None and fact.circular:
        return "6", "its origins cite one another in a loop: " + ", ".join(
            fact.circular
        )
    if fact is not None and fact.denials:
        return "4", f"denied by {len(fact.denials)} claim(s) of another origin"
    if claim.certainty is Certainty.POSSIBLE or claim.stance is Stance.DOUBTS:
        return "3", "the source itself puts it as possible"
    if source.reliability in ("A", "B", "C") and claim.certainty is Certainty.CERTAIN:
        return (
            "2",
            f"one origin, stated as certain in a source graded {source.reliability}",
        )
    if source.reliability == "F":
        return "6", "one origin, in a source whose reliability cannot be judged"
    return "3", f"one origin, in a source graded {source.reliability}"


def casefile_grade(source: Source, axis: Axis) -> Grade | None:
    """The grade a source's own record carries (from its casefile or import)."""
    value = (
        str(source.authenticity) if axis is Axis.AUTHENTICITY else source.reliability
    )
    if (axis is Axis.AUTHENTICITY and value == Authenticity.UNKNOWN) or (
        axis is Axis.RELIABILITY and value == "F"
    ):
        return None
    return Grade(
        source.id, axis, value, "as the source was recorded", by="source record"
    )
