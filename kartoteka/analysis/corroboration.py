"""Independent corroboration: how many origins, not how many sources, carry a fact.

Sources that cite, reprint or translate one another (``derived_from``) are
one line of evidence, and so are every protocol of one investigation when
each derives from the investigation's file (the "same apparatus"). A claim's
origin is the work it cites (qualifier ``cited_from``), else the voice it
reports when that is not the source's author (Khrushchev quoted by Roberts
and by Aragon is Khrushchev once), else its source. Following
``derived_from`` up from each origin gives its roots; claims whose roots
overlap are not independent. A loop of derivations (A cites B, B cites A) is
circular reporting and is flagged wherever a fact leans on it.

"Confirmed" (credibility 1) is suggested only with two or more independent
origins and no independent denial.

>>> graph = derivation_graph({"b": ("a",), "c": ("a",), "a": ()})
>>> sorted(roots(graph, "b")), sorted(roots(graph, "c"))
(['a'], ['a'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import networkx as nx

from kartoteka.model import Claim
from kartoteka.model import dates as edtf
from kartoteka.model.vocabulary import Stance

VOICE = "voice:"  # an origin that is a reported speaker, not a stored source


def derivation_graph(derived_from: Mapping[str, Iterable[str]]) -> nx.DiGraph:
    """Sources as nodes, an edge from each source to every work it derives from."""
    graph = nx.DiGraph()
    for source, parents in derived_from.items():
        graph.add_node(source)
        graph.add_edges_from((source, p) for p in parents)
    graph.graph["loops"] = {
        n: frozenset(component)
        for component in nx.strongly_connected_components(graph)
        if len(component) > 1 or graph.has_edge(*[next(iter(component))] * 2)
        for n in component
    }
    return graph


def roots(graph: nx.DiGraph, node: str) -> frozenset[str]:
    """The first works a node derives from: those that derive from nothing
    further. A loop with no way out counts as one root, named by its members."""
    if node not in graph:
        return frozenset({node})
    reach = nx.descendants(graph, node) | {node}
    found = set()
    for n in reach:
        onward = set(graph.successors(n))
        if not onward:
            found.add(n)
        elif onward <= (loop := graph.graph["loops"].get(n, frozenset())):
            # Every way out of n leads back into its own loop: the loop is a root.
            found.add("+".join(sorted(loop)))
    return frozenset(found)


def cycles(graph: nx.DiGraph) -> list[list[str]]:
    """Every loop of derivations, each as its sources in order."""
    return [sorted(c) for c in nx.simple_cycles(graph)]


@dataclass(frozen=True)
class Support:
    claim: str
    source: str
    origin: str  # a source id, or "voice:<entity id>"
    roots: tuple[str, ...]
    stance: str
    quote: str
    date: str | None = None
    agreeing: int = 0  # independent origins of the supports its date fits
    disputed_by: tuple[str, ...] = ()  # claims of another origin dated otherwise


@dataclass(frozen=True)
class Fact:
    """One assertion (subject, predicate, object; for a transfer, from → to)
    with every claim that makes or denies it, and its independent origins."""

    subject: str
    predicate: str
    object: str | None
    detail: str  # "from gestapo to skoblin" for a transfer, else ""
    supports: tuple[Support, ...]
    denials: tuple[Support, ...]
    independent: tuple[tuple[str, ...], ...]  # groups of roots, one per origin
    circular: tuple[str, ...]  # sources on a loop of derivations it leans on

    @property
    def origins(self) -> int:
        return len(self.independent)

    @property
    def confirmed(self) -> bool:
        """Two independent origins affirm it, and none denies it."""
        return self.origins >= 2 and not self.denials and not self.circular

    @property
    def suggestion(self) -> str:
        if self.confirmed:
            dates = any(s.disputed_by for s in self.supports)
            return f"confirmed: {self.origins} independent origins" + (
                "; their dates disagree" if dates else ""
            )
        if self.circular:
            return (
                "not confirmed: circular reporting (" + ", ".join(self.circular) + ")"
            )
        if self.denials and self.supports:
            return (
                f"disputed: {self.origins} origin(s) affirm, {len(self.denials)} deny"
            )
        if not self.supports:
            return "denied only"
        return "not confirmed: one origin" + (
            f" ({len(self.supports)} claims repeat it)"
            if len(self.supports) > 1
            else ""
        )


def origin_of(claim: Claim, voices: Mapping[tuple[str, str], str]) -> str:
    """Where a claim's words come from: the cited work; else, for a reported
    voice, what ``voices`` gives for (voice, source) — the source itself when
    the voice wrote it, the voice's own work the source read — or the voice;
    else the source."""
    cited = claim.qualifiers.get("cited_from")
    if isinstance(cited, str) and cited:
        return cited
    if claim.asserted_by:
        return voices.get((claim.asserted_by, claim.source), VOICE + claim.asserted_by)
    return claim.source


# Qualifiers that make two claims of one predicate different facts.
FACT_QUALIFIERS = {
    "transferred": ("from", "to"),
    "held_position": ("position",),
    "family_of": ("relation",),
    "estimate": ("counted",),
}


def fact_key(claim: Claim) -> tuple[str, str, str | None, str]:
    """What makes a claim the same fact as another: subject, predicate,
    object, and for some predicates a qualifier or the figure."""
    parts = [
        f"{k} {claim.qualifiers[k]}"
        for k in FACT_QUALIFIERS.get(claim.predicate, ())
        if claim.qualifiers.get(k)
    ]
    if claim.predicate == "estimate" and claim.value is not None:
        parts.append(claim.value.as_written or str(claim.value.value))
    return claim.subject, claim.predicate, claim.object, " ".join(parts)


def corroborate(
    claims: Iterable[Claim],
    graph: nx.DiGraph,
    voices: Mapping[tuple[str, str], str],
) -> list[Fact]:
    """Every fact the live claims make, with its independent origins counted.

    ``voices`` maps (entity id, source id) to the origin of that voice's
    words in that source (see ``origin_of``).
    """
    grouped: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.evidence and c.stance is not Stance.DOUBTS:
            grouped.setdefault(fact_key(c), []).append(c)
    looped = set(graph.graph["loops"])
    rooted: dict[str, tuple[str, ...]] = {}  # an origin's roots, found once
    facts = []
    for (subject, predicate, obj, detail), group in grouped.items():
        supports, denials = [], []
        for c in group:
            origin = origin_of(c, voices)
            if origin not in rooted:
                rooted[origin] = tuple(sorted(roots(graph, origin)))
            found = rooted[origin]
            date = c.date.value if c.date else None
            support = Support(
                c.id, c.source, origin, found, str(c.stance), c.passage.text, date
            )
            (denials if c.stance is Stance.DENIES else supports).append(support)
        supports = _dated(supports)
        reached = {n for s in supports for n in _upstream(graph, s.origin)}
        facts.append(
            Fact(
                subject,
                predicate,
                obj,
                detail,
                tuple(supports),
                tuple(denials),
                independent_groups([s.roots for s in supports]),
                tuple(sorted(reached & looped)),
            )
        )
    return facts


def _dated(supports: list[Support]) -> list[Support]:
    """Each support with the independent origins whose dates fit its own
    (an undated claim fits any), and the claims of other origins it cannot
    be reconciled with: "rehabilitated in 1956" is not confirmed by "1961"."""
    done = []
    for s in supports:
        fits = [o for o in supports if _fit(s.date, o.date)]
        against = tuple(
            o.claim
            for o in supports
            if not _fit(s.date, o.date) and not set(o.roots) & set(s.roots)
        )
        done.append(
            replace(
                s,
                agreeing=len(independent_groups(o.roots for o in fits)),
                disputed_by=against,
            )
        )
    return done


def _fit(a: str | None, b: str | None) -> bool:
    return a is None or b is None or edtf.relation(a, b) is not edtf.Relation.DISJOINT


def _upstream(graph: nx.DiGraph, node: str) -> set[str]:
    return nx.descendants(graph, node) | {node} if node in graph else {node}


def independent_groups(
    root_sets: Iterable[Iterable[str]],
) -> tuple[tuple[str, ...], ...]:
    """The most claims whose roots share nothing, as their root sets.

    Dependence is pairwise: an article that read both Khrushchev and Aragon
    depends on each, yet Khrushchev and Aragon stay independent of one
    another. Taking the narrowest lines first and skipping any that share a
    root with one taken finds the largest such set for derivations that
    branch like a family tree; it never counts two that share a root.
    """
    taken: list[frozenset[str]] = []
    for found in sorted(
        {frozenset(r) for r in root_sets}, key=lambda r: (len(r), sorted(r))
    ):
        if found and not any(found & t for t in taken):
            taken.append(found)
    return tuple(sorted(tuple(sorted(t)) for t in taken))
