"""Estimates on the seed: each figure with its author, modality and words."""

from __future__ import annotations

from kartoteka.analysis.estimates import estimates
from kartoteka.extract.review import decide
from kartoteka.model.vocabulary import Status


def _all(store, topic=None):
    return [e for g in estimates(store, topic) for e in g.estimates]


def test_the_seed_figures_stand_with_their_authors(demo_store):
    by_value = {e.value: e for e in _all(demo_store)}
    officers, prisoners = by_value[35000.0], by_value[8000000.0]
    assert (officers.author, officers.modality) == (
        "Dick Roberts",
        "perhaps as many as",
    )
    assert officers.figure == "perhaps as many as 35,000"
    assert (prisoners.author, prisoners.cited_from) == (
        "Alexander Weissberg", "weissberg-1951",
    )  # fmt: skip
    for e in by_value.values():
        assert e.author and e.quote and e.as_written in e.quote


def test_a_topic_narrows_and_groups_hold_one_subject_and_unit(demo_store):
    officers = _all(demo_store, "officers")
    assert officers and all("officer" in f"{e.counted} {e.unit}" for e in officers)
    for group in estimates(demo_store):
        assert {(e.subject_name, e.unit) for e in group.estimates} == {
            (group.subject_name, group.unit)
        }


def test_a_rejected_figure_is_left_out(demo_store):
    claim = next(e.claim for e in _all(demo_store) if e.value == 35000.0)
    decide(demo_store, claim, Status.REJECTED, "historian")
    assert 35000.0 not in {e.value for e in _all(demo_store)}
