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
        (
            "Vitaly Primakov was posthumously rehabilitated on May 5, 1957.",
            ("Vitaly Primakov", "rehabilitated", "1957-05-05"),
        ),
        (
            "Vitaly Primakov was cleared of all charges in 1957.",
            ("Vitaly Primakov", "rehabilitated", "1957"),
        ),
        (
            "Iona Yakir was detained in 1938 and released in 1940.",
            ("Iona Yakir", "released", "1940"),
        ),
        (
            "Iona Yakir was arrested on 2 May 1937, sentenced to ten years and "
            "died in a camp in 1942.",
            ("Iona Yakir", "sentenced", "1937-05-02"),
        ),
        (
            "Iona Yakir was picked up by the NKVD on 2 August 1937.",
            ("Iona Yakir", "arrested", "1937-08-02"),
        ),
        (
            "Iona Yakir taught in Kiev. A troika sentenced him on 15 September 1937.",
            ("Iona Yakir", "sentenced", "1937-09-15"),
        ),
        (
            "Iona Yakir was tried on June 11, 1937 and shot the same day.",
            ("Iona Yakir", "executed", "1937-06-11"),
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


def test_respectively_gives_each_person_his_own_date():
    found = _events(
        "Vitaly Primakov and Iona Yakir were rehabilitated in 1957 and 1989 "
        "respectively."
    )
    assert ("Vitaly Primakov", "rehabilitated", "1957") in found
    assert ("Iona Yakir", "rehabilitated", "1989") in found
    assert ("Iona Yakir", "rehabilitated", "1957") not in found


def test_weeks_later_is_an_approximate_day():
    dates = {
        a.text: a.normalized
        for a in extract_text(
            "Iona Yakir was sentenced on 15 September 1937 and shot two weeks later.",
            "en",
        )
        if a.kind == "date"
    }
    assert dates["two weeks later"] == "1937-09-29~"


def test_names_listed_before_a_person_are_persons():
    text = "Before them Zinoviev, Kamenev, Pyatakov, and Radek had fallen victim."
    persons = {a.text for a in extract_text(text, "en") if a.kind == "person"}
    assert {"Zinoviev", "Kamenev", "Radek"} <= persons
    assert "Before" not in " ".join(persons)


def test_a_list_of_places_stays_places():
    text = "Iona Yakir served in Kiev, Kharkov and Odessa before his arrest."
    kinds = {a.text: a.kind for a in extract_text(text, "en")}
    assert kinds.get("Kiev") != "person" and kinds.get("Kharkov") != "person"


def test_a_dictionary_entrys_telegraphic_sentences_are_its_subjects():
    text = (
        "Iona Yakir (1896–1937), commander, a friend of Vitaly Primakov. "
        "Arrested on May 28, 1937, and shot at the Kommunarka firing range on "
        "June 12, 1937. Rehabilitated in 1957."
    )
    found = _events(text)
    assert ("Iona Yakir", "arrested", "1937-05-28") in found
    assert ("Iona Yakir", "executed", "1937-06-12") in found
    assert ("Iona Yakir", "rehabilitated", "1957") in found
    assert not any(name != "Iona Yakir" for name, _, _ in found)
    persons = {a.text for a in extract_text(text, "en") if a.kind == "person"}
    assert "Kommunarka" not in persons
