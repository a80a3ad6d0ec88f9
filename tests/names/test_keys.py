"""Matching keys survive the romanization families, in both scripts."""

from __future__ import annotations

import pytest

from kartoteka.names.keys import (
    name_keys,
    preferred_key,
    preferred_patronymic_key,
    word_keys,
)
from kartoteka.names.normalize import normalize, strip_stress
from kartoteka.names.phonetic import convention_of

FAMILIES = {
    "kh/ch/h": ("Бухарин", "Bukharin", "Bucharin", "Boukharine", "Buharin"),
    "ye/e/je/ie": ("Евгений", "Yevgeny", "Evgenii", "Jewgeni", "Ievgueni"),
    "yu/iu/ju": ("Юрий", "Yuri", "Iurii", "Juri", "Jurij", "Iouri"),
    "ya/ia/ja": ("Яков", "Yakov", "Iakov", "Jakow", "Jakov"),
    "-sky/-skii/-skiy/-ski": (
        "Тухачевский",
        "Tukhachevsky",
        "Tukhachevskii",
        "Tukhachevskiy",
        "Tuchatschewski",
        "Toukhatchevski",
        "Tuchaczewski",
        "Tuhačevskij",
        "Tuxačevskij",
    ),
    "ts/tz/c/z": ("Цветков", "Tsvetkov", "Zwetkow", "Cvetkov", "Tzvetkov"),
    "shch/sch": (
        "Щербаков",
        "Shcherbakov",
        "Schtscherbakow",
        "Szczerbakow",
        "Ščerbakov",
    ),
    "w/v": ("Примаков", "Primakov", "Primakow"),
    "ou/u": ("Уборевич", "Uborevich", "Ouborevitch", "Uborewitsch", "Uborewicz"),
    "ё/yo/jo/e": ("Соловьёв", "Solovyov", "Solowjow", "Soloviev", "Solovev"),
    "ё after ш щ ж ч": ("Хрущёв", "Khrushchev", "Chruschtschow", "Khrouchtchev"),
    "soft signs": ("Мельников", "Mel'nikov", "Melnikov", "Mel’nikov"),
    "doubled letters": ("Эйдеман", "Eideman", "Eidemann", "Ejdeman", "Eydeman"),
    "ж": ("Ежов", "Yezhov", "Jeschow", "Iejov", "Ežov"),
    "feminine forms": ("Тухачевская", "Tukhachevskaya", "Tuchatschewskaja"),
    "ю after a consonant": ("Блюхер", "Blyukher", "Blücher", "Bliukher", "Blucher"),
}


@pytest.mark.parametrize("family", FAMILIES)
def test_every_spelling_of_a_family_shares_a_key(family):
    spellings = FAMILIES[family]
    keys = [set(word_keys(normalize(s), surname=True)) for s in spellings]
    assert set.intersection(*keys), dict(zip(spellings, keys, strict=True))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Иванов", "Петров"),
        ("Ежов", "Ершов"),
        ("Якир", "Якиров"),
        ("Зиновьев", "Зимин"),
    ],
)
def test_different_surnames_have_different_keys(a, b):
    assert not set(word_keys(normalize(a), True)) & set(word_keys(normalize(b), True))


def test_masculine_and_feminine_surnames_share_a_key():
    assert word_keys("иванова", True).keys() == word_keys("иванов", True).keys()
    assert word_keys("толстая", True).keys() == word_keys("толстой", True).keys()


def test_stress_marks_go_and_short_i_and_yo_stay():
    assert strip_stress("Тухаче\u0301вский") == "Тухачевский"
    assert strip_stress("Семёнов Йосиф") == "Семёнов Йосиф"
    assert normalize("  TUKHACHÉVSKY,  М.\u00a0Н. ") == "tukhachevsky, м. н."


def test_name_keys_cover_every_part_and_the_declined_form():
    keys = name_keys("Тухачевского Михаила Николаевича")
    assert keys.surname == set(word_keys("тухачевский", True))
    assert keys.given == {"mihail"} and keys.initials == {"m"}
    assert keys.patronymic == {"nikalaivič"}
    assert (
        name_keys("Иванова Мария Петровна").patronymic
        == name_keys("Иванов Петр Петрович").patronymic
    )


@pytest.mark.parametrize(
    ("name", "convention"),
    [
        ("Jakow Iwanowitsch Filippow", "german"),
        ("Jakov Petrovič Kugren", "scholarly"),
        ("Jakow Piotrowicz", "polish"),
        ("Iakov Petrovitch Koughren", "french"),
        ("Yakov Petrovich Kugren", "english"),
        ("Michail Charlampiewitsch Kurinow", "german"),  # no English sh or ts
        ("Ivan Ivanov", None),
        ("Тухачевский Михаил", None),
    ],
)
def test_a_latin_name_tells_the_convention_it_is_spelt_in(name, convention):
    assert convention_of(name) == convention


def test_the_preferred_key_is_the_conventions_reading():
    assert preferred_key("jakow", "german") == "iakav"
    assert preferred_key("jakow", None) == next(iter(word_keys("jakow")))
    assert preferred_key("яков", "german") == "iakav"
    assert preferred_patronymic_key("Adamowna", "german") == "adamavič"
