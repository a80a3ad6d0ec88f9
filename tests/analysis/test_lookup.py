"""Any spelling finds the person: name keys, word forms, stress marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.analysis import lookup
from kartoteka.analysis.lookup import find_person
from kartoteka.errors import NotFound
from kartoteka.ingest.sources import SourceMeta, add_source
from kartoteka.interfaces.cli import cli

STRESSED = (
    "Тухаче́вский Михаи́л Никола́евич (1893—1937) — маршал. "
    "Арестован в мае 1937 года; дело Тухачевского слушалось при закрытых дверях."
)


@pytest.mark.parametrize(
    "spelling",
    ["Petrow", "Pietrow", "Петрову", "Iwan Petrow", "Ivan Petroff", "PETROV"],
)
def test_any_spelling_or_case_of_a_name_finds_the_person(petrov_store, spelling):
    assert find_person(petrov_store, spelling).name == "Петров Иван Сергеевич"


def test_a_spelling_of_nobodys_name_says_so(petrov_store):
    with pytest.raises(NotFound, match="in any spelling"):
        find_person(petrov_store, "Toukhatchevski")


def test_a_mans_spelling_does_not_find_a_woman_of_that_surname(petrov_store):
    named = lookup.entities_named(petrov_store, "Ivan Petroff")
    assert [e.name for e in named] == ["Петров Иван Сергеевич"]


def test_search_finds_a_name_by_another_spelling(petrov_store):
    hits = lookup.search(petrov_store, "Pietrow")
    assert ("entity", find_person(petrov_store, "petrov").id) in {
        (h.kind, h.ref) for h in hits
    }


@pytest.fixture
def encyclopedia(petrov_store, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "bse.txt"
    path.write_text(STRESSED, encoding="utf-8")
    add_source(petrov_store, path, SourceMeta(id="bse", language="ru"), "test")
    return petrov_store


@pytest.mark.parametrize(
    "query", ["Тухачевский", "Михаил Николаевич", "Тухачевского", "маршала", "дела"]
)
def test_full_text_search_ignores_stress_marks_and_finds_word_forms(
    encyclopedia, query
):
    assert "bse" in {h.ref for h in lookup.search(encyclopedia, query)}


def test_every_word_must_be_found_in_some_form(encyclopedia):
    assert lookup.search(encyclopedia, "Тухачевского Бухарина") == []


def test_name_keys_follow_the_names_of_an_entity(petrov_store):
    petrov = find_person(petrov_store, "petrov")
    from kartoteka.names.keys import lookup_keys

    ids = petrov_store.ids_by_keys(sorted(lookup_keys("Петров")))
    assert petrov.id in ids
    assert petrov_store.ids_by_keys(sorted(lookup_keys("Тухачевский"))) == []


def test_the_commands_use_the_same_lookup(tmp_path, petrov_dir):
    db = tmp_path / "k.db"
    run = CliRunner().invoke
    run(cli, ["--db", str(db), "import", "casefile", str(petrov_dir / "petrov.yaml")],
        obj={})  # fmt: skip
    case = run(cli, ["--db", str(db), "case", "Pietrow"], obj={})
    assert "Петров Иван Сергеевич" in case.output
    conflicts = run(cli, ["--db", str(db), "conflicts", "--person", "Pietrow"], obj={})
    assert "2 conflicts" in conflicts.output
    search = run(cli, ["--db", str(db), "search", "Pietrow"], obj={})
    assert "Петров Иван Сергеевич" in search.output
