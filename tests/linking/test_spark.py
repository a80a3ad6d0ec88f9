"""The same model on Spark (local mode) gives the DuckDB result."""

from __future__ import annotations

import shutil
import tempfile

import pytest

from kartoteka.linking.feature_table import build_features
from kartoteka.linking.score import score_persons
from kartoteka.linking.spark import session_config
from kartoteka.storage import Store

from .people import write_people


def test_spark_scores_the_pairs_duckdb_scores():
    assert shutil.which("java"), "Spark needs Java 17 on the machine"
    store = Store.open(":memory:")
    write_people(store)
    features = build_features(row[:6] for row in store.persons_for_linking())
    on_duckdb, scored_duckdb, _ = score_persons(features, 0.0, engine="duckdb")
    on_spark, scored_spark, _ = score_persons(features, 0.0, engine="spark")
    assert scored_spark == scored_duckdb > 0
    duckdb_scores = {(a, b): (p, rest) for a, b, p, rest in on_duckdb}
    for a, b, p, rest in on_spark:
        # the score, and the rest of the evidence without the names
        assert (p, rest) == pytest.approx(duckdb_scores[a, b], abs=1e-6)


def test_spark_on_this_machine_gets_memory_and_stays_on_it():
    local = session_config("local[*]", 24 * 2**30)
    assert local["spark.driver.memory"] == "12288m"  # Spark's default is 1 GiB
    assert local["spark.driver.bindAddress"] == "127.0.0.1"
    assert local["spark.ui.showConsoleProgress"] == "false"
    assert local["spark.jars"].endswith(".jar")
    assert local["spark.sql.warehouse.dir"].startswith(tempfile.gettempdir())
    cluster = session_config("spark://head:7077", 24 * 2**30)
    # a cluster's executors must reach the driver; its memory is its own
    assert not {"spark.driver.bindAddress", "spark.driver.memory"} & cluster.keys()
    assert cluster["spark.jars"] == local["spark.jars"]
