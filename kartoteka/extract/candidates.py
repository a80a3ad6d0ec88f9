"""Proposals stored as candidates: claims and persons that wait for a person.

An event becomes a candidate claim whose passage is its span and whose
origin names the rule; a person the store does not know becomes a candidate
person named as the source names them. Storing the same source's proposals
again changes nothing, and a reviewed candidate keeps its review.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kartoteka.extract.annotation import Annotation
from kartoteka.model import Claim, Entity, Literal, Name, Passage, Source
from kartoteka.model.vocabulary import EntityKind, NameKind, Status
from kartoteka.storage import Store

CANDIDATE = "extract"  # the origin of a candidate person, in its attributes


@dataclass
class CandidateReport:
    source: str
    changes: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [f"{k} {n}" for k, n in sorted(self.changes.items())]
        return f"candidates from {self.source}: " + (", ".join(parts) or "none")


def store_candidates(
    store: Store, source: Source, found: list[Annotation], actor: str
) -> CandidateReport:
    """Write the proposals for one stored source, in one transaction."""
    report = CandidateReport(source.id)
    persons = {a.normalized or a.text: a for a in found if a.kind == "person"}
    new = {
        name: _candidate_person(source, name)
        for name, a in persons.items()
        if not (a.subject and a.subject.get("id"))
    }
    dates = [a for a in found if a.kind == "date"]
    with store.writing(actor, reason=f"extract from {source.id}") as tx:
        for entity in new.values():
            report.changes[f"person {tx.put_entity(entity)}"] += 1
        for event in (a for a in found if a.kind == "event"):
            subject = (event.subject or {}).get("id") or new[event.subject["name"]].id  # type: ignore[index]
            claim = _candidate_claim(source, event, subject, dates)
            report.changes[f"claim {tx.put_claim(claim)}"] += 1
    return report


def _candidate_person(source: Source, name: str) -> Entity:
    return Entity(
        id=Entity.make_id(EntityKind.PERSON, CANDIDATE, source.id, name),
        kind=EntityKind.PERSON,
        name=name,
        names=(Name(name, NameKind.VARIANT, source=source.id),),
        attributes={"origin": f"{CANDIDATE}:{source.id}"},
    )


def _candidate_claim(
    source: Source, event: Annotation, subject: str, dates: list[Annotation]
) -> Claim:
    passage = Passage(source.id, event.start, event.end, event.text)
    words = next(
        (
            d.text
            for d in dates
            if event.start <= d.start and d.end <= event.end
            and d.normalized == event.date
        ),
        None,
    )  # fmt: skip
    origin = f"{CANDIDATE}:{event.rule}"
    return Claim(
        id=Claim.make_id(subject, event.predicate, passage, event.date, origin),  # type: ignore[arg-type]
        subject=subject,
        predicate=event.predicate,  # type: ignore[arg-type]
        passage=passage,
        date=Literal("date", event.date, as_written=words) if event.date else None,
        status=Status.CANDIDATE,
        origin=origin,
        note=f"proposed with confidence {event.confidence}",
    )
