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


def test_an_organization_has_a_file_with_the_claims_that_name_it(petrov_store):
    case = build_case(petrov_store, "NKVD")
    assert str(case.person.kind) == "organization" and case.events == []
    assert [c.predicate for c in case.mentions] == ["arrested"]  # agency: nkvd


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


def test_a_year_beside_a_day_within_it_is_one_event_with_both_claims():
    from kartoteka.analysis.cases import same_event

    moved = same_event(["1937", "1937-06", "1937-06-12"])
    assert {d: into for d, (into, _) in moved.items()} == {
        "1937": "1937-06-12",
        "1937-06": "1937-06-12",
    }


def test_a_year_holding_two_different_days_belongs_to_neither():
    from kartoteka.analysis.cases import same_event

    assert same_event(["1937", "1937-06-12", "1937-07-01"]) == {}


def test_a_year_only_rehabilitation_joins_the_dated_one_in_the_timeline(
    petrov_store, petrov_dir
):
    from kartoteka.ingest.casefile import import_casefile

    path = petrov_dir / "petrov.yaml"
    path.write_text(
        path.read_text("utf-8").replace('date: "1989"', 'date: "1957"'), "utf-8"
    )
    import_casefile(petrov_store, path, actor="test")
    case = build_case(petrov_store, "petrov")
    rehabilitated = [e for e in case.events if e.predicate == "rehabilitated"]
    assert [(e.date, len(e.claims), e.conflicted) for e in rehabilitated] == [
        ("1957", 2, False)
    ]
