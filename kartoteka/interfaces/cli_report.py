"""Writing a ``Report`` from the command line, in the format asked for."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table as RichTable

from kartoteka.interfaces.cli import console
from kartoteka.interfaces.report import FORMATS, Report, html, markdown, plain

report_format = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="A table to read, Markdown to paste, a standalone HTML page, or JSON.",
)


def drawing_options(command: Callable) -> Callable:
    """--svg FILE and --png FILE: the command's drawing, to files."""
    for fmt in ("png", "svg"):
        command = click.option(
            f"--{fmt}",
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"Draw it to this {fmt.upper()} file.",
        )(command)
    return command


def write_drawings(files: dict[str, Path | None], draw: Callable[[str], bytes]) -> None:
    """Draw in each format a file is given for (``draw(fmt)`` makes the bytes)."""
    for fmt, path in files.items():
        if path is not None:
            path.write_bytes(draw(fmt))
            console.print(f"drawn to {path}", highlight=False)


def emit(fmt: str, report: Report, data: Any) -> None:
    """Write the report in the format asked for; ``data`` is what JSON gets."""
    if fmt == "json":
        click.echo(json.dumps(plain(data), ensure_ascii=False, indent=1))
    elif fmt == "md":
        click.echo(markdown(report), nl=False)
    elif fmt == "html":
        click.echo(html(report), nl=False)
    else:
        show(report)


def show(report: Report) -> None:
    console.print(f"[bold]{escape(report.title)}[/]", highlight=False)
    for line in report.intro:
        console.print(escape(line), highlight=False, soft_wrap=True)
    for t in report.tables:
        table = RichTable(title=escape(t.heading), title_justify="left")
        for column in t.columns:
            table.add_column(escape(column), overflow="fold")
        for row in t.rows:
            table.add_row(*(escape(str(c)) for c in row))
        console.print(table if t.rows else f"{escape(t.heading)}: none")
        for n in t.notes:
            console.print(f"[dim]{escape(n)}[/]", highlight=False, soft_wrap=True)
