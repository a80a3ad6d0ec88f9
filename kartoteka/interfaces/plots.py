"""Figures a historian would put in a paper, drawn with matplotlib."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path

from kartoteka.analysis.statistics import Statistics
from kartoteka.errors import ConfigError

FIGURES = ("executions", "rehabilitations", "events")
SITES_SHOWN = 6


def pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")  # files only, no screen
    import matplotlib.pyplot as plt

    return plt


def _window(stats: Statistics, share: float = 0.99) -> tuple[dt.date, dt.date]:
    """The dates between which ``share`` of all executions fall."""
    days = sorted(
        (d, n) for c in stats.executions_by_day.values() for d, n in c.items()
    )
    total = sum(n for _, n in days)
    cut = (1 - share) / 2 * total
    running, first, last = 0, days[0][0], days[-1][0]
    for day, n in days:
        running += n
        if running - n <= cut:
            first = day
        if running <= total - cut:
            last = day
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


def _executions(ax, stats: Statistics) -> str:  # type: ignore[no-untyped-def]
    totals = Counter(
        {site: sum(days.values()) for site, days in stats.executions_by_day.items()}
    )
    for site, total in totals.most_common(SITES_SHOWN):
        days = sorted(stats.executions_by_day[site].items())
        # Points, not lines: a line would join days years apart.
        ax.plot(
            [dt.date.fromisoformat(d) for d, _ in days],
            [n for _, n in days],
            linestyle="none",
            marker="o",
            markersize=2.5,
            alpha=0.8,
            label=f"{site} ({total:,})",
        )
    first, last = _window(stats)
    ax.set_xlim(first - dt.timedelta(days=7), last + dt.timedelta(days=7))
    ax.set_xlabel(
        f"Date of execution ({first:%d.%m.%Y}–{last:%d.%m.%Y}: 99% of executions)"
    )
    ax.set_ylabel("Persons executed that day")
    ax.legend(title="Burial site (persons)", fontsize=8)
    return "Executions per day, by burial site"


def _rehabilitations(ax, stats: Statistics) -> str:  # type: ignore[no-untyped-def]
    decades = sorted({d for d, _ in stats.rehabilitations})
    organs = [
        o
        for o, _ in Counter(
            {o: n for (_, o), n in stats.rehabilitations.items()}
        ).most_common()
    ]
    organs = sorted({o for _, o in stats.rehabilitations}, key=organs.index)
    bottom = [0] * len(decades)
    for organ in organs:
        heights = [stats.rehabilitations[d, organ] for d in decades]
        ax.bar([f"{d}s" for d in decades], heights, bottom=bottom, label=organ)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xlabel("Decade of rehabilitation")
    ax.set_ylabel("Rehabilitations")
    ax.legend(title="Rehabilitating organ", fontsize=8)
    return "Rehabilitations by decade and organ"


def _events(ax, stats: Statistics) -> str:  # type: ignore[no-untyped-def]
    for predicate in ("arrested", "sentenced", "executed", "rehabilitated"):
        years = sorted(
            (y, n) for (p, y), n in stats.events_by_year.items() if p == predicate
        )
        if years:
            ax.plot([y for y, _ in years], [n for _, n in years], label=predicate)
    ax.set_xlabel("Year")
    ax.set_ylabel("Events recorded")
    ax.legend(fontsize=8)
    return "Arrests, sentences, executions and rehabilitations per year"


DRAW = {
    "executions": _executions,
    "rehabilitations": _rehabilitations,
    "events": _events,
}


DRAWINGS = {"svg": "image/svg+xml", "png": "image/png"}  # format → media type


def rendered(fig, fmt: str) -> bytes:  # type: ignore[no-untyped-def]
    """A drawn figure as SVG (its words kept as text: searchable, selectable)
    or PNG at 150 dpi; the figure is closed."""
    import matplotlib

    if fmt not in DRAWINGS:
        raise ConfigError(f"a drawing is svg or png, not {fmt!r}")
    out = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(out, format=fmt, dpi=150)
    pyplot().close(fig)
    return out.getvalue()


def plot(stats: Statistics, figure: str, path: Path, source_note: str) -> None:
    """Write the figure to a .png or .svg file, titled, labelled, sourced."""
    if path.suffix.lower() not in (".png", ".svg"):
        raise ConfigError(f"{path}: a plot is written as .png or .svg")
    _draw(stats, figure, path, source_note)


def plot_svg(stats: Statistics, figure: str, source_note: str) -> bytes:
    """The figure as SVG, for a page."""
    out = io.BytesIO()
    _draw(stats, figure, out, source_note, fmt="svg")
    return out.getvalue()


def _draw(
    stats: Statistics,
    figure: str,
    path: Path | io.BytesIO,
    source_note: str,
    fmt: str | None = None,
) -> None:
    if figure not in DRAW:
        raise ConfigError(f"no figure {figure!r}; figures: {', '.join(FIGURES)}")
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(11, 6), dpi=120)
    title = DRAW[figure](ax, stats)
    ax.set_title(title)
    ax.grid(alpha=0.3)
    fig.text(0.01, 0.01, f"Source: {source_note}", fontsize=8, color="#444")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path, format=fmt)
    plt.close(fig)
