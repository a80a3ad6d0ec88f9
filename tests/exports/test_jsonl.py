"""The export contract of DESIGN.md, checked field by field."""

from __future__ import annotations

import io
import json

from kartoteka.exports.jsonl import EXPORTS, write_jsonl
from kartoteka.model import dates


def _export(store, what: str) -> list[dict]:
    out = io.StringIO()
    count = write_jsonl(EXPORTS[what](store), out)
    lines = out.getvalue().splitlines()
    assert count == len(lines)
    return [json.loads(line) for line in lines]


def test_persons_follow_the_contract(petrov_store):
    persons = {p["name"]: p for p in _export(petrov_store, "persons")}
    assert set(persons) == {"Петров Иван Сергеевич", "Петрова Анна Ивановна"}
    petrov = persons["Петров Иван Сергеевич"]
    assert {"id", "name", "names", "sex", "events", "conflicts", "attributes"} <= set(
        petrov
    )
    assert petrov["sex"] == "M"
    assert {"name": "Ivan Petrov", "script": "Latn", "kind": "variant"}.items() <= (
        next(n for n in petrov["names"] if n["name"] == "Ivan Petrov").items()
    )
    for event in petrov["events"]:
        assert {"type", "date", "place", "agency", "claims"} <= set(event)
        assert event["date"] is None or dates.is_valid(event["date"])
        for claim in event["claims"]:
            assert {"id", "source", "quote", "stance", "status"} <= set(claim)


def test_an_event_carries_its_agency(petrov_store):
    petrov = next(p for p in _export(petrov_store, "persons") if p["sex"] == "M")
    arrest = next(e for e in petrov["events"] if e["type"] == "arrested")
    assert (arrest["date"], arrest["agency"]) == ("1938-03-03", "NKVD")


def test_conflicts_list_type_values_and_claims(petrov_store):
    petrov = next(p for p in _export(petrov_store, "persons") if p["sex"] == "M")
    dated = next(c for c in petrov["conflicts"] if c["kind"] == "date")
    assert (dated["type"], dated["values"]) == ("rehabilitated", ["1957", "1989"])
    claim_ids = {c["id"] for e in petrov["events"] for c in e["claims"]}
    assert set(dated["claims"]) <= claim_ids


def test_every_exported_claim_quote_is_in_its_exported_source(petrov_store):
    texts = {s["id"]: s["text"] for s in _export(petrov_store, "sources")}
    claims = _export(petrov_store, "claims")
    assert len(claims) == 7
    for claim in claims:
        assert texts[claim["source"]][claim["start"] : claim["end"]] == claim["quote"]


def test_sources_carry_their_hash_and_derivation(petrov_store):
    memoir = next(
        s for s in _export(petrov_store, "sources") if s["id"] == "petrov-memoir"
    )
    assert memoir["derived_from"] == ["petrov-report"]
    assert len(memoir["sha256"]) == 64 and memoir["kind"] == "memoir"
