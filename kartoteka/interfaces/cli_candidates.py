"""`kartoteka review candidates`: what extraction proposed, decided by a person."""

from __future__ import annotations

import click
from rich.markup import escape

from kartoteka.analysis.lookup import find_entity
from kartoteka.extract import review as candidates_review
from kartoteka.interfaces.case_view import in_quotes
from kartoteka.interfaces.cli import _actor, _store, console, review
from kartoteka.model import Claim
from kartoteka.model.vocabulary import Status
from kartoteka.storage import Store

KEYS = (
    "a = accept, r = reject, d = correct the date, p = the predicate, "
    "w = whom or what it is about, m = merge a new person into a stored one, "
    "k = skip, q = quit"
)


@review.command("candidates")
@click.option("--source", help="Only the candidates from this source.")
@click.option(
    "--accept-rule", help="Accept every candidate of this rule (needs --source)."
)
@click.option(
    "--reject-rule", help="Reject every candidate of this rule (needs --source)."
)
@click.option("--limit", type=int, help="Stop after this many candidates.")
@click.pass_context
def review_candidates(
    ctx: click.Context,
    source: str | None,
    accept_rule: str | None,
    reject_rule: str | None,
    limit: int | None,
) -> None:
    """Decide the claims extraction proposed: accept, reject, or correct the
    date, predicate or person and accept; or a rule's candidates for a source
    at once. Every decision is a revision by you.

    Example:

    \b
        kartoteka review candidates --source bse-1969
        kartoteka review candidates --source bse-1969 --accept-rule event:ru:arrested
    """
    store, actor = _store(ctx), _actor(ctx)
    for rule, status in (
        (accept_rule, Status.ACCEPTED),
        (reject_rule, Status.REJECTED),
    ):
        if rule:
            if not source:
                raise click.UsageError("a rule's candidates are decided per --source")
            count = candidates_review.decide_rule(store, source, rule, status, actor)
            console.print(f"{status}: {count} candidates of {rule} from {source}")
            return
    waiting = candidates_review.candidates(store, source)
    console.print(f"{len(waiting):,} candidates; {KEYS}")
    decided = 0
    for claim in waiting[:limit]:
        _show(store, claim)
        answer = click.prompt(
            "decide", type=click.Choice(list("ardpwmkq")), show_choices=True
        )
        if answer == "q":
            break
        if answer != "k":
            _apply(store, claim, answer, actor)
            decided += 1
    left = len(candidates_review.candidates(store, source))
    console.print(f"{decided} decided; {left:,} left")


def _show(store: Store, claim: Claim) -> None:
    who = store.entity(claim.subject).name
    if candidates_review.is_candidate_person(store, claim.subject):
        who += " (new person)"
    when = claim.date.value if claim.date else "undated"
    what = (
        f"{claim.predicate} {claim.value.display()}" if claim.value else claim.predicate
    )
    console.print(
        escape(f"{claim.id}  {who} — {what}, {when}  [{claim.origin}]"),
        highlight=False,
        soft_wrap=True,
    )
    words = " ".join(claim.passage.text.split())
    console.print(escape(f"  {in_quotes(words)}"), soft_wrap=True)
    if claim.asserted_by:
        voice = store.entity(claim.asserted_by).name
        console.print(escape(f"  in the words of {voice}"), soft_wrap=True)
    if claim.qualifiers:
        listed = ", ".join(f"{k}: {v}" for k, v in claim.qualifiers.items())
        console.print(escape(f"  {listed}"), soft_wrap=True)
    if claim.note:
        console.print(escape(f"  {claim.note}"), soft_wrap=True)


def _apply(store: Store, claim: Claim, answer: str, actor: str) -> None:
    if answer in "ar":
        status = Status.ACCEPTED if answer == "a" else Status.REJECTED
        candidates_review.decide(store, claim.id, status, actor)
    elif answer == "d":
        date = click.prompt("the date, as EDTF")
        candidates_review.correct(store, claim.id, actor, date=date)
    elif answer == "p":
        predicate = click.prompt("the predicate")
        candidates_review.correct(store, claim.id, actor, predicate=predicate)
    elif answer == "w":
        found = find_entity(store, click.prompt("whom or what: an id or any name"))
        candidates_review.correct(store, claim.id, actor, subject=found.id)
    elif answer == "m":
        stored = find_entity(
            store, click.prompt("the stored person: an id or any name")
        )
        members = candidates_review.merge_person(store, claim.subject, stored.id, actor)
        console.print(escape(f"  one person now: {', '.join(members)}"))
