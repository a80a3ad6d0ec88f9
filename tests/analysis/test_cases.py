from __future__ import annotations

import pytest

from kartoteka.analysis.cases import build_case
from kartoteka.errors import NotFound


def test_the_timeline_runs_in_date_order(petrov_store):
    case = build_case(petrov_store, "Ivan Petrov")
    dated = [(e.predicate, e.date) for e in case.events if e.date]
    assert dated == [
        ("arrested", "1938-03-03"),
        ("executed", "1938-05-20"),
        ("died", "1943"),
        ("rehabilitated", "1957"),
        ("rehabilitated", "1989"),
    ]


def test_an_undated_claim_joins_the_only_dated_event_of_its_kind(petrov_store):
    case = build_case(petrov_store, "petrov")
    imprisoned = [e for e in case.events if e.predicate == "imprisoned"]
    assert len(imprisoned) == 1 and len(imprisoned[0].claims) == 2
    assert imprisoned[0].date is None


def test_disputed_events_are_marked(petrov_store):
    case = build_case(petrov_store, "petrov")
    marked = {(e.predicate, e.date) for e in case.events if e.conflicted}
    assert marked == {
        ("rehabilitated", "1957"),
        ("rehabilitated", "1989"),
        ("imprisoned", None),
    }


def test_claims_the_person_makes_about_others_are_listed_as_mentions(petrov_store):
    case = build_case(petrov_store, "Anna Petrova")
    assert case.events == []
    assert {c.predicate for c in case.mentions} == {"rehabilitated", "imprisoned"}


def test_labels_prefer_a_latin_spelling_from_a_source(petrov_store):
    case = build_case(petrov_store, "petrov")
    assert case.label(case.person.id) == "Ivan Petrov"


def test_an_unknown_person_is_not_found_with_a_hint(petrov_store):
    with pytest.raises(NotFound, match="kartoteka search"):
        build_case(petrov_store, "Sidorov")


def test_an_organization_is_not_a_case(petrov_store):
    with pytest.raises(NotFound, match="no person named 'NKVD'"):
        build_case(petrov_store, "NKVD")


def test_a_word_of_one_persons_name_finds_their_case(petrov_store):
    person = build_case(petrov_store, "Anna").person
    assert "Anna Petrova" in {person.name, *(n.name for n in person.names)}


def test_a_word_of_several_persons_names_lists_them(petrov_store):
    from kartoteka.model import Entity
    from kartoteka.model.vocabulary import EntityKind

    with petrov_store.writing("test", "a namesake") as tx:
        tx.put_entity(
            Entity(
                id=Entity.make_id(EntityKind.PERSON, "t", "anna-2"),
                kind=EntityKind.PERSON,
                name="Anna Sidorova",
            )
        )
    with pytest.raises(NotFound, match=r"'Anna' names 2 persons: .*give the id"):
        build_case(petrov_store, "Anna")
