"""Numbers that cannot both be right: estimates of the same quantity whose
ranges, read with their modality, do not meet.

"As many as 35,000" is at most 35,000; "at least 40,000" no fewer; "about"
and "nearly" allow a tenth either way (then a gap is "undetermined": the
tenth is a reading, not the source's). Only quantities of the same thing are
compared — one subject, one unit, the same words for what was counted, and
the same place and time where given: "officers liquidated" against
"officers dismissed" is a difference of measure, not a contradiction.

>>> interval(35000, None, None, "as many as")
(0.0, 35000.0, False)
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from kartoteka.analysis.conflicts import Conflict
from kartoteka.model import Claim

AT_MOST = ("perhaps as many as", "as many as", "up to", "не более", "до")
AT_LEAST = ("at least", "more than", "over", "не менее", "более", "свыше")
ABOUT = ("about", "around", "some", "roughly", "approximately", "около",
         "примерно", "приблизительно")  # fmt: skip
NEARLY = ("nearly", "almost", "почти")
_STOP = frozenset(
    [
        "the",
        "of",
        "a",
        "an",
        "in",
        "during",
        "by",
        "and",
        "all",
        "who",
        "were",
        "was",
        "их",
        "в",
        "на",
        "и",
    ]
)
_WORD = re.compile(r"\w+")


def interval(
    value: float | None, low: float | None, high: float | None, modality: str
) -> tuple[float, float, bool]:
    """(lowest, highest, vague): what the figure allows, read with its words."""
    lo = low if low is not None else value
    hi = high if high is not None else value
    assert lo is not None and hi is not None
    m = modality.casefold()
    if m in AT_MOST:
        return 0.0, float(hi), False
    if m in AT_LEAST:
        return float(lo), math.inf, False
    if m in ABOUT:
        return lo * 0.9, hi * 1.1, True
    if m in NEARLY:
        return lo * 0.9, float(hi), True
    return float(lo), float(hi), False


def measure(claim: Claim) -> tuple:
    """What a figure counts, in words that compare: subject, unit, the
    content words of what was counted, place and time."""
    counted = str(claim.qualifiers.get("counted", "")).casefold()
    words = frozenset(w.rstrip("s") for w in _WORD.findall(counted)) - _STOP
    unit = (claim.value.unit or "") if claim.value else ""
    where = claim.qualifiers.get("place") or claim.qualifiers.get("where")
    return (
        claim.subject,
        unit.casefold(),
        words,
        where,
        claim.date.value if claim.date else None,
    )


def number_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.predicate != "estimate" or c.value is None:
            continue
        numeric = isinstance(c.value.value, int | float) or c.value.low is not None
        if c.evidence and numeric:
            groups[measure(c)].append(c)
    if not groups:
        return []
    from kartoteka.analysis.estimates import modality_of

    found = []
    for key, group in groups.items():
        ranges = {c.id: interval(_num(c.value.value), c.value.low, c.value.high,
                                 modality_of(c)) for c in group}  # fmt: skip
        apart = [(a, b) for a, b in combinations(group, 2)
                 if _disjoint(ranges[a.id], ranges[b.id])]  # fmt: skip
        if not apart:
            continue
        vague = any(ranges[a.id][2] or ranges[b.id][2] for a, b in apart)
        involved = sorted({c.id for pair in apart for c in pair})
        by_id = {c.id: c for c in group}
        values = tuple(by_id[i].value.as_written or str(by_id[i].value.value)
                       for i in involved)  # fmt: skip
        what = " ".join(sorted(key[2])) or "the same quantity"
        found.append(
            Conflict(
                kind="number",
                subject=key[0],
                predicate="estimate",
                values=values,
                claims=tuple(involved),
                verdict="undetermined" if vague else "conflict",
                explanation=f"estimates of {what} ({key[1] or 'no unit'}) that "
                + (
                    "may not meet, as their words are read"
                    if vague
                    else "cannot both be right"
                ),
            )
        )
    return found


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _disjoint(a: tuple[float, float, bool], b: tuple[float, float, bool]) -> bool:
    return a[1] < b[0] or b[1] < a[0]
