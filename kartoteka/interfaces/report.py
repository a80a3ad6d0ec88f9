"""One analysis, four forms: a table to read in the terminal, Markdown to
paste, a standalone HTML page to keep or print, JSON for scripts.

An analysis builds a ``Report`` (headed tables with notes) for the first
three, and gives its library result for JSON as it is; ``cli_report`` writes
them from the command line, the web app renders the same ``Report``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

FORMATS = ("table", "md", "html", "json")


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
    from kartoteka.interfaces.templating import environment

    return environment().get_template("report.html.j2").render(report=report)
