"""Pairs into clusters: greedy, judged pairs first, never across a "not same"."""

from __future__ import annotations

from kartoteka.linking.clusters import cluster


def test_pairs_join_transitively_and_the_preferred_member_heads():
    result = cluster([("a", "b", 0.99), ("b", "c", 0.97)], preferred={"c"})
    assert result.clusters() == {"c": ["a", "b", "c"]}
    assert result.probability == {"a": 0.99, "b": 0.99, "c": 0.97}


def test_a_not_same_judgement_is_never_crossed():
    result = cluster(
        [("a", "b", 0.99), ("b", "c", 0.98), ("c", "d", 0.97)], not_same=[("a", "c")]
    )
    assert result.clusters() == {"a": ["a", "b"], "c": ["c", "d"]}
    assert result.refused == [("b", "c", 0.98)]


def test_a_same_judgement_joins_without_a_score():
    result = cluster([], same=[("x", "y")])
    assert result.clusters() == {"x": ["x", "y"]}
    assert result.probability == {"x": None, "y": None}


def test_persons_alone_are_in_no_cluster():
    assert cluster([]).clusters() == {}
