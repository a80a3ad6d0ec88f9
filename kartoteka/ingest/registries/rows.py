"""A parsed registry record → the entity, names, claims and search text to store."""

from __future__ import annotations

from dataclasses import dataclass

from kartoteka.ingest.registries.records import ParsedList
from kartoteka.model import Claim, Entity, Literal, Name, Passage
from kartoteka.model.vocabulary import EntityKind, NameKind, Status
from kartoteka.storage.rows import Row, claim_row, entity_row, name_row


@dataclass
class RecordRows:
    person_id: str
    entity: Row
    names: list[Row]
    claims: list[Row]
    search: tuple[str, str, str]
    ref: tuple[str, str]


def record_ref(source_id: str, index: int) -> str:
    """The external id of a record: its source and its place in the list (from 1)."""
    return f"record:{source_id}:{index + 1}"


def record_rows(parsed: ParsedList, index: int, source_id: str, fmt: str) -> RecordRows:
    rec = parsed.records[index]
    offset = parsed.offsets[index]
    person_id = Entity.make_id(EntityKind.PERSON, source_id, index)
    # A record may give one spelling twice ("варианты фамилии: Иванов, Иванов").
    unique = dict.fromkeys((n.name, n.kind) for n in rec.names)
    names = tuple(
        Name(name, kind=NameKind(kind), language="ru", source=source_id)
        for name, kind in unique
    )
    preferred = next(
        (n.name for n in rec.names if n.kind == "birth"), f"запись {rec.ref}"
    )
    ref = record_ref(source_id, index)
    entity = Entity(
        id=person_id,
        kind=EntityKind.PERSON,
        name=preferred,
        names=names,
        external_ids=(ref,),
        attributes={
            **rec.attributes,
            # Where the record stands: its source, file:line, and its span.
            # The text too: reading it back out of a list of millions of
            # records would load the whole list. verify checks they agree.
            "record": {
                "source": source_id,
                "ref": rec.ref,
                "start": offset,
                "end": offset + len(rec.text),
                "text": rec.text,
            },
        },
        sex=rec.sex,
    )
    claims = []
    for event in rec.events:
        start, end = offset + event.start, offset + event.end
        passage = Passage(source_id, start, end, parsed.text[start:end])
        qualifiers = dict(event.qualifiers)
        if event.alternative:
            qualifiers["alternative"] = True  # "по другим данным"
        claim = Claim(
            id=Claim.make_id(
                person_id, event.predicate, passage, event.date, event.alternative
            ),
            subject=person_id,
            predicate=event.predicate,
            passage=passage,
            date=Literal("date", event.date, as_written=event.date_text)
            if event.date
            else None,
            qualifiers=qualifiers,
            status=Status.ACCEPTED,
            origin=f"registry:{fmt}",
        )
        claims.append(claim_row(claim))
    # Names and the facts people search by; the full record text would cost
    # minutes of full-text indexing at three million records.
    facts = (rec.attributes.get(k) for k in ("birthplace", "address", "burial_place"))
    dates = (e.date_text for e in rec.events if e.date_text)
    body = "\n".join([*(n.name for n in rec.names), *filter(None, facts), *dates])
    return RecordRows(
        person_id=person_id,
        entity=entity_row(entity),
        names=[name_row(person_id, n) for n in names],
        claims=claims,
        search=("entity", person_id, body),
        ref=(ref, person_id),
    )
