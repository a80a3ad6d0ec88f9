"""Quotations with their speakers, estimates with their modality, footnotes."""

from __future__ import annotations

from kartoteka.extract import extract_text
from kartoteka.extract.citations import citations
from kartoteka.extract.estimates import english_estimates, russian_estimates

TEXT = (
    "Perhaps as many as 12,000 officers were dismissed, and arrests took "
    "40-50 percent of the colonels. [1] In 1938 Ivan Petrov said: “Nobody in the "
    "garrison believed a word of the charges against the commander.” Later "
    "the commander was “rehabilitated.”\n"
    "“The trial lasted ten minutes and no witness was called,” Anna Orlova "
    "wrote in 1956.\n\n"
    "1. The figure of Pavel Sidorov, a veteran of the garrison.\n"
)


def test_estimates_keep_modality_quantity_and_what_was_counted():
    found = {a.text: a.normalized for a in english_estimates(TEXT)}
    assert found == {
        "Perhaps as many as 12,000 officers": "perhaps as many as 12000 officers",
        "40-50 percent of the colonels": "40-50 percent of the colonels",
    }


def test_years_and_note_numbers_are_not_estimates():
    assert english_estimates("In 1938, note 1. and page 12 of 40 pages") == []


def test_a_footnote_marker_points_to_its_note():
    (marker,) = [a for a in citations(TEXT) if a.rule == "citation:marker"]
    assert marker.text == "[1]"
    assert (
        marker.normalized == "The figure of Pavel Sidorov, a veteran of the garrison."
    )


def test_quotations_have_their_speakers_before_or_after_and_scare_quotes_none():
    found = extract_text(TEXT, "en")
    assert all(TEXT[a.start : a.end] == a.text for a in found)
    quotes = {
        a.text[:20]: (a.subject or {}).get("name") for a in found if a.kind == "quote"
    }
    assert quotes == {
        "“Nobody in the garri": "Ivan Petrov",
        "“The trial lasted te": "Anna Orlova",
    }


def test_a_date_given_by_another_is_computed_from_it():
    text = "Ivan Petrov was sentenced on March 13, 1938, and was shot two days later."
    found = extract_text(text, "en")
    relative = [a for a in found if a.rule.startswith("date:relative")]
    assert [(a.text, a.normalized) for a in relative] == [
        ("two days later", "1938-03-15")
    ]
    shot = [a for a in found if a.kind == "event" and a.predicate == "executed"]
    assert [a.date for a in shot] == ["1938-03-15"]


def test_a_russian_next_day_is_the_day_after_its_anchor():
    text = "Приговорён 11 июня 1937 года, расстрелян на следующий день."
    dates = {a.text: a.normalized for a in extract_text(text, "ru") if a.kind == "date"}
    assert dates["на следующий день"] == "1937-06-12"


def test_without_a_full_date_before_it_a_relative_date_is_not_proposed():
    found = extract_text("He was shot two days later, in 1938.", "en")
    assert not [a for a in found if a.rule.startswith("date:relative")]


def test_russian_estimates_with_their_scale_modality_and_what_was_counted():
    text = (
        "По разным оценкам, расстреляно не менее 680 тыс. человек; около 40 "
        "тысяч офицеров уволено, арестованы 60–70 % командиров полков. "
        "Осуждён 12 июня 1937 года на 8 лет по ст. 58-10."
    )
    found = {a.text: a.details for a in russian_estimates(text)}
    assert found["не менее 680 тыс. человек"] == {
        "value": 680000.0, "unit": "человек", "counted": "человек",
        "modality": "не менее", "certainty": "certain",
    }  # fmt: skip
    assert found["около 40 тысяч офицеров"]["certainty"] == "probable"
    assert found["около 40 тысяч офицеров"]["value"] == 40000.0
    share = found["60–70 % командиров"]
    assert (share["low"], share["high"], share["unit"]) == (60, 70, "percent")
    assert len(found) == 3  # not the date, the term or the article
