"""PROV-JSON: read back by the prov library; claims quote their sources;
each revision an activity by its actor, each edit a revision of the last."""

from __future__ import annotations

import json

from prov.model import PROV, ProvDocument

from kartoteka.exports.provenance import prov_json
from kartoteka.extract.review import correct


def _read(text: str) -> tuple[ProvDocument, dict]:
    return ProvDocument.deserialize(content=text, format="json"), json.loads(text)


def _id(kind: str, ident: str) -> str:
    return f"kt:{kind}/{ident}"


def test_every_claim_is_a_quotation_of_its_source(petrov_store):
    doc, raw = _read(prov_json(petrov_store))
    claims = petrov_store.claims()
    assert len(claims) == 7
    entities = raw["entity"]
    derivations = {
        (d["prov:generatedEntity"], d["prov:usedEntity"]): d.get("prov:type", {})
        for d in raw["wasDerivedFrom"].values()
    }
    for claim in claims:
        entity = entities[_id("claim", claim.id)]
        assert entity["prov:value"] == claim.passage.text
        kind = derivations[(_id("claim", claim.id), _id("source", claim.source))]
        assert kind["$"] == "prov:Quotation"
    assert len(doc.get_records()) > len(claims)


def test_a_correction_is_a_revision_of_the_version_before_by_its_reviewer(
    petrov_store,
):
    claim = next(c for c in petrov_store.claims() if c.predicate == "arrested")
    correct(petrov_store, claim.id, "historian", date="1938-03-04")
    source = claim.source
    _, raw = _read(prov_json(petrov_store, source))
    versions = sorted(
        key for key in raw["entity"] if key.startswith(_id("claim", claim.id) + "/")
    )
    assert len(versions) >= 2
    revised = {
        (r["prov:generatedEntity"], r["prov:usedEntity"])
        for r in raw["wasDerivedFrom"].values()
        if r.get("prov:type", {}).get("$") == "prov:Revision"
    }
    newest = max(versions, key=lambda v: int(v.rsplit("/", 1)[1]))
    assert any(generated == newest for generated, _ in revised)
    actors = {
        raw["agent"][a["prov:agent"]]["prov:label"]
        for a in raw["wasAssociatedWith"].values()
    }
    assert "historian" in actors
    hashes = [
        a["kt:hash"] for a in raw["activity"].values() if a["kt:action"] == "edit"
    ]
    assert hashes and all(len(h) == 64 for h in hashes)


def test_one_source_holds_only_its_own_claims(petrov_store):
    source = petrov_store.claims()[0].source
    _, raw = _read(prov_json(petrov_store, source))
    claim_ids = {
        key for key, e in raw["entity"].items() if e.get("prov:type") == "kt:Claim"
    }
    assert claim_ids == {
        _id("claim", c.id) for c in petrov_store.claims(source_id=source)
    }
    assert PROV["Quotation"].uri.startswith("http://www.w3.org/ns/prov#")
