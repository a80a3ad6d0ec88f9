"""The statistics as tables: rows of words, for the terminal and the web page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

from kartoteka.analysis.statistics import Statistics
from kartoteka.model.vocabulary import LIFECYCLE_ORDER

TOP = 12


@dataclass(frozen=True)
class StatTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def stat_tables(stats: Statistics) -> list[StatTable]:
    """Every table of the statistics, largest counts first."""
    events = []
    for predicate in LIFECYCLE_ORDER:
        if stats.events[predicate]:
            years = Counter(
                {y: n for (p, y), n in stats.events_by_year.items() if p == predicate}
            )
            peak = years.most_common(1)
            events.append((
                predicate,
                f"{stats.events[predicate]:,}",
                f"{peak[0][0]} ({peak[0][1]:,})" if peak else "—",
            ))  # fmt: skip
    sites = []
    totals = Counter({s: sum(d.values()) for s, d in stats.executions_by_day.items()})
    for site, total in totals.most_common(TOP):
        day, count = stats.executions_by_day[site].most_common(1)[0]
        days = f"{len(stats.executions_by_day[site]):,}"
        sites.append((site, f"{total:,}", days, f"{day} ({count})"))
    decades = sorted({d for d, _ in stats.rehabilitations})
    organs_seen = tuple(sorted({o for _, o in stats.rehabilitations}))
    rehab = [
        (f"{d}s", *(f"{stats.rehabilitations[d, o]:,}" for o in organs_seen))
        for d in decades
    ]
    return [
        StatTable("Events recorded", ("event", "claims", "peak year"), tuple(events)),
        StatTable(
            "Executions by burial site",
            ("burial site", "persons", "days", "busiest day"),
            tuple(sites),
        ),
        StatTable(
            "Sentences by sentencing organ",
            ("organ", "sentences"),
            tuple((o, f"{n:,}") for o, n in stats.sentences_by_organ.most_common(TOP)),
        ),
        StatTable(
            "Articles of the criminal code",
            ("article", "sentences"),
            tuple((a, f"{n:,}") for a, n in stats.articles.most_common(TOP)),
        ),
        StatTable(
            "Rehabilitations by decade and organ",
            ("decade", *organs_seen),
            tuple(rehab),
        ),
    ]


def rehabilitated_line(stats: Statistics) -> str:
    return (
        f"Rehabilitated: {len(stats.rehabilitated & stats.repressed):,} of "
        f"{len(stats.repressed):,} persons arrested, sentenced or executed "
        f"({stats.share_rehabilitated:.1%})"
    )


def print_statistics(stats: Statistics, console: Console) -> None:
    for found in stat_tables(stats):
        table = Table(title=found.title, title_justify="left")
        for i, column in enumerate(found.columns):
            table.add_column(column, justify="right" if i else "left")
        for row in found.rows:
            table.add_row(*row)
        console.print(table)
    console.print(rehabilitated_line(stats))
