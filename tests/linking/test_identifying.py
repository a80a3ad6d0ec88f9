"""Identifying fields: their feature values, when two agree, and the guard
reading them (records that name nobody; names outweighed by the rest)."""

from __future__ import annotations

import pytest

from kartoteka.errors import ConfigError
from kartoteka.linking.features import features_of, person_row
from kartoteka.linking.guard import Verdict, apart_in_a_cluster, verdict
from kartoteka.linking.identifying import agree, values
from kartoteka.model.identifying import IdentifyingField

ADDRESS = IdentifyingField("address", "normalized")
POST = IdentifyingField("occupation", "fuzzy")
ARRESTED = IdentifyingField("arrested", "date")
PASSPORT = IdentifyingField("passport", "exact", own=True)
FIELDS = (ADDRESS, POST, ARRESTED, PASSPORT)


def test_an_address_with_a_city_before_it_agrees_with_one_without():
    listed = values(ADDRESS, "Москва, ул. Огарева, д. 1/12, кв. 70.")
    moscow = values(ADDRESS, "ул. Огарева, д.1/12, кв. 70")
    assert listed[2] == moscow[2] == "1/12 70"  # the end that blocks
    assert agree(ADDRESS, listed, moscow)
    assert not agree(ADDRESS, listed, values(ADDRESS, "ул. Огарева, д. 3, кв. 5"))


def test_a_post_with_a_slip_agrees_and_another_post_does_not():
    typed = values(POST, "Коллегия защитников.")
    assert typed == ("коллегия защитников",)
    assert agree(POST, typed, values(POST, "коллегия защитников"))
    assert agree(POST, values(POST, "механик"), values(POST, "мехаанк"))
    assert not agree(POST, typed, values(POST, "колхозник"))


def test_dates_agree_by_the_day_only():
    # the day, month, year, and the day again for blocking
    assert values(ARRESTED, "1937-11-15") == (
        "1937-11-15",
        "1937-11",
        1937,
        "1937-11-15",
    )
    assert agree(
        ARRESTED, values(ARRESTED, "1937-11-15"), values(ARRESTED, "1937-11-15")
    )
    assert not agree(ARRESTED, values(ARRESTED, "1937"), values(ARRESTED, "1937"))


def test_a_field_is_named_plainly_and_compared_one_of_four_ways():
    with pytest.raises(ConfigError, match="compare is one of"):
        IdentifyingField("passport", "soundex")
    with pytest.raises(ConfigError, match="lower-case"):
        IdentifyingField("Паспорт", "exact")
    with pytest.raises(ConfigError, match="birthplace"):
        IdentifyingField("birthplace", "fuzzy")


def _person(names, sex=None, place=None, born=None, died=None, **fields):
    row = person_row("x", names, sex, place, born, died)
    extra = tuple(v for f in FIELDS for v in values(f, fields.get(f.name)))
    keys = tuple(c for f in FIELDS for c in f.columns())
    return features_of(row) | dict(zip(keys, extra, strict=True))


MOSCOW = _person(
    ["Грозовский Айзик Герцевич"],
    "M",
    "Польша, мест. Зельва",
    "1900",
    "1938-04-03",
    address="ул. Огарева, д.1/12, кв. 70",
    occupation="пом. начальника отделения 1-го отдела Генштаба РККА, майор",
)


def test_a_record_naming_nobody_joins_a_man_on_four_facts_and_a_day():
    record = _person(
        [],
        "M",
        "Польша, мест. Зельва",
        "1900",
        "1938-04-03",
        address="Москва, ул. Огарева, д. 1/12, кв. 70.",
        occupation="пом. начальника отделения 1-го отдела Генштаба РККА, майор",
        arrested="1937-11-15",
    )
    assert verdict(record, MOSCOW, FIELDS) is Verdict.FREE


def test_a_record_naming_nobody_on_a_year_and_a_day_only_goes_to_review():
    shot_that_day = _person([], "M", None, "1900", "1938-04-03")
    assert verdict(shot_that_day, MOSCOW, FIELDS) is Verdict.UNSURE


def test_a_record_naming_nobody_and_giving_another_year_or_day_is_apart():
    for born, died in (("1901", "1938-04-03"), ("1900", "1938-04-04")):
        other = _person([], "M", "Польша, мест. Зельва", born, died)
        assert verdict(other, MOSCOW, FIELDS) is Verdict.APART


def test_two_records_naming_nobody_share_a_village_and_a_year_only():
    # a whole deported village reads so: neither merged nor reviewed
    a = _person([], None, "д. Степное Коровино", "1920", address="д. Степное Коровино")
    b = _person([], None, "д. Степное Коровино", "1920", address="д. Степное Коровино")
    assert verdict(a, b, FIELDS) is Verdict.UNTOLD
    flat = "Москва, Ащеулов пер., 3, кв. 18."
    c = _person([], None, None, "1897", address=flat, occupation="начальник")
    d = _person([], None, None, "1897", address=flat, occupation="начальник")
    assert verdict(c, d, FIELDS) is Verdict.FREE  # a flat is particular


def test_names_that_differ_are_outweighed_by_a_birth_and_conclusive_evidence():
    a = _person(["Michaela Neumann"], born="1915-11-11", passport="5304218",
                address="8 Stanley Street, Miami")  # fmt: skip
    b = _person(["Tahlia Neumann"], born="1915-11-11", passport="5304218",
                address="8 Stanley St, Miami")  # fmt: skip
    assert verdict(a, b, FIELDS) is Verdict.APART  # no score: the names decide
    assert verdict(a, b, FIELDS, rest=0.999) is Verdict.FREE
    assert verdict(a, b, FIELDS, rest=0.5) is Verdict.APART


def test_relatives_in_one_flat_stay_apart_however_alike_the_rest():
    flat = "ул. Авиамоторная, д.4, корп. 1, кв. 19"
    husband = _person(["Колесников Иван Михайлович"], "M", "с. Красненькое", None,
                      "1938-02-03", address=flat)  # fmt: skip
    son = _person(["Колесников Петр Иванович"], "M", "с. Красненькое", None,
                  "1938-02-03", address=flat)  # fmt: skip
    # address, birthplace and the day they were shot: what a family shares
    assert verdict(husband, son, FIELDS, rest=0.9999) is Verdict.APART
    assert apart_in_a_cluster(husband, son, FIELDS, rest=0.9999)


def test_an_own_number_outweighs_a_birth_year_far_off():
    a = _person(["John Smith"], born="1951-11-11", passport="77",
                address="1 High St", occupation="teacher")  # fmt: skip
    b = _person(["John Smith"], born="1915-11-11", passport="77",
                address="1 High St", occupation="teacher")  # fmt: skip
    assert verdict(a, b, FIELDS) is Verdict.APART
    assert verdict(a, b, FIELDS, rest=0.999) is Verdict.FREE
