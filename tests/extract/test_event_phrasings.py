"""Ways prose states an event: joined verbs, active voice, suicide, two men."""

from __future__ import annotations

import pytest

from kartoteka.extract import extract_text


def _events(text: str, lang: str = "en") -> set[tuple[str, str, str | None]]:
    return {
        (a.subject["name"], a.predicate, a.date)  # type: ignore[index]
        for a in extract_text(text, lang)
        if a.kind == "event"
    }


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Ivan Sidorov was recalled to Moscow and arrested on May 3, 1937.",
            ("Ivan Sidorov", "arrested", "1937-05-03"),
        ),
        (
            "Vitaly Primakov was tried on June 1, 1938, and shot on June 2, 1938.",
            ("Vitaly Primakov", "executed", "1938-06-02"),
        ),
        (
            "Boris Kedrov had been taken into custody on March 4, 1939.",
            ("Boris Kedrov", "arrested", "1939-03-04"),
        ),
        (
            "The Military Collegium rehabilitated Vitaly Primakov on May 5, 1957.",
            ("Vitaly Primakov", "rehabilitated", "1957-05-05"),
        ),
        (
            "Warned of his arrest, Ivan Sidorov shot himself on May 31, 1937.",
            ("Ivan Sidorov", "died", "1937-05-31"),
        ),
        (
            "Boris Kedrov signed a confession on the day of his arrest.",
            ("Boris Kedrov", "confessed", None),
        ),
        (
            "Anna Orlova was sent to a camp in Kazakhstan.",
            ("Anna Orlova", "imprisoned", None),
        ),
    ],
)
def test_an_english_phrasing_states_its_event(text, event):
    assert event in _events(text)


def test_a_man_who_shot_himself_was_not_executed():
    found = _events("Ivan Sidorov shot himself on May 31, 1937.")
    assert not any(predicate == "executed" for _, predicate, _ in found)


def test_both_men_are_the_two_named_before():
    text = (
        "Ivan Sidorov was a commander. Vitaly Primakov was his deputy. "
        "Both men were tried on June 11, 1937."
    )
    tried = {name for name, predicate, _ in _events(text) if predicate == "tried"}
    assert tried == {"Ivan Sidorov", "Vitaly Primakov"}


def test_a_russian_suicide_is_a_death():
    text = "Сидоров Иван Петрович (1894—1937). 31 мая 1937 года застрелился."
    assert ("Сидоров Иван Петрович", "died", "1937-05-31") in _events(text, "ru")


def test_a_memoirs_kinship_phrase_is_the_person_it_introduced():
    text = (
        "My father, Vitaly Primakov, was taken from our flat on May 3, 1937. "
        "In 1957 the tribunal rehabilitated my father."
    )
    found = extract_text(text, "en")
    assert ("Vitaly Primakov", "rehabilitated", "1957") in _events(text)
    assert ("Vitaly Primakov", "arrested", "1937-05-03") in _events(text)
    # the phrase feeds the events; it is not proposed as a name
    assert [a.text for a in found if a.kind == "person"] == ["Vitaly Primakov"]


def test_a_name_before_works_is_a_factory():
    found = extract_text("He worked at the Elektrosila works in 1937.", "en")
    assert not [a for a in found if a.kind == "person"]


def test_an_assassination_is_of_the_name_right_before_it_only():
    named = "Commenting on the Kirov assassination, in 1934, Trotsky wrote at length."
    assert ("Kirov", "assassinated", "1934") in _events(named)
    nobody = "Iona Yakir followed each assassination, trial or disappearance."
    assert not [e for e in _events(nobody) if e[1] == "assassinated"]


def test_a_trial_the_execution_came_after_takes_no_date_of_the_execution():
    found = _events("On June 12, 1937, Iona Yakir was executed after a secret trial.")
    assert ("Iona Yakir", "executed", "1937-06-12") in found
    assert ("Iona Yakir", "tried", None) in found
