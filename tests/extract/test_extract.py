"""Extraction from English and Russian prose: every span exact, nothing stored."""

from __future__ import annotations

import pytest

from kartoteka.extract import english, extract_text, russian

ENGLISH = (
    "General Ivan Petrov, commander of the Tula garrison, was arrested on "
    "3 March 1938. Petrov was shot on May 20, 1938, after a trial of ten "
    "minutes. Anna Petrova learned of it only in 1989; Petrov was "
    "“rehabilitated” in 1957.\n"
)
RUSSIAN = (
    "Петро́в Ива́н Серге́евич (4 (16) февраля 1893 — 20 мая 1938) — комбриг. "
    "Арестован 3 марта 1938 года. Расстрелян 20 мая 1938 года. "
    "Реабилитирован в 1957 году. Его жена Анна Петрова узнала об этом в 1989 году."
)


def _exact(text: str, found) -> None:  # type: ignore[no-untyped-def]
    for a in found:
        assert text[a.start : a.end] == a.text, a


def test_english_persons_without_ranks_and_everywhere_the_surname_stands():
    found = extract_text(ENGLISH, "en")
    _exact(ENGLISH, found)
    persons = [a for a in found if a.kind == "person"]
    assert {a.text for a in persons} >= {"Ivan Petrov", "Petrov", "Anna Petrova"}
    assert "General Ivan Petrov" not in {a.text for a in persons}
    assert {a.normalized for a in persons if a.text == "Petrov"} == {"Ivan Petrov"}


def test_english_events_carry_their_person_predicate_and_date():
    events = {
        (a.subject["name"], a.predicate, a.date)
        for a in extract_text(ENGLISH, "en")
        if a.kind == "event"
    }
    assert {
        ("Ivan Petrov", "arrested", "1938-03-03"),
        ("Ivan Petrov", "executed", "1938-05-20"),
        ("Ivan Petrov", "rehabilitated", "1957"),
    } <= events


def test_russian_names_in_the_nominative_with_stress_marks_kept_in_the_spans():
    found = extract_text(RUSSIAN, "auto")
    _exact(RUSSIAN, found)
    persons = {a.normalized for a in found if a.kind == "person"}
    assert "Петров Иван Сергеевич" in persons
    dates = {a.text: a.normalized for a in found if a.kind == "date"}
    assert dates["4 (16) февраля 1893"] == "1893-02-16"
    assert dates["в 1957 году"] == "1957"


def test_russian_events_of_an_encyclopedia_entry_belong_to_its_person():
    events = {
        (a.subject["name"], a.predicate, a.date)
        for a in extract_text(RUSSIAN, "ru")
        if a.kind == "event"
    }
    assert {
        ("Петров Иван Сергеевич", "arrested", "1938-03-03"),
        ("Петров Иван Сергеевич", "executed", "1938-05-20"),
        ("Петров Иван Сергеевич", "rehabilitated", "1957"),
    } <= events


def test_extracted_persons_resolve_to_the_stored_person_in_any_script(petrov_store):
    petrov = petrov_store.find_entities("petrov")[0].id
    english_ids = {
        a.subject["id"] for a in extract_text(ENGLISH, "en", petrov_store)
        if a.kind == "person" and a.normalized == "Ivan Petrov"
    }  # fmt: skip
    russian_ids = {
        a.subject["id"] for a in extract_text(RUSSIAN, "ru", petrov_store)
        if a.kind == "person" and a.normalized == "Петров Иван Сергеевич"
    }  # fmt: skip
    assert english_ids == russian_ids == {petrov}


def test_an_unknown_language_is_a_clear_error():
    from kartoteka.errors import ConfigError

    with pytest.raises(ConfigError, match="extraction reads en, ru"):
        extract_text("Text", "de")


def test_the_models_load_with_the_network_cut_off(network_cut_off):
    english.nlp.cache_clear()
    russian._natasha.cache_clear()
    assert any(a.kind == "person" for a in extract_text(ENGLISH, "en"))
    assert any(a.kind == "person" for a in extract_text(RUSSIAN, "ru"))


def test_the_extract_command_prints_one_annotation_a_line(tmp_path):
    import json

    from click.testing import CliRunner

    from kartoteka.interfaces.cli import cli

    path = tmp_path / "petrov.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    out = CliRunner().invoke(
        cli,
        ["--db", str(tmp_path / "k.db"), "extract", str(path), "--format", "jsonl"],
        obj={},
    )
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in out.output.splitlines()]
    assert {line["kind"] for line in lines} >= {"person", "date", "event"}
    every = {
        "kind", "text", "start", "end", "normalized", "subject", "predicate",
        "date", "confidence", "rule",
    }  # fmt: skip
    assert set(lines[0]) == every
    assert all(set(line) - every <= {"details"} for line in lines)
    assert all(RUSSIAN[x["start"] : x["end"]] == x["text"] for x in lines)


@pytest.mark.parametrize(
    ("sentence", "predicate", "date"),
    [
        ("Before them Ivan Sidorov, Pavel Orlov, and Boris Kedrov had fallen "
         "victim to the purge.", "purged", None),
        ("The verdict on the commanders has been reversed since 1957: "
         "Ivan Sidorov, Pavel Orlov and Boris Kedrov are no longer traitors.",
         "rehabilitated", "1957"),
        ("Ivan Sidorov, Pavel Orlov and Boris Kedrov were arrested and done "
         "away with.", "executed", None),
    ],
)  # fmt: skip
def test_an_event_of_a_list_of_persons_is_each_ones(sentence, predicate, date):
    events = {
        (a.subject["name"], a.date)
        for a in extract_text(sentence, "en")
        if a.kind == "event" and a.predicate == predicate
    }
    assert events == {
        ("Ivan Sidorov", date),
        ("Pavel Orlov", date),
        ("Boris Kedrov", date),
    }


def test_a_given_name_the_model_left_out_joins_the_name():
    text = "Nikolai Bukharin and Alexei Rykov were sentenced to death."
    persons = {a.text for a in extract_text(text, "en") if a.kind == "person"}
    assert persons == {"Nikolai Bukharin", "Alexei Rykov"}


@pytest.mark.parametrize(
    ("text", "who", "predicate", "date"),
    [
        ("Army Commander Iona Yakir was arrested on May 28, 1937. Like Marshal "
         "Tukhachevsky, he was tried in secret.", "Iona Yakir", "tried", None),
        ("Christian Rakovsky received twenty years; he was shot on September 11, "
         "1941.", "Christian Rakovsky", "executed", "1941-09-11"),
        ("Marshal Vasily Blyukher was arrested in October 1938 and died in "
         "prison on November 9, 1938.", "Vasily Blyukher", "died", "1938-11-09"),
    ],
)  # fmt: skip
def test_pronouns_and_joined_verbs_find_their_person_and_date(
    text, who, predicate, date
):
    events = {
        (a.subject["name"], a.date)
        for a in extract_text(text, "en")
        if a.kind == "event" and a.predicate == predicate
    }
    assert events == {(who, date)}
