"""Training: a failed EM run leaves the model whole, and no trained level
makes a disagreement impossible between two records of one person."""

from __future__ import annotations

from contextlib import ExitStack

from kartoteka.linking.feature_table import build_features
from kartoteka.linking.training import LEAST_M_OF_DISAGREEMENT, _disagreement_possible
from tests.linking.people import common_names


def test_a_failed_em_run_leaves_every_comparison_in_the_model():
    from splink import Linker

    from kartoteka.linking.model import settings
    from kartoteka.linking.score import duckdb_api
    from kartoteka.linking.training import train

    features = build_features(common_names(2500))
    with ExitStack() as cleanup:
        frame = duckdb_api(cleanup).register(features.splink_arrow())
        linker = Linker(frame, settings(), log_level=None)
        wanted = [
            c["output_column_name"]
            for c in linker.misc.save_model_to_json()["comparisons"]
        ]
        trained, notes = train(linker, frame, max_pairs=2e5, em_pairs=1e5)
        kept = trained.misc.save_model_to_json()["comparisons"]
    # the rule on the date of death found no pairs and failed; its step
    # trained on the birth year instead, so the surname is trained too
    assert any("m by EM" in note and "death_date" in note for note in notes), notes
    assert "m by EM: trained on rule 2 of its step instead" in notes
    assert [c["output_column_name"] for c in kept] == wanted
    surname = next(c for c in kept if c["output_column_name"] == "surname")
    assert surname["comparison_levels"][1]["m_probability"] != 0.85  # not the start


def test_disagreement_is_never_impossible():
    model = {
        "comparisons": [
            {"comparison_levels": [{"m_probability": 0.9}, {"m_probability": 0.0}]},
            {"comparison_levels": [{"m_probability": 0.7}, {"m_probability": 0.3}]},
        ]
    }
    assert _disagreement_possible(model)
    lasts = [c["comparison_levels"][-1]["m_probability"] for c in model["comparisons"]]
    assert lasts == [LEAST_M_OF_DISAGREEMENT, 0.3]
    assert not _disagreement_possible(model)
