"""Reading the parts of a name in every order it is written."""

from __future__ import annotations

import pytest

from kartoteka.names.structure import parse_name, plain_three, read_name

TUKHACHEVSKY = ("тухачевский", "михаил", "николаевич")


@pytest.mark.parametrize(
    "text",
    [
        "Тухачевский Михаил Николаевич",
        "Михаил Николаевич Тухачевский",
        "Тухачевский, Михаил Николаевич",
        "Тухачевского Михаила Николаевича",
        "ТУХАЧЕВСКИЙ Михаил Николаевич",
        "Маршал Михаил Николаевич Тухачевский",
    ],
)
def test_the_three_parts_are_found_in_any_order_and_case(text):
    first = parse_name(text)[0]
    assert (first.surname, first.given, first.patronymic) == TUKHACHEVSKY
    assert first.sex == "M"


@pytest.mark.parametrize(
    ("text", "surname", "given", "patronymic"),
    [
        ("M. N. Tukhachevsky", "tukhachevsky", "m.", "n."),
        ("Tukhachevsky, M. N.", "tukhachevsky", "m.", "n."),
        ("Тухачевский М.Н.", "тухачевский", "м.", "н."),
        ("Yu. V. Andropov", "andropov", "yu.", "v."),
        ("Иероним Петрович Уборевич", "уборевич", "иероним", "петрович"),
        ("Уборевич Иероним Петрович", "уборевич", "иероним", "петрович"),
        ("Бонч-Бруевич Михаил Дмитриевич", "бонч-бруевич", "михаил", "дмитриевич"),
        ("General Mueller", "mueller", None, None),
    ],
)
def test_initials_titles_and_hyphenated_surnames(text, surname, given, patronymic):
    first = parse_name(text)[0]
    assert (first.surname, first.given, first.patronymic) == (
        surname,
        given,
        patronymic,
    )


def test_two_latin_words_are_read_both_ways_given_name_first():
    readings = parse_name("Yevgeny Miller")
    assert [(r.surname, r.given) for r in readings] == [
        ("miller", "yevgeny"),
        ("yevgeny", "miller"),
    ]


def test_a_womans_name_is_read_as_hers():
    first = parse_name("Иванова Мария Петровна")[0]
    assert (first.surname, first.sex) == ("иванова", "F")
    assert parse_name("Петровой Марии Ивановны")[0].patronymic == "ивановна"
    assert parse_name("Nina Tukhachevskaya")[0].sex == "F"


PLAIN = [
    "Иванов Иван Петрович",
    "Бандура Мария Алексеевна",
    "Лосько Михаил Саимович",
    "Соловьёв Пётр Ильич",
    "Крузин Ян Янович",
    "Кузьмина Анна Никитична",
    "Генерал Иван Петрович",  # a surname that is also a title: the long way
    "Петров Иванович Петр",  # the patronymic second: the long way
    "Иванов Иван Петров",  # no patronymic: the long way
    "Иванов И. П.",
    "иванов иван петрович",
    "Тухачевский Михаил Hиколаевич",  # a Latin H
]


@pytest.mark.parametrize("name", PLAIN)
def test_the_short_way_reads_a_plain_name_as_the_long_way_does(name):
    short = plain_three(name)
    assert short is None or (short,) == read_name(name, as_written=True)


def test_the_short_way_takes_only_plain_names():
    taken = [name for name in PLAIN if plain_three(name)]
    assert taken == PLAIN[:6]


@pytest.mark.parametrize(
    "text", ["Давидюк Hиколай Рейнович", "Давидюк H. P.", "Давидюк H.P."]
)
def test_latin_look_alikes_in_a_cyrillic_name_are_cyrillic_initials_too(text):
    # a Latin H typed for Н, in a word or as an initial
    reading = parse_name(text)[0]
    assert (reading.given[:1], reading.patronymic[:1]) == ("н", "р")
    assert parse_name("M. N. Tukhachevsky")[0].given == "m."  # a Latin name's own


@pytest.mark.parametrize(
    ("text", "surname", "given", "patronymic"),
    [
        ("Papschew Semen Kusmitsch", "papschew", "semen", "kusmitsch"),  # Кузьмич
        ("Dukarevich Sakhar Ilich", "dukarevich", "sakhar", "ilich"),  # Ильич
        ("Fischer Anna Adamowna", "fischer", "anna", "adamowna"),
        ("Korženko Vasilij Savvič", "korženko", "vasilij", "savvič"),  # Саввич
        # a German given name is no patronymic for ending as one does
        (
            "Ruschanskii Genrich Stanislawowitsch",
            "ruschanskii",
            "genrich",
            "stanislawowitsch",
        ),
    ],
)
def test_latin_patronymics_of_every_convention_are_found(
    text, surname, given, patronymic
):
    first = parse_name(text)[0]
    assert (first.surname, first.given, first.patronymic) == (
        surname,
        given,
        patronymic,
    )
