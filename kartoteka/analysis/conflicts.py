"""Conflicts: incompatible dates, and affirm against deny.

Two claims conflict when they share a subject and a one-time life-cycle
predicate and their dates cannot overlap, or when one affirms what another
denies. Rejected claims take no part. When the answer depends on precision
or uncertainty the dates do not give, the verdict is "undetermined". Two
days exactly the Julian calendar's lag apart before 1918 are one day written
Old Style and New Style, not a conflict. Records that linking resolved into
one person are compared as that person (``same``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import combinations

from kartoteka.model import Claim
from kartoteka.model import dates as edtf
from kartoteka.model.ids import make_id
from kartoteka.model.vocabulary import (
    PREDICATES,
    ExplanationReason,
    Group,
    Stance,
)

# Every kind a conflict can be, here and in consistency.py.
KINDS = ("date", "stance", "exclusive", "number", "order", "family_sentence",
         "alternative", "range")  # fmt: skip


@dataclass(frozen=True)
class Explained:
    """Why a conflict is not a contradiction of the record, or that it stays open."""

    reason: str  # an ExplanationReason
    note: str | None = None
    by: str | None = None  # who explained it; "kartoteka" for a known pattern
    at: str | None = None


@dataclass(frozen=True)
class Conflict:
    kind: str  # "date" | "stance" | "order" | "family_sentence" | "alternative" | …
    subject: str
    predicate: str
    values: tuple[str, ...]  # the dates, or the stances, that disagree
    claims: tuple[str, ...]
    verdict: str  # "conflict" | "undetermined"
    explanation: str
    explained: Explained | None = None

    @property
    def id(self) -> str:
        """Stable while the same claims disagree in the same way."""
        return make_id("cfl", self.kind, self.predicate, *sorted(self.claims))

    @property
    def is_open(self) -> bool:
        unresolved = ExplanationReason.UNRESOLVED
        return self.explained is None or self.explained.reason == unresolved


_APART = "these cannot be the same event"
_UNSURE = "they may or may not be one event; the precision does not tell"


def _live(claims: Iterable[Claim]) -> list[Claim]:
    return [c for c in claims if c.evidence]


def date_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in _live(claims):
        p = PREDICATES[c.predicate]
        if (
            c.date
            and c.stance is Stance.AFFIRMS
            and p.group is Group.LIFECYCLE
            and not p.repeatable
        ):
            groups[c.subject, c.predicate].append(c)
    found = []
    for (subject, predicate), group in groups.items():
        by_date: dict[str, list[Claim]] = defaultdict(list)
        for c in group:
            by_date[c.date.value].append(c)  # type: ignore[union-attr]
        verdicts = {
            (a, b): _relation(a, b) for a, b in combinations(sorted(by_date), 2)
        }
        apart = {
            pair: r for pair, r in verdicts.items() if r is not edtf.Relation.OVERLAP
        }
        if not apart:
            continue
        values = tuple(sorted({d for pair in apart for d in pair}, key=edtf.sort_key))
        disjoint = edtf.Relation.DISJOINT in apart.values()
        found.append(
            Conflict(
                kind="date",
                subject=subject,
                predicate=predicate,
                values=values,
                claims=tuple(c.id for d in values for c in by_date[d]),
                verdict="conflict" if disjoint else "undetermined",
                explanation=f"{predicate} dated {' vs '.join(values)}: "
                + (_APART if disjoint else _UNSURE),
            )
        )
    return found


def _relation(a: str, b: str) -> edtf.Relation:
    if edtf.two_calendars(a, b):
        return edtf.Relation.OVERLAP  # one day, Old Style and New Style
    return edtf.relation(a, b)


def stance_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    groups: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    for c in _live(claims):
        groups[c.subject, c.predicate, c.object].append(c)
    found = []
    for (subject, predicate, _obj), group in groups.items():
        stances = {c.stance for c in group}
        if Stance.AFFIRMS not in stances or len(stances) == 1:
            continue
        denied = Stance.DENIES in stances
        involved = [
            c
            for c in group
            if c.stance in (Stance.AFFIRMS, Stance.DENIES if denied else Stance.DOUBTS)
        ]
        found.append(
            Conflict(
                kind="stance",
                subject=subject,
                predicate=predicate,
                values=tuple(
                    s.value for s in Stance if s in {c.stance for c in involved}
                ),
                claims=tuple(c.id for c in involved),
                verdict="conflict" if denied else "undetermined",
                explanation=f"{predicate}: one source affirms what another "
                + ("denies" if denied else "doubts"),
            )
        )
    return found


def as_one_person(claims: Iterable[Claim], same: Mapping[str, str]) -> list[Claim]:
    """The claims with each subject read as the person linking resolved it into."""
    return [
        replace(c, subject=same[c.subject])
        if same.get(c.subject, c.subject) != c.subject
        else c
        for c in claims
    ]


def find_conflicts(
    claims: Iterable[Claim], same: Mapping[str, str] | None = None
) -> list[Conflict]:
    """Every conflict among the claims: dates, stances, exclusive states,
    numbers, then self-contradictions.

    ``same`` maps a record's id to the person it was resolved into, so the
    claims of every record of one person are compared with one another.
    """
    from kartoteka.analysis.consistency import consistency_conflicts
    from kartoteka.analysis.exclusive_states import exclusive_conflicts
    from kartoteka.analysis.number_conflicts import number_conflicts

    claims = as_one_person(claims, same) if same else list(claims)
    between = (
        date_conflicts(claims)
        + stance_conflicts(claims)
        + exclusive_conflicts(claims)
        + number_conflicts(claims)
    )
    # An alternative reading is reported once, as such, not again as a date conflict.
    alternatives = {c.id for c in claims if c.qualifiers.get("alternative")}
    between = [c for c in between if not alternatives & set(c.claims)]
    return between + consistency_conflicts(claims)
