"""Exclusive states and numbers: the conflict kinds beyond dates and stances."""

from __future__ import annotations

from kartoteka.analysis.conflicts import find_conflicts
from kartoteka.analysis.number_conflicts import interval
from kartoteka.model import Claim, Literal, Passage


def _claim(n: int, predicate: str, quote: str = "x", **kw) -> Claim:
    date = kw.pop("date", None)
    return Claim(
        id=f"c{n}", subject=kw.pop("subject", "p"), predicate=predicate,
        passage=Passage("s", n * 100, n * 100 + len(quote), quote),
        date=Literal("date", date) if date else None, **kw,
    )  # fmt: skip


def _figure(n: int, quote: str, written: str, counted: str, **kw) -> Claim:
    value = kw.pop("value", None)
    digits = written.split()[0].replace(",", "")
    number = float(digits) if value is None else None
    literal = Literal("quantity", number, unit=kw.pop("unit", "officers"),
                      as_written=written, **(value or {}))  # fmt: skip
    qualifiers = {"counted": counted, **kw.pop("qualifiers", {})}
    return _claim(n, "estimate", quote, value=literal, qualifiers=qualifiers, **kw)


def test_a_public_confession_at_a_secret_trial_is_its_own_kind():
    claims = [
        _claim(1, "tried", qualifiers={"mode": "secret"}),
        _claim(2, "confessed", qualifiers={"manner": "publicly"}),
    ]
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.verdict) == ("exclusive", "conflict")
    assert set(conflict.claims) == {"c1", "c2"}


def test_two_trials_years_apart_may_be_one_secret_one_open():
    claims = [
        _claim(1, "tried", date="1931", qualifiers={"mode": "secret"}),
        _claim(2, "tried", date="1937-06", qualifiers={"mode": "open"}),
    ]
    assert find_conflicts(claims) == []
    # A year and a month within it may be one trial: then they exclude.
    same = [
        _claim(1, "tried", date="1937", qualifiers={"mode": "secret"}),
        _claim(2, "tried", date="1937-06", qualifiers={"mode": "open"}),
    ]
    assert [c.kind for c in find_conflicts(same)] == ["exclusive"]


def test_a_denied_confession_excludes_nothing():
    claims = [
        _claim(1, "tried", qualifiers={"mode": "secret"}),
        _claim(2, "confessed", qualifiers={"manner": "publicly"}, stance="denies"),
    ]
    assert [c.kind for c in find_conflicts(claims)] == []


def test_modality_makes_a_figure_a_range():
    assert interval(35000, None, None, "perhaps as many as") == (0.0, 35000.0, False)
    assert interval(40000, None, None, "at least")[:2] == (40000.0, float("inf"))
    assert interval(100, None, None, "about") == (90.0, 110.00000000000001, True)
    assert interval(None, 60, 70, "") == (60.0, 70.0, False)


def test_estimates_that_cannot_both_hold_conflict():
    claims = [
        _figure(1, "as many as 35,000 officers", "35,000", "officers liquidated"),
        _figure(2, "at least 40,000 officers", "40,000", "officers liquidated"),
    ]
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.verdict) == ("number", "conflict")
    assert conflict.values == ("35,000", "40,000")


def test_an_upper_bound_and_a_figure_under_it_agree():
    claims = [
        _figure(1, "as many as 35,000 officers", "35,000", "officers liquidated"),
        _figure(2, "30,000 officers", "30,000", "officers liquidated"),
    ]
    assert find_conflicts(claims) == []


def test_about_leaves_a_near_miss_undetermined():
    claims = [
        _figure(1, "about 30,000 officers", "30,000", "officers liquidated"),
        _figure(2, "35,000 officers", "35,000", "officers liquidated"),
    ]
    (conflict,) = find_conflicts(claims)
    assert conflict.verdict == "undetermined"


def test_different_measures_are_not_compared():
    claims = [
        _figure(1, "35,000 officers", "35,000", "officers liquidated"),
        _figure(2, "10,000 officers", "10,000", "officers dismissed"),
        _figure(3, "5,000 officers", "5,000", "officers liquidated",
                qualifiers={"place": "Kiev"}),
    ]  # fmt: skip
    assert find_conflicts(claims) == []


def test_ranges_that_do_not_meet_conflict():
    claims = [
        _figure(1, "60-70 percent", "60-70 percent", "officers arrested",
                unit="percent", value={"low": 60, "high": 70}),
        _figure(2, "90 percent", "90 percent", "officers arrested", unit="percent"),
    ]  # fmt: skip
    assert [c.verdict for c in find_conflicts(claims)] == ["conflict"]
