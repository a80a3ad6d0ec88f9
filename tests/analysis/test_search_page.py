"""Search pages: paging past any first batch, facets that count and narrow,
on each backend."""

from __future__ import annotations

import pytest

from kartoteka.analysis import search_page as pages
from kartoteka.analysis.search_page import search_page
from kartoteka.model import Claim, Entity, Literal, Name, Passage, Source
from kartoteka.model.vocabulary import EntityKind, SourceKind, Status
from kartoteka.storage.search import Filters

# Sixty namesakes: executed in 1937 or 1938, at Бутово or Коммунарка.
PEOPLE = [
    (
        f"Сидоров Пётр {i}",
        "1937" if i % 3 else "1938",
        "Бутово" if i % 2 else "Коммунарка",
    )
    for i in range(60)
]


@pytest.fixture
def namesakes(fresh_store):
    text = "\n".join(f"{n}, расстрелян {y} в {p}" for n, y, p in PEOPLE) + "\n"
    source = Source(id="list", kind=SourceKind.REGISTRY, title="Список", text=text)
    at = 0
    with fresh_store.writing("test") as tx:
        tx.put_source(source)
        for i, (name, year, place) in enumerate(PEOPLE):
            line = f"{name}, расстрелян {year} в {place}"
            person = Entity(f"per_{i:04d}", EntityKind.PERSON, name)
            tx.put_entity(person)
            tx.put_name(person.id, Name(name))
            tx.put_claim(
                Claim(
                    id=f"clm_{i:04d}",
                    subject=person.id,
                    predicate="executed",
                    passage=Passage("list", at, at + len(line), line),
                    date=Literal("date", f"{year}-10-0{1 + i % 9}"),
                    qualifiers={"place": place},
                    status=Status.ACCEPTED,
                )
            )
            at += len(line) + 1
    return fresh_store


def test_pages_go_past_the_first_batch_without_repeating(namesakes, monkeypatch):
    monkeypatch.setattr(pages, "FACETED", 20)  # facets of the first 20 only
    first = search_page(namesakes, "Сидоров", Filters(kind="person"))
    assert (first.total, first.pages, first.more) == (60, 3, True)
    persons = Filters(kind="person")
    seen = [r.ref for p in (1, 2, 3)
            for r in search_page(namesakes, "Сидоров", persons, p).results]  # fmt: skip
    assert len(seen) == len(set(seen)) == 60


def test_facets_count_each_value_and_a_value_narrows(namesakes):
    found = search_page(namesakes, "Сидоров")
    years = {value: n for value, _, n in found.facets["year"]}
    assert years == {"1937": 40, "1938": 20}
    assert {v: n for v, _, n in found.facets["place"]} == {
        "Бутово": 30,
        "Коммунарка": 30,
    }
    assert found.facets["event"] == [("executed", "executed", 60)]
    narrowed = search_page(namesakes, "Сидоров", Filters(year="1938", place="Бутово"))
    expected = {f"per_{i:04d}" for i, (_, y, p) in enumerate(PEOPLE)
                if y == "1938" and p == "Бутово"}  # fmt: skip
    assert narrowed.total == len(expected) == 10
    assert {r.ref for r in narrowed.results} == expected


def test_filters_apply_to_one_claim_and_a_wrong_value_finds_nothing(namesakes):
    assert search_page(namesakes, "Сидоров", Filters(event="arrested")).total == 0
    assert search_page(namesakes, "Сидоров", Filters(source="nowhere")).total == 0
    assert search_page(namesakes, "Сидоров", Filters(kind="source")).total == 1


def test_the_count_stops_at_its_limit(namesakes):
    assert (
        namesakes.search_count("Сидоров", filters=Filters(kind="person"), most=25) == 25
    )
