"""Merges made auditable: every person resolved from several records, and how.

>>> # for merged in list_merges(store, MergeFilter(origin="link")): ...
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kartoteka.analysis.lookup import find_person
from kartoteka.model import Entity
from kartoteka.storage import Store
from kartoteka.storage.decisions import MergeRow


@dataclass(frozen=True)
class MergeFilter:
    person: str | None = None  # any name, any spelling
    origin: str | None = None  # "link" (a run of kartoteka link) or "review"
    below: float | None = None  # only merges with a record joined under this
    since: str | None = None  # only merges written on or after this day


@dataclass
class Merge:
    """One person and the records joined into it, each with its link."""

    head: Entity
    members: list[tuple[Entity, MergeRow]]


def list_merges(store: Store, wanted: MergeFilter | None = None) -> list[Merge]:
    wanted = wanted or MergeFilter()
    clusters: dict[str, list[MergeRow]] = defaultdict(list)
    for row in store.merges():
        clusters[row.cluster].append(row)
    if wanted.person:
        head = store.cluster_of(find_person(store, wanted.person).id)[0]
        clusters = {head: clusters[head]} if head in clusters else {}
    chosen = {head: rows for head, rows in clusters.items() if _wanted(rows, wanted)}
    entities = store.entities(
        sorted({*chosen, *(r.member for rows in chosen.values() for r in rows)})
    )
    return [
        Merge(
            entities[head],
            [(entities[r.member], r) for r in rows if r.member != head],
        )
        for head, rows in sorted(chosen.items())
    ]


def _wanted(rows: list[MergeRow], wanted: MergeFilter) -> bool:
    joined = [r for r in rows if r.member != r.cluster] or rows
    if wanted.origin and all(r.origin != wanted.origin for r in joined):
        return False
    if wanted.below is not None and all(
        r.probability is None or r.probability >= wanted.below for r in joined
    ):
        return False
    return not wanted.since or any(r.at[:10] >= wanted.since for r in joined)
