"""The Splink model: one specification, for DuckDB or Spark.

Comparisons are built with Splink's creators, so the same model runs in
either dialect. Blocking pairs persons who share a surname key and a birth
year when a patronymic is missing; a surname key and both initials with
one of the two names the same or given as initials only (at most three
years apart in age), or all three names at any age; a given
name, patronymic, birth year and the surname's first letter (surnames at
most three edits apart), or a given
name and the full birth date (which catch a changed surname); the full
birth date and a first letter (both names changed); a given name,
patronymic and the first three or the last five letters of the surname
key, or the date of death and its first letter (a misspelt surname); given
name and surname the other way round. A missing patronymic blocks as a
value of its own.

Rules that every block of a common name makes quadratic were narrowed when
the others found nearly all they found: at 1.2 M synthetic records the
surname with the birth year (now only where a patronymic is missing)
paired 6.4 M records and alone found 71 true pairs of 199,817; the given
name, patronymic and birth year paired 8.2 M and alone found 496 (now with
the surname's first letter: a slip rarely hits it); the given name,
patronymic and date of death paired 1.7 M and found no true pair more than
with the surname's first letter; the surname and both initials paired 2.6 M and
now pair persons further apart in age only when all three names agree (2.0 M
pairs in all, from 3.8 M).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on
from splink.blocking_rule_library import And, CustomRule

from kartoteka.linking.guard import MAX_YEARS_APART, NAME_COLUMNS
from kartoteka.linking.identifying_model import (
    identifying_blocking,
    identifying_comparisons,
)
from kartoteka.linking.levels import (
    exact_valued,
    null_aware,
    stated_once,
    valued,
)
from kartoteka.model.identifying import IdentifyingField

# A missing patronymic (a foreigner's, or none recorded) is a value of its
# own in blocking: two such persons are compared on what they have.
_PATRONYMIC = "coalesce(patronymic_key, '')"
_PATRONYMIC_INITIAL = "coalesce(patronymic_initial, '')"
_SURNAME_LETTER = "coalesce(substr(surname_key, 1, 1), '')"
# A record that names nobody, as SQL over "l" or "r" (the guard's ``named``).
_NAMELESS = "(" + " AND ".join(f"{{0}}.{c} IS NULL" for c in NAME_COLUMNS) + ")"


def _near_in_age(
    rule: Any, explode: list[str] | None = None, where: str | None = None
) -> Any:
    """A blocking rule for pairs whose birth years, where both are given,
    are no further apart than the guard allows a merge. The arrays to
    explode are the combined rule's (Splink's And drops its parts' own, and
    would compare whole arrays). ``where``: a condition besides."""
    near = CustomRule(
        "l.birth_year IS NULL OR r.birth_year IS NULL "
        f"OR abs(l.birth_year - r.birth_year) <= {MAX_YEARS_APART}"
    )
    parts = [rule, near] + ([CustomRule(where)] if where else [])
    return And(*parts, arrays_to_explode=explode)


def _swapped_names(left: str, right: str) -> str:
    """Given name and surname written the other way round (Latin lists), as
    SQL over two records' columns: ``"l.{}"`` / ``"r.{}"`` in blocking,
    ``"{}_l"`` / ``"{}_r"`` in comparison levels."""
    l_, r_ = left.format, right.format
    return (
        f"{l_('surname_key')} = {r_('given_key')} "
        f"AND {l_('given_key')} = {r_('surname_key')}"
    )


BLOCKING = [
    # A name without a patronymic (most sources in Latin script give none):
    # the surname and the birth year. With both patronymics given, the rule
    # below, which asks for both initials, finds the pairs this one did.
    CustomRule(
        "l.surname_keys = r.surname_keys AND l.birth_year = r.birth_year "
        "AND (l.patronymic_key IS NULL OR r.patronymic_key IS NULL)",
        arrays_to_explode=["surname_keys"],
    ),
    # The surname and both initials, with one of the two names whole: a
    # slip in the given name, or in the patronymic. (Both initials alone
    # paired 6.1 M at 3.7 M persons, most of them namesakes whose given
    # names and patronymics both differ.)
    _near_in_age(
        block_on("surname_keys", "given_initial", _PATRONYMIC),
        explode=["surname_keys"],
    ),
    _near_in_age(
        block_on("surname_keys", "given_key", _PATRONYMIC_INITIAL),
        explode=["surname_keys"],
    ),
    # Both initials where a record gives initials only (М. Н. Тухачевский).
    _near_in_age(
        block_on("surname_keys", "given_initial", _PATRONYMIC_INITIAL),
        explode=["surname_keys"],
        where="l.given_key IS NULL OR r.given_key IS NULL "
        "OR l.patronymic_key IS NULL OR r.patronymic_key IS NULL",
    ),
    # Further apart only when all three names agree: the guard sends such a
    # pair to review, for a person to judge a slip in a year (the Moscow list
    # has two Гайдучек Константин Петрович from Свислочь, shot on one day,
    # born 1890 and 1904).
    block_on("surname_key", "given_key", _PATRONYMIC),
    # (A record naming one word only, a surname variant of the lists, reads
    # as a given name without a surname: a missing surname is a value too.)
    # Surnames at most three edits apart: a slip, not a stranger who shares
    # a first letter (5.5 M pairs at 3.7 M persons without the bound, 0.7 M
    # with it). levenshtein() is DuckDB's and Spark's alike.
    And(
        block_on("given_key", _PATRONYMIC, "birth_year", _SURNAME_LETTER),
        # (no surname on one side means none on the other: the letters agree)
        CustomRule(
            "l.surname_key IS NULL OR levenshtein(l.surname_key, r.surname_key) <= 3"
        ),
    ),
    block_on("given_key", "birth_date"),
    # Both names misspelt or changed: the full birth date and a first letter.
    block_on("birth_date", "given_initial"),
    block_on("birth_date", "substr(surname_key, 1, 1)"),
    # A slip in the surname leaves its beginning or its end (five letters:
    # three would put every -ов with every other). With another birth year
    # as well, at most three years apart: the guard keeps any pair further
    # apart from a merge, and two slips at once with such years are
    # namesakes far more often than one person.
    _near_in_age(block_on("given_key", _PATRONYMIC, "substr(surname_key, 1, 3)")),
    _near_in_age(block_on("given_key", _PATRONYMIC, "substr(surname_key, -5)")),
    # A misspelt surname and no birth year in common: the date of death, and
    # the surname's first letter (without it, 1.7 M pairs at 1.2 M records,
    # and no true pair more). With initials only, the date and first letters
    # would pair too many: the busiest days of 1937 have thousands of
    # executions.
    _near_in_age(block_on("given_key", _PATRONYMIC, "death_date", _SURNAME_LETTER)),
    # Initials and a slip in the surname (Stoaynov B. S., Стоянов Борис
    # Семенович): both initials, the birth year, the surname's beginning —
    # where one record gives initials only (full names have their rule above).
    And(
        block_on(
            "given_initial",
            _PATRONYMIC_INITIAL,
            "birth_year",
            "substr(surname_key, 1, 3)",
        ),
        CustomRule("l.given_key IS NULL OR r.given_key IS NULL"),
    ),
    _swapped_names("l.{}", "r.{}"),
    # Records that name nobody (most of the all-Russia list's): birth year,
    # date of death and birthplace as written, all three — where one of the
    # two names nobody, or both share a surname or a first initial (brothers,
    # one man whose other name a copyist changed: for a person to judge; a
    # copy giving initials and a slip in the surname).
    # Between any two named records it paired 4.1 M of 22.4 M at 3.7 M
    # persons: strangers born in one year and town and shot on one day.
    And(
        block_on("birth_year", "death_date", "birthplace"),
        CustomRule(
            f"{_NAMELESS.format('l')} OR {_NAMELESS.format('r')} "
            "OR l.surname_key = r.surname_key OR l.given_initial = r.given_initial"
        ),
    ),
]
# Rules that find pairs for training, each leaving some comparisons free.
# Narrow ones: in the pairs that share a surname alone, most pairs hold a
# record that leaves out a birthplace or a date the other states, and EM
# took that split for the matches (given names agreeing in 3 % of them).
# Every comparison is trained by at least one step. A step tries its rules
# in turn until one trains plausibly: the surname's own step asks for the
# date of death, and where sources give none, or the pairs sharing one are
# namesakes shot on one day (a list without duplicates of its own), for the
# birth year instead.
TRAINING = [
    (block_on("surname_key", "given_key"),),
    (
        block_on("given_key", "patronymic_key", "death_date"),
        block_on("given_key", "patronymic_key", "birth_year"),
    ),
    (block_on("surname_key", "patronymic_key"),),
]


def _swapped() -> cl.CustomComparison:
    """Given name and surname written the other way round: a comparison of
    its own (in the surname's or the given name's, it would keep EM from
    training them: Splink trains no comparison that reads a column a
    training rule blocks on). Its weight is fixed: enough to outweigh the
    surname and given name that then disagree, and too rare to train."""
    fixed = {"fix_m_probability": True, "fix_u_probability": True}
    return null_aware(
        "order",
        "surname_key",
        valued(
            cll.CustomLevel(
                _swapped_names("{}_l", "{}_r"), "given name and surname swapped"
            ),
            0.01,
            1e-9,
        ).configure(**fixed),
        valued(cll.ElseLevel(), 0.99, 1.0).configure(**fixed),
    )


def _name_part(column: str, initial: str, label: str, tf: bool) -> cl.CustomComparison:
    # An initial agreeing with a name it may stand for ("В." and "Владимир")
    # is a level of its own: two full names that differ but share a first
    # letter are evidence against, and belong with the rest. Its m is fixed
    # (near the 0.12 EM found at 1.2 M records when a rule left it free):
    # the training rules, each asking for a full name, never see a record of
    # initials, and EM would put it near zero.
    initial_only = (
        f"({column}_l IS NULL OR {column}_r IS NULL) AND {initial}_l = {initial}_r"
    )
    return null_aware(
        label,
        initial,
        exact_valued(column, 0.85, 0.02, tf),
        valued(cll.ArrayIntersectLevel(f"{column}s", 1), 0.05, 0.005),
        valued(cll.JaroWinklerLevel(column, 0.9), 0.03, 0.01),
        valued(
            cll.CustomLevel(initial_only, "initial stands for the name"), 0.1, 0.003
        ).configure(fix_m_probability=True),
        valued(cll.ElseLevel(), 0.01, 0.96),
    )


def comparisons(tf: bool = True) -> list[Any]:
    return [
        null_aware(
            "surname",
            "surname_key",
            exact_valued("surname_key", 0.85, 0.001, tf),
            valued(cll.ArrayIntersectLevel("surname_keys", 1), 0.08, 0.0005),
            valued(cll.LevenshteinLevel("surname_key", 1), 0.04, 0.001),
            valued(cll.JaroWinklerLevel("surname_key", 0.88), 0.02, 0.01),
            valued(cll.ElseLevel(), 0.01, 0.9875),
        ),
        _name_part("given_key", "given_initial", "given", tf),
        _name_part("patronymic_key", "patronymic_initial", "patronymic", tf),
        stated_once(
            "birth",
            "birth_year",
            valued(cll.ExactMatchLevel("birth_date"), 0.5, 0.0001),
            valued(cll.ExactMatchLevel("birth_month"), 0.1, 0.001),
            valued(cll.ExactMatchLevel("birth_year"), 0.25, 0.01),
            valued(cll.AbsoluteDifferenceLevel("birth_year", 1), 0.1, 0.02),
            valued(cll.AbsoluteDifferenceLevel("birth_year", 3), 0.03, 0.04),
            valued(cll.ElseLevel(), 0.02, 0.93),
        ),
        # Executed or died: two records of one person mostly give one date
        # (sometimes the sentence's, or another reading, instead).
        stated_once(
            "death",
            "death_year",
            # by how many died that day: the busiest days of 1937-38 saw
            # hundreds shot in Moscow alone
            exact_valued("death_date", 0.6, 0.003, tf),
            valued(cll.ExactMatchLevel("death_year"), 0.2, 0.3),
            valued(cll.ElseLevel(), 0.2, 0.7),
        ),
        stated_once(
            "birthplace",
            "birthplace",
            valued(cll.ExactMatchLevel("birthplace"), 0.6, 0.01),
            valued(cll.JaroWinklerLevel("birthplace", 0.88), 0.2, 0.02),
            valued(cll.ElseLevel(), 0.2, 0.97),
        ),
        null_aware(
            "sex",
            "sex",
            valued(cll.ExactMatchLevel("sex"), 0.98, 0.5),
            valued(cll.ElseLevel(), 0.02, 0.5),
        ),
        _swapped(),
    ]


# The comparisons of a person's names: what is left without them is the rest
# of the evidence, which the guard weighs on its own (kartoteka.linking.guard).
NAME_COMPARISONS = ("surname", "given", "patronymic", "order")


# A model trained before is reused while this and the identifying fields stay
# the same; raise it whenever comparisons, levels or blocking change.
MODEL_VERSION = 5


def signature(fields: Sequence[IdentifyingField] = (), engine: str = "duckdb") -> str:
    """What a kept model was made for: this version, the fields, and the
    engine (its blocking rules are kept in the engine's SQL)."""
    made_for = [MODEL_VERSION, engine, [(f.name, f.compare, f.own) for f in fields]]
    return hashlib.sha256(json.dumps(made_for).encode()).hexdigest()


def blocking(fields: Sequence[IdentifyingField] = ()) -> list[Any]:
    """The blocking rules, with those of the store's identifying fields."""
    return BLOCKING + identifying_blocking(fields)


def settings(
    term_frequencies: bool = True, fields: Sequence[IdentifyingField] = ()
) -> SettingsCreator:
    """The model, with a comparison for each identifying field; without term
    frequencies for a few persons, whose name counts say nothing of how
    common a name is. Intermediate columns are kept: the weight of each
    comparison, from which the rest of the evidence is read."""
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons(term_frequencies)
        + identifying_comparisons(fields, term_frequencies),
        blocking_rules_to_generate_predictions=blocking(fields),
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        probability_two_random_records_match=1e-4,
    )
