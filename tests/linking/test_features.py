"""What the linkage model sees of a person."""

from __future__ import annotations

from kartoteka.linking.features import date_fields, features_of, person_row


def test_a_latin_and_a_cyrillic_name_share_their_surname_key():
    latin = features_of(person_row("x", ["Tuchatschewski"]))
    cyrillic = features_of(person_row("y", ["Тухачевский Михаил Николаевич"]))
    assert cyrillic["surname_key"] in latin["surname_keys"]
    assert (cyrillic["given_key"], cyrillic["patronymic_key"]) == (
        "mihail",
        "nikalaivič",
    )


def test_the_fullest_name_gives_the_parts():
    found = features_of(
        person_row(
            "x",
            ["Mikhail Tukhachevsky", "Тухачевский Михаил Николаевич"],
            birth="1893~",
        )
    )
    assert found["patronymic_key"] == "nikalaivič" and found["sex"] == "M"
    assert found["birth_year"] == 1893


def test_birth_dates_of_every_precision():
    assert date_fields("1893-02-16") == (1893, "1893-02", "1893-02-16")
    assert date_fields("1896-04") == (1896, "1896-04", None)
    assert date_fields("1895/1897") == (1895, None, None)
    assert date_fields(None) == (None, None, None)


def test_stored_names_are_taken_as_written_not_as_declined_forms():
    # Леве is a surname of its own in the Moscow list, not the dative of Лев
    assert (
        features_of(person_row("x", ["Леве Виктор Васильевич"]))["surname_key"]
        == "livi"
    )


def test_a_registrys_plain_name_reads_as_the_general_reading_has_it(monkeypatch):
    from kartoteka.linking import features

    rows = [
        ("a", ["Тухачевский Михаил Николаевич"], None, "г. Смоленск", "1893-02-16"),
        ("b", ["Асатурова Валентина Ервандовна"], None, None, "1909", "1938-03-15"),
        ("c", ["Лац Давид Афанасьевич"], "M", "Латвия", "1899~", "1938-02"),
        ("d", ["Ёлкина Эмма Йозефовна"], "F", None, None, "1937/1938"),
    ]
    plain = [features.person_row(*row) for row in rows]
    assert all(features.plain_words(row[1][0]) for row in rows)  # the short way
    monkeypatch.setattr(features, "plain_words", lambda name: None)
    assert plain == [features.person_row(*row) for row in rows]
    assert plain[1][features.FIELDS.index("sex")] == "F"


def test_a_latin_name_is_read_in_the_convention_it_is_spelt_in():
    """Blocking and the exact levels read one key of each part: a German or
    scholarly spelling's J is я, not the дж of English."""
    cyrillic = features_of(person_row("c", ["Дубовский Яков Юрьевич"]))
    for spelling in (
        "Dubowskii Jakow Jurewitsch",  # German
        "Dubovskij Jakov Jurʹevič",  # scholarly
        "Dubowski Jakow Jurjewicz",  # Polish
        "Dubovskiy Yakov Yuryevich",  # English
    ):
        latin = features_of(person_row("l", [spelling]))
        for field in ("surname_key", "given_key", "given_initial", "patronymic_key"):
            assert latin[field] == cyrillic[field], (spelling, field, latin[field])


def test_of_two_readings_the_one_whose_surname_is_a_word_is_taken():
    features = features_of(person_row("l", ["Gorjeltchanin Iou. B."]))
    assert features["surname_key"] == "garšilčanin"
    assert (features["given_initial"], features["patronymic_initial"]) == ("i", "b")
