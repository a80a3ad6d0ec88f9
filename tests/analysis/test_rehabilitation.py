# ruff: noqa: E501  (a record is one long line, as in the real lists)
"""The rehabilitation report on lists of our own, and its basis classes."""

from __future__ import annotations

import pytest

from kartoteka.analysis.rehabilitation import (
    COLLECTIVE,
    INDIVIDUAL,
    UNKNOWN,
    basis_class,
    rehabilitation_report,
)
from kartoteka.ingest.registries import memorial_lists
from kartoteka.ingest.registries.importer import import_registry
from tests.ingest.registries.samples import write_lists

RECORDS = """\
Родился в 1900 г.
Приговорен: тройка при УНКВД 10.10.1937, обв.: 58-10.
Реабилитирован 16 марта 1989 г. Прокуратура Н-ской обл. Подпадает под действие ст.1 Указа ПВС СССР от 16.01.1989 г.
---
Родился в 1901 г.
Приговорен: ВКВС 01.03.1938
Реабилитирован 12 мая 1957 г. ВКВС за отсутствием состава преступления
---
Родился в 1902 г.
Приговорен: ОСО 01.06.1940
Реабилитирован в 1992 г.
---
Родился в 1903 г.
Приговорен: тройка 01.01.1938
Реабилитирован  сведений о реабилитации нет
---
"""


@pytest.mark.parametrize(
    "agency, basis, expected",
    [
        ("Прокуратура", "Указа ПВС СССР от 16.01.1989", COLLECTIVE),
        ("Прокуратура. Подпадает под действие ст.1 Указа", None, COLLECTIVE),
        ("Законом РФ считается реабилитированным", None, COLLECTIVE),
        ("Военный трибунал ЛВО", None, INDIVIDUAL),
        ("Прокуратура", "за отсутствием состава преступления", INDIVIDUAL),
        ("Прокуратура", "Закону РФ от 18.10.1991", INDIVIDUAL),
        ("Прокуратура Смоленской обл", None, UNKNOWN),
        (None, None, UNKNOWN),
    ],
)
def test_the_basis_is_read_from_the_words(agency, basis, expected):
    assert basis_class(agency, basis) == expected


def test_no_information_is_an_attribute_not_a_rehabilitation(tmp_path):
    parsed = memorial_lists.parse(write_lists(tmp_path, RECORDS))
    last = parsed.records[-1]
    assert "rehabilitated" not in {e.predicate for e in last.events}
    assert last.attributes["rehabilitation"] == "сведений о реабилитации нет"


def test_the_report_counts_by_basis_and_measures_the_delay(fresh_store, tmp_path):
    import_registry(
        fresh_store, "memorial-lists", [write_lists(tmp_path, RECORDS)], "t"
    )
    report = rehabilitation_report(fresh_store)
    assert report.records == 4  # every record sentenced
    assert report.rehabilitations == 3
    assert report.by_basis == {COLLECTIVE: 1, INDIVIDUAL: 1, UNKNOWN: 1}
    assert report.by_decade[1980, COLLECTIVE] == 1
    assert report.by_decade[1950, INDIVIDUAL] == 1
    (cleared,) = report.listed
    assert cleared.date == "1989-03-16" and "Указа" in cleared.words
    # 1937-10-10 → 1989-03-16: 51 years and 5 months; 1938-03 → 1957-05: 19.17.
    assert sorted(report.delays) == [19.17, 51.42, 52.0]
    assert report.delay_summary["median"] == 51.4
    assert report.delay_buckets["5–20 years"] == 1
    reviewed = rehabilitation_report(fresh_store, basis=INDIVIDUAL).listed
    assert [r.date for r in reviewed] == ["1957-05-12"]
