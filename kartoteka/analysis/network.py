"""The association network: who falls within reach of a person — "every man
who knew a man who knew the idea".

Nodes are entities (persons, organizations, places, documents) and the
addresses records give. Edges are associations, each with the claims that
make it: a relation between two entities (family_of, member_of,
held_position, associate_of, agent_of, framed, transferred, …), an event
naming another entity (executed by Yezhov, kidnapped by the GPU), and living
at one address (the same flat or house as a record gives it). A hop is one
edge: a co-resident is two hops away, through the address, as a fellow
member is through the organization.

>>> # graph = network(store, "Tukhachevsky", hops=2).graph
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import networkx as nx

from kartoteka.analysis.lookup import find_entity
from kartoteka.model import Claim
from kartoteka.model.vocabulary import PREDICATES, Group, Stance
from kartoteka.storage import Store
from kartoteka.storage.rows import qualifier_entities

ADDRESS = "address:"  # a node that is an address, not an entity
RESIDENTS = 200  # persons read at one address at most (a barracks may hold more)
LIMIT = 2000  # nodes at most; a hop that would pass it is left unfinished


_HOUSE = re.compile(r"(?:\bд|\bдом|\bкв)\.?\s*\d", re.IGNORECASE)


def _is_house(address: str) -> bool:
    """A house or a flat with its number ("д.4", "кв. 2"), not a region, a
    town or a village ("д. Коровино" is a village): only people who shared
    a house are associated by it."""
    return bool(_HOUSE.search(address))


@dataclass
class Network:
    start: str
    hops: int
    graph: nx.MultiGraph
    truncated: bool = False  # LIMIT reached: not every node of the last hop read
    claims: dict[str, Claim] = field(default_factory=dict)

    def label(self, node: str) -> str:
        if node not in self.graph:  # an address nobody's record gives
            return node.removeprefix(ADDRESS)
        return self.graph.nodes[node].get("label", node)


def _links(claim: Claim, entity: str) -> list[tuple[str, str]]:
    """(other entity, how) for each association a claim makes of the entity."""
    if not claim.evidence or claim.stance is not Stance.AFFIRMS:
        return []
    group = PREDICATES[claim.predicate].group
    if group is Group.NUMBER:
        return []
    others = {claim.subject, claim.object, *qualifier_entities(claim.qualifiers)}
    others.discard(None)
    if group is Group.LIFECYCLE and entity == claim.subject:
        # Only the agents named in the event (by, via) associate with it.
        others = set(qualifier_entities(claim.qualifiers))
    how = claim.predicate
    return [(o, how) for o in sorted(others - {entity}) if o]


def network(store: Store, start: str, hops: int = 2, limit: int = LIMIT) -> Network:
    """Everything within ``hops`` associations of the entity ``start`` (any
    name or id), breadth first."""
    origin = find_entity(store, start)
    graph = nx.MultiGraph()
    net = Network(origin.id, hops, graph)
    graph.add_node(origin.id, label=origin.name, kind=str(origin.kind), hop=0)
    _walk(store, net, [origin.id], limit)
    return net


def address_network(
    store: Store, address: str, hops: int = 1, limit: int = LIMIT
) -> Network:
    """Everyone whose record gives the address (exactly, or holding the words
    as written), and what lies within ``hops`` of that address."""
    found = [a for a, _ in store.addresses_with(address)]
    graph = nx.MultiGraph()
    net = Network(ADDRESS + address, hops, graph)
    for a in found:
        graph.add_node(ADDRESS + a, label=a, kind="address", hop=0)
    _walk(store, net, [ADDRESS + a for a in found], limit)
    return net


def _walk(store: Store, net: Network, frontier: list[str], limit: int) -> None:
    """Breadth first, a hop at a time: the neighbours of a whole hop are read
    together (one query for their claims, one for their addresses)."""
    graph = net.graph
    for hop in range(net.hops):
        found = _neighbours(store, frontier, net)
        following = []
        for node in frontier:
            if len(graph) >= limit:
                net.truncated = True
                break
            for other, how, claim in found.get(node, ()):
                if other not in graph:
                    graph.add_node(other, hop=hop + 1)
                    following.append(other)
                if not graph.has_edge(node, other, key=claim or how):
                    graph.add_edge(node, other, key=claim or how, how=how, claim=claim)
        if net.truncated or not following:
            break
        frontier = following
    _label(store, graph)


Neighbour = tuple[str, str, str | None]  # (other, how, claim id)


def _neighbours(
    store: Store, frontier: list[str], net: Network
) -> dict[str, list[Neighbour]]:
    found: dict[str, list[Neighbour]] = {}
    entities = [n for n in frontier if not n.startswith(ADDRESS)]
    for node in frontier:
        if node.startswith(ADDRESS):
            residents = store.persons_at(node.removeprefix(ADDRESS), RESIDENTS)
            found[node] = [(p, "lived at", None) for p, _ in residents]
    wanted = set(entities)
    for claim in store.claims_involving_any(entities) if entities else ():
        named = {claim.subject, claim.object, claim.asserted_by}
        for node in sorted(
            wanted & (named | set(qualifier_entities(claim.qualifiers)))
        ):
            for other, how in _links(claim, node):
                net.claims[claim.id] = claim
                found.setdefault(node, []).append((other, how, claim.id))
    for node, address in store.addresses_of(entities).items():
        if _is_house(address):
            found.setdefault(node, []).append((ADDRESS + address, "lived at", None))
    return found


def _label(store: Store, graph: nx.MultiGraph) -> None:
    unnamed = [n for n, d in graph.nodes(data=True) if "label" not in d]
    addresses = [n for n in unnamed if n.startswith(ADDRESS)]
    for n in addresses:
        graph.nodes[n].update(label=n.removeprefix(ADDRESS), kind="address")
    ids = [n for n in unnamed if not n.startswith(ADDRESS)]
    for i, e in store.entities(ids).items() if ids else ():
        graph.nodes[i].update(label=e.name, kind=str(e.kind))
