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
