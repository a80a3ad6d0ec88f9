"""The export contract: persons, sources and claims as JSON Lines.

Persons follow the shape in DESIGN.md; it is extended, never renamed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

import orjson

from kartoteka.analysis.cases import Case, Event, RecordText
from kartoteka.analysis.conflicts import Conflict
from kartoteka.model import Claim, Entity, Source
from kartoteka.storage import Store
from kartoteka.storage.rows import claim_row, source_row


def claim_brief(case: Case, claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "source": claim.source,
        "quote": claim.passage.text,
        "stance": str(claim.stance),
        "status": str(claim.status),
        "asserted_by": claim.asserted_by,
        "asserted_by_name": case.label(claim.asserted_by) or None,
        "certainty": str(claim.certainty),
        "date_text": claim.date.as_written if claim.date else None,
    }


def _qualifier(case: Case, event: Event, *keys: str) -> str | None:
    for claim in event.claims:
        for key in keys:
            if claim.qualifiers.get(key):
                return case.label(claim.qualifiers[key])
    return None


def person_record(case: Case) -> dict[str, Any]:
    """One person as the export contract has it."""
    p = case.person
    return {
        **person_head(p, case.records, [m.id for m in case.members if m.id != p.id]),
        "events": [
            {
                "type": e.predicate,
                "date": e.date,
                "place": _qualifier(case, e, "place"),
                "agency": _qualifier(case, e, "agency", "court", "by"),
                "claims": [claim_brief(case, c) for c in e.claims],
                "same_event": list(e.notes),
            }
            for e in case.events
        ],
        "conflicts": [conflict_record(c) for c in case.conflicts],
    }


def conflict_record(c: Conflict) -> dict[str, Any]:
    """A conflict as the export contract has it."""
    return {
        "type": c.predicate,
        "kind": c.kind,
        "values": list(c.values),
        "claims": list(c.claims),
        "verdict": c.verdict,
        "id": c.id,
        "explanation": c.explanation,
        "open": c.is_open,
        "explained": vars(c.explained) if c.explained else None,
    }


def person_head(
    p: Entity, records: Iterable[RecordText], merged_from: list[str]
) -> dict[str, Any]:
    """A person's part of the export record before the events: who they are,
    their records and the records merged into them."""
    names = [
        name_record(n.name, n.script, str(n.kind), n.language, n.source)
        for n in p.names
    ]
    return head_record(p, names, records, merged_from)


def name_record(
    name: str, script: str, kind: str, language: str | None, source: str | None
) -> dict[str, Any]:
    """One of a person's names as the export contract has it."""
    return {
        "name": name,
        "script": script,
        "kind": kind,
        "language": language,
        "source": source,
    }


def head_record(
    p: Any,
    names: list[dict[str, Any]],
    records: Iterable[RecordText],
    merged_from: list[str],
) -> dict[str, Any]:
    """``person_head`` of ``p`` — an Entity, or an entity's row (the same
    id, name, sex, attributes and external_ids) — and its names' records."""
    return {
        "id": p.id,
        "name": p.name,
        "names": names,
        "sex": p.sex,
        "attributes": {k: v for k, v in p.attributes.items() if k != "record"},
        # Every registry record resolved into the person, merged ones included.
        "records": [
            {
                "source": r.source,
                "ref": r.ref,
                "start": r.start,
                "end": r.end,
                "text": r.text,
            }
            for r in records
        ],
        "merged_from": merged_from,
        "external_ids": list(p.external_ids),
    }


def source_record(source: Source) -> dict[str, Any]:
    """A source with its text verbatim, so every quote can be checked."""
    row = source_row(source)
    del row["length"]
    return {**row, "text": source.text}


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim with its offsets; ``source`` names the source id."""
    row = claim_row(claim)
    return {("source" if k == "source_id" else k): v for k, v in row.items()}


def persons(store: Store) -> Iterator[dict[str, Any]]:
    """Every person once: a merged person under its canonical id only, read a
    thousand at a time."""
    from kartoteka.exports.person_pages import every_person_record

    return every_person_record(store)


def sources(store: Store) -> Iterator[dict[str, Any]]:
    """Each source with its text, one text in memory at a time."""
    return (source_record(store.source(s.id)) for s, _ in store.source_metas())


def claims(store: Store) -> Iterator[dict[str, Any]]:
    """Every claim in order of id, read a page at a time."""
    return (claim_record(c) for page in store.claim_pages() for c in page)


EXPORTS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "persons": persons,
    "sources": sources,
    "claims": claims,
}


def json_line(record: dict[str, Any]) -> str:
    """One record as a line of compact JSON: UTF-8, Cyrillic unescaped (with
    orjson, several times the standard library's speed)."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE).decode()


def write_jsonl(records: Iterator[dict[str, Any]], out: TextIO) -> int:
    """Write one JSON object a line; return how many."""
    count = 0
    for record in records:
        out.write(json_line(record))
        count += 1
    return count
