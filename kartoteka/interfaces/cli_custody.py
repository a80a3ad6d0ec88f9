"""`kartoteka custody`: who held a document, in order, account by account."""

from __future__ import annotations

from pathlib import Path

import click

from kartoteka.analysis.custody import Custody, custody
from kartoteka.interfaces.cli import _store, cli
from kartoteka.interfaces.cli_report import (
    drawing_options,
    emit,
    report_format,
    write_drawings,
)
from kartoteka.interfaces.diagrams import custody_drawing
from kartoteka.interfaces.report import Report, Table


@cli.command("custody")
@click.argument("artifact")
@report_format
@drawing_options
@click.pass_context
def custody_command(
    ctx: click.Context, artifact: str, fmt: str, svg: Path | None, png: Path | None
) -> None:
    """The chain of custody of a document, one per account that tells it:
    its maker, each holder in order with the date and the sources, unknown
    holders where an account is silent. Steps every account shares are
    marked: they cannot tell the accounts apart.

    Example:

    \b
        kartoteka custody forged-dossier
        kartoteka custody forged-dossier --format md --svg dossier.svg
    """
    found = custody(_store(ctx), artifact)
    write_drawings({"svg": svg, "png": png}, lambda f: custody_drawing(found, f))
    report = custody_report(found)
    if fmt == "html":
        report.svg = custody_drawing(found, "svg").decode()
    emit(fmt, report, found)


def custody_report(found: Custody) -> Report:
    tables = []
    for chain in found.chains:
        path = " → ".join(found.name(h) for h in chain.holders)
        table = Table(
            f"{found.name(chain.voice)}: {path}", ["from", "to", "when", "told by"]
        )
        if chain.made:
            made = "; ".join(
                f"{c} ({found.claims[c].source}): “{found.claims[c].passage.text}”"
                for c in chain.made
            )
            table.rows.append(["(made it)", found.name(chain.holders[0]), "", made])
        for step in chain.steps:
            told = (
                "; ".join(
                    f"{c} ({found.claims[c].source}): “{found.claims[c].passage.text}”"
                    for c in step.claims
                )
                or "no source tells this step"
            )
            if (step.giver, step.taker) in found.shared:
                told += " — every account has this step (non-diagnostic)"
            table.rows.append(
                [found.name(step.giver), found.name(step.taker), step.date or "", told]
            )
        if chain.hypotheses:
            table.notes.append("The ratings favour: " + ", ".join(chain.hypotheses))
        tables.append(table)
    intro = [f"{len(found.chains)} accounts of its path."]
    if not found.chains:
        intro = ["No source tells who made, passed on or received it."]
    return Report(f"Custody of {found.name(found.artifact)}", intro, tables)
