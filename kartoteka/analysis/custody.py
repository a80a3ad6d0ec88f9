"""Custody chains: who held a document, in order, as each account tells it.

Every voice that tells the document's path (Alexandrov, Khrushchev, Aragon,
the article's author) gives its own chain: the maker (``forged`` or
``authored``) first, then each ``transferred`` step (qualifiers from, via,
to), and the last holder (``received``). Where one step's receiver is not
the next step's giver, an unknown holder stands between them; so does one
before a chain whose maker no account of that voice names. Steps that every
rival chain shares cannot tell the accounts apart: they are non-diagnostic.

>>> # chains = custody(store, "forged-dossier")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from kartoteka.analysis.lookup import find_entity
from kartoteka.model import Claim
from kartoteka.model.vocabulary import Stance, Status
from kartoteka.storage import Store

UNKNOWN = "?"  # a holder no source names


@dataclass(frozen=True)
class Step:
    giver: str  # entity id, or UNKNOWN
    taker: str
    claims: tuple[str, ...]  # the claims that tell this step
    date: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.claims)


@dataclass
class Chain:
    voice: str  # the entity whose account this is
    holders: list[str]  # entity ids in order; UNKNOWN where a gap is
    steps: list[Step]
    made: tuple[str, ...] = ()  # the claims naming the maker
    hypotheses: list[str] = field(default_factory=list)  # the ratings favour these


@dataclass
class Custody:
    artifact: str
    chains: list[Chain]
    claims: dict[str, Claim]
    names: dict[str, str]
    shared: list[tuple[str, str]]  # steps every chain has: non-diagnostic

    def name(self, entity: str) -> str:
        return "unknown holder" if entity == UNKNOWN else self.names.get(entity, entity)

    def non_diagnostic_claims(self) -> set[str]:
        """Claims telling a step that every rival chain shares."""
        return {
            c
            for chain in self.chains
            for s in chain.steps
            if (s.giver, s.taker) in self.shared
            for c in s.claims
        }


def _voice(claim: Claim, authors: dict[str, str]) -> str:
    """Whose account a claim is part of: the reported voice, else the
    source's authors."""
    return claim.asserted_by or authors.get(claim.source, claim.source)


def chain_of(voice: str, claims: list[Claim], artifact: str) -> Chain:
    """One account's chain from its claims about the artifact."""
    makers = sorted(
        {c.subject for c in claims if c.predicate in ("forged", "authored")}
    )
    edges: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        if c.predicate == "transferred":
            q = c.qualifiers
            hops = [q.get("from") or UNKNOWN, q.get("via"), q.get("to") or UNKNOWN]
            hops = [h for h in hops if h]
            for pair in pairwise(hops):
                edges.setdefault(pair, []).append(c)
    for c in claims:
        if c.predicate == "received" and c.object == artifact:
            known = [e for e in edges if e[1] == c.subject]
            edges.setdefault(known[0] if known else (UNKNOWN, c.subject), []).append(c)
    steps = _walk(edges, makers)
    holders = [steps[0].giver, *(s.taker for s in steps)] if steps else makers[:1]
    made = tuple(sorted(c.id for c in claims if c.predicate in ("forged", "authored")))
    return Chain(voice, holders, steps, made)


def _walk(edges: dict[tuple[str, str], list[Claim]], makers: list[str]) -> list[Step]:
    """The steps in order from the maker; where the account is silent, an
    untold step through an unknown holder."""
    remaining = dict(edges)
    steps: list[Step] = []
    at: str | None = None
    while remaining:
        onward = sorted(e for e in remaining if e[0] == at)
        if not onward:
            start = _next_start(remaining, makers)
            if at is None:
                if makers and makers[0] != start:
                    steps.append(Step(makers[0], start, ()))
            elif start != UNKNOWN:
                steps += [Step(at, UNKNOWN, ()), Step(UNKNOWN, start, ())]
            at = start
            continue
        pair = onward[0]
        told = remaining.pop(pair)
        dates = sorted(c.date.value for c in told if c.date)
        ids = tuple(sorted({c.id for c in told}))
        steps.append(Step(pair[0], pair[1], ids, dates[0] if dates else None))
        at = pair[1]
    return steps


def _next_start(
    remaining: dict[tuple[str, str], list[Claim]], makers: list[str]
) -> str:
    takers = {b for _, b in remaining}
    free = [a for a, _ in remaining if a not in takers] or [next(iter(remaining))[0]]
    return sorted(set(free), key=lambda g: (g not in makers, g == UNKNOWN, g))[0]


def custody(store: Store, artifact: str) -> Custody:
    """Every account's chain of custody of a document, with the hypotheses
    each chain is rated consistent with, and the steps all chains share."""
    entity = find_entity(store, artifact)
    claims = [
        c
        for c in store.claims_involving(entity.id)
        if c.status is not Status.REJECTED
        and c.stance is Stance.AFFIRMS
        and c.predicate in ("forged", "authored", "transferred", "received")
    ]
    authors = {
        s: ", ".join(store.source_meta(s).authors) for s in {c.source for c in claims}
    }
    accounts: dict[str, list[Claim]] = {}
    for c in claims:
        accounts.setdefault(_voice(c, authors), []).append(c)
    chains = [chain_of(v, told, entity.id) for v, told in sorted(accounts.items())]
    chains = [c for c in chains if c.steps]
    makers = {c.subject for c in claims if c.predicate in ("forged", "authored")}
    for chain in chains:
        if chain.holders[0] not in makers | {UNKNOWN}:
            # No account says who made it or where this holder had it from.
            chain.steps.insert(0, Step(UNKNOWN, chain.holders[0], ()))
            chain.holders.insert(0, UNKNOWN)
    _consistent_with(store, entity.id, chains)
    told = [{(s.giver, s.taker) for s in c.steps if s.known} for c in chains]
    shared = sorted(set.intersection(*told)) if len(told) > 1 else []
    ids = {h for c in chains for h in (c.voice, *c.holders)} - {UNKNOWN}
    names = {
        i: e.name
        for i, e in store.entities(sorted(ids & _entities(store, ids))).items()
    }
    names[entity.id] = entity.name
    return Custody(entity.id, chains, {c.id: c for c in claims}, names, shared)


def _entities(store: Store, ids: set[str]) -> set[str]:
    return set(store.kinds(sorted(ids)))


def _consistent_with(store: Store, artifact: str, chains: list[Chain]) -> None:
    """Name, for each chain, the hypotheses of a question about this document
    that the ratings of its claims favour most (CC +2 … II −2, summed)."""
    value = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
    for q in store.questions():
        if q.artifact != artifact:
            continue
        rated: dict[str, dict[str, int]] = {}
        for r in store.ratings(q.id):
            rated.setdefault(r.claim, {})[r.hypothesis] = value.get(str(r.rating), 0)
        for chain in chains:
            told = {c for s in chain.steps for c in s.claims} | set(chain.made)
            sums = {h: sum(rated.get(c, {}).get(h, 0) for c in told)
                    for h in q.hypothesis_ids}  # fmt: skip
            best = max(sums.values(), default=0)
            if best > 0 and list(sums.values()).count(best) < len(sums):
                chain.hypotheses += [
                    f"{q.id}:{h}" for h, v in sums.items() if v == best
                ]
