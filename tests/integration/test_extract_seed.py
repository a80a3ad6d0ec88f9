"""Extraction from the seed article, resolved against the demo's store."""

from __future__ import annotations

import pytest

from kartoteka import settings
from kartoteka.analysis.lookup import find_person
from kartoteka.extract import extract_text

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def seed_text() -> str:
    path = settings.shared_path("seeds/roberts-1964-purge-and-rehabilitation.txt")
    return path.read_text(encoding="utf-8")


def test_the_seeds_persons_resolve_to_the_demos_persons(demo_store, seed_text):
    found = extract_text(seed_text, "en", demo_store)
    assert all(seed_text[a.start : a.end] == a.text for a in found)
    resolved = {a.subject["id"] for a in found if a.kind == "person"} - {None}
    for name in ("Tukhachevsky", "Khrushchev", "Trotsky", "Skoblin", "Yakir"):
        assert find_person(demo_store, name).id in resolved, name


def test_the_seeds_execution_and_rehabilitation_are_proposed(demo_store, seed_text):
    tukhachevsky = find_person(demo_store, "Tukhachevsky").id
    events = {
        (a.predicate, a.date)
        for a in extract_text(seed_text, "en", demo_store)
        if a.kind == "event" and a.subject["id"] == tukhachevsky
    }
    assert {("executed", "1937-06-12"), ("rehabilitated", "1961-10")} <= events


def test_the_seeds_estimates_count_in_the_red_army(demo_store, seed_text):
    army = demo_store.find_entities("Red Army")[0].id
    numbers = {
        a.text: a for a in extract_text(seed_text, "en", demo_store)
        if a.kind == "estimate"
    }  # fmt: skip
    many = numbers["Perhaps as many as 35,000 officers"]
    assert (many.details["value"], many.details["certainty"]) == (35000, "possible")
    assert many.subject["id"] == army
    share = numbers["60-70 percent of the officers"]
    assert (share.details["low"], share.details["high"]) == (60, 70)
    assert len(numbers) == 6


def test_the_seeds_quotations_have_their_speakers(demo_store, seed_text):
    found = extract_text(seed_text, "en", demo_store)
    speakers = {a.subject["id"] for a in found if a.kind == "quote" and a.subject}
    for name in ("Trotsky", "Krivitsky"):
        assert find_person(demo_store, name).id in speakers, name
    khrushchev = find_person(demo_store, "Khrushchev").id
    voiced = [
        a for a in found
        if a.kind == "event" and (a.details or {}).get("asserted_by", {}).get("id")
        == khrushchev
    ]  # fmt: skip
    assert {"purged", "arrested", "executed"} <= {a.predicate for a in voiced}
