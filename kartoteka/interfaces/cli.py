"""The `kartoteka` command: each command parses, calls one library function, prints."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

from kartoteka import settings
from kartoteka.errors import KartotekaError
from kartoteka.ingest import importers
from kartoteka.interfaces.command_index import COMMANDS, REVIEW_COMMANDS, LazyGroup
from kartoteka.model.vocabulary import SourceKind, Status
from kartoteka.storage import Store

# A case's documents, as kartoteka.interfaces.case_document writes them (a test
# keeps the two equal; that module loads the templates, which `case` alone needs).
CASE_FORMATS = ("md", "html", "json")

console = Console()
errors = Console(stderr=True)


class Cli(LazyGroup):
    """Turns every KartotekaError into one clear line and exit status 1; the
    commands of other modules are imported when asked for."""

    lazy = COMMANDS

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KartotekaError as exc:
            errors.print(
                f"[bold red]error:[/] {escape(str(exc))}",
                highlight=False,
                markup=True,
                soft_wrap=True,
            )
            sys.exit(1)


def _store(ctx: click.Context) -> Store:
    """Open the store once per command, from --db, KARTOTEKA_DB or kartoteka.toml."""
    if "store" not in ctx.obj:
        ctx.obj["store"] = Store.open(settings.get("db", ctx.obj["db"]))
        ctx.call_on_close(ctx.obj["store"].close)
    return ctx.obj["store"]


def _actor(ctx: click.Context) -> str:
    return settings.actor(ctx.obj["actor"])


table_or_json = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table to read, or JSON (UTF-8) for scripts.",
)
output_option = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file [default: standard output].",
)


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", help="The store: a SQLite file or a database URL [default: kartoteka.db]."
)
@click.option("--shared", help="The shared material folder [default: ../shared].")
@click.option(
    "--actor",
    help="Who is writing, for the revision log [default: the system account name].",
)
@click.version_option(package_name="kartoteka")
@click.pass_context
def cli(
    ctx: click.Context, db: str | None, shared: str | None, actor: str | None
) -> None:
    """Evidence-grounded case files on political repression and rehabilitation."""
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, actor=actor)
    if shared:
        os.environ["KARTOTEKA_SHARED"] = shared  # flag outranks env and toml


@cli.command()
@click.option(
    "--seed",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The seed article [default: <shared>/seeds/roberts-1964-….txt].",
)
@click.pass_context
def demo(ctx: click.Context, seed: Path | None) -> None:
    """Build the store from the seed article and print Tukhachevsky's case.

    Example:

    \b
        kartoteka demo
    """
    from kartoteka.demo import run_demo

    result = run_demo(_store(ctx), _actor(ctx), seed)
    console.print(escape(result.report.summary()), highlight=False)
    c = result.counts
    console.print(
        f"[bold]store[/]: {c['sources']} sources, {result.persons} persons "
        f"({c['entities']} entities), {c['names']} names, {c['claims']} claims, "
        f"{len(result.conflicts)} conflicts, {c['revisions']} revisions"
    )
    console.print()
    from kartoteka.interfaces.case_terminal import print_case

    print_case(result.case, console)
    from kartoteka.interfaces.demo_reasoning import print_reasoning

    print_reasoning(_store(ctx), result.conflicts, console)
    console.print()
    console.print(_store(ctx).verify().summary())
    from kartoteka.interfaces.cli_web import demo_login

    demo_login(_store(ctx))


@cli.command("add-source")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--id", "source_id", help="A short key, e.g. roberts-1964 [default: from the hash]."
)
@click.option("--title")
@click.option("--author", "authors", multiple=True, help="Repeat for several authors.")
@click.option(
    "--date", "published", help="Publication date as EDTF, e.g. 1964-23 (autumn)."
)
@click.option(
    "--kind",
    type=click.Choice([k.value for k in SourceKind]),
    help="What the source is [default: article, or as stored].",
)
@click.option("--language", help="ISO 639-1 code, e.g. en, ru.")
@click.option("--url")
@click.option("--citation")
@click.option(
    "--derived-from", multiple=True, help="Id of a source this one cites or reprints."
)
@click.option(
    "--reliability",
    type=click.Choice(list("ABCDEF")),
    help="A–F; F: cannot be judged [default: F, or as stored].",
)
@click.option(
    "--again", is_flag=True, help="Store a text already stored as another source."
)
@click.option(
    "--extract",
    "then_extract",
    is_flag=True,
    help="Then store what extraction proposes, as candidates for review.",
)
@click.pass_context
def add_source_(
    ctx: click.Context,
    file: Path,
    source_id: str | None,
    again: bool,
    then_extract: bool,
    **meta: Any,
) -> None:
    """Store a .txt, .md, .html or .pdf file verbatim, with its sha256.

    Adding a stored file again changes only the options given; the same
    text under another --id is refused unless --again. With --extract, the
    persons and life-cycle events extraction proposes are stored as
    candidates (docs/extraction.md), none of them evidence until reviewed.

    Example:

    \b
        kartoteka add-source article.html --title "Purge and Rehabilitation" \\
            --author "Dick Roberts" --date 1964-23 --language en
    """
    from kartoteka.ingest.sources import SourceMeta, add_source

    meta["authors"] = tuple(meta["authors"])
    meta["derived_from"] = tuple(meta["derived_from"])
    source, change = add_source(
        _store(ctx), file, SourceMeta(id=source_id, **meta), _actor(ctx), again
    )
    console.print(
        f"{change}: source {source.id} ({len(source.text):,} characters, "
        f"sha256 {source.sha256[:16]}…)",
        highlight=False,
    )
    if then_extract:
        from kartoteka.extract.candidates import extract_stored

        report = extract_stored(_store(ctx), source.id, _actor(ctx))
        console.print(escape(report.summary()), highlight=False)
        console.print("review them: kartoteka review candidates --source " + source.id)


@cli.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(importers.IMPORTERS)))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False, path_type=Path),
    help="For csv: the YAML column mapping (docs/csv-mapping.md).",
)
@click.pass_context
def import_(
    ctx: click.Context, fmt: str, paths: tuple[Path, ...], mapping: Path | None
) -> None:
    """Import PATHS in FORMAT: a curated casefile, or a registry list.

    Registry records that cannot be read are listed with file:line and the
    rest is imported; the exit status is then 1. Importing the same file
    again changes nothing; an interrupted import is completed by a re-run.

    Example:

    \b
        kartoteka import memorial-lists lists-records/records.txt
        kartoteka import memorial-moscow moscow-executions/pages/*.htm
        kartoteka import casefile kartoteka/casefiles/roberts-1964.yaml
        kartoteka import csv book-of-memory.csv --mapping book-of-memory.yaml
    """
    from kartoteka.interfaces.progress import import_progress

    store = _store(ctx)
    with import_progress(errors) as options:
        options.mapping = mapping
        report = importers.run(store, fmt, paths, _actor(ctx), options)
    console.print(escape(report.summary()), highlight=False, soft_wrap=True)
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("person")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CASE_FORMATS),
    help="Write a document instead of printing to the terminal.",
)
@output_option
@click.pass_context
def case(ctx: click.Context, person: str, fmt: str | None, output: Path | None) -> None:
    """Print PERSON's case file: names, timeline, every claim, disagreements.

    PERSON is an id, a casefile key, any of the person's names, or words of
    a name that only one person has (several are listed with their ids).

    Example:

    \b
        kartoteka case Tukhachevsky --format html -o tukhachevsky.html
    """
    from kartoteka.analysis.cases import build_case
    from kartoteka.interfaces.case_document import render
    from kartoteka.interfaces.case_terminal import print_case

    the_case = build_case(_store(ctx), person)
    if fmt is None:
        print_case(the_case, console)
        return
    text = render(the_case, fmt)
    if output:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@cli.command()
@click.pass_context
def verify(ctx: click.Context) -> None:
    """Re-check the revision chain, every row, every source hash and every quote.

    Exits 0 when all hold; otherwise lists each failure and exits 1.

    Example:

    \b
        kartoteka verify
    """
    report = _store(ctx).verify()
    for failure in report.failures:
        errors.print(f"[red]FAIL[/] {escape(failure)}", highlight=False)
    if not report.ok:
        errors.print(f"{len(report.failures)} failures; {report.summary()}")
        sys.exit(1)
    console.print(report.summary())


class ReviewGroup(LazyGroup):
    """`review CLAIM STATUS` reviews a claim; `review links` works the link queue."""

    lazy = REVIEW_COMMANDS

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known = self.list_commands(ctx)
        if args and args[0] not in known and not args[0].startswith("-"):
            args = ["claim", *args]
        return super().parse_args(ctx, args)


@cli.group(cls=ReviewGroup)
def review() -> None:
    """Review a claim (`review CLAIM STATUS`) or the pairs of persons that
    linking could not decide (`review links`).

    Example:

    \b
        kartoteka review clm_0123456789abcdef rejected --reason "misread date"
        kartoteka review links
    """


@review.command("claim")
@click.argument("claim_id")
@click.argument("status", type=click.Choice([s.value for s in Status]))
@click.option("--reason", required=True, help="Why, for the revision log.")
@click.pass_context
def review_claim(ctx: click.Context, claim_id: str, status: str, reason: str) -> None:
    """Set a claim's status (accepted, rejected, candidate), with a reason.

    Example:

    \b
        kartoteka review clm_0123456789abcdef rejected --reason "misread date"
    """
    actor = _actor(ctx)
    with _store(ctx).writing(actor, reason) as tx:
        change = tx.set_status(claim_id, Status(status), reviewer=actor)
    console.print(f"{change}: claim {claim_id} is {status}")


@review.command("claims")
@click.option("--source", help="Only the claims of this source.")
@click.pass_context
def review_claims(ctx: click.Context, source: str | None) -> None:
    """List the claims waiting for review, and why a reviewed one asks again.

    Example:

    \b
        kartoteka review claims --source roberts-1964
    """
    store = _store(ctx)
    where = {"status": "candidate", **({"source_id": source} if source else {})}
    waiting = store.claims(**where)
    why = store.reopened([c.id for c in waiting])
    for c in waiting:
        quote = " ".join(c.passage.text.split())
        line = f"{c.id} {c.predicate} {c.source}: “{quote[:90]}”"
        console.print(escape(line), highlight=False, soft_wrap=True)
        if c.id in why:
            console.print(f"  [yellow]↻ {escape(why[c.id])}[/]", highlight=False)
    console.print(f"{len(waiting)} claims waiting for review, {len(why)} again")


def main() -> None:
    cli(obj={})
