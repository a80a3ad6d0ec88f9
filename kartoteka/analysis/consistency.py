"""Records that contradict themselves: impossible orderings, alternatives, odd dates.

These are conflicts of their own kinds, beside the date and stance conflicts
between sources: ``order`` (sentenced before born, executed before arrested,
rehabilitated before sentenced …), ``family_sentence`` (a child born after
the deportation of its family and listed under the family's sentence: the
lists of «раскулаченные» and deported peoples hold thousands), ``alternative``
(a «по другим данным» reading in the same source) and ``range`` (a date
outside the period a list can speak of).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from kartoteka.analysis.conflicts import Conflict, Explained
from kartoteka.model import Claim
from kartoteka.model import dates as edtf
from kartoteka.model.vocabulary import ExplanationReason, Stance

# (earlier, later): the later cannot come before the earlier.
ORDER: tuple[tuple[str, str], ...] = (
    ("born", "arrested"),
    ("born", "sentenced"),
    ("born", "executed"),
    ("born", "died"),
    ("born", "rehabilitated"),
    ("arrested", "sentenced"),
    ("arrested", "executed"),
    ("sentenced", "executed"),
    ("sentenced", "rehabilitated"),
    ("executed", "rehabilitated"),
)
PERIOD = ("1900", "2025")  # what the Memorial lists can date, births aside
# Words of a sentence that fell on a whole family: dispossession, special
# settlement, exile, deportation of a people (by directive, decree or order).
FAMILY_SENTENCE = re.compile(
    r"спецпосел|спецпересел|трудпосел|раскулач|кулак|высыл|выслан|выселен|ссылк"
    r"|сослан|депорт|спецконтингент|немц|\bСОЭ\b|директив|указ пвс|постановлени"
    r"[ея] гко|распоряжени[ея] мвд",
    re.IGNORECASE,
)
FAMILY_EXPLANATION = (
    "a child of a deported family, born in exile or special settlement and "
    "listed under the family's sentence"
)


def _dated(claims: Iterable[Claim]) -> dict[tuple[str, str], list[Claim]]:
    found: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.date and c.evidence and c.stance is Stance.AFFIRMS:
            found[c.subject, c.predicate].append(c)
    return found


def order_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    dated = _dated(claims)
    found = []
    for subject in {s for s, _ in dated}:
        for earlier, later in ORDER:
            for a in dated.get((subject, earlier), ()):
                for b in dated.get((subject, later), ()):
                    if edtf.precedes(b.date.value, a.date.value):  # type: ignore[union-attr]
                        found.append(_out_of_order(subject, a, b))
    return found


def _out_of_order(subject: str, earlier: Claim, later: Claim) -> Conflict:
    what = (
        f"{later.predicate} {later.date.value} comes before "  # type: ignore[union-attr]
        f"{earlier.predicate} {earlier.date.value}"  # type: ignore[union-attr]
    )
    family = earlier.predicate == "born" and _family_sentence(earlier, later)
    return Conflict(
        kind="family_sentence" if family else "order",
        subject=subject,
        predicate=later.predicate,
        values=(earlier.date.value, later.date.value),  # type: ignore[union-attr]
        claims=(earlier.id, later.id),
        verdict="conflict",
        explanation=f"{what}: {FAMILY_EXPLANATION}" if family else what,
        explained=Explained(
            ExplanationReason.FAMILY_RECORD, FAMILY_EXPLANATION, by="kartoteka"
        )
        if family
        else None,
    )


def _family_sentence(born: Claim, sentence: Claim) -> bool:
    """Does the sentence, or the birth («на спецпоселении»), name a deportation?"""
    if sentence.predicate not in ("sentenced", "exiled", "arrested"):
        return False
    words = [*sentence.qualifiers.values(), sentence.passage.text, born.passage.text]
    return bool(FAMILY_SENTENCE.search(" ".join(map(str, words))))


def alternative_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    claims = list(claims)
    main: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.qualifiers.get("alternative"):
            main[c.subject, c.predicate].append(c)
    found = []
    for alt in (c for c in claims if c.qualifiers.get("alternative")):
        readings = main.get((alt.subject, alt.predicate), [])
        values = [_reading(c) for c in readings] + [_reading(alt)]
        found.append(
            Conflict(
                kind="alternative",
                subject=alt.subject,
                predicate=alt.predicate,
                values=tuple(values),
                claims=(*(c.id for c in readings), alt.id),
                verdict="conflict",
                explanation=f"{alt.predicate}: the source gives another reading "
                f"(«по другим данным»): {' / '.join(values)}",
            )
        )
    return found


def _reading(claim: Claim) -> str:
    if claim.date:
        return str(claim.date.value)
    return str(claim.qualifiers.get("place") or claim.passage.text)


def range_conflicts(
    claims: Iterable[Claim], period: tuple[str, str] = PERIOD
) -> list[Conflict]:
    first, last = period
    found = []
    for c in claims:
        if not c.date or c.predicate == "born" or not c.evidence:
            continue
        value = str(c.date.value)
        if edtf.precedes(value, first) or edtf.precedes(last, value):
            found.append(
                Conflict(
                    kind="range",
                    subject=c.subject,
                    predicate=c.predicate,
                    values=(value,),
                    claims=(c.id,),
                    verdict="conflict",
                    explanation=f"{c.predicate} dated {value}, outside {first}–{last}",
                )
            )
    return found


def consistency_conflicts(
    claims: Iterable[Claim], registry_only: bool = True
) -> list[Conflict]:
    """Every self-contradiction in the claims; the period check only for
    registry claims, whose lists cover 1900–2025."""
    claims = list(claims)
    registry = (
        [c for c in claims if c.origin.startswith("registry:")]
        if registry_only
        else claims
    )
    return (
        order_conflicts(claims)
        + alternative_conflicts(claims)
        + range_conflicts(registry)
    )
