"""A case file in the terminal, with Rich."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kartoteka.analysis.cases import Case
from kartoteka.interfaces.case_view import (
    ClaimLine,
    attribute_lines,
    claim_line,
    conflict_lines,
    in_quotes,
    names,
    record_lines,
    subtitle,
    timeline,
)

STANCE_STYLE = {"affirms": "green", "denies": "bold red", "doubts": "yellow"}


def _claim(line: ClaimLine, mark_conflict: bool = True) -> Text:
    text = Text("  • ")
    text.append(line.source, style="cyan")
    if line.asserted_by:
        text.append(f" — in the words of {line.asserted_by}", style="magenta")
    text.append(f"  [{line.stance}", style=STANCE_STYLE.get(line.stance, ""))
    text.append(f", {line.status}, {line.certainty}]", style="dim")
    if line.detail:
        text.append(f"\n    {line.detail}", style="dim")
    text.append(f"\n    {in_quotes(line.quote)}", style="italic")
    if line.conflict and mark_conflict:
        text.append(f"\n    ⚠ {line.conflict}", style="bold red")
    return text


def _names(case: Case) -> Table:
    table = Table(title="Names", title_justify="left", show_edge=False, expand=False)
    for column in ("name", "script", "kind", "source"):
        table.add_column(column)
    for n in names(case):
        table.add_row(n.name, n.script, str(n.kind), n.source or "—")
    return table


def print_case(case: Case, console: Console) -> None:
    p = case.person
    header = Text(p.name, style="bold")
    header.append(f"\n{subtitle(case)}", style="dim")
    console.print(Panel(header, expand=False))
    console.print(_names(case))
    for key, value in attribute_lines(case):
        line = Text(f"{key}: ", style="bold")
        line.append(value)
        console.print(line)
    for record in record_lines(case):
        console.rule(f"Record {record.ref} in {record.source}")
        console.print(Text(record.text, style="italic"))
    if case.events:
        console.rule("Timeline")
    for event in timeline(case):
        mark = "  ⚠ DISPUTED" if event.conflicted else ""
        console.print(
            Text(
                f"{event.heading}  {event.predicate}{mark}",
                style="bold red" if event.conflicted else "bold",
            )
        )
        for note in event.notes:
            console.print(Text(f"  = {note}", style="green"))
        for line in event.claims:
            console.print(_claim(line))
    if case.conflicts:
        console.rule("Disagreements", style="red")
        for heading, lines in conflict_lines(case):
            console.print(Text(heading, style="bold red"))
            for line in lines:
                console.print(_claim(line, mark_conflict=False))
    for title, claims in (
        ("Relations, documents and numbers", case.relations),
        ("Mentioned in others' claims", case.mentions),
    ):
        if claims:
            console.rule(title)
            console.print(
                Group(
                    *(_claim(claim_line(case, c, with_predicate=True)) for c in claims)
                )
            )
