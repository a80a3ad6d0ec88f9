"""One name in two languages: rigour's name symbols and the reviewed table."""

from __future__ import annotations

import pytest
import yaml

from kartoteka.analysis.lookup import find_person
from kartoteka.ingest.casefile import import_casefile
from kartoteka.names.compare import compare
from kartoteka.names.equivalents import TABLE, baltic_stem, same_name


@pytest.mark.parametrize(
    ("russian", "other"),
    [
        ("Лев", "Leon"),  # Wikidata, through rigour
        ("Евгений", "Eugen"),
        ("Август", "August"),
        ("Иероним", "Hieronim"),
        ("Евгений", "Eugène"),  # without its accent
        ("Петр", "Peter"),  # romanized: rigour knows Petr, not Петр
        ("Август", "Augusts"),  # Latvian ending
        ("Климент", "Klim"),  # the reviewed table
        ("Николай", "Mikołaj"),
        ("Иосиф", "Józef"),
    ],
)
def test_a_name_in_another_language_is_the_same_name(russian, other):
    assert same_name(russian, other)
    assert same_name(other, russian)


@pytest.mark.parametrize(
    ("one", "two"),
    [("Иван", "John"), ("Николай", "Leon"), ("Александр", "Alexandra")],
)
def test_other_names_are_not(one, two):
    assert same_name(one, two) is None


def test_names_of_one_script_are_never_asked():
    # Лев and Лео share a Wikidata item, but a registry's names never pay
    # for the tagger: spellings of one script are the keys' business.
    assert same_name("Лев", "Лео") is None
    assert same_name("Leon", "Leo") is None


def test_every_row_of_the_table_names_its_evidence():
    rows = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    assert rows
    for row in rows:
        assert len(row["names"]) >= 2
        assert len(row["cited"].split()) >= 8, row


@pytest.mark.parametrize(
    ("word", "stem"),
    [("Eidemanis", "Eideman"), ("Korks", "Kork"), ("Augusts", "August")],
)
def test_baltic_endings(word, stem):
    assert baltic_stem(word) == stem


def test_no_baltic_ending_after_a_vowel():
    assert baltic_stem("Jonas") is None
    assert baltic_stem("Kas") is None


def test_names_compare_matches_across_languages_as_weaker_evidence():
    result = compare("Троцкий Лев Давидович", "Leon Trotsky")
    assert result.match
    assert any("two languages" in line for line in result.explanation)
    spelt = compare("Троцкий Лев Давидович", "Lev Trotsky")
    assert result.score < spelt.score


def test_a_baltic_surname_is_the_russian_one():
    result = compare("Эйдеман Роберт Петрович", "Robert Eidemanis")
    assert result.match
    assert any("Latvian or Lithuanian" in line for line in result.explanation)


def test_a_womans_name_never_matches_a_mans():
    assert not compare("Рыков Алексей Иванович", "Natalya Rykova").match
    assert not compare("Якир Иона Эммануилович", "Sarra Yakir").match


CASEFILE = """\
casefile: 1
id: russian-names
title: Persons named in Russian only (test)
curator: test curator
sources:
  - {id: note, file: note.txt, title: A note, language: ru}
entities:
  - {id: trotsky, name: Троцкий Лев Давидович, sex: M}
  - {id: son, name: Троцкий Сергей Львович, sex: M}
  - {id: eideman, name: Эйдеман Роберт Петрович, sex: M}
"""


@pytest.fixture
def russian_names(fresh_store, tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "note.txt").write_text("Записка.\n", encoding="utf-8")
    (tmp_path / "names.yaml").write_text(CASEFILE, encoding="utf-8")
    import_casefile(fresh_store, tmp_path / "names.yaml", actor="test")
    return fresh_store


@pytest.mark.parametrize("spelling", ["Leon Trotsky", "Leo Trotzki", "Léon Trotski"])
def test_a_lookup_finds_the_person_by_an_equivalent_given_name(russian_names, spelling):
    assert find_person(russian_names, spelling).name == "Троцкий Лев Давидович"


def test_a_lookup_finds_a_baltic_form(russian_names):
    found = find_person(russian_names, "Robert Eidemanis")
    assert found.name == "Эйдеман Роберт Петрович"
