"""Training the model: the prior, u by random sampling, m by EM, and the
checks that keep what EM learned from pairs of namesakes out of it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from splink import Linker, block_on

from kartoteka.linking.levels import ONCE
from kartoteka.linking.model import TRAINING


def _attempt(label: str, step: Callable[[], object], notes: list[str]) -> bool:
    """Run a training step; whether it ran (if not, a note says why)."""
    try:
        step()
    except Exception as exc:  # Splink raises many kinds when pairs are few
        notes.append(f"{label}: {type(exc).__name__}: {str(exc)[:120]}")
        return False
    return True


def plausible(model: dict[str, Any]) -> bool:
    """Did EM find the matches, not some other split of the pairs? Among
    matches an exact surname, given name and patronymic are the rule."""
    for comparison in model["comparisons"]:
        if comparison["output_column_name"] in ("surname", "given", "patronymic"):
            exact = comparison["comparison_levels"][1]
            if (exact.get("m_probability") or 0) < 0.5:
                return False
    return True


def _once_neutral(model: dict[str, Any]) -> dict[str, Any]:
    """The model with a detail stated in one record only weighing nothing:
    its starting m says nothing once u is trained."""
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("label_for_charts", "").endswith(ONCE):
                level["m_probability"] = level["u_probability"]
    return model


def _train_step(
    linker: Linker,
    frame: Any,
    rules: Sequence[Any],
    em_pairs: float,
    notes: list[str],
) -> Linker:
    """EM on the first of these rules that runs and trains the names it
    leaves free plausibly; the last one is taken if it runs at all (the
    whole model is checked after the last step)."""
    so_far = linker.misc.save_model_to_json()
    for n, rule in enumerate(rules):
        em = linker.training.estimate_parameters_using_expectation_maximisation
        # On sampled pairs: each rule pairs millions of records at a million
        # persons. (With these narrow rules half a million pairs train as
        # two million did; with the surname alone, a million left EM without
        # a plausible split on the cross-script test.)
        ran = _attempt(
            "m by EM", lambda r=rule, em=em: em(r, max_pairs=em_pairs), notes
        )
        last = n == len(rules) - 1
        if ran and (last or _names_plausible(so_far, linker)):
            if n:
                notes.append(f"m by EM: trained on rule {n + 1} of its step instead")
            return linker
        if ran:
            notes.append(f"m by EM: rule {n + 1} of its step found namesakes")
        # Splink sets aside the comparisons a rule blocks on while EM runs,
        # and a failed or refused run leaves them out: back to the model as
        # it was before the run.
        linker = Linker(frame, so_far, log_level=None)
    return linker


def _names_plausible(before: dict[str, Any], linker: Linker) -> bool:
    """``plausible`` for the name comparisons this run changed."""
    after = linker.misc.save_model_to_json()
    exact = {
        c["output_column_name"]: c["comparison_levels"][1].get("m_probability")
        for c in before["comparisons"]
    }
    changed = [
        c
        for c in after["comparisons"]
        if c["comparison_levels"][1].get("m_probability")
        != exact.get(c["output_column_name"])
    ]
    return plausible({"comparisons": changed})


def train(
    linker: Linker,
    frame: Any,
    max_pairs: float = 2e6,
    em_pairs: float = 5e5,
    seed: int = 1,
    named_share: float = 1.0,
    own: Sequence[str] = (),
) -> tuple[Linker, list[str]]:
    """Prior from a strict rule, u by random sampling, m by EM.

    ``named_share``: the share of persons with a name. The strict rule finds
    pairs of named persons only, so the prior is taken over their pairs: the
    records that name nobody (most of a list that gives no names) would
    otherwise dilute the prior of every pair known by its names. ``own``:
    the columns of persons' own numbers, which find pairs for the prior too.

    A step that finds too few pairs keeps the starting values. When EM's m
    values are implausible (a store with few duplicates gives EM nothing to
    find), the model goes back to the starting m values with the trained
    prior and u, a detail stated in one record only weighing nothing.
    Returns the linker to predict with, and notes for the report.
    """
    notes: list[str] = []
    strict = block_on("surname_key", "given_key", "patronymic_key", "birth_year")
    _attempt(
        "prior",
        lambda: linker.training.estimate_probability_two_random_records_match(
            [strict, *(block_on(column) for column in own)], recall=0.7
        ),
        notes,
    )
    if 0 < named_share < 1 and not own:
        model = linker.misc.save_model_to_json()
        prior = model["probability_two_random_records_match"] / named_share**2
        model["probability_two_random_records_match"] = min(prior, 0.5)
        linker = Linker(frame, model, log_level=None)
    _attempt(
        "u",
        lambda: linker.training.estimate_u_using_random_sampling(
            max_pairs=max_pairs, seed=seed
        ),
        notes,
    )
    before_em = linker.misc.save_model_to_json()
    for step in TRAINING:
        linker = _train_step(linker, frame, step, em_pairs, notes)
    trained = linker.misc.save_model_to_json()
    if not plausible(trained):
        notes.append(
            "m by EM: no plausible split into matches and non-matches (few "
            "duplicates to learn from); starting m values kept"
        )
        return Linker(frame, _once_neutral(before_em), log_level=None), notes
    reset = _implausible_comparisons(trained, before_em)
    if reset:
        notes.append(
            "m by EM: disagreement read as evidence for one person in "
            f"{', '.join(reset)} (the pairs EM found were namesakes, not "
            "duplicates); their starting m values kept"
        )
    if reset or _disagreement_possible(trained):
        linker = Linker(frame, trained, log_level=None)
    return linker, notes


# No comparison's disagreement is impossible between two records of one
# person: a copyist misspells or replaces any field. EM on pairs that a
# rule found by their names sees few such slips in the other fields, and
# would give their disagreement no chance at all (a replaced identity
# number, and the pair could never be one person).
LEAST_M_OF_DISAGREEMENT = 0.02


def _disagreement_possible(model: dict[str, Any]) -> bool:
    """Raise every trained m of disagreement (a comparison's last level) to
    LEAST_M_OF_DISAGREEMENT; whether any was raised."""
    raised = False
    for comparison in model["comparisons"]:
        other = comparison["comparison_levels"][-1]
        m = other.get("m_probability")
        if m is not None and m < LEAST_M_OF_DISAGREEMENT:
            other["m_probability"] = LEAST_M_OF_DISAGREEMENT
            raised = True
    return raised


def _implausible_comparisons(
    trained: dict[str, Any], start: dict[str, Any]
) -> list[str]:
    """Put back the starting m values of each comparison whose trained
    values say that matches disagree more often than they agree (its last
    level's m above the sum of its levels of agreement): in a store with few
    duplicates the pairs a training rule finds are namesakes, whose birth
    years, birthplaces and addresses differ. Returns their names."""
    reset = []
    starts = {c["output_column_name"]: c for c in start["comparisons"]}
    for comparison in trained["comparisons"]:
        before = starts.get(comparison["output_column_name"])
        *levels, other = comparison["comparison_levels"]
        if other.get("fix_m_probability"):
            continue  # not trained
        agreeing = sum(
            level.get("m_probability") or 0
            for level in levels
            if not level.get("is_null_level")
            and not level.get("label_for_charts", "").endswith(ONCE)
        )
        if before is None or (other.get("m_probability") or 0) <= agreeing:
            continue
        reset.append(comparison["output_column_name"])
        # a detail stated in one record only: neutral, as in _once_neutral
        starting = {
            level.get("label_for_charts", ""): level.get(
                "u_probability"
                if level.get("label_for_charts", "").endswith(ONCE)
                else "m_probability"
            )
            for level in before["comparison_levels"]
        }
        for level in comparison["comparison_levels"]:
            if starting.get(level.get("label_for_charts")) is not None:
                level["m_probability"] = starting[level["label_for_charts"]]
    return reset
