"""`kartoteka conflicts` and `kartoteka explain`: disagreements, and why."""

from __future__ import annotations

import click
from rich.markup import escape

from kartoteka.analysis.conflict_list import (
    ConflictFilter,
    ConflictList,
    explain_conflict,
    list_conflicts,
)
from kartoteka.analysis.conflicts import KINDS, Conflict
from kartoteka.interfaces.case_view import dated
from kartoteka.interfaces.cli import _actor, _store, cli, console
from kartoteka.interfaces.cli_report import emit, report_format
from kartoteka.interfaces.report import Report, Table
from kartoteka.model.vocabulary import ExplanationReason


@cli.command()
@click.option("--person", help="Only this person's conflicts (any name, any script).")
@click.option("--kind", type=click.Choice(KINDS), help="Only conflicts of this kind.")
@click.option("--source", help="Only conflicts in which this source takes part.")
@click.option(
    "--open", "state", flag_value="open", help="Only those nobody has explained."
)
@click.option(
    "--explained", "state", flag_value="explained", help="Only the explained ones."
)
@report_format
@click.pass_context
def conflicts(
    ctx: click.Context,
    person: str | None,
    kind: str | None,
    source: str | None,
    state: str | None,
    fmt: str,
) -> None:
    """List claims that cannot all be true, over every record of a person.

    Dates that cannot overlap, affirm against deny, impossible orderings
    (a child born after the family's sentence is its own kind), states that
    exclude each other (a public confession at a secret trial), estimates of
    one quantity that cannot both hold, another reading in the same record.
    Each conflict has an id for `kartoteka explain`.

    Example:

    \b
        kartoteka conflicts --person Tukhachevsky
        kartoteka conflicts --kind order --open --format json
    """
    store = _store(ctx)
    listed = list_conflicts(store, ConflictFilter(person, kind, source, state))
    reopened = store.reopened(sorted(listed.claims))
    if fmt != "table":
        records = [_record(c, listed, reopened) for c in listed.conflicts]
        emit(fmt, _report(records), records)
        return
    for conflict in listed.conflicts:
        _print(conflict, listed, reopened)
    still = sum(c.is_open for c in listed.conflicts)
    console.print(
        f"{len(listed.conflicts)} conflicts: {still} open, "
        f"{len(listed.conflicts) - still} explained"
    )


def _print(conflict: Conflict, listed: ConflictList, reopened: dict[str, str]) -> None:
    who = escape(f"{listed.names[conflict.subject]}: {conflict.explanation}")
    console.print(
        f"[bold red]{conflict.verdict}[/] [dim]{conflict.id} {conflict.kind}[/] {who}",
        highlight=False,
        soft_wrap=True,
    )
    if conflict.explained:
        x = conflict.explained
        said = f"  ✓ explained: {x.reason}" + (f" — {x.note}" if x.note else "")
        said += f" ({x.by}, {x.at[:10]})" if x.at else f" ({x.by})"
        console.print(f"[green]{escape(said)}[/]", highlight=False, soft_wrap=True)
    for claim_id in conflict.claims:
        c = listed.claims[claim_id]
        value = dated(c.date.value, c.date.as_written or "") if c.date else c.stance
        quote = " ".join(c.passage.text.split())
        line = f"  {claim_id} [{value}] {c.source}: “{quote}”"
        console.print(escape(line), highlight=False, soft_wrap=True)
        if claim_id in reopened:
            console.print(f"    [yellow]↻ {escape(reopened[claim_id])}[/]")


def _report(records: list[dict]) -> Report:
    table = Table("Conflicts", ["conflict", "kind", "verdict", "claims"])
    for r in records:
        told = "; ".join(
            f"{c['id']} [{c['date'] or c['stance']}] {c['source']}: “{c['quote']}”"
            for c in r["claims"]
        )
        state = "open" if r["open"] else f"explained: {r['explained']['reason']}"
        table.rows.append([f"{r['name']}: {r['explanation']} ({r['id']})",
                           r["kind"], f"{r['verdict']}, {state}", told])  # fmt: skip
    return Report("Conflicts", [f"{len(records)} conflicts"], [table])


def _record(conflict: Conflict, listed: ConflictList, reopened: dict[str, str]) -> dict:
    explained = conflict.explained
    return {
        "id": conflict.id,
        "kind": conflict.kind,
        "subject": conflict.subject,
        "name": listed.names[conflict.subject],
        "predicate": conflict.predicate,
        "values": list(conflict.values),
        "verdict": conflict.verdict,
        "explanation": conflict.explanation,
        "open": conflict.is_open,
        "explained": None if explained is None else vars(explained),
        "claims": [
            {
                "id": c.id,
                "source": c.source,
                "quote": c.passage.text,
                "date": c.date.value if c.date else None,
                "date_text": c.date.as_written if c.date else None,
                "stance": str(c.stance),
                "status": str(c.status),
                "review_again": reopened.get(c.id),
            }
            for c in (listed.claims[i] for i in conflict.claims)
        ],
    }


@cli.command()
@click.argument("conflict_id")
@click.argument("reason", type=click.Choice([r.value for r in ExplanationReason]))
@click.option("--note", help="In your words: what explains it, with a reference.")
@click.option("--person", help="The person it is about (finds the conflict faster).")
@click.pass_context
def explain(
    ctx: click.Context,
    conflict_id: str,
    reason: str,
    note: str | None,
    person: str | None,
) -> None:
    """Explain a conflict, or mark it looked at and unresolved; a revision.

    Example:

    \b
        kartoteka explain cfl_0123456789abcdef different_calendars \\
            --note "the list gives the Old Style day"
    """
    conflict = explain_conflict(
        _store(ctx), conflict_id, reason, _actor(ctx), note, person
    )
    console.print(
        escape(f"{conflict.id}: {conflict.explanation} — explained: {reason}"),
        highlight=False,
    )
