"""Diagrams drawn with matplotlib, as SVG for pages and PNG for papers:
custody chains, one row per account.

Holders are boxes, steps arrows: a solid arrow is a step some source tells,
a dashed one a step no source tells (through an unknown holder); a grey
arrow is one every account shares, which cannot tell them apart.
"""

from __future__ import annotations

import textwrap

from kartoteka.analysis.custody import UNKNOWN, Custody
from kartoteka.interfaces.plots import pyplot, rendered

BOX_W, BOX_H, GAP, ROW_H, LABEL_W = 1.9, 0.62, 0.7, 1.0, 1.6
ROUNDED = "round,pad=0.02,rounding_size=0.08"


def _short(name: str, most: int = 40) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"


def _box(ax, x: float, y: float, label: str, unknown: bool) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (x, y - BOX_H / 2), BOX_W, BOX_H, boxstyle=ROUNDED,
            fc="#f4f4f4" if unknown else "#fff8e6", ec="#999" if unknown else "#8a6d1f",
            ls="--" if unknown else "-", lw=1,
        )
    )  # fmt: skip
    ax.text(x + BOX_W / 2, y, textwrap.fill(_short(label), 20), ha="center",
            va="center", fontsize=8, color="#666" if unknown else "#111")  # fmt: skip


def custody_figure(custody: Custody):  # type: ignore[no-untyped-def]
    """The chains of a document as a matplotlib figure."""
    plt = pyplot()
    longest = max((len(c.holders) for c in custody.chains), default=1)
    rows = max(len(custody.chains), 1)
    width = LABEL_W + longest * (BOX_W + GAP)
    fig, ax = plt.subplots(figsize=(width * 0.9, 0.5 + rows * ROW_H * 0.9))
    ax.set_xlim(0, width)
    ax.set_ylim(0, rows * ROW_H)
    ax.axis("off")
    for row, chain in enumerate(custody.chains):
        y = (rows - row - 0.5) * ROW_H
        ax.text(0.05, y, textwrap.fill(custody.name(chain.voice), 16), va="center",
                ha="left", fontsize=8.5, style="italic")  # fmt: skip
        xs = [LABEL_W + i * (BOX_W + GAP) for i in range(len(chain.holders))]
        for x, holder in zip(xs, chain.holders, strict=True):
            _box(ax, x, y, custody.name(holder), holder == UNKNOWN)
        for i, step in enumerate(chain.steps):
            shared = (step.giver, step.taker) in custody.shared
            ax.annotate(
                "", xy=(xs[i + 1] - 0.04, y), xytext=(xs[i] + BOX_W + 0.04, y),
                arrowprops={"arrowstyle": "-|>", "lw": 1.3,
                            "ls": "-" if step.known else "--",
                            "color": "#aaa" if shared or not step.known else "#333"},
            )  # fmt: skip
            if step.date:
                ax.text((xs[i] + BOX_W + xs[i + 1]) / 2, y + 0.2, step.date,
                        ha="center", fontsize=7, color="#555")  # fmt: skip
    ax.set_title(custody.name(custody.artifact), fontsize=10, loc="left")
    fig.tight_layout()
    return fig


def custody_drawing(custody: Custody, fmt: str) -> bytes:
    """The chains as SVG or PNG."""
    return rendered(custody_figure(custody), fmt)
