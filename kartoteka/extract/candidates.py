"""Proposals stored as candidates: claims and persons that wait for a person.

An event becomes a candidate claim whose passage is its span and whose
origin names the rule; an estimate becomes an `estimate` claim of the
organization or place it counts in, with its quantity, unit and what was
counted; an attributed quotation becomes a `stated` claim of its speaker.
Words inside a quotation are the speaker's (asserted_by). A person the store
does not know becomes a candidate person named as the source names them.
What a decided claim of the source already says in overlapping words is not
proposed again. Storing the same source's proposals again changes nothing,
and a reviewed candidate keeps its review.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from kartoteka.extract.annotation import Annotation
from kartoteka.model import Claim, Entity, Literal, Name, Passage, Source
from kartoteka.model.records import PROPOSED
from kartoteka.model.vocabulary import Certainty, EntityKind, NameKind, Status
from kartoteka.storage import Store

CANDIDATE = PROPOSED  # the origin of a candidate person or claim


@dataclass
class CandidateReport:
    source: str
    changes: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [f"{k} {n}" for k, n in sorted(self.changes.items())]
        return f"candidates from {self.source}: " + (", ".join(parts) or "none")


def extract_stored(store: Store, source_id: str, actor: str) -> CandidateReport:
    """Run extraction over a stored source and store what it proposes as
    candidates (English or Russian by the source's language, else guessed)."""
    from kartoteka.extract import extract_text

    source = store.source(source_id)
    lang = source.language if source.language in ("en", "ru") else "auto"
    return store_candidates(
        store, source, extract_text(source.text, lang, store), actor
    )


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

    def who(named: dict[str, Any] | None) -> str | None:
        """The stored or new person a proposal names."""
        if not named:
            return None
        stored: str | None = named.get("id")
        return stored or (new[named["name"]].id if named["name"] in new else None)

    dates = [a for a in found if a.kind == "date"]
    decided = [c for c in store.claims(source_id=source.id) if not c.proposed]
    claims = []
    for a in found:
        subject = who(a.subject)
        if subject is None or a.kind not in _CLAIMED:
            continue
        claim = _CLAIMED[a.kind](source, a, subject, dates)
        if any(_says_again(claim, other) for other in decided):
            report.changes["claim already stored"] += 1
            continue
        voice = (a.details or {}).get("asserted_by")
        claims.append(replace(claim, asserted_by=who(voice)))
    with store.writing(actor, reason=f"extract from {source.id}") as tx:
        for entity in new.values():
            report.changes[f"person {tx.put_entity(entity)}"] += 1
        for claim in claims:
            report.changes[f"claim {tx.put_claim(claim)}"] += 1
    return report


def _says_again(proposal: Claim, stored: Claim) -> bool:
    """Does a decided claim of the source already say this, in words that
    overlap it (a curated claim, or one a person accepted or rejected)?"""
    one, two = proposal.passage, stored.passage
    return (
        proposal.id != stored.id
        and (proposal.subject, proposal.predicate) == (stored.subject, stored.predicate)
        and one.start < two.end
        and two.start < one.end
        and (proposal.date is None or proposal.date.value == _value(stored.date))
        and (proposal.value is None or _quantity(proposal) == _quantity(stored))
    )


def _value(date: Literal | None) -> object:
    return date.value if date else None


def _quantity(claim: Claim) -> tuple[object, ...]:
    v = claim.value
    return (v.value, v.low, v.high) if v else ()


def _candidate_person(source: Source, name: str) -> Entity:
    return Entity(
        id=Entity.make_id(EntityKind.PERSON, CANDIDATE, source.id, name),
        kind=EntityKind.PERSON,
        name=name,
        names=(Name(name, NameKind.VARIANT, source=source.id),),
        attributes={"origin": f"{CANDIDATE}:{source.id}"},
    )


def _proposed(
    source: Source,
    found: Annotation,
    subject: str,
    predicate: str,
    *discriminators: object,
    note: str = "",
    **fields: Any,
) -> Claim:
    """A candidate claim whose passage is the proposal's span and whose
    origin names its rule."""
    passage = Passage(source.id, found.start, found.end, found.text)
    origin = f"{CANDIDATE}:{found.rule}"
    return Claim(
        id=Claim.make_id(subject, predicate, passage, *discriminators, origin),
        subject=subject,
        predicate=predicate,
        passage=passage,
        status=Status.CANDIDATE,
        origin=origin,
        note=f"proposed with confidence {found.confidence}{note}",
        **fields,
    )


def _event(
    source: Source, event: Annotation, subject: str, dates: list[Annotation]
) -> Claim:
    """A life-cycle event, its date with the source's words for it."""
    words = next(
        (
            d.text
            for d in dates
            if event.start <= d.start and d.end <= event.end
            and d.normalized == event.date
        ),
        None,
    )  # fmt: skip
    date = Literal("date", event.date, as_written=words) if event.date else None
    return _proposed(
        source,
        event,
        subject,
        event.predicate,
        event.date,
        date=date,  # type: ignore[arg-type]
    )


def _estimate(
    source: Source, number: Annotation, subject: str, dates: list[Annotation]
) -> Claim:
    """An `estimate` of the organization or place the number counts in."""
    details = number.details or {}
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
    why = (number.subject or {}).get("why", "")
    return _proposed(
        source,
        number,
        subject,
        "estimate",
        note=f"; counted in: {why}",
        value=value,
        qualifiers=qualifiers,
        certainty=Certainty(details.get("certainty", "certain")),
    )


def _stated(
    source: Source, quote: Annotation, speaker: str, dates: list[Annotation]
) -> Claim:
    """The speaker's words: a `stated` claim whose passage is the quotation."""
    return _proposed(source, quote, speaker, "stated")


# What each kind of proposal becomes; persons become entities, the rest
# (dates, places, citations) stay proposals.
_CLAIMED = {"event": _event, "estimate": _estimate, "quote": _stated}
