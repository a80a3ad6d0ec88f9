"""The trained model is kept in the store and reused by later runs of
`kartoteka link`, until `--retrain` or until the fields it compares change."""

from __future__ import annotations

import pytest

from kartoteka.linking import score
from kartoteka.linking.run import link_store
from kartoteka.model.identifying import IdentifyingField

from .people import write_people


@pytest.fixture
def trained(fresh_store, monkeypatch):
    # the people are few: let them be trained on
    monkeypatch.setattr(score, "MIN_TO_TRAIN", 5)
    write_people(fresh_store)
    first = link_store(fresh_store, "test")
    return fresh_store, first


def test_a_second_run_reuses_the_model_and_decides_alike(trained):
    store, first = trained
    assert first.model.startswith("trained on") and store.linking_model()
    links, queue = store.links(), store.link_queue()
    again = link_store(store, "test")
    assert again.model.startswith("reused, trained ")
    assert again.training == []  # nothing trained
    assert (store.links(), store.link_queue()) == (links, queue)


def test_retrain_trains_again_and_keeps_the_new_model(trained):
    store, _ = trained
    before = store.linking_model()
    again = link_store(store, "test", retrain=True)
    assert again.model.startswith("trained on")
    assert store.linking_model().trained >= before.trained


def test_a_new_identifying_field_makes_the_kept_model_stale(trained):
    store, _ = trained
    store.declare_identifying([IdentifyingField("passport", "exact", own=True)], "t")
    again = link_store(store, "test")
    assert again.model.startswith("trained on")
    columns = [
        c["output_column_name"] for c in store.linking_model().model["comparisons"]
    ]
    assert "id_passport" in columns
