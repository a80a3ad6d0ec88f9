"""The argument over the claims: questions with rival hypotheses, the rating of
each piece of evidence against each hypothesis, and the grades of sources and
claims. Pure values; the store revises them row by row.

>>> Question("dossier-origin", "Who originated the dossier?").hypothesis_ids
()
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kartoteka.model.ids import make_id


class Rating(StrEnum):
    """How a piece of evidence bears on a hypothesis (Heuer's ACH)."""

    VERY_CONSISTENT = "CC"
    CONSISTENT = "C"
    NEUTRAL = "N"
    INCONSISTENT = "I"
    VERY_INCONSISTENT = "II"
    NOT_APPLICABLE = "NA"


class Relevance(StrEnum):
    """How much a piece of evidence matters to the question."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Axis(StrEnum):
    """The three judgements kept apart: of a document, a source, a claim."""

    AUTHENTICITY = "authenticity"  # of a source: is it what it claims to be
    RELIABILITY = "reliability"  # of a source: Admiralty A–F
    CREDIBILITY = "credibility"  # of a claim: Admiralty 1–6


# Admiralty credibility of one piece of information; 6 means "cannot be
# judged", and 1 "confirmed" is earned by independent corroboration.
CREDIBILITY: dict[str, str] = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}


@dataclass(frozen=True)
class Hypothesis:
    id: str  # a slug, unique within its question
    text: str
    blames: tuple[str, ...] = ()  # entities the hypothesis holds responsible


@dataclass(frozen=True)
class Question:
    """A question with rival answers, weighed against claims."""

    id: str  # a slug: "dossier-origin"
    text: str
    hypotheses: tuple[Hypothesis, ...] = ()
    artifact: str | None = None  # the document whose custody the question is about
    note: str | None = None
    origin: str = "person"  # "casefile:…" when a casefile wrote it

    @property
    def hypothesis_ids(self) -> tuple[str, ...]:
        return tuple(h.id for h in self.hypotheses)


@dataclass(frozen=True)
class CellRating:
    """One claim rated against one hypothesis of a question, and why."""

    question: str
    hypothesis: str
    claim: str
    rating: Rating
    relevance: Relevance = Relevance.MEDIUM
    rationale: str | None = None
    origin: str = "person"
    by: str | None = None  # who rated it, as the store read it back
    at: str | None = None

    @property
    def id(self) -> str:
        return make_id("rat", self.question, self.hypothesis, self.claim)


@dataclass(frozen=True)
class Grade:
    """A person's judgement of a source (authenticity, reliability) or of a
    claim (credibility), with the reason."""

    target: str  # a source id or a claim id
    axis: Axis
    value: str
    rationale: str | None = None
    origin: str = "person"
    by: str | None = None
    at: str | None = None

    @property
    def id(self) -> str:
        return make_id("grd", self.target, str(self.axis))


@dataclass(frozen=True)
class Matrix:
    """A question with every rating given for it."""

    question: Question
    ratings: tuple[CellRating, ...] = field(default_factory=tuple)


def check_grade(axis: Axis, value: str) -> None:
    """Raise ValueError unless the value belongs to the axis's scale."""
    from kartoteka.model.vocabulary import RELIABILITY, Authenticity

    scale = {
        Axis.AUTHENTICITY: [a.value for a in Authenticity],
        Axis.RELIABILITY: list(RELIABILITY),
        Axis.CREDIBILITY: list(CREDIBILITY),
    }[axis]
    if value not in scale:
        raise ValueError(f"{axis} must be one of {', '.join(scale)}, not {value!r}")
