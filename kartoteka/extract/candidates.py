"""Proposals stored as candidates: claims and persons that wait for a person.

An event becomes a candidate claim whose passage is its span and whose
origin names the rule; an estimate becomes an `estimate` claim of the
organization or place it counts in, with its quantity, unit and what was
counted; an attributed quotation becomes a `stated` claim of its speaker.
Words inside a quotation are the speaker's (asserted_by). A person the store
does not know becomes a candidate person named as the source names them.
Storing the same source's proposals again changes nothing, and a reviewed
candidate keeps its review.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from kartoteka.extract.annotation import Annotation
from kartoteka.model import Claim, Entity, Literal, Name, Passage, Source
from kartoteka.model.vocabulary import Certainty, EntityKind, NameKind, Status
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

    def who(named: dict[str, str | None] | None) -> str | None:
        if not named:
            return None
        return named.get("id") or (
            new[named["name"]].id if named["name"] in new else None
        )  # type: ignore[index]

    dates = [a for a in found if a.kind == "date"]
    claims = [
        _candidate_claim(source, event, who(event.subject), dates)  # type: ignore[arg-type]
        for event in found
        if event.kind == "event" and who(event.subject)
    ]
    claims += [
        _estimate(source, number, number.subject["id"])  # type: ignore[index]
        for number in found
        if number.kind == "estimate" and number.subject and number.subject.get("id")
    ]
    claims += [
        _stated(source, quote, who(quote.subject))  # type: ignore[arg-type]
        for quote in found
        if quote.kind == "quote" and who(quote.subject)
    ]
    with store.writing(actor, reason=f"extract from {source.id}") as tx:
        for entity in new.values():
            report.changes[f"person {tx.put_entity(entity)}"] += 1
        for claim, voice in claims:
            claim = replace(claim, asserted_by=who(voice))
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


def _voice(found: Annotation) -> dict[str, str | None] | None:
    return (found.details or {}).get("asserted_by")


def _candidate_claim(
    source: Source, event: Annotation, subject: str, dates: list[Annotation]
) -> tuple[Claim, dict[str, str | None] | None]:
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
    claim = Claim(
        id=Claim.make_id(subject, event.predicate, passage, event.date, origin),  # type: ignore[arg-type]
        subject=subject,
        predicate=event.predicate,  # type: ignore[arg-type]
        passage=passage,
        date=Literal("date", event.date, as_written=words) if event.date else None,
        status=Status.CANDIDATE,
        origin=origin,
        note=f"proposed with confidence {event.confidence}",
    )
    return claim, _voice(event)


def _estimate(
    source: Source, number: Annotation, subject: str
) -> tuple[Claim, dict[str, str | None] | None]:
    """An `estimate` of the organization or place the number counts in."""
    details = number.details or {}
    passage = Passage(source.id, number.start, number.end, number.text)
    value = Literal(
        "quantity",
        details.get("value"),
        low=details.get("low"),
        high=details.get("high"),
        unit=details.get("unit"),
        as_written=number.text,
    )
    qualifiers = {
        k: details[k] for k in ("counted", "modality") if details.get(k) is not None
    }
    origin = f"{CANDIDATE}:{number.rule}"
    why = (number.subject or {}).get("why", "")
    claim = Claim(
        id=Claim.make_id(subject, "estimate", passage, origin),
        subject=subject,
        predicate="estimate",
        passage=passage,
        value=value,
        qualifiers=qualifiers,
        certainty=Certainty(details.get("certainty", "certain")),
        status=Status.CANDIDATE,
        origin=origin,
        note=f"proposed with confidence {number.confidence}; counted in: {why}",
    )
    return claim, _voice(number)


def _stated(
    source: Source, quote: Annotation, speaker: str
) -> tuple[Claim, dict[str, str | None] | None]:
    """The speaker's words: a `stated` claim whose passage is the quotation."""
    passage = Passage(source.id, quote.start, quote.end, quote.text)
    origin = f"{CANDIDATE}:{quote.rule}"
    claim = Claim(
        id=Claim.make_id(speaker, "stated", passage, origin),
        subject=speaker,
        predicate="stated",
        passage=passage,
        status=Status.CANDIDATE,
        origin=origin,
        note=f"proposed with confidence {quote.confidence}",
    )
    return claim, None
