"""Reading entities by their names' keys, in bulk: what any-spelling lookup needs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import sqlalchemy as sa

from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage.engine import chunked, page_starts
from kartoteka.storage.schema import entities, name_keys, names, person_links


class LookupReads:
    """The Store's light reads for lookups; ``_rows`` runs a query."""

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def ids_by_keys(self, keys: Sequence[str], limit: int = 1000) -> list[str]:
        """Entities with any of these name keys, the first ``limit`` by id."""
        if not keys:
            return []
        k = name_keys.c
        query = (
            sa.select(k.entity_id)
            .where(k.key.in_(sorted(set(keys))))
            .distinct()
            .order_by(k.entity_id)
            .limit(limit)
        )
        return [r.entity_id for r in self._rows(query)]

    def heads(self, ids: Sequence[str]) -> dict[str, str]:
        """Each id → the canonical member of its cluster (itself when unlinked)."""
        pl = person_links.c
        found = {i: i for i in ids}
        for chunk in chunked(ids):
            query = sa.select(pl.id, pl.cluster_id).where(pl.id.in_(chunk))
            found.update({r.id: r.cluster_id for r in self._rows(query)})
        return found

    def entity_count(self, kind: str) -> int:
        """How many entities of a kind, none of them read."""
        query = sa.select(sa.func.count()).where(entities.c.kind == str(kind))
        return int(self._rows(query)[0][0])

    def kinds(self, ids: Sequence[str]) -> dict[str, str]:
        """Each entity's kind, nothing else read."""
        e = entities.c
        found: dict[str, str] = {}
        for chunk in chunked(ids):
            query = sa.select(e.id, e.kind).where(e.id.in_(chunk))
            found.update({r.id: r.kind for r in self._rows(query)})
        return found

    def preferred_names(self, ids: Sequence[str]) -> dict[str, str]:
        """Each entity's preferred name, nothing else read."""
        e = entities.c
        return {
            r.id: r.name
            for chunk in chunked(sorted(set(ids)))
            for r in self._rows(sa.select(e.id, e.name).where(e.id.in_(chunk)))
        }

    def names_of(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        """(entity id, name) of every name of these entities, nothing else read."""
        n = names.c
        return [
            (r.entity_id, r.name)
            for chunk in chunked(ids)
            for r in self._rows(
                sa.select(n.entity_id, n.name).where(n.entity_id.in_(chunk))
            )
        ]

    def latin_surnames(self, most: int = 50_000) -> list[str]:
        """The last word of every Latin-script name of a person: what a text in
        English may call them (Tukhachevsky, Zinoviev, Eideman)."""
        n, e = names.c, entities.c
        query = (
            sa.select(n.name)
            .join(entities, e.id == n.entity_id)
            .where(n.script == "Latn", e.kind == "person")
            .distinct()
            .limit(most)
        )
        last = {r.name.split()[-1] for r in self._rows(query) if r.name.split()}
        return sorted(w for w in last if len(w) > 2 and w[:1].isupper())

    def entity_page_starts(self, kind: EntityKind, size: int) -> Iterator[str]:
        """The id after which each page of ``size`` entities of a kind begins
        ("" for the first), read from the index alone."""
        e = entities.c
        return page_starts(self._rows, e.id, size, e.kind == str(kind))
