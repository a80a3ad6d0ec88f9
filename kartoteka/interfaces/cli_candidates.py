"""`kartoteka review candidates`: what extraction proposed, decided by a person."""

from __future__ import annotations

import click
from rich.markup import escape

from kartoteka.analysis.lookup import find_entity
from kartoteka.extract import review as candidates_review
from kartoteka.interfaces.cli import _actor, _store, console, review
from kartoteka.model import Claim
from kartoteka.model.vocabulary import Status
from kartoteka.storage import Store

KEYS = (
    "a = accept, r = reject, d = correct the date, p = the predicate, "
    "w = the person, k = skip, q = quit"
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
            "decide", type=click.Choice(list("ardpwkq")), show_choices=True
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
    when = claim.date.value if claim.date else "undated"
    console.print(
        escape(f"{claim.id}  {who} — {claim.predicate}, {when}  [{claim.origin}]"),
        highlight=False,
        soft_wrap=True,
    )
    console.print(escape(f"  “{' '.join(claim.passage.text.split())}”"), soft_wrap=True)


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
        person = find_entity(store, click.prompt("the person: an id or any name"))
        candidates_review.correct(store, claim.id, actor, subject=person.id)
