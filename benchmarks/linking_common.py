"""What the linking benchmarks share: scoring against the truth, kartoteka's
decisions on scored pairs, and plain Splink trained the usual way."""

from __future__ import annotations

import logging
from contextlib import ExitStack
from typing import Any

from kartoteka.linking.clusters import Clustering
from kartoteka.linking.feature_table import FeatureTable
from kartoteka.linking.run import THRESHOLD, decide
from kartoteka.linking.score import duckdb_api, score_persons

PairSet = set[tuple[str, str]]


def score(found: PairSet, truth: PairSet) -> dict[str, float]:
    tp = len(found & truth)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pairs": len(found)}


def together(
    pairs: list[tuple[str, str, float]],
    features: FeatureTable,
    threshold: float = THRESHOLD,
) -> PairSet:
    """Every pair of records that `kartoteka link --threshold` puts in one
    cluster (a record joined to two others joins those two as well)."""
    return pairs_in(decide(pairs, features, threshold)[0])


def pairs_in(clustering: Clustering) -> PairSet:
    """Every pair of records in one cluster, as a case file shows them."""
    return {
        (a, b)
        for members in clustering.clusters().values()
        for i, a in enumerate(members)
        for b in members[i + 1 :]
    }


def kartoteka_decisions(
    features: FeatureTable,
    floor: float = THRESHOLD,
    max_pairs: int | None = None,
    lowest: float | None = None,
) -> tuple[Clustering, PairSet, int, list[tuple[str, str, float]]]:
    """As `kartoteka link` decides: the clusters (``pairs_in`` counts their
    pairs), pairs sent to review (those scored from ``floor``), how many
    pairs were scored, and the scored pairs from ``lowest`` (for `together`
    at other thresholds)."""
    lowest = floor if lowest is None else min(floor, lowest)
    pairs, scored, notes = score_persons(features, lowest, max_pairs=max_pairs)
    for note in notes:
        print(f"  (kartoteka model: {note})")
    from_floor = [p for p in pairs if p[2] >= floor]
    clustering, unsure, _ = decide(from_floor, features)
    return clustering, {(a, b) for a, b, _ in unsure}, scored, pairs


def plain_splink(
    table: dict[str, list[Any]],
    settings: Any,
    prior_rule: Any,
    em_rules: list[Any],
    u_pairs: float = 2e6,
) -> PairSet:
    """Plain Splink on DuckDB: prior from one rule, u by sampling, m by EM."""
    import pyarrow as pa
    from splink import Linker

    with ExitStack() as cleanup:
        frame = duckdb_api(cleanup).register(pa.table(table))
        linker = Linker(frame, settings, log_level=None)
        logging.getLogger("splink").setLevel(logging.ERROR)
        linker.training.estimate_probability_two_random_records_match(
            [prior_rule], recall=0.7
        )
        linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=1)
        for rule in em_rules:
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        predictions = linker.inference.predict(threshold_match_probability=THRESHOLD)
        return {
            tuple(sorted((r["unique_id_l"], r["unique_id_r"])))  # type: ignore[misc]
            for r in predictions.as_record_list()
        }
