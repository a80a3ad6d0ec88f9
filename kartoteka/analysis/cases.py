"""A person's case: names, the life-cycle timeline with every claim, disagreements.

>>> # case = build_case(store, "Tukhachevsky"); case.events[0].predicate
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from kartoteka.analysis.conflicts import Conflict, find_conflicts
from kartoteka.analysis.explanations import explained
from kartoteka.analysis.lookup import find_entity
from kartoteka.errors import KartotekaError
from kartoteka.model import Claim, Entity, Source
from kartoteka.model import dates as edtf
from kartoteka.model.records import is_entity_id, script_of
from kartoteka.model.vocabulary import LIFECYCLE_ORDER, PREDICATES, Group
from kartoteka.storage import Store


@dataclass(frozen=True)
class Event:
    """One step of the life cycle: a predicate, a date, and the claims for it."""

    predicate: str
    date: str | None
    claims: tuple[Claim, ...]
    conflicted: bool = False
    notes: tuple[str, ...] = ()  # why claims of other dates are this event

    @property
    def date_texts(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(
                c.date.as_written for c in self.claims if c.date and c.date.as_written
            )
        )


@dataclass(frozen=True)
class RecordText:
    """A registry record resolved into the person, in full."""

    source: str
    ref: str
    text: str
    start: int = 0  # its span in the source's text
    end: int = 0


@dataclass
class Case:
    person: Entity
    events: list[Event]
    relations: list[Claim]  # the person's other claims: relations, documents, numbers
    mentions: list[Claim]  # claims about others in which the person takes part
    conflicts: list[Conflict]
    entities: dict[str, Entity] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)  # metadata, no text
    records: list[RecordText] = field(default_factory=list)
    members: list[Entity] = field(default_factory=list)  # records resolved into one
    proposals: int = 0  # claims extraction proposed that nobody has decided yet

    def label(self, entity_id: str | None) -> str:
        """A short name to show: the preferred name when Latin, else the longest
        Latin spelling (a source's first); the id when the entity is unknown."""
        if entity_id is None:
            return ""
        entity = self.entities.get(entity_id)
        if entity is None:
            return entity_id
        if script_of(entity.name) == "Latn":
            return entity.name
        latin = [n for n in entity.names if n.script == "Latn"]
        sourced = [n.name for n in latin if n.source] or [n.name for n in latin]
        return max(sourced, key=len) if sourced else entity.name

    def conflict_of(self, claim_id: str) -> Conflict | None:
        return next((c for c in self.conflicts if claim_id in c.claims), None)


def _group_events(claims: list[Claim], conflicts: list[Conflict]) -> list[Event]:
    """Claims of one predicate and one event make an event.

    One event: the same date; a coarser date holding only one finer one
    ("1937" beside "1937-06-12"); one day written Old Style and New Style.
    An undated claim joins the predicate's only dated event, when there is one.
    """
    by_key: dict[tuple[str, str | None], list[Claim]] = defaultdict(list)
    for c in claims:
        by_key[c.predicate, c.date.value if c.date else None].append(c)
    notes: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for predicate in {p for p, _ in by_key}:
        dated = [d for p, d in by_key if p == predicate and d is not None]
        for value, (into, note) in same_event(dated).items():
            by_key[predicate, into].extend(by_key.pop((predicate, value)))
            notes[predicate, into].append(note)
        dated = [k for k in by_key if k[0] == predicate and k[1] is not None]
        if len(dated) == 1 and (predicate, None) in by_key:
            by_key[dated[0]].extend(by_key.pop((predicate, None)))
    in_conflict = {cid for c in conflicts if c.is_open for cid in c.claims}
    return [
        Event(
            p,
            d,
            tuple(cs),
            conflicted=any(c.id in in_conflict for c in cs),
            notes=tuple(notes.get((p, d), ())),
        )
        for (p, d), cs in by_key.items()
    ]


def same_event(dates: list[str]) -> dict[str, tuple[str, str]]:
    """Dates of one predicate that name another's event: date → (that date, why).

    >>> same_event(["1937", "1937-06-12"])["1937"][0]
    '1937-06-12'
    >>> same_event(["1893-02-04", "1893-02-16"])["1893-02-04"][0]
    '1893-02-16'
    """
    moved: dict[str, tuple[str, str]] = {}
    for a, b in ((a, b) for a in dates for b in dates if a < b):
        if edtf.two_calendars(a, b):
            moved[a] = (b, f"{a} Old Style is {b} New Style: one day in two calendars")
    for coarse in dates:
        inside = [d for d in dates if d != coarse and _within(d, coarse)]
        finest = {moved.get(d, (d, ""))[0] for d in inside if _is_finest(d, inside)}
        if len(finest) == 1 and coarse not in moved:
            (into,) = finest
            moved[coarse] = (into, f"{coarse} and {into} agree: {into} is more precise")
    return moved


def _within(inner: str, outer: str) -> bool:
    """Is inner a narrower date inside outer (1937-06-12 inside 1937)?"""
    try:
        a, b = edtf.span(inner), edtf.span(outer)
    except KartotekaError:
        return False
    narrower = (a.upper - a.lower) < (b.upper - b.lower)
    return narrower and b.lower <= a.lower and a.upper <= b.upper


def _is_finest(date: str, dates: list[str]) -> bool:
    return not any(d != date and _within(d, date) for d in dates)


class Step(Protocol):
    """What the life-cycle order reads of an event."""

    @property
    def predicate(self) -> str: ...

    @property
    def date(self) -> str | None: ...


E = TypeVar("E", bound=Step)
_RANK = {p: i for i, p in enumerate(LIFECYCLE_ORDER)}


def in_life_order(events: list[E]) -> list[E]:
    """Dated events by date; each undated one after the last event before it
    in the life-cycle order."""
    rank = _RANK
    dated = sorted(
        (e for e in events if e.date),
        key=lambda e: (edtf.sort_key(e.date), rank[e.predicate]),
    )
    for event in sorted(
        (e for e in events if not e.date), key=lambda e: rank[e.predicate]
    ):
        at = max(
            (
                i + 1
                for i, e in enumerate(dated)
                if rank[e.predicate] <= rank[event.predicate]
            ),
            default=0,
        )
        dated.insert(at, event)
    return dated


def merged_person(store: Store, person: Entity) -> tuple[Entity, list[Entity]]:
    """The person as linking resolved them: the canonical member with the
    names of every member, and the members themselves (the person alone
    when unlinked)."""
    member_ids = store.cluster_of(person.id)
    if len(member_ids) == 1:
        return person, [person]
    found = store.entities(member_ids)
    members = [found[m] for m in member_ids]
    return merge_members(members), members


def merge_members(members: list[Entity]) -> Entity:
    """The canonical member (the first) with the names, external ids and sex
    of every member."""
    head = members[0]
    if len(members) == 1:
        return head
    names = tuple(dict.fromkeys(n for m in members for n in m.names))
    external = tuple(dict.fromkeys(x for m in members for x in m.external_ids))
    return Entity(
        id=head.id,
        kind=head.kind,
        name=head.name,
        names=names,
        external_ids=external,
        attributes=head.attributes,
        sex=next((m.sex for m in members if m.sex), None),
    )


def build_case(store: Store, query: str) -> Case:
    """Everything the store knows about one entity, arranged as a case file: a
    person with every record linking resolved into them; an organization, a
    place, an artifact or an event with the claims it takes part in."""
    person, members = merged_person(store, find_entity(store, query))
    every = {c.id: c for m in members for c in store.claims_involving(m.id)}
    ids = case_entity_ids(members, every.values())
    sources = sorted({c.source for c in every.values() if not c.proposed})
    return assemble_case(
        person,
        members,
        list(every.values()),
        store.explanations(),
        store.entities(sorted(ids)),
        {s: store.source_meta(s) for s in sources},
        [r for m in members for r in _records(store, m)],
    )


def case_entity_ids(members: list[Entity], claims: Iterable[Claim]) -> set[str]:
    """The entities a case names: its members, and everyone its claims name."""
    ids = {m.id for m in members}
    for c in claims:
        if not c.proposed:
            ids |= {c.subject, c.object, c.asserted_by} - {None}  # type: ignore[arg-type]
            ids |= {v for v in c.qualifiers.values() if is_entity_id(v)}
    return ids


def assemble_case(
    person: Entity,
    members: list[Entity],
    every: list[Claim],
    explanations: Mapping[str, tuple],
    entities: dict[str, Entity],
    sources: dict[str, Source],
    records: list[RecordText],
) -> Case:
    """A case from what was read for it: the one place a case is put together,
    for one person's page and for an export of millions alike."""
    member_ids = {m.id for m in members}
    # Proposals are no evidence until a person decides them: the review has them.
    involved = [c for c in every if not c.proposed]
    own = [c for c in involved if c.subject in member_ids]
    lifecycle = [c for c in own if PREDICATES[c.predicate].group is Group.LIFECYCLE]
    conflicts = explained(
        find_conflicts(own, {m: person.id for m in member_ids}), explanations
    )
    return Case(
        person=person,
        events=in_life_order(_group_events(lifecycle, conflicts)),
        relations=[c for c in own if c not in lifecycle],
        mentions=[c for c in involved if c.subject not in member_ids],
        conflicts=conflicts,
        entities=entities,
        sources=sources,
        records=records,
        members=members,
        proposals=len(every) - len(involved),
    )


def _records(store: Store, person: Entity) -> list[RecordText]:
    record = person.attributes.get("record")
    if not isinstance(record, dict):
        return []
    # Older imports kept the text with the record; it is read from the list's
    # text otherwise (the pieces of its span only).
    text = record.get("text") or store.excerpt(
        record["source"], record["start"], record["end"]
    )
    return [
        RecordText(
            record["source"], record["ref"], text, record["start"], record["end"]
        )
    ]


def person_summary(store: Store, person_id: str) -> str:
    """A few lines to tell a person by: names, life-cycle dates, the records."""
    person = store.entity(person_id)
    names = ", ".join(dict.fromkeys([person.name, *(n.name for n in person.names)]))
    lines = [names]
    for c in sorted(
        store.claims(subject=person_id),
        key=lambda c: (
            LIFECYCLE_ORDER.index(c.predicate) if c.predicate in LIFECYCLE_ORDER else 99
        ),
    ):
        when = c.date.as_written or c.date.value if c.date else ""
        lines.append(f"{c.predicate} {when}".rstrip())
    for record in _records(store, person):
        lines.append(f"{record.ref}: {record.text}")
    return "\n".join(lines)
