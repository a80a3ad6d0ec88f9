"""Every person's export record, a page of persons at a time.

Most persons of a registry are one list record and nothing more: never
linked, every claim read from their own record and accepted, one claim a
predicate. Such claims can conflict only with themselves (a step dated
before an earlier one, a date outside the lists' period), and each is an
event of its own, so their record is put together from the rows directly —
without an entity, claim object or case, unless the record contradicts itself —
most of an export's work at millions of persons. Every other person goes
through their case (``assemble_case``), as a case page does; a test
compares the two ways over whole stores.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from kartoteka.analysis.case_batches import BATCH, CaseReader
from kartoteka.analysis.cases import RecordText, in_life_order
from kartoteka.analysis.consistency import ORDER, PERIOD, consistency_conflicts
from kartoteka.analysis.exclusive_states import EXCLUSIVE
from kartoteka.analysis.explanations import explained
from kartoteka.bulk_memory import gc_paused
from kartoteka.errors import KartotekaError
from kartoteka.exports.jsonl import (
    conflict_record,
    head_record,
    name_record,
    person_record,
)
from kartoteka.model import dates as edtf
from kartoteka.model.records import is_entity_id
from kartoteka.model.vocabulary import PREDICATES, EntityKind, Group, Status
from kartoteka.storage import Store
from kartoteka.storage.export_reads import (
    CLAIM_COLUMNS,
    PersonRows,
    claim_of_row,
    entity_of,
)

_LIFECYCLE = frozenset(n for n, p in PREDICATES.items() if p.group is Group.LIFECYCLE)
# Claims of two predicates that may exclude each other (a secret trial, a
# public confession): a record holding both goes through its case.
_EXCLUSIVE = tuple({(a[0], b[0]) for a, b, _ in EXCLUSIVE if a[0] != b[0]})
_ACCEPTED = str(Status.ACCEPTED)
(_ID, _PREDICATE, _DATE, _DATE_TEXT, _VALUE, _QUALIFIERS, _SOURCE, _START, _END,
 _ASSERTED_BY, _STANCE, _CERTAINTY, _STATUS) = (CLAIM_COLUMNS[c] for c in (
    "id", "predicate", "date", "date_text", "value", "qualifiers", "source_id",
    "start", "end", "asserted_by", "stance", "certainty", "status"))  # fmt: skip


class _Step(NamedTuple):
    """One claim as an event, for the life-cycle order."""

    predicate: str
    date: str | None
    row: list


def every_person_record(store: Store, size: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every person once, in order of id (a merged person under its
    canonical id), ``size`` read at a time."""
    reader = CaseReader(store)
    for after in store_page_starts(store, size):
        yield from page_records(reader, after, size)


def store_page_starts(store: Store, size: int) -> Iterator[str]:
    """The id after which each page of persons begins ("" for the first)."""
    return store.entity_page_starts(EntityKind.PERSON, size)


def page_records(reader: CaseReader, after: str, size: int) -> list[dict[str, Any]]:
    """The export records of the ``size`` persons after ``after``, in order
    of id: a plain record's from its rows, any other person's from their case.

    The cyclic garbage collector waits for the page's end: it would rescan
    every live object again and again while the page's are built (a third
    of the time), and the rows and records hold no cycles to collect."""
    with gc_paused():
        return _page_records(reader, after, size)


def _page_records(reader: CaseReader, after: str, size: int) -> list[dict[str, Any]]:
    store = reader.store
    rows = store.person_page_rows(after, size)
    if rows is None:
        return []
    found, claim_rows = rows
    plain = {
        pid: person
        for pid, person in found.items()
        if pid not in reader.links and _plain(person, claim_rows.get(pid, ()))
    }
    spans = [_span(person.entity) for person in plain.values()]
    texts = dict(zip(plain, store.excerpts(spans), strict=True))
    rest = {pid: entity_of(person) for pid, person in found.items() if pid not in plain}
    cased: dict[str, dict[str, Any]] = {}
    if rest:
        wanted = {p: claim_rows[p] for p in rest if p in claim_rows}
        about = store.claims_of_rows(wanted)
        cased = {c.person.id: person_record(c) for c in reader.cases(rest, about)}
    return [
        _plain_record(
            plain[pid], claim_rows.get(pid, ()), texts[pid], reader.explanations
        )
        if pid in plain
        else cased[pid]
        for pid in found
        if pid in plain or pid in cased
    ]


