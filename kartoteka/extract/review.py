"""Reviewing candidates: accept, reject, correct, or take a rule's whole harvest.

Every decision is a revision with the reviewer as actor; an accepted
candidate is a claim whose origin still names the rule that proposed it.
"""

from __future__ import annotations

from dataclasses import replace

from kartoteka.errors import NotFound, VocabularyError
from kartoteka.extract.candidates import CANDIDATE
from kartoteka.linking.edits import judge_pair
from kartoteka.model import Claim, Literal
from kartoteka.model import dates as edtf
from kartoteka.model.vocabulary import PREDICATES, Status
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
    claim = store.claim(claim_id)
    if date is not None:
        edtf.parse(date)
        as_written = claim.date.as_written if claim.date else None
        claim = replace(claim, date=Literal("date", date, as_written=as_written))
    if predicate is not None:
        if predicate not in PREDICATES:
            raise VocabularyError(f"unknown predicate {predicate!r}")
        claim = replace(claim, predicate=predicate)
    if subject is not None:
        store.entity(subject)
        claim = replace(claim, subject=subject)
    with store.writing(actor, "review: corrected") as tx:
        tx.put_claim(claim)
        tx.set_status(claim.id, Status.ACCEPTED, reviewer=actor)
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
