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


def test_a_record_scoring_high_with_two_namesakes_joins_only_the_likelier():
    # "Лац Д. А." scores high with both; Давид and Дмитрий are not one man
    namesakes = {frozenset(("david", "dmitry"))}
    result = cluster(
        [("initials", "david", 0.99), ("initials", "dmitry", 0.98)],
        apart=lambda x, y: frozenset((x, y)) in namesakes,
    )
    assert result.clusters() == {"david": ["david", "initials"]}
    assert result.refused == [("initials", "dmitry", 0.98)]


def test_a_historians_same_is_joined_whatever_the_guard_says():
    result = cluster([], same=[("x", "y")], apart=lambda _x, _y: True)
    assert result.clusters() == {"x": ["x", "y"]}
