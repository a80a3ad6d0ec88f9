"""FollowTheMoney entities that Aleph can load (``ftm`` JSON, one a line).

Sources become documents with their verbatim text; persons, organizations and
places keep their names in every script; each accepted life-cycle claim is an
``Event`` and each accepted relation a link (``Family``, ``Membership``,
``Associate`` or ``UnknownLink``), its quote as summary and its source as
proof. Candidates and rejected claims stay out: Aleph gets what people accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import orjson
from followthemoney import model
from followthemoney.proxy import EntityProxy

from kartoteka.analysis.case_batches import CaseReader
from kartoteka.analysis.cases import build_case
from kartoteka.exports import jsonl
from kartoteka.exports.jsonl import json_line
from kartoteka.exports.parallel_pages import (
    PARALLEL_FROM,
    Piece,
    piece_text,
    rendered_claims,
    rendered_pages,
)
from kartoteka.model import Claim, Entity, Source
from kartoteka.model.vocabulary import PREDICATES, EntityKind, Group, Status
from kartoteka.storage import Store

SCHEMA_OF_KIND = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANIZATION: "Organization",
    EntityKind.PLACE: "Address",
    EntityKind.ARTIFACT: "Document",
    EntityKind.EVENT: "Event",
}
# Relation predicates with a schema of their own: (schema, subject, object, role).
RELATIONS: dict[str, tuple[str, str, str, str | None]] = {
    "family_of": ("Family", "person", "relative", "relationship"),
    "member_of": ("Membership", "member", "organization", None),
    "held_position": ("Membership", "member", "organization", "role"),
    "associate_of": ("Associate", "person", "associate", "relationship"),
}
# The qualifier that names a relation's role, by predicate.
ROLE_QUALIFIER = {"family_of": "relation", "held_position": "position"}
_PLAIN_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_NOT_IN_ID = re.compile(r"[^0-9A-Za-z.-]+")
_GENDER = {"M": "male", "F": "female"}


def ftm_id(kartoteka_id: str) -> str:
    """kartoteka's id as FtM allows ids (letters, digits, "." and "-"):
    per_100c… becomes per-100c…; a source id keeps its letters and digits."""
    return _NOT_IN_ID.sub("-", kartoteka_id).strip("-.") or "x"


def ftm_date(edtf: str | None) -> str | None:
    """An EDTF date FtM can hold as it is (a year, month or day), else None."""
    return edtf if edtf and _PLAIN_DATE.fullmatch(edtf) else None


def source_proxy(source: Source) -> EntityProxy:
    proxy = model.make_entity("PlainText")
    proxy.id = ftm_id(source.id)
    proxy.add("title", source.title)
    proxy.add("bodyText", source.text)
    proxy.add("author", list(source.authors))
    proxy.add("publishedAt", ftm_date(source.published))
    proxy.add("language", source.language)
    proxy.add("sourceUrl", source.url)
    proxy.add("summary", source.citation)
    proxy.add("notes", f"sha256 {source.sha256}; reliability {source.reliability}")
    return proxy


def entity_proxy(entity: Entity) -> EntityProxy:
    """An organization, place, artifact or event with its names."""
    schema = SCHEMA_OF_KIND[entity.kind]
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(entity.id)
    proxy.add("title" if schema == "Document" else "name", entity.name)
    if schema == "Document":
        proxy.add("fileName", entity.name)
    proxy.add("alias", [n.name for n in entity.names if n.name != entity.name])
    return proxy


def person_proxy(record: dict[str, Any]) -> EntityProxy:
    """A person of the export contract (exports/jsonl.py)."""
    proxy = model.make_entity("Person")
    proxy.id = ftm_id(record["id"])
    proxy.add("name", record["name"])
    proxy.add(
        "alias", [n["name"] for n in record["names"] if n["name"] != record["name"]]
    )
    proxy.add("gender", _GENDER.get(record["sex"] or ""))
    for event in record["events"]:
        accepted = [c for c in event["claims"] if c["status"] == str(Status.ACCEPTED)]
        if not accepted:
            continue
        if event["type"] == "born":
            proxy.add("birthDate", ftm_date(event["date"]))
            proxy.add("birthPlace", event["place"])
        elif event["type"] in ("executed", "died", "assassinated"):
            proxy.add("deathDate", ftm_date(event["date"]))
        proxy.add("proof", [ftm_id(c["source"]) for c in accepted])
    for conflict in record["conflicts"]:
        if conflict["open"]:
            proxy.add("notes", f"disputed: {conflict['explanation']}")
    return proxy


def claim_proxy(claim: Claim, subject_label: str) -> EntityProxy | None:
    """An accepted claim as an FtM event or link; None for other claims."""
    if claim.status is not Status.ACCEPTED:
        return None
    predicate = PREDICATES.get(claim.predicate)
    if predicate is None:
        return None
    if predicate.group is Group.LIFECYCLE:
        proxy = model.make_entity("Event")
        proxy.add("name", f"{claim.predicate}: {subject_label}")
        proxy.add("involved", ftm_id(claim.subject))
        proxy.add("location", claim.qualifiers.get("place"))
        if claim.object:
            proxy.add("involved", ftm_id(claim.object))
    elif claim.object and claim.predicate in RELATIONS:
        schema, subject, obj, role = RELATIONS[claim.predicate]
        proxy = model.make_entity(schema)
        proxy.add(subject, ftm_id(claim.subject))
        proxy.add(obj, ftm_id(claim.object))
        if role and claim.predicate in ROLE_QUALIFIER:
            proxy.add(role, claim.qualifiers.get(ROLE_QUALIFIER[claim.predicate]))
    elif claim.object:
        proxy = model.make_entity("UnknownLink")
        proxy.add("subject", ftm_id(claim.subject))
        proxy.add("object", ftm_id(claim.object))
        proxy.add("role", claim.predicate)
    else:
        proxy = model.make_entity("Note")
        proxy.add("entity", ftm_id(claim.subject))
        proxy.add("name", f"{claim.predicate}: {subject_label}")
    proxy.id = ftm_id(claim.id)
    # A Note has no date or record id; quiet leaves them out there.
    proxy.add("date", ftm_date(claim.date.value if claim.date else None), quiet=True)
    proxy.add("summary", claim.passage.text)
    proxy.add("description", f"{claim.stance}, {claim.certainty}; {claim.predicate}")
    proxy.add("proof", ftm_id(claim.source))
    proxy.add("recordId", claim.id, quiet=True)
    return proxy


def _claim_proxies(
    store: Store, claims: list[Claim], canonical: dict[str, str]
) -> Iterator[EntityProxy]:
    """Claims as proxies, merged records replaced by their canonical person;
    the subjects' names read at once."""
    kept = [_canonical(c, canonical) for c in claims]
    labels = store.preferred_names([c.subject for c in kept])
    for claim in kept:
        proxy = claim_proxy(claim, labels[claim.subject])
        if proxy is not None:
            yield proxy


