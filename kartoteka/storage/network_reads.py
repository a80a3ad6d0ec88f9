"""Reading who lived where: persons by the address their record gives.

The address is kept in an entity's attributes; an expression index (made by
migration 0014, outside the metadata) finds every person at one address.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from kartoteka.storage.engine import chunked
from kartoteka.storage.schema import entities


class AddressReads:
    """The Store's reads by address; ``_rows`` runs a query, ``dialect``
    names the database."""

    dialect: str

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def _address(self) -> sa.ColumnElement:
        # The very expression the index is made on, so that it is used.
        if self.dialect == "postgresql":
            return sa.literal_column("entities.attributes->>'address'")
        # A literal path, not a bound parameter: the index's expression has one.
        path = sa.literal_column("'$.address'")
        return sa.func.json_extract(entities.c.attributes, path)

    def persons_at(self, address: str, limit: int = 1000) -> list[tuple[str, str]]:
        """(id, name) of every entity whose record gives exactly this address."""
        query = (
            sa.select(entities.c.id, entities.c.name)
            .where(self._address() == address)
            .order_by(entities.c.id)
            .limit(limit)
        )
        return [(r.id, r.name) for r in self._rows(query)]

    def addresses_of(self, ids: Sequence[str]) -> dict[str, str]:
        """Each entity's address as its record gives it, for those that have one."""
        found: dict[str, str] = {}
        for chunk in chunked(list(ids)):
            query = sa.select(entities.c.id, self._address().label("a")).where(
                entities.c.id.in_(chunk)
            )
            found.update({r.id: r.a for r in self._rows(query) if r.a})
        return found

    def addresses_with(self, words: str, limit: int = 200) -> list[tuple[str, int]]:
        """Addresses holding the words as written, each with how many records
        give it: one pass over every record's address."""
        address = self._address()
        query = (
            sa.select(address.label("a"), sa.func.count().label("n"))
            .select_from(entities)
            .where(address.is_not(None), address.contains(words, autoescape=True))
            .group_by(address)
            .order_by(sa.desc("n"), address)
            .limit(limit)
        )
        return [(r.a, r.n) for r in self._rows(query)]
