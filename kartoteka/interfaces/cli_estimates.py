"""`kartoteka estimates`: figures side by side, each with its author."""

from __future__ import annotations

import json
from dataclasses import asdict

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.analysis.estimates import EstimateGroup, estimates
from kartoteka.interfaces.cli import _store, cli, console


@cli.command("estimates")
@click.argument("topic", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "md", "json"]),
    default="table",
    show_default=True,
    help="A table to read, Markdown to paste, or JSON for scripts.",
)
@click.pass_context
def estimates_command(ctx: click.Context, topic: str | None, fmt: str) -> None:
    """Every estimate (a count, a range, a share) grouped by what it is about:
    the figure with its modality ("as many as 35,000"), what was counted, who
    gave it and in which source. TOPIC keeps those whose subject, what was
    counted, or unit holds the words.

    Example:

    \b
        kartoteka estimates
        kartoteka estimates officers --format md
    """
    groups = estimates(_store(ctx), topic)
    if fmt == "json":
        click.echo(
            json.dumps([asdict(g) for g in groups], ensure_ascii=False, indent=1)
        )
    elif fmt == "md":
        click.echo(_markdown(groups), nl=False)
    else:
        _print(groups)


MD_HEAD = "| figure | counted | by | source | words |"


def _markdown(groups: list[EstimateGroup]) -> str:
    lines = []
    for g in groups:
        lines += [f"## {g.subject_name} — {g.unit}", "", MD_HEAD, "|---" * 5 + "|"]
        for e in g.estimates:
            quote = e.quote.replace("|", "\\|")
            lines.append(
                f"| {e.figure} | {e.counted} | {e.author} | {e.source} | “{quote}” |"
            )
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "no estimates\n")


def _print(groups: list[EstimateGroup]) -> None:
    if not groups:
        console.print("no estimates")
    for g in groups:
        table = Table(
            title=f"{escape(g.subject_name)} — {escape(g.unit)}", title_justify="left"
        )
        for column in ("figure", "counted", "by", "source", "certainty"):
            table.add_column(column)
        for e in g.estimates:
            cited = f" (from {e.cited_from})" if e.cited_from else ""
            table.add_row(escape(e.figure), escape(e.counted), escape(e.author),
                          escape(e.source + cited), e.certainty)  # fmt: skip
        console.print(table)
