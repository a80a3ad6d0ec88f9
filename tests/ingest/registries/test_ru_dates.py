from __future__ import annotations

import pytest

from kartoteka.ingest.registries.ru_dates import find_date


@pytest.mark.parametrize(
    ("text", "edtf", "wording"),
    [
        ("Арестована  7 марта 1932 г.", "1932-03-07", "7 марта 1932 г."),
        ("Реабилитирована в июле 1998 г.", "1998-07", "в июле 1998 г."),
        ("Приговорена: в 1933 г.", "1933", "в 1933 г."),
        ("Рассстрелян 04.02.1938.", "1938-02-04", "04.02.1938"),
        ("Рассстрелян 3.11.1937.", "1937-11-03", "3.11.1937"),
        ("Расстрелян 22.02.40", "1940-02-22", "22.02.40"),
        ("Реабилитирован 28.09.60 г. ВС", "1960-09-28", "28.09.60 г."),
        ("род. в апреле 1896, в Москве", "1896-04", "в апреле 1896"),
        ("род. 1884, Лифляндская губ.", "1884", "1884"),
        ("В 1924-1927 гг. отбывал ссылку", "1924/1927", "В 1924-1927 гг."),
        ("Реабилитирован в сентябре 1957 г.", "1957-09", "в сентябре 1957 г."),
        ("в мае 1989 г.", "1989-05", "в мае 1989 г."),
        ("1937 года", "1937", "1937 года"),
    ],
)
def test_every_date_shape_of_the_lists_becomes_edtf_with_its_wording(
    text, edtf, wording
):
    found = find_date(text)
    assert (found.edtf, found.text) == (edtf, wording)
    assert text[found.start : found.end].strip() == wording


@pytest.mark.parametrize(
    "text", ["31.02.1938", "31 июня 1937 г.", "ст. 58-10 УК", "завод № 25"]
)
def test_impossible_dates_and_other_numbers_are_not_dates(text):
    assert find_date(text) is None


def test_the_first_date_after_a_position_is_found():
    text = "Приговорен: тройка 9 декабря 1937 г., по Указу от 16.01.1989"
    assert find_date(text).edtf == "1937-12-09"
    assert find_date(text, text.index("Указу")).edtf == "1989-01-16"


@pytest.mark.parametrize(
    ("text", "edtf", "julian", "wording"),
    [
        ("Родился 4 (16) февраля 1893 г.", "1893-02-16", "1893-02-04",
         "4 (16) февраля 1893 г."),
        ("род. 31 января (12 февраля) 1893, Смоленск", "1893-02-12", "1893-01-31",
         "31 января (12 февраля) 1893"),
        ("родился 20 декабря 1899 (1 января 1900) г.", "1900-01-01", "1899-12-20",
         "20 декабря 1899 (1 января 1900) г."),
        ("25 октября (7 ноября) 1917 г.", "1917-11-07", "1917-10-25",
         "25 октября (7 ноября) 1917 г."),
    ],
)  # fmt: skip
def test_a_date_given_in_both_calendars_is_the_new_style_day_with_the_old_kept(
    text, edtf, julian, wording
):
    found = find_date(text)
    assert (found.edtf, found.julian, found.text) == (edtf, julian, wording)
    assert found.qualifiers == {"calendar": "julian+gregorian", "julian": julian}


def test_two_days_that_are_not_one_day_in_two_calendars_are_not_read_as_one():
    found = find_date("4 (17) февраля 1893")
    assert (found.edtf, found.calendar) == ("1893-02", None)
