"""Whose words, and about what: the stored organizations and places a text
names, what an estimate counts in, and the voice of words inside a quotation.

An estimate counts something of an organization or a place (officers of the
Red Army, the imprisoned of the USSR); the text seldom says which in the same
words, so the proposal takes the organization or place named last before the
number in its paragraph, else the one the text names most, and says so. A
reviewer corrects it; nothing here is evidence until then.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from kartoteka.extract.annotation import Annotation
from kartoteka.model import Entity
from kartoteka.model.vocabulary import EntityKind

if TYPE_CHECKING:
    from kartoteka.storage import Store

_KINDS = {"organization": EntityKind.ORGANIZATION, "place": EntityKind.PLACE}
_ARTICLE = ("the ", "The ")


def one_stored(store: Store, found: list[Entity]) -> str | None:
    """The one stored entity these are (records merged into one count as
    it), or None when they are none or several."""
    heads = set(store.heads([e.id for e in found]).values()) if found else set()
    return heads.pop() if len(heads) == 1 else None


def resolved_others(others: list[Annotation], store: Store | None) -> list[Annotation]:
    """Organizations and places with the stored entity each names, by any of
    its names ("the Red Army" → Рабоче-крестьянская Красная армия)."""
    if store is None:
        return others
    known: dict[tuple[str, str], str | None] = {}
    named = []
    for a in others:
        name = a.normalized or a.text
        name = name[len("the ") :] if name.startswith(_ARTICLE) else name
        key = (a.kind, name)
        if key not in known:
            known[key] = one_stored(
                store, store.find_entities(name, _KINDS.get(a.kind))
            )
        named.append(replace(a, subject={"name": name, "id": known[key]}))
    return named


def estimate_subjects(
    numbers: list[Annotation], others: list[Annotation], text: str
) -> list[Annotation]:
    """Each estimate with the stored organization or place it most likely
    counts in: named last before it in its paragraph, else named most often."""
    stored = [a for a in others if a.subject and a.subject.get("id")]
    if not stored:
        return numbers
    most = Counter(a.subject["id"] for a in stored).most_common(1)[0][0]  # type: ignore[index]
    by_id = {a.subject["id"]: a.subject for a in stored}  # type: ignore[index]
    placed = []
    for number in numbers:
        paragraph = text.rfind("\n\n", 0, number.start) + 1
        before = [a for a in stored if paragraph <= a.start < number.start]
        subject = dict(before[-1].subject if before else by_id[most])  # type: ignore[arg-type]
        subject["why"] = (
            "named last before the number in its paragraph"
            if before
            else "the organization or place the text names most"
        )
        placed.append(replace(number, subject=subject))
    return placed


def voiced(found: list[Annotation], quotes: list[Annotation]) -> list[Annotation]:
    """Events and estimates inside an attributed quotation carry its speaker
    as their voice (Khrushchev's words quoted by Roberts)."""
    spoken = [q for q in quotes if q.subject]
    out = []
    for a in found:
        if spoken and a.kind in ("event", "estimate"):
            inside = next(
                (q for q in spoken if q.start <= a.start and a.end <= q.end), None
            )
            if inside is not None:
                a = replace(
                    a, details={**(a.details or {}), "asserted_by": inside.subject}
                )
        out.append(a)
    return out