def person_line(record: dict[str, Any]) -> str:
    """A person's export record as an FtM entity, one JSON line."""
    return json_line(person_proxy(record).to_dict())


def claim_lines(reader: CaseReader, page: list[Claim]) -> str:
    """A page of claims as FtM entities, a JSON line each."""
    proxies = _claim_proxies(reader.store, page, reader.links)
    return "".join(json_line(p.to_dict()) for p in proxies)


def ftm_lines(
    store: Store,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    spooled: bool = False,
) -> Iterator[Piece]:
    """Every source, entity and accepted claim of the store as FtM entities,
    JSON lines in pieces, with how many entities each piece holds. Persons
    and claims are put into words by ``workers`` processes when there are
    many (``kartoteka.exports.parallel_pages``; ``spooled``: their pages
    come as files, for ``write_pieces``).

    A merged person is exported once under its canonical id, and claims about
    its merged records point there. Every kind of entity has a schema, so
    every claim's entities are in the export."""
    for meta, _ in store.source_metas():  # one text in memory at a time
        yield json_line(source_proxy(store.source(meta.id)).to_dict()), 1
    yield from rendered_pages(
        store, person_line, workers, parallel_from, spooled=spooled
    )
    for kind in SCHEMA_OF_KIND:
        if kind is EntityKind.PERSON:
            continue
        for entity in store.entities(kind=kind).values():
            yield json_line(entity_proxy(entity).to_dict()), 1
    yield from rendered_claims(
        store, claim_lines, workers, parallel_from, spooled=spooled
    )


def ftm_entities(store: Store) -> Iterator[dict[str, Any]]:
    """``ftm_lines`` as FtM entity dicts, in this process."""
    for text, _ in ftm_lines(store, workers=1):
        for line in piece_text(text).splitlines():
            yield orjson.loads(line)


def _proxy(store: Store, entity: Entity) -> EntityProxy:
    if entity.kind is EntityKind.PERSON:
        return person_proxy(jsonl.person_record(build_case(store, entity.id)))
    return entity_proxy(entity)


def case_ftm(store: Store, entity_id: str) -> list[dict[str, Any]]:
    """One case as FtM entities: the person (or other entity), the entities
    its claims name, their sources, and its accepted claims."""
    case = build_case(store, entity_id)
    head = case.person
    found: dict[str, EntityProxy] = {
        head.id: person_proxy(jsonl.person_record(case))
        if head.kind is EntityKind.PERSON
        else entity_proxy(head)
    }
    canonical = store.links()
    members = {m.id for m in case.members or [case.person]}
    about = {
        c.id: _canonical(c, canonical)
        for member in sorted(members)
        for c in store.claims_involving(member)
        if c.subject in members or c.object in members
    }
    claims = list(about.values())
    for claim in claims:
        for ref in (claim.subject, claim.object):
            if ref and ref not in found:
                found[ref] = _proxy(store, store.entity(ref))
        if claim.source not in found:
            found[claim.source] = source_proxy(store.source(claim.source))
    links = list(_claim_proxies(store, claims, {}))
    return [p.to_dict() for p in (*found.values(), *links)]


def _canonical(claim: Claim, canonical: dict[str, str]) -> Claim:
    """The claim with merged records replaced by their canonical person."""
    subject = canonical.get(claim.subject, claim.subject)
    obj = canonical.get(claim.object, claim.object) if claim.object else None
    if (subject, obj) == (claim.subject, claim.object):
        return claim
    return replace(claim, subject=subject, object=obj)
