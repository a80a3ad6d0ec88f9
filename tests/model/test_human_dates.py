from __future__ import annotations

import pytest

from kartoteka.model.dates import human


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("1937-06-12", "12 June 1937"),
        ("1937-06", "June 1937"),
        ("1937", "1937"),
        ("1964-23", "autumn 1964"),
        ("1964-21", "spring 1964"),
        ("193X", "1930s"),
        ("193X?", "1930s?"),
        ("19XX", "20th century"),
        ("1937-06~", "about June 1937"),
        ("1956?", "1956?"),
        ("1956/1961", "1956 to 1961"),
        ("[1956,1961]", "1956 or 1961"),
        ("1937-06-12/..", "12 June 1937 to …"),
    ],
)
def test_dates_are_shown_as_people_write_them(edtf, words):
    assert human(edtf) == words


def test_nothing_is_shown_for_no_date():
    assert human(None) == "" and human("") == ""
