"""Persons' features as rows by id, and as the columns Splink registers."""

from __future__ import annotations

from kartoteka.linking import feature_table
from kartoteka.linking.feature_table import build_features
from kartoteka.linking.features import COLUMNS, FIELDS, features_of, person_row
from kartoteka.model.identifying import IdentifyingField

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


def test_a_persons_features_read_from_the_table_are_their_own():
    features = build_features(ROWS)
    assert list(features) == [row[0] for row in ROWS]  # in the persons' order
    for row in ROWS:
        assert features[row[0]] == features_of(person_row(*row))
    assert set(features_of(person_row(*ROWS[0]))) == set(FIELDS)


def test_splink_is_given_its_columns_of_every_person_in_order():
    features = build_features(ROWS)
    table = features.splink_arrow().to_pydict()
    assert list(table) == list(COLUMNS)  # the guard's own left out
    assert [features.ids()[i] for i in table["unique_id"]] == [r[0] for r in ROWS]
    for column in COLUMNS[1:]:
        assert table[column] == [features_of(person_row(*row))[column] for row in ROWS]
    assert build_features([]).splink_arrow().to_pydict() == {c: [] for c in COLUMNS}


def test_batches_keep_each_columns_type_when_a_batch_has_none_of_it():
    features = build_features(ROWS)
    batches = list(features.splink_batches(size=1))
    assert len(batches) == len(ROWS)
    assert all(b.schema == features.splink_schema() for b in batches)
    types = {f.name: str(f.type) for f in features.splink_schema()}
    assert types["surname_keys"] == "list<item: string>"
    assert types["birth_year"] == "int64" and types["birthplace"] == "string"
    # the places run on across batches
    assert [b.column("unique_id")[0].as_py() for b in batches] == list(range(len(ROWS)))


def test_an_address_shared_by_a_crowd_born_in_one_year_does_not_block(monkeypatch):
    monkeypatch.setattr(feature_table, "CROWD", 3)
    address = IdentifyingField("address", "normalized")
    city, street = "Казахстан, г. Караганда", "г. Москва, ул. Арбат, д. 5"
    # four born in 1954 in one city (a crowd), two of 1953 there, two on a street
    people = [(city, "1954")] * 4 + [(city, "1953")] * 2 + [(street, "1954")] * 2
    rows = [
        (f"p{i}", ["Иванов Иван Иванович"], "M", None, born, None, (where,))
        for i, (where, born) in enumerate(people)
    ]
    features = build_features(rows, [address])
    table = features.splink_arrow().to_pydict()
    ends = table["id_address_end"]
    assert ends[:4] == [None] * 4  # the crowd: no block of its own
    assert ends[4] == ends[5] is not None and ends[6] == ends[7] is not None
    assert ends[4] != ends[6]
    # still compared: the full address is Splink's, the end the guard's
    assert table["id_address"][0] == table["id_address"][1] is not None
    assert features["p0"]["id_address_end"] == ends[4]


def test_a_day_of_arrest_shared_by_a_crowd_born_in_one_year_does_not_block(
    monkeypatch,
):
    monkeypatch.setattr(feature_table, "CROWD", 2)
    arrested = IdentifyingField("arrested", "date")
    # three taken on one day and born in one year (a crowd), two of another year
    people = [("1937-08-05", "1900")] * 3 + [("1937-08-05", "1901")] * 2
    rows = [
        (f"p{i}", [], "M", None, born, None, (day,))
        for i, (day, born) in enumerate(people)
    ]
    table = build_features(rows, [arrested]).splink_arrow().to_pydict()
    blocks = table["id_arrested_block"]
    assert blocks[:3] == [None] * 3
    assert blocks[3] == blocks[4] == "1937-08-05"
    # the day itself is still compared, for the crowd as for the others
    assert table["id_arrested"] == ["1937-08-05"] * 5
