"""What the linkage model sees of a person."""

from __future__ import annotations

from kartoteka.linking.features import birth_fields, person_features


def test_a_latin_and_a_cyrillic_name_share_their_surname_key():
    latin = person_features("x", ["Tuchatschewski"])
    cyrillic = person_features("y", ["Тухачевский Михаил Николаевич"])
    assert cyrillic["surname_key"] in latin["surname_keys"]
    assert (cyrillic["given_key"], cyrillic["patronymic_key"]) == (
        "mihail",
        "nikalaivič",
    )


def test_the_fullest_name_gives_the_parts():
    found = person_features(
        "x", ["Mikhail Tukhachevsky", "Тухачевский Михаил Николаевич"], birth="1893~"
    )
    assert found["patronymic_key"] == "nikalaivič" and found["sex"] == "M"
    assert found["birth_year"] == 1893


def test_birth_dates_of_every_precision():
    assert birth_fields("1893-02-16") == (1893, "1893-02", "1893-02-16")
    assert birth_fields("1896-04") == (1896, "1896-04", None)
    assert birth_fields("1895/1897") == (1895, None, None)
    assert birth_fields(None) == (None, None, None)


def test_stored_names_are_taken_as_written_not_as_declined_forms():
    # Леве is a surname of its own in the Moscow list, not the dative of Лев
    assert person_features("x", ["Леве Виктор Васильевич"])["surname_key"] == "livi"


def test_many_persons_read_in_worker_processes_give_the_same_features(monkeypatch):
    from kartoteka.linking import features

    names = ["Тухачевский Михаил Николаевич", "M. N. Tukhachevsky", "Уборевич И. П."]
    people = [
        (f"p{i}", [name], None, "г. Москва", "1890") for i, name in enumerate(names * 5)
    ]
    alone = features.features_of(people, workers=1)
    assert [f["unique_id"] for f in alone] == [p[0] for p in people]
    monkeypatch.setattr(features, "CHUNK", 4)  # several chunks: their order counts
    assert features.features_of(people, workers=2) == alone
