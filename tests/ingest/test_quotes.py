from __future__ import annotations

from kartoteka.ingest import quotes

TEXT = "He was arrested in March. He was shot in May. He was shot in May, again."


def test_a_quote_is_located_at_its_offsets():
    found = quotes.locate(TEXT, "arrested in March")
    assert TEXT[found.start : found.end] == "arrested in March"


def test_the_nth_occurrence_can_be_asked_for():
    first = quotes.locate(TEXT, "shot in May")
    second = quotes.locate(TEXT, "shot in May", occurrence=2)
    assert second.start > first.start
    assert quotes.locate(TEXT, "shot in May", occurrence=3) is None


def test_the_closest_passage_shows_what_was_meant():
    near, alike = quotes.closest(TEXT, "He was arested in March")
    assert "arrested in March" in near
    assert 0.8 < alike < 1.0
