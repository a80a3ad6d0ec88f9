"""Each ACH scorer against a worked example computed by hand, and linchpins.

Two hypotheses, three pieces of evidence:

    e1  source s1, origin o1, credibility 1 (w 1.0), relevance high (1)
        h1 C, h2 I
    e2  source s2, origin o2, credibility 3 (w 0.6), relevance medium (2/3)
        h1 N, h2 CC
    e3  source s2, origin o2, credibility 2 (w 0.8), relevance medium (2/3)
        h1 II, h2 C

inconsistency  h1 = 2 (e3's II), h2 = 1 (e1's I)
weighted       h1 = 1 + 0 − 2·0.8·2/3 = −0.066667
               h2 = −1 + 2·0.6·2/3 + 1·0.8·2/3 = 0.333333
bayesian       p' = w·p + (1 − w)·0.5
               h1: 0.7, 0.5, 0.18 → log10 sum −1.200659
               h2: 0.3, 0.74, 0.66 → log10 sum −0.834103
               posterior h1 0.063/0.20952 = 0.3007, h2 0.6993
"""

from __future__ import annotations

import pytest

from kartoteka.analysis import ach

H = ["h1", "h2"]
E1 = ach.Evidence("e1", "s1", ("o1",), {"h1": "C", "h2": "I"}, "1", "high")
E2 = ach.Evidence("e2", "s2", ("o2",), {"h1": "N", "h2": "CC"}, "3", "medium")
E3 = ach.Evidence("e3", "s2", ("o2",), {"h1": "II", "h2": "C"}, "2", "medium")
EVIDENCE = [E1, E2, E3]


def test_heuers_inconsistency_count():
    scores = ach.score(H, EVIDENCE, "inconsistency")
    assert scores == {"h1": 2.0, "h2": 1.0}
    assert ach.ranking(scores, "inconsistency") == {"h1": 2, "h2": 1}


def test_the_weighted_score():
    scores = ach.score(H, EVIDENCE, "weighted")
    assert scores["h1"] == pytest.approx(-0.066667, abs=1e-6)
    assert scores["h2"] == pytest.approx(0.333333, abs=1e-6)
    assert ach.ranking(scores, "weighted") == {"h1": 2, "h2": 1}


def test_the_bayesian_score_and_posterior():
    assert ach.likelihood("II", "2") == pytest.approx(0.18)
    assert ach.likelihood("CC", "3") == pytest.approx(0.74)
    scores = ach.score(H, EVIDENCE, "bayesian")
    assert scores["h1"] == pytest.approx(-1.200659, abs=1e-6)
    assert scores["h2"] == pytest.approx(-0.834103, abs=1e-6)
    post = ach.posterior(scores)
    assert post["h1"] == pytest.approx(0.3007, abs=1e-4)
    assert post["h2"] == pytest.approx(0.6993, abs=1e-4)


def test_diagnosticity_is_the_widest_likelihood_ratio():
    assert ach.diagnosticity(E1, H) == pytest.approx(0.367977, abs=1e-4)
    same = ach.Evidence("e", "s", ("o",), {"h1": "C", "h2": "C"}, "1")
    assert ach.diagnosticity(same, H) == 0.0


def test_not_applicable_cells_count_for_nothing():
    na = ach.Evidence("e", "s", ("o",), {"h1": "NA", "h2": "II"}, "1", "high")
    assert ach.score(H, [na], "inconsistency") == {"h1": 0.0, "h2": 2.0}
    assert ach.score(H, [na], "weighted") == {"h1": 0.0, "h2": -2.0}


def test_non_diagnostic_evidence_counts_only_when_a_person_told_it_apart():
    shared = ach.Evidence("e", "s", ("o",), {"h1": "C", "h2": "C"}, "1",
                          non_diagnostic=True)  # fmt: skip
    assert ach.score(H, [shared], "weighted") == {"h1": 0.0, "h2": 0.0}
    told = ach.Evidence("e", "s", ("o",), {"h1": "C", "h2": "I"}, "1", "high",
                        non_diagnostic=True)  # fmt: skip
    assert ach.score(H, [told], "weighted") == {"h1": 1.0, "h2": -1.0}


def test_ties_share_a_rank():
    assert ach.ranking({"a": 1.0, "b": 1.0, "c": 0.0}, "weighted") == {
        "a": 1, "b": 1, "c": 3,
    }  # fmt: skip


def test_linchpins_name_what_the_ranking_hangs_on():
    dropped = {(d.what, d.key): d for d in ach.linchpins(H, EVIDENCE)}
    # Without e1 (or its source s1, or its origin o1) nothing changes.
    for key in (("evidence", "e1"), ("source", "s1"), ("origin", "o1")):
        assert dropped[key].changed == {} and dropped[key].leader_changes == ()
    # Without e3, or the origin o2 behind e2 and e3, h1 takes first place
    # under every scorer.
    for key in (("evidence", "e3"), ("origin", "o2"), ("source", "s2")):
        assert dropped[key].leader_changes == tuple(ach.SCORERS)
        assert dropped[key].changed["bayesian"] == ("h1", "h2")
    assert dropped["origin", "o2"].claims == ("e2", "e3")
