"""The Russian dictionaries ship in the package: nothing is fetched."""

from __future__ import annotations

from kartoteka.names import compare, morphology


def test_names_are_read_with_the_network_cut_off(network_cut_off):
    morphology._analyzer.cache_clear()
    morphology.analyse.cache_clear()
    assert morphology.analyse("тухачевского")[0] == "тухачевский"
    assert compare("Тухачевского", "Tuchatschewski").match


def test_equivalent_names_are_read_with_the_network_cut_off(network_cut_off):
    import importlib

    equivalents = importlib.import_module("kartoteka.names.equivalents")
    equivalents._analyzer.cache_clear()
    equivalents.symbols.cache_clear()
    assert equivalents.same_name("Лев", "Leon")
