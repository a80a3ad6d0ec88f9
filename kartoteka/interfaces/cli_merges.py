"""`kartoteka links`: every merge, who or what made it, and how to undo it."""

from __future__ import annotations

import json

import click
from rich.markup import escape

from kartoteka.analysis.merges import Merge, MergeFilter, list_merges
from kartoteka.interfaces.cli import _store, cli, console, table_or_json


@cli.command("links")
@click.option("--person", help="Only the person of this name (any spelling) or id.")
@click.option(
    "--origin",
    type=click.Choice(["link", "review"]),
    help="Only merges by a run of `kartoteka link`, or by a person's review.",
)
@click.option(
    "--below", type=float, help="Only merges with a link less likely than this."
)
@click.option("--since", help="Only merges written on or after this day (YYYY-MM-DD).")
@table_or_json
@click.pass_context
def links(
    ctx: click.Context,
    person: str | None,
    origin: str | None,
    below: float | None,
    since: str | None,
    fmt: str,
) -> None:
    """List every person resolved from several records, each record with the
    link that joined it (probability, run or review, who, when) and the
    command that takes it out again.

    Example:

    \b
        kartoteka links --below 0.9
        kartoteka links --person Eideman --format json
    """
    merges = list_merges(_store(ctx), MergeFilter(person, origin, below, since))
    if fmt == "json":
        click.echo(
            json.dumps([_record(m) for m in merges], ensure_ascii=False, indent=2)
        )
        return
    for merge in merges:
        console.print(
            f"[bold]{escape(merge.head.name)}[/] [dim]{merge.head.id}[/]",
            highlight=False,
            soft_wrap=True,
        )
        for member, row in merge.members:
            how = (
                f"p {row.probability:.3f}, kartoteka link"
                if row.probability is not None
                else "a person's review"
            )
            record = _record_ref(member)
            console.print(
                escape(f"  + {member.id} {member.name}{record} — {how} by {row.by}, ")
                + f"{row.at[:16]}  [dim]undo: kartoteka unmerge {member.id}[/]",
                highlight=False,
                soft_wrap=True,
            )
    joined = sum(len(m.members) for m in merges)
    console.print(f"{len(merges)} merged persons, {joined} records joined")


def _record_ref(member) -> str:  # type: ignore[no-untyped-def]
    record = member.attributes.get("record")
    return f" ({record['ref']})" if isinstance(record, dict) else ""


def _record(merge: Merge) -> dict:
    return {
        "id": merge.head.id,
        "name": merge.head.name,
        "joined": [
            {
                "id": member.id,
                "name": member.name,
                "record": (member.attributes.get("record") or {}).get("ref"),
                "probability": row.probability,
                "origin": row.origin,
                "by": row.by,
                "at": row.at,
                "undo": f"kartoteka unmerge {member.id}",
            }
            for member, row in merge.members
        ],
    }
