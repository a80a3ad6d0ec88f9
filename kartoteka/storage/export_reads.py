"""Reads for exports at registry scale: persons a range of ids at a time.

A page of persons is read by the range its ids span — the persons, their
names and the claims about them each one indexed range scan — rather than
by lists of a thousand ids, whose compiling cost more than the reading.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

import sqlalchemy as sa

from kartoteka.model import Claim, Entity, Name
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage.engine import chunked
from kartoteka.storage.rows import (
    entity_from_row,
    name_from_row,
    preferred_first,
)
from kartoteka.storage.schema import claims, entities, names
from kartoteka.storage.text_reads import claims_with_quotes


class ExportReads:
    """The Store's reads for exports; ``_rows`` runs a query."""

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def person_pages(
        self, size: int = 1000
    ) -> Iterator[tuple[dict[str, Entity], dict[str, list[Claim]]]]:
        """Every person in order of id, ``size`` at a time: each page's
        persons by id, and the claims whose subject each is (in order of
        source and offset)."""
        after = ""
        while page := self.person_page(after, size):
            yield page
            after = max(page[0])

    def person_page(
        self, after: str, size: int = 1000
    ) -> tuple[dict[str, Entity], dict[str, list[Claim]]] | None:
        """The ``size`` persons whose ids come next after ``after``, with the
        claims about them; None past the last."""
        e = entities.c
        query = (
            sa.select(entities)
            .where(e.kind == str(EntityKind.PERSON), e.id > after)
            .order_by(e.id)
            .limit(size)
        )
        page = self._rows(query)
        if not page:
            return None
        first, last = page[0].id, page[-1].id
        ids = {r.id for r in page}
        found = _with_names(page, self._names_between(first, last, ids))
        return found, self._claims_about(claims.c.subject.between(first, last), ids)

    def claims_about(self, ids: Sequence[str]) -> dict[str, list[Claim]]:
        """The claims whose subject each of these entities is."""
        about: dict[str, list[Claim]] = {}
        for part in chunked(list(ids)):
            about |= self._claims_about(claims.c.subject.in_(part), set(part))
        return about

    def _names_between(
        self, first: str, last: str, ids: set[str]
    ) -> dict[str, list[Name]]:
        query = (
            sa.select(names)
            .where(names.c.entity_id.between(first, last))
            .order_by(names.c.name)
        )
        by_entity: dict[str, list[Name]] = defaultdict(list)
        for r in self._rows(query):
            if r.entity_id in ids:
                by_entity[r.entity_id].append(name_from_row(r))
        return by_entity

    def _claims_about(
        self, where: sa.ColumnElement[bool], ids: set[str]
    ) -> dict[str, list[Claim]]:
        c = claims.c
        query = sa.select(claims).where(where).order_by(c.source_id, c.start, c.id)
        about: dict[str, list[Claim]] = defaultdict(list)
        own = [r for r in self._rows(query) if r.subject in ids]
        for claim in claims_with_quotes(self._rows, own):
            about[claim.subject].append(claim)
        return about


def _with_names(rows: list[sa.Row], found: dict[str, list[Name]]) -> dict[str, Entity]:
    """Entities from their rows, each with its names, the preferred first."""
    return {
        r.id: entity_from_row(r, preferred_first(r.name, found.get(r.id, [])))
        for r in rows
    }
