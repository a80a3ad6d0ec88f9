"""Mutually exclusive states: two claims about one person that cannot both
be true of one event, though neither contradicts the other's date or stance
— a confession made in public at a trial kept secret.

A repeatable event (two trials) may be both when the claims' dates cannot
meet; otherwise they are read as one event and conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import product

from kartoteka.analysis.conflicts import Conflict
from kartoteka.model import Claim
from kartoteka.model import dates as edtf
from kartoteka.model.vocabulary import Stance

# (predicate, qualifier, value) × 2, and why they exclude each other.
EXCLUSIVE: tuple[tuple[tuple[str, str, str], tuple[str, str, str], str], ...] = (
    (("tried", "mode", "secret"), ("confessed", "manner", "publicly"),
     "a confession made in public cannot come from a trial kept secret"),
    (("tried", "mode", "secret"), ("tried", "mode", "open"),
     "one trial cannot be both secret and open"),
    (("rehabilitated", "extent", "full"), ("rehabilitated", "extent", "partial"),
     "one rehabilitation cannot be both full and partial"),
)  # fmt: skip


# The predicates any pattern names: a claim of another cannot take part.
_PREDICATES = frozenset(p[0] for pair in EXCLUSIVE for p in pair[:2])


def _matches(claim: Claim, pattern: tuple[str, str, str]) -> bool:
    predicate, qualifier, value = pattern
    found = claim.qualifiers.get(qualifier)
    return claim.predicate == predicate and str(found).casefold() == value


def exclusive_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if (
            c.predicate in _PREDICATES
            and c.qualifiers
            and c.stance is Stance.AFFIRMS
            and c.evidence
        ):
            by_subject[c.subject].append(c)
    found = []
    for subject, mine in by_subject.items():
        for one, other, why in EXCLUSIVE:
            left = [c for c in mine if _matches(c, one)]
            right = [c for c in mine if _matches(c, other)]
            pairs = [(a, b) for a, b in product(left, right) if _one_event(a, b)]
            if not pairs:
                continue
            involved = sorted({c.id for pair in pairs for c in pair})
            found.append(
                Conflict(
                    kind="exclusive",
                    subject=subject,
                    predicate=f"{one[0]}/{other[0]}",
                    values=(f"{one[1]}: {one[2]}", f"{other[1]}: {other[2]}"),
                    claims=tuple(involved),
                    verdict="conflict",
                    explanation=f"{one[0]} {one[2]} against {other[0]} {other[2]}: "
                    + why,
                )
            )
    return found


def _one_event(a: Claim, b: Claim) -> bool:
    """Undated, or dated so that they may be one time."""
    if not (a.date and b.date):
        return True
    return edtf.relation(a.date.value, b.date.value) is not edtf.Relation.DISJOINT
