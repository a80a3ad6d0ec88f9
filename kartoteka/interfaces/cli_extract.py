"""`kartoteka extract`: what a text would give, before anything is stored."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.table import Table

from kartoteka.extract import extract_text
from kartoteka.ingest.documents import read_document
from kartoteka.interfaces.cli import _store, cli, console


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["auto", "en", "ru"]),
    default="auto",
    show_default=True,
    help="The text's language; auto reads it from the script.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="table",
    show_default=True,
)
@click.pass_context
def extract(ctx: click.Context, file: Path, lang: str, fmt: str) -> None:
    """Propose persons, organizations, places, dates and life-cycle events in
    a .txt, .md, .html or .pdf file, each with its exact span of the text as
    it would be stored; persons resolved to the persons in the store.

    Nothing is stored: this shows what would be proposed.

    Example:

    \b
        kartoteka extract article.txt --format jsonl
    """
    text = read_document(file).text
    found = extract_text(text, lang, _store(ctx))
    if fmt == "jsonl":
        for annotation in found:
            click.echo(json.dumps(annotation.as_dict(), ensure_ascii=False))
        return
    table = Table("kind", "at", "text", "means", "rule")
    for a in found:
        means = a.normalized or ""
        if a.kind == "event":
            who = a.subject or {}
            means = f"{who.get('name')} {a.predicate} {a.date or ''}".strip()
        if a.subject and a.subject.get("id"):
            means += f" → {a.subject['id']}"
        table.add_row(
            a.kind, f"{a.start}–{a.end}", " ".join(a.text.split()), means, a.rule
        )
    console.print(table)
