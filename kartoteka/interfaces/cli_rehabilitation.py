"""`kartoteka rehabilitation`: who was cleared, by whom, on what basis, when,
and how long after the sentence."""

from __future__ import annotations

import click

from kartoteka.analysis.rehabilitation import (
    COLLECTIVE,
    INDIVIDUAL,
    LISTED,
    UNKNOWN,
    rehabilitation_report,
)
from kartoteka.interfaces.cli import _store, cli
from kartoteka.interfaces.cli_report import emit, report_format
from kartoteka.interfaces.rehabilitation_view import rehabilitation_tables

BASIS = {"collective": COLLECTIVE, "individual": INDIVIDUAL, "unknown": UNKNOWN}


@cli.command("rehabilitation")
@click.option(
    "--listed",
    type=int,
    default=LISTED,
    show_default=True,
    help="How many rehabilitations of the basis (--basis) to list.",
)
@click.option(
    "--basis",
    type=click.Choice(["collective", "individual", "unknown"]),
    default="collective",
    show_default=True,
    help="Whose rehabilitations to list: by collective decree, after an "
    "individual review, or on a basis not given.",
)
@report_format
@click.pass_context
def rehabilitation_command(
    ctx: click.Context, listed: int, basis: str, fmt: str
) -> None:
    """Rehabilitations over every record: counts by basis (individual review,
    collective decree, unknown), by organ and by decade; those rehabilitated
    without an individual review, listed (or those of --basis); the years from
    sentence to
    rehabilitation. Lines saying "no information" are not rehabilitations.

    Example:

    \b
        kartoteka rehabilitation
        kartoteka rehabilitation --format md --listed 1000
        kartoteka rehabilitation --basis unknown --format json
    """
    found = rehabilitation_report(_store(ctx), listed, BASIS[basis])
    emit(fmt, rehabilitation_tables(found), found)
