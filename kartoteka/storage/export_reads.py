"""Reads for exports at registry scale: persons a range of ids at a time.

A page of persons is read by the range its ids span — the persons, their
names and the claims about them each one indexed range scan — rather than
by lists of a thousand ids, whose compiling cost more than the reading.
"""

from __future__ import annotations

from collections import defaultdict, namedtuple
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import sqlalchemy as sa

from kartoteka.model import Claim, Entity
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage.engine import chunked
from kartoteka.storage.rows import (
    claim_from_row,
    entity_from_row,
    name_from_row,
    preferred_first,
)
from kartoteka.storage.schema import claims, entities, names
from kartoteka.storage.text_reads import claims_with_quotes


def _named_rows(table: sa.Table) -> Callable[[list], tuple]:
    """A row of ``table`` as ``_driver_rows`` gives it, as a named tuple:
    what a SQLAlchemy row gives, at a fraction of the cost."""
    return namedtuple(f"{table.name}_row", table.c.keys())._make  # type: ignore[misc]


# A claim's row as ``person_page_rows`` gives it: a list in this order.
CLAIM_COLUMNS: dict[str, int] = {c: i for i, c in enumerate(claims.c.keys())}
_ENTITY_ROW, _NAME_ROW, _CLAIM_ROW = map(_named_rows, (entities, names, claims))
_SUBJECT = CLAIM_COLUMNS["subject"]


def claim_of_row(row: list, quote: str) -> Claim:
    """A claim from a row as ``person_page_rows`` gives it, and its quote."""
    return claim_from_row(_CLAIM_ROW(row), quote)


class ExportReads:
    """The Store's reads for exports; ``_rows`` runs a query, ``_driver_rows``
    runs one without SQLAlchemy's row objects (JSON decoded all the same)."""

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def _driver_rows(self, query: sa.Select) -> list[list]:
        raise NotImplementedError

    def _named(self, query: sa.Select, make: Callable[[list], Any]) -> list[Any]:
        return [make(r) for r in self._driver_rows(query)]

    def person_page_rows(
        self, after: str, size: int = 1000
    ) -> tuple[dict[str, PersonRows], dict[str, list[list]]] | None:
        """The ``size`` persons whose ids come next after ``after`` as their
        rows (``entity_of`` makes the Entity), and each one's claims as their
        rows (lists in the order of ``CLAIM_COLUMNS``), in order of source
        and offset, their quotes not yet read (see ``claims_of_rows``); None
        past the last."""
        e = entities.c
        query = (
            sa.select(entities)
            .where(e.kind == str(EntityKind.PERSON), e.id > after)
            .order_by(e.id)
            .limit(size)
        )
        page = self._named(query, _ENTITY_ROW)
        if not page:
            return None
        first, last = page[0].id, page[-1].id
        ids = {r.id for r in page}
        by_entity = self._names_between(first, last, ids)
        found = {
            r.id: PersonRows(r, preferred_first(r.name, by_entity.get(r.id, ())))
            for r in page
        }
        return found, self._claim_rows(claims.c.subject.between(first, last), ids)

    def claims_about(self, ids: Sequence[str]) -> dict[str, list[Claim]]:
        """The claims whose subject each of these entities is."""
        about: dict[str, list[Claim]] = {}
        for part in chunked(list(ids)):
            about |= self._claims_about(claims.c.subject.in_(part), set(part))
        return about

    def _names_between(
        self, first: str, last: str, ids: set[str]
    ) -> dict[str, list[Any]]:
        query = (
            sa.select(names)
            .where(names.c.entity_id.between(first, last))
            .order_by(names.c.name)
        )
        by_entity: dict[str, list[Any]] = defaultdict(list)
        for r in self._named(query, _NAME_ROW):
            if r.entity_id in ids:
                by_entity[r.entity_id].append(r)
        return by_entity

    def _claims_about(
        self, where: sa.ColumnElement[bool], ids: set[str]
    ) -> dict[str, list[Claim]]:
        return self.claims_of_rows(self._claim_rows(where, ids))

    def claims_of_rows(
        self, claim_rows: dict[str, list[list]]
    ) -> dict[str, list[Claim]]:
        """Claims from rows by subject (as ``_claim_rows`` gives them), every
        quote read at once."""
        about: dict[str, list[Claim]] = defaultdict(list)
        own = [_CLAIM_ROW(r) for rows in claim_rows.values() for r in rows]
        for claim in claims_with_quotes(self._rows, own):
            about[claim.subject].append(claim)
        return about

    def _claim_rows(
        self, where: sa.ColumnElement[bool], ids: set[str]
    ) -> dict[str, list[list]]:
        """The rows of the claims whose subject is one of ``ids`` (lists, as
        ``CLAIM_COLUMNS`` orders them), by subject, in order of source and
        offset."""
        c = claims.c
        query = sa.select(claims).where(where).order_by(c.source_id, c.start, c.id)
        by_subject: dict[str, list[list]] = defaultdict(list)
        for r in self._driver_rows(query):
            if r[_SUBJECT] in ids:
                by_subject[r[_SUBJECT]].append(r)
        return by_subject


class PersonRows(NamedTuple):
    """A person as ``person_page_rows`` reads them: the entity's row and its
    names' rows, the preferred first (named tuples of the tables' columns).
    Most persons of an export are written from these without an Entity."""

    entity: Any
    names: tuple[Any, ...]


def entity_of(person: PersonRows) -> Entity:
    """The Entity of a person's rows, with their names."""
    return entity_from_row(person.entity, tuple(map(name_from_row, person.names)))
