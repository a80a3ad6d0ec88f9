"""Persons' features as columns, built here or in other processes alike."""

from __future__ import annotations

from kartoteka.linking.feature_columns import FIELDS, build_features
from kartoteka.linking.features import COLUMNS, person_features

ROWS = [
    (f"p{i}", [name], sex, place, birth, died)
    for i, (name, sex, place, birth, died) in enumerate(
        [
            (
                "Тухачевский Михаил Николаевич",
                "M",
                "Смоленская губ.",
                "1893-02-16",
                "1937-06-12",
            ),
            ("M. N. Tukhachevsky", None, None, "1893", None),
            ("Уборевич Иероним Петрович", "M", None, "1896", "1937-06-12"),
            ("Eidemann", None, None, None, None),
            ("Асатурова В. Е.", None, "г. Москва", "1909", "1938-03-15"),
        ]
        * 5
    )
]


def test_columns_built_in_two_processes_are_those_built_here():
    here = build_features(ROWS, workers=1)
    there = build_features(ROWS, workers=2, chunk=4)  # seven chunks, two processes
    assert here.table == there.table
    assert list(there) == [row[0] for row in ROWS]  # in the persons' order


def test_a_persons_features_read_from_the_columns_are_their_own():
    features = build_features(ROWS, workers=1)
    for row in ROWS[:5]:
        expected = person_features(*row)
        assert features[row[0]] == {field: expected[field] for field in FIELDS}
    assert set(features.splink_table()) == set(COLUMNS)
    assert "given_word" not in features.splink_table()  # the guard's alone
    assert len(features) == len(ROWS)
