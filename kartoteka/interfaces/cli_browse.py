"""Commands that look around the store: search, entities, sources, settings."""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from kartoteka import settings
from kartoteka.interfaces.cli import _store, cli, console
from kartoteka.model.vocabulary import EntityKind


@cli.command()
@click.argument("text")
@click.option("--limit", default=20, show_default=True)
@click.pass_context
def search(ctx: click.Context, text: str, limit: int) -> None:
    """Full-text search over source texts and the names of entities.

    Example:

    \b
        kartoteka search "secret trial"
    """
    hits = _store(ctx).search(text, limit)
    for hit in hits:
        line = Text(hit.kind, style="cyan")
        line.append(f" {hit.ref}: ")
        line.append(hit.snippet)  # a Text, so the [match] brackets stay as written
        line.highlight_regex(r"\[[^\]]+\]", "bold yellow")
        console.print(line)
    console.print(f"{len(hits)} hits")


@cli.command()
@click.option(
    "--kind",
    type=click.Choice([k.value for k in EntityKind]),
    default="person",
    show_default=True,
)
@click.pass_context
def entities(ctx: click.Context, kind: str) -> None:
    """List the entities of a kind, with their ids.

    Example:

    \b
        kartoteka entities --kind organization
    """
    table = Table("id", "name", "names")
    for entity in _store(ctx).entities(kind=EntityKind(kind)).values():
        table.add_row(entity.id, entity.name, str(len(entity.names)))
    console.print(table)


@cli.command()
@click.pass_context
def sources(ctx: click.Context) -> None:
    """List the stored sources.

    Example:

    \b
        kartoteka sources
    """
    table = Table("id", "kind", "title", "published", "rel.", "characters")
    for s in _store(ctx).sources():
        table.add_row(
            s.id,
            str(s.kind),
            s.title,
            s.published or "",
            s.reliability,
            f"{len(s.text):,}",
        )
    console.print(table)


@cli.command("settings")
def settings_() -> None:
    """Show every setting, its value in force and what it means.

    Example:

    \b
        kartoteka settings
    """
    table = Table("name", "value", "meaning")
    for name, value, meaning in settings.describe():
        table.add_row(name, value, meaning)
    console.print(table)
