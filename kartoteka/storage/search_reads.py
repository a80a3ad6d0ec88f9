"""The Store's search reads: hits a page at a time, how many, and facets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa

from kartoteka.storage import search as fts
from kartoteka.storage.engine import chunked
from kartoteka.storage.schema import claims


@dataclass
class Facets:
    """How many of the entities found have a claim of each event, year,
    place and source (an entity counted once per value)."""

    event: Counter[str] = field(default_factory=Counter)
    year: Counter[str] = field(default_factory=Counter)
    place: Counter[str] = field(default_factory=Counter)
    source: Counter[str] = field(default_factory=Counter)


class SearchReads:
    """Mixed into the Store; ``engine`` is its database."""

    engine: sa.Engine

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def search(
        self,
        text: str,
        limit: int = 20,
        forms: fts.Forms | None = None,
        offset: int = 0,
        filters: fts.Filters | None = None,
        ranked: bool = True,
        snippets: bool = True,
    ) -> list[fts.Hit]:
        """Full-text search over source texts and entity names; ``forms`` gives
        the word forms any of which a term may take; ``filters`` narrow it;
        unranked, hits come in the index's order (fast for a million)."""
        with self.engine.connect() as conn:
            return fts.search(
                conn, text, limit, forms, offset, filters, ranked, snippets
            )

    def search_count(
        self,
        text: str,
        forms: fts.Forms | None = None,
        filters: fts.Filters | None = None,
        most: int = 100_000,
    ) -> int:
        """How many hits the search has, counted up to ``most``."""
        with self.engine.connect() as conn:
            return fts.count(conn, text, forms, filters, most)

    def facets(self, entity_ids: Sequence[str], events: Sequence[str]) -> Facets:
        """What the claims of these entities hold: their ``events``, years,
        places and sources."""
        c = claims.c
        place = c.qualifiers["place"].as_string()
        seen: dict[str, set[tuple[str, str]]] = {}
        for chunk in chunked(entity_ids):
            query = sa.select(c.subject, c.predicate, c.date, c.source_id, place).where(
                c.subject.in_(chunk)
            )
            for subject, predicate, date, source, where in self._rows(query):
                values = seen.setdefault(subject, set())
                values.add(("source", source))
                if predicate in events:
                    values.add(("event", predicate))
                    if date and date[:4].isdigit():
                        values.add(("year", date[:4]))
                    if where:
                        values.add(("place", where))
        found = Facets()
        for values in seen.values():
            for facet, value in values:
                getattr(found, facet)[value] += 1
        return found
