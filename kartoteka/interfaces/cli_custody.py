"""`kartoteka custody`: who held a document, in order, account by account."""

from __future__ import annotations

from pathlib import Path

import click

from kartoteka.analysis.custody import Custody, custody
from kartoteka.interfaces.cli import _store, cli, console
from kartoteka.interfaces.cli_report import emit, report_format
from kartoteka.interfaces.diagrams import custody_png, custody_svg
from kartoteka.interfaces.report import Report, Table


@cli.command("custody")
@click.argument("artifact")
@report_format
@click.option(
    "--svg",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the chains to this SVG file.",
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the chains to this PNG file.",
)
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
    if svg:
        svg.write_text(custody_svg(found), encoding="utf-8")
        console.print(f"drawn to {svg}", highlight=False)
    if png:
        png.write_bytes(custody_png(found))
        console.print(f"drawn to {png}", highlight=False)
    report = custody_report(found)
    if fmt == "html":
        report.svg = custody_svg(found)
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