def _span(entity: Any) -> tuple[str, int, int]:
    record = entity.attributes["record"]
    return record["source"], record["start"], record["end"]


def _plain(person: PersonRows, rows: Any) -> bool:
    """Is this person one registry record whose claims cannot conflict but
    with themselves (a step dated before an earlier one, a date outside the
    period: ``consistency``'s conflicts)?"""
    record = person.entity.attributes.get("record")
    if not isinstance(record, dict) or "text" in record:
        return False  # no record, or an older import's copy of its words
    source, start, end = record["source"], record["start"], record["end"]
    seen: set[str] = set()
    for r in rows:
        if (
            r[_SOURCE] != source
            or r[_START] < start
            or r[_END] > end
            or r[_STATUS] != _ACCEPTED
            or r[_PREDICATE] in seen
            or r[_VALUE] is not None
            or r[_ASSERTED_BY] is not None
        ):
            return False
        q = r[_QUALIFIERS]
        if q and (q.get("alternative") or any(map(is_entity_id, q.values()))):
            return False
        seen.add(r[_PREDICATE])
    if any(a in seen and b in seen for a, b in _EXCLUSIVE):
        return False
    try:
        _in_order(_dates(rows))  # dates that cannot be read: the case says why
    except KartotekaError:
        return False
    return True


def _dates(rows: Any) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((r[_PREDICATE], r[_DATE]) for r in rows if r[_DATE]))


@lru_cache(maxsize=65536)
def _in_order(dated: tuple[tuple[str, str], ...]) -> bool:
    """No later step dated before an earlier one, and every date but birth
    within the lists' period (the conflicts ``consistency`` would find)."""
    dates = dict(dated)
    for earlier, later in ORDER:
        if (
            earlier in dates
            and later in dates
            and edtf.precedes(dates[later], dates[earlier])
        ):
            return False
    first, last = PERIOD
    return not any(
        edtf.precedes(d, first) or edtf.precedes(last, d)
        for p, d in dated
        if p != "born"
    )


def _plain_record(
    person: PersonRows, rows: Any, text: str, explanations: Mapping[str, tuple]
) -> dict[str, Any]:
    """The export record of a plain person (see ``_plain``): as
    ``person_record`` writes their case, each claim an event; from the rows,
    without an Entity."""
    record = person.entity.attributes["record"]
    start = record["start"]
    conflicts: list[dict[str, Any]] = []
    if not _in_order(_dates(rows)):
        # The record contradicts itself: the only conflicts its claims can
        # have, found as a case finds them.
        own = [claim_of_row(r, text[r[_START] - start : r[_END] - start]) for r in rows]
        found = explained(consistency_conflicts(own), explanations)
        conflicts = [conflict_record(c) for c in found]
    steps = in_life_order(
        [_Step(r[_PREDICATE], r[_DATE] or None, r) for r in rows
         if r[_PREDICATE] in _LIFECYCLE]
    )  # fmt: skip
    the_record = RecordText(record["source"], record["ref"], text, start, record["end"])
    events = []
    for step in steps:
        q = step.row[_QUALIFIERS] or {}
        events.append(
            {
                "type": step.predicate,
                "date": step.date,
                "place": q.get("place") or None,
                "agency": q.get("agency") or q.get("court") or q.get("by") or None,
                "claims": [_brief(step.row, text, start)],
                "same_event": [],
            }
        )
    names = [
        name_record(n.name, n.script, n.kind, n.language, n.source_id)
        for n in person.names
    ]
    head = head_record(person.entity, names, [the_record], [])
    return {**head, "events": events, "conflicts": conflicts}


def _brief(r: list, text: str, start: int) -> dict[str, Any]:
    return {
        "id": r[_ID],
        "source": r[_SOURCE],
        "quote": text[r[_START] - start : r[_END] - start],
        "stance": r[_STANCE],
        "status": r[_STATUS],
        "asserted_by": None,
        "asserted_by_name": None,
        "certainty": r[_CERTAINTY],
        "date_text": r[_DATE_TEXT] if r[_DATE] else None,
    }
