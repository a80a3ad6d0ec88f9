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


def canonical(
    members: Iterable[str],
    preferred: Collection[str] = (),
    named: Collection[str] | None = None,
) -> str:
    """The member a cluster goes by: a preferred one (a curated person) when
    there is one, else one with a name (not a record that names nobody),
    else the smallest id."""
    return min(
        members,
        key=lambda m: (m not in preferred, named is not None and m not in named, m),
    )


def cluster(
    pairs: Iterable[tuple[str, str, float]],
    same: Iterable[tuple[str, str]] = (),
    not_same: Iterable[tuple[str, str]] = (),
    preferred: set[str] | frozenset[str] = frozenset(),
    apart: Callable[[str, str], bool] | None = None,
    named: Collection[str] | None = None,
) -> Clustering:
    """Join judged "same" pairs, then ``pairs`` from the likeliest down,
    never two clusters holding a "not same" pair or, for ``pairs``, two
    members that ``apart`` says are different people.

    The canonical member of a cluster is a ``preferred`` one (a curated
    person) when there is one, else one of the ``named``, else the smallest
    id.
    """
    parent: dict[str, str] = {}  # a member joined to another → that member
    members: dict[str, set[str]] = {}  # a cluster's root → its members (2 or more)
    judged_apart: dict[str, set[str]] = {}
    for a, b in not_same:
        judged_apart.setdefault(a, set()).add(b)
        judged_apart.setdefault(b, set()).add(a)
    result = Clustering()
    probability = result.probability

    def find(x: str) -> str:
        root = x
        while (up := parent.get(root, root)) != root:
            root = up
        while x != root:  # the path made short for the next look-up
            parent[x], x = root, parent[x]
        return root

    def union(a: str, b: str, p: float | None) -> bool:
        small, large = find(a), find(b)
        if small == large:
            return True
        joined, into = members.get(small) or {small}, members.get(large) or {large}
        if len(joined) > len(into):
            small, large, joined, into = large, small, into, joined
        if judged_apart and any(
            find(o) == large for m in joined for o in judged_apart.get(m, ())
        ):
            return False
        if (
            p is not None
            and apart is not None
            and any(apart(x, y) for x in joined for y in into)
        ):
            return False
        parent[small] = large
        members.setdefault(large, into).update(joined)  # into: the same set
        members.pop(small, None)
        # the likeliest pair comes first: a member keeps the probability it
        # joined with (a judged "same" none, until a scored pair joins it)
        for x in (a, b):
            if probability.get(x) is None:
                probability[x] = p
        return True

    for a, b in same:
        union(a, b, None)
    for a, b, p in sorted(pairs, key=lambda t: -t[2]):
        if not union(a, b, p):
            result.refused.append((a, b, p))
    for group in members.values():
        head = canonical(group, preferred, named)
        for m in group:
            result.head[m] = head
            result.probability.setdefault(m, None)
    return result
