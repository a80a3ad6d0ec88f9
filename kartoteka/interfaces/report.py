"""One analysis, four forms: a table to read in the terminal, Markdown to
paste, a standalone HTML page to keep or print, JSON for scripts.

An analysis command builds a ``Report`` (headed tables with notes) for the
first three, and gives its library result for JSON as it is.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

import click
from rich.markup import escape
from rich.table import Table as RichTable

from kartoteka.interfaces.cli import console

FORMATS = ("table", "md", "html", "json")

report_format = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="A table to read, Markdown to paste, a standalone HTML page, or JSON.",
)


@dataclass
class Table:
    heading: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Report:
    title: str
    intro: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    svg: str | None = None  # a diagram, for the HTML form


def plain(value: Any) -> Any:
    """Dataclasses, sets and tuples as JSON's values."""
    if is_dataclass(value) and not isinstance(value, type):
        return plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return [plain(v) for v in items]
    return value


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


def _md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    for line in report.intro:
        lines += [line, ""]
    for t in report.tables:
        lines += [f"## {t.heading}", ""]
        if t.rows:
            lines.append("| " + " | ".join(t.columns) + " |")
            lines.append("|---" * len(t.columns) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in t.rows]
        else:
            lines.append("none")
        lines.append("")
        for n in t.notes:
            lines += [n, ""]
    return "\n".join(lines)


def html(report: Report) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("kartoteka.interfaces", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    return env.get_template("report.html.j2").render(report=report)


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
