"""The two Memorial parsers on small files of our own."""

from __future__ import annotations

import pytest

from kartoteka.errors import InvalidSource
from kartoteka.ingest.registries import memorial_lists, memorial_moscow

from .samples import MOSCOW, TRUNCATED_TAIL, write_lists, write_moscow


@pytest.fixture
def lists(tmp_path):
    return memorial_lists.parse(write_lists(tmp_path))


@pytest.fixture
def moscow(tmp_path):
    return memorial_moscow.parse(write_moscow(tmp_path))


def _events(record):
    return {(e.predicate, e.date, e.alternative) for e in record.events}


def test_a_lists_record_gives_every_event_with_its_date(lists):
    first = lists.records[0]
    assert _events(first) == {
        ("born", "1901", False),
        ("arrested", "1937-03-07", False),
        ("sentenced", "1937-07-29", False),
        ("rehabilitated", "1989-05-12", False),
    }
    assert first.sex == "F"
    assert first.ref == "records.txt:1"


def test_a_lists_record_keeps_its_fields_as_attributes(lists):
    attributes = lists.records[0].attributes
    assert attributes["birthplace"] == "г. Тверь"
    assert attributes["nationality"] == "русская"
    assert attributes["party"] == "б/п"
    assert attributes["occupation"] == "учительница"
    assert attributes["address"] == "г. Тверь."
    assert attributes["article"] == "58-10 УК РСФСР"
    assert attributes["sentence"] == "8 лет ИТЛ"


def test_sentencing_and_rehabilitation_carry_organ_charge_and_basis(lists):
    events = {e.predicate: e for e in lists.records[0].events}
    assert events["sentenced"].qualifiers["agency"] == "Особое совещание при НКВД СССР"
    assert events["sentenced"].qualifiers["sentence"] == "8 лет ИТЛ"
    rehabilitation = events["rehabilitated"].qualifiers
    assert rehabilitation["basis"] == "за отсутствием состава преступления"
    assert rehabilitation["agency"] == "Прокуратура Калининской обл."


def test_two_digit_years_and_the_triple_s_typo_are_read(lists):
    second = lists.records[1]
    assert ("executed", "1938-09-22", False) in _events(second)
    assert ("arrested", "1938-07", False) in _events(second)
    assert second.attributes["burial_place"] == "г. Тула."
    assert [n.name for n in second.names] == ["Петроff", "Петрофф"]


def test_a_record_with_only_surname_variants_is_still_a_person(lists):
    assert [n.name for n in lists.records[3].names] == ["Сидорова"]
    assert len(lists.records) == 5 and lists.skipped == []


def test_an_alternative_reading_is_a_second_event(lists):
    assert _events(lists.records[4]) >= {
        ("executed", "1895-01-15", False),
        ("executed", "1938-01-15", True),
    }


def test_every_event_span_lies_in_its_record(lists):
    for record, offset in zip(lists.records, lists.offsets, strict=True):
        assert lists.text[offset : offset + len(record.text)] == record.text
        for event in record.events:
            assert 0 <= event.start < event.end <= len(record.text)


def test_a_moscow_record_gives_names_variants_and_aliases(moscow):
    first, _, third = moscow.records
    assert [(n.name, n.kind) for n in first.names] == [
        ("Иванов Петр Ильич", "birth"),
        ("Иваньков Петр Ильич", "variant"),
        ("Иванов Петр Ильинич", "variant"),
    ]
    assert ("Орлов Игнат Семенович", "alias") in [(n.name, n.kind) for n in third.names]


def test_a_moscow_record_gives_its_fields(moscow):
    first = moscow.records[0]
    assert _events(first) == {
        ("born", "1890", False),
        ("executed", "1937-11-03", False),
    }
    assert first.sex == "M"
    assert first.attributes == {
        "surname": "Иванов",
        "given_name": "Петр",
        "patronymic": "Ильич",
        "birthplace": "г. Тверь",
        "nationality": "русский",
        "party": "б/п",
        "occupation": "токарь завода № 1",
        "address": "Тестовая ул., д.1, кв. 2",
        "burial_place": "Бутово",
    }
    executed = next(e for e in first.events if e.predicate == "executed")
    assert executed.qualifiers == {"place": "Бутово"}


