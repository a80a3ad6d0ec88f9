"""FollowTheMoney entities: valid to the FtM model, no dangling references,
accepted claims only, each with its quote and its source as proof."""

from __future__ import annotations

from followthemoney import model

from kartoteka.analysis.lookup import find_person
from kartoteka.exports.ftm import case_ftm, ftm_date, ftm_entities, ftm_id
from kartoteka.extract.review import decide
from kartoteka.model.vocabulary import Status


def _proxies(entities: list[dict]) -> dict:
    return {e["id"]: model.get_proxy(e) for e in entities}


def _references_resolve(proxies: dict) -> None:
    for proxy in proxies.values():
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in proxies, (proxy.schema.name, prop.name, value)


def test_the_demo_archive_loads_back_without_dangling_references(demo_store):
    proxies = _proxies(list(ftm_entities(demo_store)))
    _references_resolve(proxies)
    tukhachevsky = find_person(demo_store, "Tukhachevsky")
    person = proxies[ftm_id(tukhachevsky.id)]
    assert person.schema.name == "Person"
    assert "Mikhail Tukhachevsky" in person.get("alias")
    assert person.get("deathDate") == ["1937-06-12"]
    execution = next(
        p
        for p in proxies.values()
        if p.schema.name == "Event"
        and person.id in p.get("involved")
        and p.get("date") == ["1937-06-12"]
    )
    assert execution.get("proof") == ["roberts-1964"]
    (quote,) = execution.get("summary")
    source = proxies["roberts-1964"]
    assert quote in source.first("bodyText")


def test_a_rejected_claim_is_left_out(demo_store):
    claim = next(c for c in demo_store.claims() if c.predicate == "executed")
    assert ftm_id(claim.id) in _proxies(list(ftm_entities(demo_store)))
    decide(demo_store, claim.id, Status.REJECTED, "test")
    assert ftm_id(claim.id) not in _proxies(list(ftm_entities(demo_store)))


def test_a_case_holds_its_person_claims_sources_and_the_entities_they_name(
    demo_store,
):
    person = find_person(demo_store, "Tukhachevsky")
    proxies = _proxies(case_ftm(demo_store, person.id))
    _references_resolve(proxies)
    schemata = {p.schema.name for p in proxies.values()}
    assert {"Person", "Event", "PlainText"} <= schemata
    for proxy in proxies.values():
        if proxy.schema.name == "Event":
            assert ftm_id(person.id) in proxy.get("involved")


def test_ids_become_what_ftm_allows_and_stay_distinct():
    assert ftm_id("per_100c481adfb38768") == "per-100c481adfb38768"
    assert ftm_id("roberts-1964") == "roberts-1964"
    assert ftm_id("clm_1") != ftm_id("per_1")


def test_only_dates_ftm_can_hold_are_given_to_it():
    assert ftm_date("1937-06-12") == "1937-06-12"
    assert ftm_date("1961-10") == "1961-10"
    assert ftm_date("1956?") is None
    assert ftm_date("1937-06-12/1937-06-20") is None
    assert ftm_date(None) is None
