"""Conflicts, first version: incompatible dates, and affirm against deny.

Two claims conflict when they share a subject and a one-time life-cycle
predicate and their dates cannot overlap, or when one affirms what another
denies. Rejected claims take no part. When the answer depends on precision
or uncertainty the dates do not give, the verdict is "undetermined".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from kartoteka.model import Claim
from kartoteka.model import dates as edtf
from kartoteka.model.vocabulary import PREDICATES, Group, Stance, Status


@dataclass(frozen=True)
class Conflict:
    kind: str  # "date" | "stance"
    subject: str
    predicate: str
    values: tuple[str, ...]  # the dates, or the stances, that disagree
    claims: tuple[str, ...]
    verdict: str  # "conflict" | "undetermined"
    explanation: str


_APART = "these cannot be the same event"
_UNSURE = "they may or may not be one event; the precision does not tell"


def _live(claims: Iterable[Claim]) -> list[Claim]:
    return [c for c in claims if c.status is not Status.REJECTED]


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
            (a, b): edtf.relation(a, b) for a, b in combinations(sorted(by_date), 2)
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


def find_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    """Every conflict among the claims: dates, stances, then self-contradictions."""
    from kartoteka.analysis.consistency import consistency_conflicts

    claims = list(claims)
    between = date_conflicts(claims) + stance_conflicts(claims)
    # An alternative reading is reported once, as such, not again as a date conflict.
    alternatives = {c.id for c in claims if c.qualifiers.get("alternative")}
    between = [c for c in between if not alternatives & set(c.claims)]
    return between + consistency_conflicts(claims)
