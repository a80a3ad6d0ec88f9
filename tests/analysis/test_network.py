"""The association network: hops over claims, and people at one address."""

from __future__ import annotations

import networkx as nx

from kartoteka.analysis.network import ADDRESS, address_network, network
from kartoteka.ingest.registries.importer import import_registry
from kartoteka.interfaces.network_view import network_elements, network_file
from tests.ingest.registries.samples import write_moscow


def _labels(net, hop: int) -> set[str]:
    return {d["label"] for _, d in net.graph.nodes(data=True) if d["hop"] == hop}


def test_one_hop_holds_those_the_claims_associate_directly(demo_store):
    net = network(demo_store, "Tukhachevsky", hops=1)
    first = _labels(net, 1)
    assert {"Ежов Николай Иванович", "German General Staff"} <= first
    # Every association keeps the claim that makes it, with its words.
    for _, _, d in net.graph.edges(data=True):
        assert d["claim"] in net.claims and net.claims[d["claim"]].passage.text


def test_two_hops_reach_the_men_yezhov_is_said_to_have_had_executed(demo_store):
    net = network(demo_store, "Tukhachevsky", hops=2)
    assert {"Якир Иона Эммануилович", "Примаков Виталий Маркович"} <= _labels(net, 2)
    assert max(d["hop"] for _, d in net.graph.nodes(data=True)) == 2


def test_a_limit_cuts_the_last_hop_and_says_so(demo_store):
    net = network(demo_store, "Tukhachevsky", hops=3, limit=5)
    assert net.truncated


def test_the_network_exports_as_gexf_and_graphml(demo_store, tmp_path):
    net = network(demo_store, "Tukhachevsky", hops=1)
    for kind in ("gexf", "graphml"):
        path = tmp_path / f"n.{kind}"
        path.write_bytes(network_file(net, kind))
        read = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
        assert read.number_of_nodes() == net.graph.number_of_nodes()
    elements = network_elements(net)
    assert {e["data"]["id"] for e in elements} >= set(net.graph.nodes)


def test_people_at_one_address_are_two_hops_apart(fresh_store, tmp_path):
    import_registry(fresh_store, "memorial-moscow", [write_moscow(tmp_path)], "t")
    net = address_network(fresh_store, "Тестовая ул., д.1")
    assert ADDRESS + "Тестовая ул., д.1, кв. 2" in net.graph
    assert _labels(net, 1) == {"Иванов Петр Ильич"}
    # From the person, the address is one hop and back.
    person = next(n for n, d in net.graph.nodes(data=True) if d["hop"] == 1)
    around = network(fresh_store, person, hops=1)
    assert ADDRESS + "Тестовая ул., д.1, кв. 2" in around.graph


def test_only_a_house_or_flat_is_an_address_that_associates():
    from kartoteka.analysis.network import _is_house

    assert _is_house("Авиамоторная ул., д.4, корп. 2, кв. 2")
    assert _is_house("ул. Ленина, дом 5")
    assert not _is_house("Чувашия, Порецкий р-н, д. Коровино-2.")  # a village
    assert not _is_house("Алтайский кр..")
