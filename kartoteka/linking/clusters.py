"""Pairs to clusters, greedily by probability, never across a "not same".

A plain connected-components pass would join A and C through B even when a
historian has said A and C are not one person; here a union that would put
a judged "not same" pair in one cluster is refused, and the pair that asked
for it goes to review instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field


@dataclass
class Clustering:
    head: dict[str, str] = field(default_factory=dict)  # member → canonical member
    probability: dict[str, float | None] = field(default_factory=dict)  # how it joined
    refused: list[tuple[str, str, float]] = field(default_factory=list)

    def clusters(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for member, head in self.head.items():
            found.setdefault(head, []).append(member)
        return {h: sorted(m) for h, m in found.items() if len(m) > 1}


def canonical(members: Iterable[str], preferred: Collection[str] = ()) -> str:
    """The member a cluster goes by: a preferred one (a curated person) when
    there is one, else the smallest id."""
    return min(members, key=lambda m: (m not in preferred, m))


def cluster(
    pairs: Iterable[tuple[str, str, float]],
    same: Iterable[tuple[str, str]] = (),
    not_same: Iterable[tuple[str, str]] = (),
    preferred: set[str] | frozenset[str] = frozenset(),
) -> Clustering:
    """Join judged "same" pairs, then ``pairs`` from the likeliest down.

    The canonical member of a cluster is a ``preferred`` one (a curated
    person) when there is one, else the smallest id.
    """
    parent: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    apart: dict[str, set[str]] = {}
    for a, b in not_same:
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)
    result = Clustering()

    def find(x: str) -> str:
        parent.setdefault(x, x)
        members.setdefault(x, {x})
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str, p: float | None) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        small, large = sorted((ra, rb), key=lambda r: len(members[r]))
        if any(find(o) == large for m in members[small] for o in apart.get(m, ())):
            return False
        parent[small] = large
        members[large] |= members.pop(small)
        for x in (a, b):
            if result.probability.get(x) is None or (
                p is not None and p > (result.probability.get(x) or 0)
            ):
                result.probability[x] = p
        return True

    for a, b in same:
        union(a, b, None)
    for a, b, p in sorted(pairs, key=lambda t: -t[2]):
        if not union(a, b, p):
            result.refused.append((a, b, p))
    for group in members.values():
        if len(group) < 2:
            continue
        head = canonical(group, preferred)
        for m in group:
            result.head[m] = head
            result.probability.setdefault(m, None)
    return result
