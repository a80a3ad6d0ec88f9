"""Reviewing candidates: accept, reject, correct, or take a rule's whole harvest.

Every decision is a revision with the reviewer as actor; an accepted
candidate is a claim whose origin still names the rule that proposed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from kartoteka.errors import InvalidSource, NotFound, VocabularyError
from kartoteka.extract.candidates import CANDIDATE
from kartoteka.linking.edits import judge_pair
from kartoteka.model import Claim, Literal
from kartoteka.model import dates as edtf
from kartoteka.model.vocabulary import PREDICATES, Certainty, Stance, Status
from kartoteka.storage import Store
from kartoteka.storage.links import Verdict


def candidates(store: Store, source: str | None = None) -> list[Claim]:
    """Claims extraction proposed that nobody has decided yet."""
    where = {"status": "candidate", **({"source_id": source} if source else {})}
    return [c for c in store.claims(**where) if c.origin.startswith(f"{CANDIDATE}:")]


def decide(
    store: Store, claim_id: str, status: Status, actor: str, reason: str | None = None
) -> None:
    """Accept or reject one candidate."""
    with store.writing(actor, reason or f"review: {status}") as tx:
        tx.set_status(claim_id, status, reviewer=actor)


def decide_rule(
    store: Store, source: str, rule: str, status: Status, actor: str
) -> int:
    """Accept (or reject) every undecided candidate of one rule for one source;
    how many."""
    origin = f"{CANDIDATE}:{rule}"
    chosen = [c.id for c in candidates(store, source) if c.origin == origin]
    with store.writing(actor, f"review: every {rule} candidate of {source}") as tx:
        for claim_id in chosen:
            tx.set_status(claim_id, status, reviewer=actor)
    return len(chosen)


def correct(
    store: Store,
    claim_id: str,
    actor: str,
    date: str | None = None,
    predicate: str | None = None,
    subject: str | None = None,
) -> Claim:
    """Correct a candidate's date, predicate or person, and accept it as
    corrected: the correction and the acceptance are revisions by the reviewer."""
    change = ClaimEdit.of(store.claim(claim_id))
    if date is not None:
        change = replace(change, date=date)
    if predicate is not None:
        change = replace(change, predicate=predicate)
    if subject is not None:
        change = replace(change, subject=subject)
    return edit(store, claim_id, actor, change, reason="review: corrected")


@dataclass(frozen=True)
class ClaimEdit:
    """A claim's content as a person rewrites it; its words stay as they are.
    Entity fields hold ids; an empty object, date or qualifiers means none."""

    subject: str
    predicate: str
    object: str | None = None
    date: str | None = None
    date_text: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    stance: str = "affirms"
    certainty: str = "certain"

    @classmethod
    def of(cls, claim: Claim) -> ClaimEdit:
        """The claim's content as it stands, to change a field of."""
        return cls(
            subject=claim.subject,
            predicate=claim.predicate,
            object=claim.object,
            date=str(claim.date.value) if claim.date else None,
            date_text=claim.date.as_written if claim.date else None,
            qualifiers=dict(claim.qualifiers),
            stance=str(claim.stance),
            certainty=str(claim.certainty),
        )


def edit(
    store: Store,
    claim_id: str,
    actor: str,
    change: ClaimEdit,
    status: Status = Status.ACCEPTED,
    note: str | None = None,
    reason: str | None = None,
) -> Claim:
    """Rewrite a claim's content and decide it (accepted unless told): one
    revision for the edit, one for the decision, both by the person."""
    claim = store.claim(claim_id)
    if change.predicate not in PREDICATES:
        raise VocabularyError(f"unknown predicate {change.predicate!r}")
    store.entities([change.subject, *([change.object] if change.object else [])])
    if change.date:
        edtf.parse(change.date)
    as_written = claim.date.as_written if claim.date else None
    # The claim's own words for its date stay; new words must be in the quote.
    new_words = change.date_text and change.date_text != as_written
    if new_words and change.date_text not in claim.passage.text:
        raise InvalidSource(
            f"the date's words {change.date_text!r} are not in the quote"
        )
    date = (
        Literal("date", change.date, as_written=change.date_text or None)
        if change.date
        else None
    )
    edited = replace(
        claim,
        subject=change.subject,
        predicate=change.predicate,
        object=change.object or None,
        date=date,
        qualifiers=dict(change.qualifiers),
        stance=Stance(change.stance),
        certainty=Certainty(change.certainty),
        note=note if note is not None else claim.note,
    )
    with store.writing(actor, reason or note or "edited by hand") as tx:
        if edited != claim:
            tx.put_claim(edited)
        tx.set_status(claim.id, status, reviewer=actor)
    return store.claim(claim_id)


def is_candidate_person(store: Store, entity_id: str) -> bool:
    """Was this person proposed by extraction (not yet known to the store)?"""
    return store.entity(entity_id).proposed


def merge_person(store: Store, candidate: str, stored: str, actor: str) -> list[str]:
    """The candidate person is this stored one: a "same" judgement by the
    reviewer, so every claim of either reads as one person's. Returns the
    members of the person now."""
    if not is_candidate_person(store, candidate):
        raise NotFound(
            f"{candidate} is no candidate person; judge stored pairs with "
            "`kartoteka review links`"
        )
    return judge_pair(
        store,
        candidate,
        stored,
        Verdict.SAME,
        actor,
        note="a candidate person from extraction, merged in review",
    )
