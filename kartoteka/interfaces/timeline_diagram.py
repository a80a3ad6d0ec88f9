"""A life drawn on a time axis: each dated claim of a case as a bar from the
earliest to the latest day its date can mean (a year is a year long, "about
1940" wider still, in a paler shade), one row per event; disputed events in
red, each bar labelled with its source."""

from __future__ import annotations

import datetime as dt

from kartoteka.analysis.cases import Case
from kartoteka.errors import DateError
from kartoteka.interfaces.plots import pyplot, rendered
from kartoteka.model import dates as edtf

ROW = 0.55


def _bars(case: Case) -> list[tuple[str, list[tuple[edtf.Span, str]], bool]]:
    rows = []
    for event in case.events:
        bars = []
        for c in event.claims:
            if not c.date:
                continue
            try:
                told = c.qualifiers.get("cited_from") or c.source
                bars.append((edtf.span(c.date.value), f"{told}: {c.date.value}"))
            except DateError:
                continue
        if bars:
            rows.append((event.predicate, bars, event.conflicted))
    return rows


def timeline_figure(case: Case):  # type: ignore[no-untyped-def]
    """The case's dated events as a matplotlib figure."""
    plt = pyplot()
    import matplotlib.dates as mdates

    rows = _bars(case)
    fig, ax = plt.subplots(figsize=(9, 1.0 + ROW * max(len(rows), 1) * 1.3))
    for y, (_, bars, disputed) in enumerate(rows):
        colour = "#a00" if disputed else "#5a4a1a"
        for k, (span, source) in enumerate(bars):
            offset = y + (k - (len(bars) - 1) / 2) * 0.18
            fuzzy_start = mdates.date2num(span.lower_fuzzy)
            fuzzy_end = mdates.date2num(span.upper_fuzzy + dt.timedelta(days=1))
            start = mdates.date2num(span.lower)
            end = mdates.date2num(span.upper + dt.timedelta(days=1))
            ax.barh(
                offset,
                fuzzy_end - fuzzy_start,
                left=fuzzy_start,
                height=0.14,
                color=colour,
                alpha=0.25,
            )
            ax.barh(offset, max(end - start, 30), left=start, height=0.14, color=colour)
            ax.text(end + 60, offset, source, va="center", fontsize=7, color="#444")
    ax.set_yticks(
        range(len(rows)), [p + (" (disputed)" if d else "") for p, _, d in rows]
    )
    ax.invert_yaxis()
    spans = [span for _, bars, _ in rows for span, _ in bars]
    if spans:
        first = min(s.lower_fuzzy for s in spans) - dt.timedelta(days=365)
        last = max(s.upper_fuzzy for s in spans) + dt.timedelta(days=4 * 365)
        ax.set_xlim(mdates.date2num(first), mdates.date2num(last))
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_title(case.person.name, fontsize=10, loc="left")
    ax.grid(axis="x", color="#ddd")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def timeline_drawing(case: Case, fmt: str) -> bytes:
    """The timeline as SVG or PNG."""
    return rendered(timeline_figure(case), fmt)