def test_moscow_alternatives_become_second_readings(moscow):
    second = moscow.records[1]
    assert second.sex == "F"
    assert ("born", "1902", True) in _events(second)
    assert second.attributes["birthplace_alternative"] == "Ольховка"
    assert second.attributes["party"] == "член ВКП(б) с 1925"


def test_a_birth_month_and_notes_after_the_address(moscow):
    third = moscow.records[2]
    assert ("born", "1899-04", False) in _events(third)
    assert third.attributes["notes"] == ["В 1920 г. арестовывался."]
    assert third.attributes["nationality"] == "латыш"


def test_a_truncated_page_keeps_its_whole_records_and_names_the_broken_one(tmp_path):
    parsed = memorial_moscow.parse(write_moscow(tmp_path, MOSCOW + TRUNCATED_TAIL))
    assert len(parsed.records) == 3
    (skipped,) = parsed.skipped
    assert skipped.ref == "1.htm:7" and "no execution date" in skipped.reason


@pytest.mark.parametrize("misread_as", ["cp1251", "latin-1"])
def test_a_page_in_the_wrong_encoding_is_refused_not_imported_as_mojibake(
    tmp_path, misread_as
):
    # UTF-8 bytes once misread as another code page, then saved again as UTF-8.
    mojibake = (
        MOSCOW.encode("utf-8").decode(misread_as, errors="replace").encode("utf-8")
    )
    path = tmp_path / "1.htm"
    path.write_bytes(mojibake)
    with pytest.raises(
        InvalidSource, match=r"1\.htm:\d+: cannot read this as a Russian list"
    ):
        memorial_moscow.parse(path)


def test_a_page_saved_as_utf8_or_koi8_is_detected(tmp_path):
    for encoding in ("utf-8", "koi8-r"):
        html = MOSCOW.replace("windows-1251", encoding).replace("№", "N")
        parsed = memorial_moscow.parse(write_moscow(tmp_path, html, encoding=encoding))
        assert parsed.records[0].names[0].name == "Иванов Петр Ильич"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "the file is empty"), (b"\x00\x01\x02garbage\x00", "binary data")],
)
def test_empty_and_binary_files_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InvalidSource, match=rf"bad\.txt:1: {message}"):
        memorial_lists.parse(path)


def test_a_folder_given_for_a_file_says_to_give_its_files(tmp_path):
    with pytest.raises(InvalidSource, match="a folder, not a file; give the files"):
        memorial_moscow.parse(tmp_path)


def test_a_binary_record_is_skipped_with_its_line(tmp_path):
    text = "Родился в 1900 г.\n---\nРодил\x07ся \x01\x02\n---\nРодился в 1901 г.\n"
    parsed = memorial_lists.parse(write_lists(tmp_path, text))
    assert len(parsed.records) == 2
    assert [str(s) for s in parsed.skipped] == [
        "records.txt:3: binary data, not a record"
    ]


def test_what_follows_an_arrest_date_is_the_arresting_organ():
    record = memorial_lists.parse_record(
        "Родился в 1895 г.\nАрестован  15 октября 1918 г. железнодорожной ЧК", "x:1", 1
    )
    arrest = next(e for e in record.events if e.predicate == "arrested")
    assert (arrest.date, arrest.qualifiers) == (
        "1918-10-15",
        {"agency": "железнодорожной ЧК"},
    )


def test_genuine_names_that_resemble_mojibake_are_read(tmp_path):
    # "С" before "ё" is also what a misread UTF-8 pair looks like.
    text = "Родился в 1900 г., д. Сёмкина Горушка; русский;\nРеабилитирован в 1989 г.\n"
    parsed = memorial_lists.parse(write_lists(tmp_path, text))
    assert parsed.records[0].attributes["birthplace"] == "д. Сёмкина Горушка"
