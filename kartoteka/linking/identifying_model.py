"""The identifying fields in the Splink model: a comparison and blocking
rules for each declared field (``kartoteka.linking.identifying``).

Starting values are for a store too small to train, or whose duplicates
are too few for EM (then they stay): a person's own number agreeing is
nearly conclusive; a shared value (an address, a post) says less, and
how much less term frequencies tell (the busiest address, the commonest
post weigh least).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on

from kartoteka.linking.identifying import blocking_only
from kartoteka.linking.levels import exact_valued, stated_once, valued
from kartoteka.model.identifying import IdentifyingField


def field_comparison(field: IdentifyingField, tf: bool) -> cl.CustomComparison:
    """How two persons' values of ``field`` compare, from most to least alike."""
    column, *more = field.columns()
    label = f"id_{field.name}"
    # u of agreement: a person's own number is shared by chance almost never
    rare = 1e-6 if field.own else 1e-3
    if field.compare == "date":
        month, year, _block = more
        return stated_once(
            label,
            year,
            valued(cll.ExactMatchLevel(column), 0.6, 0.002),
            valued(cll.ExactMatchLevel(month), 0.1, 0.01),
            valued(cll.ExactMatchLevel(year), 0.1, 0.1),
            # a person arrested twice, or a date read otherwise
            valued(cll.ElseLevel(), 0.2, 0.888),
        )
    if field.compare == "normalized":
        words, _end = more
        return stated_once(
            label,
            column,
            exact_valued(column, 0.7, rare, tf),
            valued(cll.ArrayIntersectLevel(words, 3), 0.15, rare * 2),
            valued(cll.ArrayIntersectLevel(words, 2), 0.05, 0.01),
            valued(cll.ElseLevel(), 0.1, 0.99),
        )
    if field.compare == "exact":
        return stated_once(
            label,
            column,
            exact_valued(column, 0.8, 0.01 if not field.own else rare, tf),
            valued(cll.ElseLevel(), 0.2, 0.99),
        )
    return stated_once(
        label,
        column,
        exact_valued(column, 0.7, rare, tf),
        valued(cll.LevenshteinLevel(column, 1), 0.1, rare * 2),
        valued(cll.LevenshteinLevel(column, 2), 0.05, rare * 5),
        valued(cll.JaroWinklerLevel(column, 0.9), 0.05, 0.01),
        valued(cll.ElseLevel(), 0.1, 0.98),
    )


def field_blocking(field: IdentifyingField) -> list[Any]:
    """Rules that bring two records of one person together on ``field``: a
    person's own number alone; a shared value with the birth year (an
    address: its particular end); a post or other words compared loosely
    with the birth year and the day of death (with the year alone, every
    "колхозник" born in one year would be a block). An address's end or a
    day of arrest shared by a crowd born in one year does not block
    (FeatureTable, CROWD)."""
    column = blocking_only(field) or field.columns()[0]
    if field.own:
        return [block_on(column)]
    if field.compare == "fuzzy":
        # with the day of death too: a post is common, the three together not
        return [block_on(column, "birth_year", "death_date")]
    return [block_on(column, "birth_year")]


def identifying_comparisons(
    fields: Sequence[IdentifyingField], tf: bool
) -> list[cl.CustomComparison]:
    return [field_comparison(f, tf) for f in fields]


def identifying_blocking(fields: Sequence[IdentifyingField]) -> list[Any]:
    return [rule for f in fields for rule in field_blocking(f)]
