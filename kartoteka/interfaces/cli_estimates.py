"""`kartoteka estimates`: figures side by side, each with its author."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table as RichTable

from kartoteka.analysis.estimates import EstimateGroup, estimates
from kartoteka.interfaces.cli import _store, cli, console
from kartoteka.interfaces.cli_report import emit, report_format
from kartoteka.interfaces.report import Report, Table


@cli.command("estimates")
@click.argument("topic", required=False)
@report_format
@click.pass_context
def estimates_command(ctx: click.Context, topic: str | None, fmt: str) -> None:
    """Every estimate (a count, a range, a share) grouped by what it is about:
    the figure with its modality ("as many as 35,000"), what was counted,
    where and when, who gave it and in which source. TOPIC keeps those whose
    subject, what was counted, or unit holds the words.

    Example:

    \b
        kartoteka estimates
        kartoteka estimates officers --format md
    """
    groups = estimates(_store(ctx), topic)
    if fmt == "table":
        _print(groups)
    else:
        emit(fmt, estimates_report(groups), groups)


def estimates_report(groups: list[EstimateGroup]) -> Report:
    tables = []
    for g in groups:
        table = Table(
            f"{g.subject_name} — {g.unit or 'no unit given'}",
            ["figure", "counted", "where, when", "by", "source", "words"],
        )
        for e in g.estimates:
            cited = f", citing {e.cited_from}" if e.cited_from else ""
            table.rows.append(
                [
                    e.figure,
                    e.counted,
                    e.where_when,
                    e.author,
                    e.source + cited,
                    f"“{e.quote}”",
                ]
            )
        if len(g.measures) > 1:
            table.notes.append(
                "Different measures, not compared with one another: "
                + "; ".join(g.measures)
            )
        tables.append(table)
    return Report("Estimates", [] if groups else ["No estimates."], tables)


def _print(groups: list[EstimateGroup]) -> None:
    if not groups:
        console.print("no estimates")
    for g in groups:
        table = RichTable(
            title=f"{escape(g.subject_name)} — {escape(g.unit)}", title_justify="left"
        )
        for column in ("figure", "counted", "where, when", "by", "source"):
            table.add_column(column)
        for e in g.estimates:
            cited = f" (from {e.cited_from})" if e.cited_from else ""
            table.add_row(
                escape(e.figure),
                escape(e.counted),
                escape(e.where_when),
                escape(e.author),
                escape(e.source + cited),
            )
        console.print(table)
