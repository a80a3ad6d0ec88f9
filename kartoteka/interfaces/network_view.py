"""An association network as tables, as GEXF or GraphML for Gephi and
Cytoscape, and as the elements the page's interactive graph draws."""

from __future__ import annotations

import io

import networkx as nx

from kartoteka.analysis.network import Network
from kartoteka.interfaces.report import Report, Table


def network_report(net: Network) -> Report:
    nodes = Table("Within reach", ["hop", "who or what", "kind", "through"])
    for node, data in sorted(
        net.graph.nodes(data=True), key=lambda x: (x[1]["hop"], x[1].get("label", ""))
    ):
        through = sorted(
            {
                f"{net.label(o)} ({d['how']})"
                for _, o, d in net.graph.edges(node, data=True)
                if net.graph.nodes[o]["hop"] < data["hop"]
            }
        )
        nodes.rows.append(
            [
                str(data["hop"]),
                data.get("label", node),
                data.get("kind", ""),
                "; ".join(through),
            ]
        )
    edges = Table("Associations and their words", ["between", "how", "claim", "words"])
    for a, b, d in net.graph.edges(data=True):
        claim = net.claims.get(d["claim"]) if d["claim"] else None
        edges.rows.append(
            [
                f"{net.label(a)} — {net.label(b)}",
                d["how"],
                d["claim"] or "",
                claim.passage.text if claim else "",
            ]
        )
    intro = [
        f"{len(net.graph) - 1} within {net.hops} hops of {net.label(net.start)}"
        if net.start in net.graph
        else f"{len(net.graph)} nodes"
    ]
    if net.truncated:
        intro.append("The last hop was cut short: the network reached its limit.")
    return Report(f"Network of {net.label(net.start)}", intro, [nodes, edges])


def _plain_graph(net: Network) -> nx.MultiGraph:
    """The graph with string attributes only, as GEXF and GraphML require."""
    graph = nx.MultiGraph()
    for node, data in net.graph.nodes(data=True):
        graph.add_node(
            node,
            label=data.get("label", node),
            kind=data.get("kind", ""),
            hop=int(data["hop"]),
        )
    for a, b, key, data in net.graph.edges(keys=True, data=True):
        graph.add_edge(a, b, key=key, how=data["how"], claim=data["claim"] or "")
    return graph


def network_file(net: Network, kind: str) -> bytes:
    """The network as GEXF or GraphML."""
    out = io.BytesIO()
    writer = nx.write_gexf if kind == "gexf" else nx.write_graphml
    writer(_plain_graph(net), out)
    return out.getvalue()


def network_elements(net: Network) -> list[dict]:
    """Nodes and edges as the page's graph library takes them: one edge per
    pair, naming every way the two are associated."""
    nodes = [
        {
            "data": {
                "id": n,
                "label": d.get("label", n),
                "kind": d.get("kind", ""),
                "hop": d["hop"],
            }
        }
        for n, d in net.graph.nodes(data=True)
    ]
    pairs: dict[tuple[str, str], list[dict]] = {}
    for a, b, d in net.graph.edges(data=True):
        pairs.setdefault((a, b), []).append(d)
    edges = [
        {
            "data": {
                "id": f"e{i}",
                "source": a,
                "target": b,
                "how": ", ".join(sorted({d["how"] for d in told})),
                "claim": next((d["claim"] for d in told if d["claim"]), ""),
            }
        }
        for i, ((a, b), told) in enumerate(pairs.items())
    ]
    return nodes + edges
