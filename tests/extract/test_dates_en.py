from __future__ import annotations

import pytest

from kartoteka.extract.dates_en import english_dates


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("He was shot on June 12, 1937, at dawn.", "June 12, 1937", "1937-06-12"),
        ("Arrested 22 May 1937 in Kuibyshev.", "22 May 1937", "1937-05-22"),
        ("rehabilitated in October, 1961.", "October, 1961", "1961-10"),
        ("in the spring of 1938", "spring of 1938", "1938-21"),
        ("International Review, Fall 1964", "Fall 1964", "1964-23"),
        ("during the 1930s", "the 1930s", "193X"),
        ("since 1956 [sic]", "1956", "1956"),
        ("the night of June 11 to 12, 1937", "the night of June 11 to 12, 1937",
         "1937-06-11/1937-06-12"),
    ],
)  # fmt: skip
def test_each_shape_becomes_edtf_at_the_precision_of_its_words(text, words, edtf):
    (found,) = english_dates(text)
    assert (found.text, found.normalized) == (words, edtf)
    assert text[found.start : found.end] == words


def test_a_month_is_never_given_a_day():
    assert [d.normalized for d in english_dates("in June 1937")] == ["1937-06"]


@pytest.mark.parametrize(
    "text", ["35,000 officers", "Vol.25 No.4, pp.125-126", "June 31, 1937"]
)
def test_numbers_that_are_not_dates_are_left_alone(text):
    assert english_dates(text) == []
