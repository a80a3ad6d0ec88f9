"""`kartoteka link`, `unmerge` and `review links`: resolving records into persons."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.panel import Panel

from kartoteka.analysis.cases import person_summary
from kartoteka.interfaces.cli import _actor, _store, cli, console, review
from kartoteka.interfaces.progress import steps
from kartoteka.linking.edits import judge_pair, unmerge
from kartoteka.linking.run import REVIEW_FROM, THRESHOLD, link_store
from kartoteka.linking.score import ENGINES, MAX_PAIRS
from kartoteka.storage.links import Verdict


@cli.command()
@click.option(
    "--engine", type=click.Choice(ENGINES), default="duckdb", show_default=True
)
@click.option(
    "--spark-master",
    help="Spark master URL with --engine spark [default: local[*]], e.g. spark://host:7077.",
)
@click.option(
    "--threshold",
    default=THRESHOLD,
    show_default=True,
    help="Merge from this probability.",
)
@click.option(
    "--review-from",
    default=REVIEW_FROM,
    show_default=True,
    help="Queue pairs for review from this probability up to the threshold.",
)
@click.option(
    "--max-pairs",
    type=click.IntRange(min=1),
    default=MAX_PAIRS,
    show_default=True,
    help="Refuse a run whose blocking would score more pairs (about 200 s of "
    "scoring per 100 million on two cores).",
)
@click.option(
    "--retrain",
    is_flag=True,
    help="Train the model again, not reuse the one kept by an earlier run.",
)
@click.pass_context
def link(
    ctx: click.Context,
    engine: str,
    spark_master: str | None,
    threshold: float,
    review_from: float,
    max_pairs: int,
    retrain: bool,
) -> None:
    """Find the persons that several records describe, across every source
    and registry in the store, with Splink: merge the likely ones (each
    merge a revision), queue the uncertain ones for `kartoteka review links`.
    The trained model is kept and reused by later runs on the store.

    Example:

    \b
        kartoteka link
        kartoteka link --retrain
        kartoteka link --engine spark --spark-master spark://head:7077
        kartoteka link --max-pairs 300000000
    """
    store = _store(ctx)
    with steps(console) as step:
        report = link_store(
            store,
            _actor(ctx),
            engine=engine,
            spark_master=spark_master,
            threshold=threshold,
            review_from=review_from,
            step=step,
            max_pairs=max_pairs,
            retrain=retrain,
        )
    console.print(report.summary(), markup=False)


@cli.command("unmerge")
@click.argument("person_id")
@click.option("--reason", help="Why, for the revision log.")
@click.pass_context
def unmerge_command(ctx: click.Context, person_id: str, reason: str | None) -> None:
    """Take PERSON_ID out of the person it was merged into; it is recorded as
    not the same as the others, so no later `kartoteka link` joins them again.

    Example:

    \b
        kartoteka unmerge per_9a1b2c3d00000007 --reason "another birth year"
    """
    rest = unmerge(_store(ctx), person_id, _actor(ctx), reason)
    together = f"; the others stay together: {', '.join(rest)}" if rest else ""
    console.print(f"unmerged {person_id}{together}")


_ANSWERS = {"s": Verdict.SAME, "n": Verdict.NOT_SAME, "u": Verdict.UNSURE}


@review.command("links")
@click.option("--limit", type=int, help="Stop after this many pairs.")
@click.pass_context
def review_links(ctx: click.Context, limit: int | None) -> None:
    """Decide the pairs that linking could not: same, not same, or unsure.
    A decision is a revision; a "not same" is never overridden by a later run.

    Example:

    \b
        kartoteka review links --limit 20
    """
    store = _store(ctx)
    queue = store.link_queue()
    if not queue:
        console.print("the review queue is empty")
        return
    console.print(
        f"{len(queue):,} pairs to review; "
        "s = same, n = not same, u = unsure, k = skip, q = quit"
    )
    decided = 0
    for a, b, probability in queue[:limit]:
        console.print(Panel(escape(person_summary(store, a)), title=a))
        console.print(Panel(escape(person_summary(store, b)), title=b))
        answer = click.prompt(
            f"p = {probability:.3f}: same person?",
            type=click.Choice(["s", "n", "u", "k", "q"]),
            show_choices=True,
        )
        if answer == "q":
            break
        if answer == "k":
            continue
        members = judge_pair(store, a, b, _ANSWERS[answer], _actor(ctx))
        decided += 1
        if answer == "s":
            console.print(f"merged: {', '.join(members)}")
    console.print(f"{decided} pairs decided; {len(store.link_queue()):,} left")
