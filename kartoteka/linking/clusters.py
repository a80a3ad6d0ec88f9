"""Pairs to clusters, greedily by probability, never across a "not same".

A plain connected-components pass would join A and C through B even when a
historian has said A and C are not one person, or when A and C are plainly
namesakes (a record "Лац Д. А., 1899" scoring high with both Давид
Афанасьевич and Дмитрий Андреевич, born 1899): here a union that would put
a judged "not same" pair, or a pair the guard tells apart, in one cluster
is refused, and the pair that asked for it goes to review instead.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
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
    apart: Callable[[str, str], bool] | None = None,
) -> Clustering:
    """Join judged "same" pairs, then ``pairs`` from the likeliest down,
    never two clusters holding a "not same" pair or, for ``pairs``, two
    members that ``apart`` says are different people.

    The canonical member of a cluster is a ``preferred`` one (a curated
    person) when there is one, else the smallest id.
    """
    parent: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    judged_apart: dict[str, set[str]] = {}
    for a, b in not_same:
        judged_apart.setdefault(a, set()).add(b)
        judged_apart.setdefault(b, set()).add(a)
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
        if any(
            find(o) == large for m in members[small] for o in judged_apart.get(m, ())
        ):
            return False
        if (
            p is not None
            and apart is not None
            and any(apart(x, y) for x in members[small] for y in members[large])
        ):
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
