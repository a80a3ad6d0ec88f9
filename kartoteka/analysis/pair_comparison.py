"""Two records side by side, field by field: what agrees, what is close, what
differs, and what only one of them says — for a person judging a link pair.

Names are compared in any script (Тухачевский / Tukhachevsky agree); dates
agree when one holds the other (1937 and 1937-06-12) and are close in the
same year; text fields agree when equal after normalizing, and are close
when most of their words are shared.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from kartoteka.model import Claim, Entity
from kartoteka.names.compare import compare
from kartoteka.names.normalize import normalize
from kartoteka.storage import Store

DATED = ("born", "arrested", "sentenced", "executed", "died", "rehabilitated")
TEXTS = ("birthplace", "nationality", "party", "occupation", "address",
         "burial_place")  # fmt: skip
CLOSE_TEXT = 85  # rapidfuzz token-set ratio: most words shared

AGREES, CLOSE, DIFFERS, ONE_SIDE = "agrees", "close", "differs", "one side"


@dataclass(frozen=True)
class FieldComparison:
    field: str
    a: str  # "" when the record does not say
    b: str
    verdict: str  # agrees | close | differs | one side


def _dates(claims: list[Claim], predicate: str) -> list[str]:
    found = {str(c.date.value) for c in claims if c.predicate == predicate and c.date}
    return sorted(found)


def _dates_verdict(a: list[str], b: list[str]) -> str:
    if any(x.startswith(y) or y.startswith(x) for x in a for y in b):
        return AGREES
    if {x[:4] for x in a} & {y[:4] for y in b}:
        return CLOSE
    return DIFFERS


def _text_verdict(a: str, b: str) -> str:
    x, y = normalize(a), normalize(b)
    if x == y:
        return AGREES
    return CLOSE if fuzz.token_set_ratio(x, y) >= CLOSE_TEXT else DIFFERS


def _names_verdict(a: Entity, b: Entity) -> str:
    result = max(
        (compare(x, y) for x in _names(a) for y in _names(b)),
        key=lambda c: (c.match, c.score),
    )
    if result.match and result.score >= 0.99:
        return AGREES
    return CLOSE if result.match else DIFFERS


def _names(entity: Entity) -> list[str]:
    return list(dict.fromkeys([entity.name, *(n.name for n in entity.names)]))


def _row(field: str, a: str, b: str, verdict: str) -> FieldComparison:
    if not a or not b:
        verdict = ONE_SIDE if a or b else ""
    return FieldComparison(field, a, b, verdict)


def compare_pair(store: Store, a_id: str, b_id: str) -> list[FieldComparison]:
    """The fields either record gives, compared; fields neither gives are left out."""
    a, b = store.entity(a_id), store.entity(b_id)
    claims_a, claims_b = store.claims(subject=a_id), store.claims(subject=b_id)
    rows = [
        _row("name", " · ".join(_names(a)), " · ".join(_names(b)),
             _names_verdict(a, b)),
        _row("sex", a.sex or "", b.sex or "", AGREES if a.sex == b.sex else DIFFERS),
    ]  # fmt: skip
    for predicate in DATED:
        da, db = _dates(claims_a, predicate), _dates(claims_b, predicate)
        rows.append(
            _row(predicate, "; ".join(da), "; ".join(db), _dates_verdict(da, db))
        )
    for key in TEXTS:
        ta, tb = str(a.attributes.get(key) or ""), str(b.attributes.get(key) or "")
        rows.append(_row(key, ta, tb, _text_verdict(ta, tb) if ta and tb else ""))
    return [r for r in rows if r.verdict]
