"""The Russian dictionaries ship in the package: nothing is fetched."""

from __future__ import annotations

from kartoteka.names import compare, morphology


def test_names_are_read_with_the_network_cut_off(network_cut_off):
    morphology._analyzer.cache_clear()
    morphology.analyse.cache_clear()
    assert morphology.analyse("тухачевского")[0] == "тухачевский"
    assert compare("Тухачевского", "Tuchatschewski").match
