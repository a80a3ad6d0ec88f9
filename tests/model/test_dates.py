from __future__ import annotations

import pytest

from kartoteka.errors import DateError
from kartoteka.model import dates
from kartoteka.model.dates import Relation


def test_a_year_and_a_month_in_another_year_cannot_overlap():
    assert dates.relation("1956", "1961-10") is Relation.DISJOINT


def test_a_day_inside_a_year_overlaps_it():
    assert dates.relation("1937", "1937-06-12") is Relation.OVERLAP


def test_two_different_days_are_disjoint():
    assert dates.relation("1937-06-11", "1937-06-12") is Relation.DISJOINT


def test_an_approximate_month_next_to_another_is_undetermined():
    # 1937-06~ could mean late May; strictly June, so apart from May 31 only if exact
    assert dates.relation("1937-06~", "1937-05-31") is Relation.UNDETERMINED


def test_an_uncertain_year_far_from_another_is_still_disjoint():
    assert dates.relation("1956?", "1961") is Relation.DISJOINT


def test_an_interval_overlaps_a_year_inside_it():
    assert dates.relation("1956/1961", "1958") is Relation.OVERLAP


def test_one_of_a_set_overlaps_when_any_member_does():
    assert dates.relation("[1956,1961]", "1961-10") is Relation.OVERLAP
    assert dates.relation("[1956,1961]", "1958") is Relation.DISJOINT


def test_an_open_interval_leaves_the_answer_undetermined():
    assert dates.relation("1956/..", "1961") is Relation.UNDETERMINED


def test_a_decade_with_an_unspecified_digit_overlaps_a_year_in_it():
    assert dates.relation("193X", "1937") is Relation.OVERLAP


def test_precedes_answers_only_when_precision_allows():
    assert dates.precedes("1937-05", "1937-06-12") is True
    assert dates.precedes("1961", "1956") is False
    assert dates.precedes("1937", "1937-06-12") is None


def test_a_season_is_a_date_range():
    span = dates.span("1964-23")
    assert (span.lower.month, span.upper.month) == (9, 11)


@pytest.mark.parametrize("bad", ["June 1937", "1937-13-45", "", "12.06.1937"])
def test_invalid_edtf_is_a_date_error_that_shows_examples(bad):
    with pytest.raises(DateError, match=r"EDTF|empty"):
        dates.parse(bad)


def test_undated_sorts_after_dated():
    ordered = sorted([None, "1961-10", "1956", "1937-06-12"], key=dates.sort_key)
    assert ordered == ["1937-06-12", "1956", "1961-10", None]


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [
        ("1893-02-04", "1893-02-16"),  # 12 days in the 19th century
        ("1899-12-20", "1900-01-01"),
        ("1900-02-29", "1900-03-13"),  # a Julian leap day the Gregorian lacks
        ("1917-10-25", "1917-11-07"),  # 13 days from 1900
        ("1918-01-31", "1918-02-13"),  # the last Old Style day
    ],
)
def test_old_style_days_become_new_style_and_back(julian, gregorian):
    assert dates.from_old_style(julian) == gregorian
    assert dates.to_old_style(gregorian) == julian


def test_an_old_style_month_becomes_the_days_it_covers():
    assert dates.from_old_style("1917-10") == "1917-10-14/1917-11-13"
    assert dates.from_old_style("1917") == "1917"


def test_a_day_the_julian_calendar_lacks_is_a_date_error():
    with pytest.raises(DateError, match="Julian"):
        dates.from_old_style("1901-02-29")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("1893-02-04", "1893-02-16", True),
        ("1893-02-16", "1893-02-04", True),
        ("1893-02-04", "1893-02-17", False),  # 13 days: not the lag of 1893
        ("1917-10-25", "1917-11-07", True),
        ("1937-06-12", "1937-06-25", False),  # after 1918 one calendar only
        ("1893-02", "1893-02-16", False),  # a month is no day
    ],
)
def test_two_dates_the_calendars_lag_apart_before_1918_are_one_day(a, b, same):
    assert dates.two_calendars(a, b) is same
