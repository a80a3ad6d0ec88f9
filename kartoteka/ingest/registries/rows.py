"""A parsed registry record → the entity, names, claims and search text to store.

Rows are built directly, not through the model objects: at millions of
records the objects cost more than the insert. The rows have exactly the
shape ``kartoteka.storage.rows`` gives the model objects (a test checks it).
Ids are sequential within a list (see ``sequential_id``), so a list's rows
land together in every index.
"""

from __future__ import annotations

from dataclasses import dataclass

from kartoteka.ingest.registries.records import ParsedList
from kartoteka.model.ids import sequential_id
from kartoteka.model.records import script_of
from kartoteka.model.registry_ids import person_id, record_ref
from kartoteka.model.vocabulary import Certainty, EntityKind, Stance, Status
from kartoteka.names.keys import lookup_keys
from kartoteka.names.normalize import in_one_script
from kartoteka.storage.rows import Row, fold

PER_RECORD = 256  # room for the names and claims of one record in their ids
_PERSON = str(EntityKind.PERSON)
_AFFIRMS, _CERTAIN = str(Stance.AFFIRMS), str(Certainty.CERTAIN)
_ACCEPTED = str(Status.ACCEPTED)


@dataclass
class RecordRows:
    person_id: str
    entity: Row
    names: list[Row]
    claims: list[Row]
    search: tuple[str, str, str]
    keys: list[tuple[str, str]]  # (surname key, person id): any spelling finds it


def _part_id(prefix: str, source_id: str, index: int, k: int) -> str:
    if k >= PER_RECORD:
        raise ValueError(f"record {index + 1} has more than {PER_RECORD} {prefix} rows")
    return sequential_id(prefix, source_id, index * PER_RECORD + k)


def record_rows(parsed: ParsedList, at: int, source_id: str, fmt: str) -> RecordRows:
    """The rows of the record at ``at`` in ``parsed`` (its ids count from the
    file's first record)."""
    rec = parsed.records[at]
    offset = parsed.offsets[at]
    index = parsed.index_base + at
    pid = person_id(source_id, index)
    # A record may give one spelling twice ("варианты фамилии: Иванов, Иванов").
    # Latin look-alikes in a Cyrillic name ("Михаил Hиколаевич") are stored
    # Cyrillic; the record's own words stay verbatim in its text and quotes.
    unique = list(dict.fromkeys((in_one_script(n.name), n.kind) for n in rec.names))
    names = [
        {
            "id": _part_id("nam", source_id, index, k),
            "entity_id": pid,
            "name": name,
            "kind": kind,
            "script": script_of(name),
            "language": "ru",
            "source_id": source_id,
            "folded": fold(name),
        }
        for k, (name, kind) in enumerate(unique)
    ]
    preferred = next(
        (in_one_script(n.name) for n in rec.names if n.kind == "birth"),
        f"запись {rec.ref}",
    )
    ref = record_ref(source_id, index)
    entity = {
        "id": pid,
        "kind": _PERSON,
        "name": preferred,
        "sex": rec.sex,
        "external_ids": [ref],
        "attributes": {
            **rec.attributes,
            # Where the record stands: its source, file:line, and its span;
            # its text is read from the list's (stored once, in pieces).
            "record": {
                "source": source_id,
                "ref": rec.ref,
                "start": offset,
                "end": offset + len(rec.text),
            },
        },
    }
    origin = f"registry:{fmt}"
    claims = []
    for k, event in enumerate(rec.events):
        qualifiers = dict(event.qualifiers)
        if event.alternative:
            qualifiers["alternative"] = True  # "по другим данным"
        claims.append(
            {
                "id": _part_id("clm", source_id, index, k),
                "subject": pid,
                "predicate": event.predicate,
                "object": None,
                "date": event.date or None,
                "date_text": event.date_text if event.date else None,
                "value": None,
                "qualifiers": qualifiers,
                "source_id": source_id,
                "start": offset + event.start,
                "end": offset + event.end,
                "quote": rec.text[event.start : event.end],
                "asserted_by": None,
                "stance": _AFFIRMS,
                "certainty": _CERTAIN,
                "status": _ACCEPTED,
                "reviewer": None,
                "origin": origin,
                "note": None,
            }
        )
    # Names and the facts people search by; the full record text would cost
    # minutes of full-text indexing at three million records.
    facts = (rec.attributes.get(k) for k in ("birthplace", "address", "burial_place"))
    dates = (e.date_text for e in rec.events if e.date_text)
    body = "\n".join([*(n.name for n in rec.names), *filter(None, facts), *dates])
    return RecordRows(
        person_id=pid,
        entity=entity,
        names=names,
        claims=claims,
        search=("entity", pid, body),
        keys=[
            (key, pid) for key in sorted({k for n in unique for k in lookup_keys(n[0])})
        ],
    )
