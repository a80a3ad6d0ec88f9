"""Splink comparison levels with starting values, shared by the model's
comparisons of names, dates and places and by the identifying fields'."""

from __future__ import annotations

from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl


def valued(level: Any, m: float, u: float) -> Any:
    """A level with a starting m and u, kept where training finds no pairs
    (a small store); trained values replace them."""
    return level.configure(m_probability=m, u_probability=u)


def exact_valued(column: str, m: float, u: float, tf: bool) -> Any:
    """Exact agreement; with term frequencies, a rare name weighs more than a
    common one (Тухачевский more than Иванов)."""
    found = valued(cll.ExactMatchLevel(column), m, u)
    return found.configure(tf_adjustment_column=column) if tf else found


def null_aware(label: str, null_column: str, *levels: Any) -> cl.CustomComparison:
    """A comparison that says nothing when ``null_column`` is missing."""
    return cl.CustomComparison(
        output_column_name=label,
        comparison_levels=[cll.NullLevel(null_column), *levels],
    )


ONCE = " in one record only"


def stated_once(label: str, column: str, *levels: Any) -> cl.CustomComparison:
    """A comparison that says nothing when neither record gives ``column``,
    and learns what it means when only one does: a second record of a person
    often leaves out what the first states, and training finds out how much
    more often than two records of different people do. (Its starting
    weight is none, for a store too small to train.)"""
    left, right = f"{column}_l IS NULL", f"{column}_r IS NULL"
    neither = cll.CustomLevel(f"{left} AND {right}", f"no {column}")
    once = cll.CustomLevel(f"{left} OR {right}", f"{column}{ONCE}")
    return cl.CustomComparison(
        output_column_name=label,
        comparison_levels=[
            neither.configure(is_null_level=True),
            valued(once, 0.1, 0.1),
            *levels,
        ],
    )
