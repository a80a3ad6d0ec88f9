"""W3C PROV-JSON of sources, claims and the revisions that made them.

A source is a ``prov:Entity``; a claim is an entity derived from its source
by quotation (``prov:Quotation``), carrying its words and offsets. Every
revision is an activity associated with its actor (an agent); it generates a
version of its target (``specializationOf`` the target) that is a revision of
the version before. The chain's hashes travel as attributes, so a reader can
check them against ``kartoteka verify``.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from prov.model import PROV, ProvDocument

from kartoteka.model import Claim, Source
from kartoteka.storage import Store
from kartoteka.storage.revisions import Revision

NAMESPACE = ("kt", "urn:kartoteka:")


def _id(*parts: str) -> str:
    return "kt:" + "/".join(quote(p, safe="") for p in parts)


def _add_source(doc: ProvDocument, source: Source) -> None:
    attributes = {
        "prov:type": "kt:Source",
        "prov:label": source.title,
        "kt:kind": str(source.kind),
        "kt:sha256": source.sha256,
        "kt:reliability": source.reliability,
        "kt:authenticity": str(source.authenticity),
    }
    if source.published:
        attributes["kt:published"] = source.published
    if source.url:
        attributes["prov:location"] = source.url
    doc.entity(_id("source", source.id), attributes)
    for author in source.authors:
        doc.wasAttributedTo(_id("source", source.id), _id("author", author))
    for origin in source.derived_from:
        doc.wasDerivedFrom(_id("source", source.id), _id("source", origin))


def _add_claim(doc: ProvDocument, claim: Claim) -> None:
    attributes = {
        "prov:type": "kt:Claim",
        "prov:value": claim.passage.text,
        "kt:start": claim.passage.start,
        "kt:end": claim.passage.end,
        "kt:subject": claim.subject,
        "kt:predicate": claim.predicate,
        "kt:stance": str(claim.stance),
        "kt:certainty": str(claim.certainty),
        "kt:status": str(claim.status),
    }
    if claim.object:
        attributes["kt:object"] = claim.object
    if claim.date:
        attributes["kt:date"] = str(claim.date.value)
    doc.entity(_id("claim", claim.id), attributes)
    doc.wasDerivedFrom(
        _id("claim", claim.id),
        _id("source", claim.source),
        other_attributes={"prov:type": PROV["Quotation"]},
    )


def _add_revisions(doc: ProvDocument, revisions: list[Revision]) -> None:
    latest: dict[str, str] = {}
    agents: set[str] = set()
    for rev in revisions:
        target = _id(rev.target_kind, rev.target_id)
        activity = _id("revision", str(rev.seq))
        at = datetime.fromisoformat(rev.at)
        attributes = {
            "prov:type": "kt:Revision",
            "kt:action": rev.action,
            "kt:hash": rev.hash,
            "kt:prev_hash": rev.prev_hash,
        }
        if rev.reason:
            attributes["kt:reason"] = rev.reason
        doc.activity(activity, at, at, attributes)
        agent = _id("agent", rev.actor)
        if agent not in agents:
            doc.agent(agent, {"prov:label": rev.actor})
            agents.add(agent)
        doc.wasAssociatedWith(activity, agent)
        version = _id(rev.target_kind, rev.target_id, str(rev.seq))
        doc.entity(version, {"kt:action": rev.action})
        doc.specializationOf(version, target)
        doc.wasGeneratedBy(version, activity, at)
        if previous := latest.get(target):
            doc.used(activity, previous)
            doc.wasRevisionOf(version, previous)
        latest[target] = version


def prov_document(store: Store, source_id: str | None = None) -> ProvDocument:
    """The provenance of the whole store, or of one source and its claims."""
    doc = ProvDocument()
    doc.add_namespace(*NAMESPACE)
    sources = [store.source(source_id)] if source_id else store.sources()
    claims = store.claims(source_id=source_id) if source_id else store.claims()
    for source in sources:
        _add_source(doc, source)
    for claim in claims:
        _add_claim(doc, claim)
    if source_id:
        revisions = store.revisions_of([source_id, *(c.id for c in claims)])
    else:
        revisions = [
            r for r in store.revisions() if r.target_kind in ("source", "claim")
        ]
    _add_revisions(doc, revisions)
    return doc


def prov_json(store: Store, source_id: str | None = None) -> str:
    return prov_document(store, source_id).serialize(format="json", indent=1)
