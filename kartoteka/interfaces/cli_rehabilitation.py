"""`kartoteka rehabilitation`: who was cleared, by whom, on what basis, when,
and how long after the sentence."""

from __future__ import annotations

import click

from kartoteka.analysis.rehabilitation import LISTED, rehabilitation_report
from kartoteka.interfaces.cli import _store, cli
from kartoteka.interfaces.cli_report import emit, report_format
from kartoteka.interfaces.rehabilitation_view import rehabilitation_tables


@cli.command("rehabilitation")
@click.option(
    "--listed",
    type=int,
    default=LISTED,
    show_default=True,
    help="How many of those rehabilitated without review to list.",
)
@report_format
@click.pass_context
def rehabilitation_command(ctx: click.Context, listed: int, fmt: str) -> None:
    """Rehabilitations over every record: counts by basis (individual review,
    collective decree, unknown), by organ and by decade; those rehabilitated
    without an individual review, listed; the years from sentence to
    rehabilitation. Lines saying "no information" are not rehabilitations.

    Example:

    \b
        kartoteka rehabilitation
        kartoteka rehabilitation --format md --listed 1000
    """
    found = rehabilitation_report(_store(ctx), listed)
    emit(fmt, rehabilitation_tables(found), found)
