"""Commands that look around the store: search, entities, sources, stats, settings."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from kartoteka import settings
from kartoteka.analysis import lookup, statistics
from kartoteka.interfaces.cli import _store, cli, console
from kartoteka.interfaces.plots import FIGURES, plot
from kartoteka.interfaces.stats_tables import print_statistics
from kartoteka.model import dates
from kartoteka.model.vocabulary import EntityKind


@cli.command()
@click.argument("text")
@click.option("--limit", default=20, show_default=True)
@click.pass_context
def search(ctx: click.Context, text: str, limit: int) -> None:
    """Full-text search over source texts and the names of entities.

    Russian words are found in every form (Тухачевского finds Тухачевский),
    stress marks are ignored, and a name finds its other spellings
    (Toukhatchevski finds Тухачевский).

    Example:

    \b
        kartoteka search "secret trial"
        kartoteka search Toukhatchevski
    """
    hits = lookup.search(_store(ctx), text, limit)
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
    for s, characters in _store(ctx).source_metas():
        table.add_row(
            s.id,
            str(s.kind),
            s.title,
            dates.human(s.published) or "",
            s.reliability,
            f"{characters:,}",
        )
    console.print(table)


@cli.command("settings")
def settings_() -> None:
    """Show every setting, its value in force and what it means.

    Example:

    \b
        kartoteka settings
    """
    table = Table("name", "value", "from", "meaning")
    for row in settings.describe():
        table.add_row(*row)
    console.print(table)


@cli.command()
@click.option(
    "--plot",
    "plot_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw a figure to this .png or .svg file.",
)
@click.option(
    "--figure",
    type=click.Choice(FIGURES),
    default="executions",
    show_default=True,
    help="Which figure --plot draws.",
)
@click.pass_context
def stats(ctx: click.Context, plot_path: Path | None, figure: str) -> None:
    """Count the registry: events by year, executions per day by burial site,
    sentences by organ, articles of the code, rehabilitations by decade.

    Example:

    \b
        kartoteka stats --plot executions.png
        kartoteka stats --plot rehabilitations.svg --figure rehabilitations
    """
    store = _store(ctx)
    figures = statistics.compute(store)
    print_statistics(figures, console)
    if plot_path:
        sources = sorted(
            {
                s.citation or s.title
                for s, _ in store.source_metas()
                if s.kind == "registry"
            }
        )
        plot(figures, figure, plot_path, "; ".join(sources) or "the kartoteka store")
        console.print(f"wrote {plot_path}")
