"""Model objects to table rows and back; a row dict is also a revision's state."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, TypeVar

from kartoteka.model import Claim, Entity, Literal, Name, Passage, Source
from kartoteka.model.ids import make_id
from kartoteka.model.records import is_entity_id
from kartoteka.model.vocabulary import (
    Authenticity,
    Certainty,
    EntityKind,
    NameKind,
    SourceKind,
    Stance,
    Status,
)

Row = dict[str, Any]

N = TypeVar("N")  # a Name, or a row of the names table


def source_row(s: Source) -> Row:
    return {
        "id": s.id,
        "kind": str(s.kind),
        "title": s.title,
        "authors": list(s.authors),
        "published": s.published,
        "language": s.language,
        "citation": s.citation,
        "url": s.url,
        "derived_from": list(s.derived_from),
        "authenticity": str(s.authenticity),
        "reliability": s.reliability,
        "sha256": s.sha256,
        "length": len(s.text),
    }


def source_from_row(r: Any, text: str = "") -> Source:
    """A source from its row; its text is kept apart, in pieces."""
    m = mapping_of(r)
    return Source(
        id=m["id"],
        kind=SourceKind(m["kind"]),
        title=m["title"],
        text=text,
        authors=tuple(m["authors"]),
        published=m["published"],
        language=m["language"],
        citation=m["citation"],
        url=m["url"],
        derived_from=tuple(m["derived_from"]),
        authenticity=Authenticity(m["authenticity"]),
        reliability=m["reliability"],
        sha256=m["sha256"],
    )


class _ByName:
    """A named tuple's values by column name, as a row's mapping gives them."""

    __slots__ = ("row",)

    def __init__(self, row: Any) -> None:
        self.row = row

    def __getitem__(self, key: str) -> Any:
        return getattr(self.row, key)


def mapping_of(r: Any) -> Any:
    """A row's values by column name: a SQLAlchemy row's mapping (one, not
    two), a named tuple's (the exports' driver rows), a dict as is."""
    if hasattr(r, "_mapping"):
        return r._mapping
    return _ByName(r) if hasattr(r, "_fields") else r


def entity_row(e: Entity) -> Row:
    return {
        "id": e.id,
        "kind": str(e.kind),
        "name": e.name,
        "sex": e.sex,
        "external_ids": sorted(e.external_ids),
        "attributes": dict(e.attributes),
    }


def entity_from_row(r: Any, names: tuple[Name, ...] = ()) -> Entity:
    m = mapping_of(r)
    return Entity(
        id=m["id"],
        kind=EntityKind(m["kind"]),
        name=m["name"],
        names=names,
        external_ids=tuple(m["external_ids"]),
        attributes=dict(m["attributes"]),
        sex=m["sex"],
    )


def fold(text: str) -> str:
    """A name as lookups compare it: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def name_id(entity_id: str, n: Name) -> str:
    return make_id("nam", entity_id, n.name, str(n.kind), n.source or "")


def name_row(entity_id: str, n: Name) -> Row:
    return {
        "id": name_id(entity_id, n),
        "entity_id": entity_id,
        "name": n.name,
        "kind": str(n.kind),
        "script": n.script,
        "language": n.language,
        "source_id": n.source,
        "folded": fold(n.name),
    }


def preferred_first(preferred: str, found: Sequence[N]) -> tuple[N, ...]:
    """An entity's names (Names, or their rows), the one it goes by first."""
    return tuple(sorted(found, key=lambda n: n.name != preferred))


def name_from_row(r: Any) -> Name:
    m = mapping_of(r)
    return Name(
        name=m["name"],
        kind=NameKind(m["kind"]),
        script=m["script"],
        language=m["language"],
        source=m["source_id"],
    )


def _literal_dict(lit: Literal | None) -> Row | None:
    if lit is None:
        return None
    return {k: v for k, v in vars(lit).items() if v is not None}


def qualifier_entities(qualifiers: dict[str, Any]) -> list[str]:
    """The entity ids among a claim's qualifier values (from, to, by, via …)."""
    return sorted({v for v in qualifiers.values() if is_entity_id(v)})


# What a row's state holds but its table does not: a claim's quote is read
# from its source's text at the claim's offsets (revisions still record it).
_DERIVED = {"claim": frozenset({"quote"})}


def derived_columns(kind: str) -> frozenset[str]:
    """The columns of a kind's state that its table derives, not stores."""
    return _DERIVED.get(kind, frozenset())


def stored_part(kind: str, row: Row) -> Row:
    """A row's state without what its table derives: what is written."""
    derived = derived_columns(kind)
    return {k: v for k, v in row.items() if k not in derived}


def claim_row(c: Claim) -> Row:
    """A claim's state (its quote included); ``stored_part`` is its row."""
    return {
        "id": c.id,
        "subject": c.subject,
        "predicate": c.predicate,
        "object": c.object,
        "date": c.date.value if c.date else None,
        "date_text": c.date.as_written if c.date else None,
        "value": _literal_dict(c.value),
        "qualifiers": dict(c.qualifiers),
        "source_id": c.passage.source,
        "start": c.passage.start,
        "end": c.passage.end,
        "quote": c.passage.text,
        "asserted_by": c.asserted_by,
        "stance": str(c.stance),
        "certainty": str(c.certainty),
        "status": str(c.status),
        "reviewer": c.reviewer,
        "origin": c.origin,
        "note": c.note,
    }


# Each vocabulary's members by value: a dict lookup, where calling the enum
# costs more than the rest of a claim's row (exports read millions).
_STANCE = {str(s): s for s in Stance}
_CERTAINTY = {str(c): c for c in Certainty}
_STATUS = {str(s): s for s in Status}


def claim_from_row(r: Any, quote: str) -> Claim:
    """A claim from its row and the words its source holds at its offsets."""
    m = mapping_of(r)
    date = None
    if m["date"]:
        date = Literal("date", m["date"], as_written=m["date_text"])
    return Claim(
        id=m["id"],
        subject=m["subject"],
        predicate=m["predicate"],
        passage=Passage(m["source_id"], m["start"], m["end"], quote),
        object=m["object"],
        date=date,
        value=Literal(**m["value"]) if m["value"] else None,
        qualifiers=dict(m["qualifiers"]),
        asserted_by=m["asserted_by"],
        stance=_STANCE[m["stance"]],
        certainty=_CERTAINTY[m["certainty"]],
        status=_STATUS[m["status"]],
        reviewer=m["reviewer"],
        origin=m["origin"],
        note=m["note"],
    )


def revision_state(kind: str, row: Row) -> Row:
    """What a revision records of a row: a source's text only through its hash,
    and not the ``rev`` column, which names the revision itself. A row with
    neither is its own state, not copied (an import asks this of millions):
    do not change it."""
    # A source's text is covered by its sha256; its length follows from it.
    skip = ("rev", "text", "length") if kind == "source" else ("rev",)
    if not any(k in row for k in skip):
        return row
    return {k: v for k, v in row.items() if k not in skip}
