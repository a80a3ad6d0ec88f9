"""Getting an archive out: `kartoteka export` (JSON Lines, CSV,
FollowTheMoney, PROV-JSON) and `kartoteka copy` (to another store); and
`kartoteka compact`, which gives a store's free space back."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import click
from rich.markup import escape

from kartoteka.errors import KartotekaError
from kartoteka.exports.csv_tables import csv_header, person_csv_line, write_csv
from kartoteka.exports.jsonl import EXPORTS, json_line, write_jsonl
from kartoteka.exports.parallel_pages import write_persons, write_pieces
from kartoteka.interfaces.cli import _store, cli, console, errors, output_option
from kartoteka.storage import Store

WHOLE = ("ftm", "prov")  # exports of the whole archive, each in its own format


def _write(store: Store, what: str, fmt: str, source: str | None, out: TextIO) -> int:
    if what == "prov":
        from kartoteka.exports.provenance import prov_document

        doc = prov_document(store, source)
        out.write(doc.serialize(format="json", indent=1))
        return len(doc.get_records())
    if what == "ftm":
        from kartoteka.exports.ftm import ftm_lines

        return write_pieces(ftm_lines(store, spooled=True), out)  # by processes
    if what == "persons":  # by several processes at once, when many
        if fmt == "csv":
            out.write(csv_header(what))
            return write_persons(store, person_csv_line, out)
        return write_persons(store, json_line, out)
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


@cli.command()
@click.option(
    "--to",
    "target",
    required=True,
    help="The new store: a PostgreSQL URL or a SQLite path; it must be empty.",
)
@click.pass_context
def copy(ctx: click.Context, target: str) -> None:
    """Copy the whole archive, revisions included, into another (empty) store,
    then verify the copy: its revision chain, rows, hashes and quotes, and
    that it holds as many rows and ends on the same revision.

    Example:

    \b
        kartoteka copy --to postgresql+psycopg://kartoteka@db.example.org/archive
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from kartoteka.storage.copy import copy_store, require_empty, row_counts

    source = _store(ctx)
    destination = Store.open(target)
    ctx.call_on_close(destination.close)
    require_empty(destination)
    total = sum(row_counts(source).values())
    columns = (TextColumn("[bold]{task.description:<22}"), BarColumn(),
               MofNCompleteColumn())  # fmt: skip
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("copying", total=total)
        report = copy_store(
            source,
            destination,
            lambda table, n: bar.update(task, advance=n, description=table),
        )
    for failure in report.failures:
        errors.print(f"[red]FAIL[/] {escape(failure)}", highlight=False)
    if not report.ok:
        errors.print(f"the copy at {escape(target)} does not match; do not use it")
        sys.exit(1)
    checked = report.verified.summary() if report.verified else ""
    console.print(
        f"copied {sum(report.rows.values()):,} rows; {checked}; the same last revision",
        soft_wrap=True,
    )


@cli.command()
@click.pass_context
def compact(ctx: click.Context) -> None:
    """Give the store's free space back: after a migration that dropped a
    column (0018: claims keep offsets, not quotes; 0019: registry records'
    refs) or large deletions, a SQLite file keeps its freed pages until it
    is rebuilt. The rebuilt copy is written beside the store and back
    through its log: it needs twice the store's size in free disk there
    (not memory), and nobody else writing meanwhile.

    Example:

    \b
        kartoteka --db archive.db compact
    """
    from kartoteka.storage.engine import compact as compact_store

    store = _store(ctx)
    path = Path(store.engine.url.database or "")
    before = path.stat().st_size if path.is_file() else None
    compact_store(store.engine)
    if before is None:
        console.print("compacted the store")
        return
    after = path.stat().st_size
    console.print(f"compacted {path}: {before / 2**20:,.0f} → {after / 2**20:,.0f} MiB")
