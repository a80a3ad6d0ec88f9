"""Quotations with their speakers, estimates with their modality, footnotes."""

from __future__ import annotations

from kartoteka.extract import extract_text
from kartoteka.extract.citations import citations
from kartoteka.extract.estimates import english_estimates

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
