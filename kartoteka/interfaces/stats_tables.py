"""The statistics as Rich tables."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from kartoteka.analysis.statistics import Statistics
from kartoteka.model.vocabulary import LIFECYCLE_ORDER

TOP = 12


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for i, column in enumerate(columns):
        table.add_column(column, justify="right" if i else "left")
    return table


def print_statistics(stats: Statistics, console: Console) -> None:
    events = _table("Events recorded", "event", "claims", "peak year")
    for predicate in LIFECYCLE_ORDER:
        if stats.events[predicate]:
            years = Counter(
                {y: n for (p, y), n in stats.events_by_year.items() if p == predicate}
            )
            peak = years.most_common(1)
            events.add_row(
                predicate,
                f"{stats.events[predicate]:,}",
                f"{peak[0][0]} ({peak[0][1]:,})" if peak else "—",
            )
    console.print(events)

    sites = _table(
        "Executions by burial site", "burial site", "persons", "days", "busiest day"
    )
    totals = Counter({s: sum(d.values()) for s, d in stats.executions_by_day.items()})
    for site, total in totals.most_common(TOP):
        day, count = stats.executions_by_day[site].most_common(1)[0]
        sites.add_row(
            site,
            f"{total:,}",
            f"{len(stats.executions_by_day[site]):,}",
            f"{day} ({count})",
        )
    console.print(sites)

    organs = _table("Sentences by sentencing organ", "organ", "sentences")
    for organ, n in stats.sentences_by_organ.most_common(TOP):
        organs.add_row(organ, f"{n:,}")
    console.print(organs)

    articles = _table("Articles of the criminal code", "article", "sentences")
    for article, n in stats.articles.most_common(TOP):
        articles.add_row(article, f"{n:,}")
    console.print(articles)

    decades = sorted({d for d, _ in stats.rehabilitations})
    organs_seen = sorted({o for _, o in stats.rehabilitations})
    rehab = _table("Rehabilitations by decade and organ", "decade", *organs_seen)
    for decade in decades:
        rehab.add_row(
            f"{decade}s",
            *(f"{stats.rehabilitations[decade, o]:,}" for o in organs_seen),
        )
    console.print(rehab)
    console.print(
        f"Rehabilitated: {len(stats.rehabilitated & stats.repressed):,} of "
        f"{len(stats.repressed):,} persons arrested, sentenced or executed "
        f"({stats.share_rehabilitated:.1%})"
    )
