"""What linking reads of every person, and the identifying fields the
imported lists declare (kartoteka.linking.identifying)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import sqlalchemy as sa

from kartoteka.errors import ConfigError
from kartoteka.model.identifying import IdentifyingField
from kartoteka.model.vocabulary import PREDICATES, EntityKind, Group
from kartoteka.storage.schema import (
    claims,
    entities,
    identifying_fields,
    linking_models,
    names,
)

# (id, names with the preferred first, sex, birthplace, birth date, date of
# execution or death, curated, the identifying fields' values)
LinkageRow = tuple[
    str,
    list[str],
    str | None,
    str | None,
    str | None,
    str | None,
    bool,
    tuple[str | None, ...],
]
_EVENTS = {p for p, d in PREDICATES.items() if d.group is Group.LIFECYCLE}


class KeptModel(NamedTuple):
    """A trained linkage model: Splink's settings with their values, what it
    was made for (the model's version and the identifying fields), how many
    persons it was trained on, and when."""

    model: dict[str, Any]
    signature: str
    persons: int
    trained: str


class LinkingReads:
    """The Store's reads for linking; ``_rows`` runs a query."""

    engine: sa.Engine

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def identifying_fields(self) -> list[IdentifyingField]:
        """The fields declared by the lists in the store, by name."""
        f = identifying_fields.c
        query = sa.select(f["name"], f["compare"], f["own"]).order_by(f["name"])
        return [IdentifyingField(r.name, r.compare, r.own) for r in self._rows(query)]

    def declare_identifying(
        self, fields: Sequence[IdentifyingField], declared_by: str
    ) -> None:
        """Record the fields a list identifies its persons by; a field already
        declared to compare otherwise is refused (one field, one comparison
        across the store)."""
        known = {f.name: f for f in self.identifying_fields()}
        clashes = [
            f"{f.name!r} is compared as {known[f.name].compare}"
            f"{' (own)' if known[f.name].own else ''} already, here as {f.compare}"
            f"{' (own)' if f.own else ''}"
            for f in fields
            if f.name in known and known[f.name] != f
        ]
        if clashes:
            raise ConfigError(
                f"{declared_by}: identifying fields clash: {'; '.join(clashes)}"
            )
        new = [f for f in fields if f.name not in known]
        if not new:
            return
        with self.engine.begin() as conn:
            conn.execute(
                identifying_fields.insert(),
                [
                    {
                        "name": f.name,
                        "compare": f.compare,
                        "own": f.own,
                        "declared_by": declared_by,
                    }
                    for f in new
                ],
            )

    def linking_model(self) -> KeptModel | None:
        """The model the last training kept, if any."""
        m = linking_models.c
        rows = self._rows(sa.select(linking_models).where(m.name == "default"))
        if not rows:
            return None
        r = rows[0]
        return KeptModel(r.model, r.signature, r.persons, r.trained)

    def keep_linking_model(self, kept: KeptModel) -> None:
        """Keep a trained model for later runs (replacing the one before)."""
        m = linking_models.c
        with self.engine.begin() as conn:
            conn.execute(linking_models.delete().where(m.name == "default"))
            conn.execute(
                linking_models.insert(),
                {
                    "name": "default",
                    "model": kept.model,
                    "signature": kept.signature,
                    "persons": kept.persons,
                    "trained": kept.trained,
                },
            )

    def persons_for_linking(
        self, fields: Sequence[IdentifyingField] = ()
    ) -> Iterator[LinkageRow]:
        """(id, names with the preferred first, sex, birthplace, birth date,
        date of execution or death, curated, values of ``fields``) of every
        person, without their records' texts; curated: a casefile's person,
        not a registry record. A field named after an event (``arrested``)
        reads its earliest date, any other the person's attribute.

        Streamed: the persons, their names and their dates are three reads
        in order of person id, walked side by side — no table of millions
        of names or dates is held (at 3.1 M persons the dictionaries and
        rows held at once took 6 GiB)."""
        e, n, c = entities.c, names.c, claims.c
        person = e.kind == str(EntityKind.PERSON)
        events = {f.name for f in fields if f.name in _EVENTS}
        # Joined to the persons, so that each read holds persons' rows only
        # and all three come in the same order (the database's, never
        # compared here).
        names_of = (
            sa.select(n.entity_id, n.name)
            .join(entities, e.id == n.entity_id)
            .where(person)
            .order_by(n.entity_id, n.id)
        )
        dates_of = (
            sa.select(c.subject, c.predicate, c.date)
            .join(entities, e.id == c.subject)
            .where(
                person,
                c.predicate.in_(("born", "executed", "died", *events)),
                c.date.is_not(None),
                c.status != "rejected",
            )
            .order_by(c.subject, c.date)
        )
        place = e.attributes["birthplace"].as_string().label("birthplace")
        record = e.attributes[("record", "ref")].as_string().label("record")
        attributes = [
            e.attributes[f.name].as_string().label(f"f_{f.name}")
            for f in fields
            if f.name not in events
        ]
        persons = (
            sa.select(e.id, e.name, e.sex, place, record, *attributes)
            .where(person)
            .order_by(e.id)
        )
        # Each field's value: its event's earliest date, or its column in
        # the persons' row (after the five every person has).
        columns = iter(range(5, 5 + len(attributes)))
        places = [(f.name, None if f.name in events else next(columns)) for f in fields]
        with self.engine.connect() as conn:
            stream = conn.execution_options(stream_results=True, yield_per=20_000)
            names_by = _ByPerson(_streamed(stream.execute(names_of)))
            dates_by = _ByPerson(_streamed(stream.execute(dates_of)))
            for row in _streamed(stream.execute(persons)):
                pid, preferred, sex, birthplace, record = row[:5]
                # The names a source gives; a registry record without one (its
                # preferred name is then "запись file:line") has none.
                known = [name for _, name in names_by.of(pid)]
                ordered = sorted(known, key=lambda x: x != preferred)
                dated: dict[str, str] = {}  # the earliest of each predicate
                death = None  # the earliest of execution and death
                for _, predicate, date in dates_by.of(pid):
                    dated.setdefault(predicate, date)
                    if death is None and predicate in ("executed", "died"):
                        death = date
                yield (
                    pid,
                    ordered,
                    sex,
                    birthplace,
                    dated.get("born"),
                    death,
                    record is None,
                    tuple(dated.get(n) if at is None else row[at] for n, at in places),
                )


def _streamed(result: sa.CursorResult) -> Iterator[sa.Row]:
    """A streamed result's rows, taken a partition at a time (row by row
    through the result costs more than the read at millions of rows)."""
    return itertools.chain.from_iterable(result.partitions())


class _ByPerson:
    """Rows in order of person id (their first column), taken a person at a
    time as the persons' own read comes to each."""

    def __init__(self, rows: Iterable[sa.Row]) -> None:
        self._rows = iter(rows)
        self._next = next(self._rows, None)

    def of(self, person: str) -> list[sa.Row]:
        """The rows of ``person``: the next ones, while they are theirs."""
        found = []
        while self._next is not None and self._next[0] == person:
            found.append(self._next)
            self._next = next(self._rows, None)
        return found
