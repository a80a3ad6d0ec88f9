"""`kartoteka export`: JSON Lines, CSV, FollowTheMoney and PROV-JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import click

from kartoteka.errors import KartotekaError
from kartoteka.exports.csv_tables import write_csv
from kartoteka.exports.jsonl import EXPORTS, write_jsonl
from kartoteka.interfaces.cli import _store, cli, errors, output_option
from kartoteka.storage import Store

WHOLE = ("ftm", "prov")  # exports of the whole archive, each in its own format


def _write(store: Store, what: str, fmt: str, source: str | None, out: TextIO) -> int:
    if what == "prov":
        from kartoteka.exports.provenance import prov_document

        doc = prov_document(store, source)
        out.write(doc.serialize(format="json", indent=1))
        return len(doc.get_records())
    if what == "ftm":
        from kartoteka.exports.ftm import ftm_entities

        return write_jsonl(ftm_entities(store), out)
    if fmt == "csv":
        return write_csv(what, store, out)
    return write_jsonl(EXPORTS[what](store), out)


@cli.command()
@click.argument("what", type=click.Choice([*sorted(EXPORTS), *WHOLE]))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="For persons, sources and claims: JSON Lines (the contract) or CSV.",
)
@click.option("--source", help="prov: only this source, its claims and revisions.")
@output_option
@click.pass_context
def export(
    ctx: click.Context, what: str, fmt: str, source: str | None, output: Path | None
) -> None:
    """Export persons, sources or claims (JSON Lines or CSV), the whole archive
    as FollowTheMoney entities for Aleph (ftm), or its provenance as W3C
    PROV-JSON (prov). See docs/export.md.

    Example:

    \b
        kartoteka export persons --format jsonl -o persons.jsonl
        kartoteka export claims --format csv -o claims.csv
        kartoteka export ftm -o archive.ftm.json
        kartoteka export prov --source roberts-1964 -o roberts.prov.json
    """
    if what in WHOLE and fmt != "jsonl":
        raise KartotekaError(
            f"export {what} has a format of its own; leave out --format"
        )
    if source and what != "prov":
        raise KartotekaError("--source goes with export prov")
    store = _store(ctx)
    if output is None:
        _write(store, what, fmt, source, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as out:
        count = _write(store, what, fmt, source, out)
    unit = "records" if what == "prov" else "entities" if what == "ftm" else what
    errors.print(f"wrote {count} {unit} to {output}")
