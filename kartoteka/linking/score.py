"""Scoring candidate pairs with Splink, on DuckDB or on Spark."""

from __future__ import annotations

import logging
from typing import Any

from kartoteka.errors import KartotekaError, MissingDependency
from kartoteka.linking.model import settings, train

ENGINES = ("duckdb", "spark")
# Fewer persons than this give EM too few pairs to learn from: the model's
# starting values are used instead.
MIN_TO_TRAIN = 2000


def _db_api(engine: str, spark_master: str | None) -> Any:
    if engine == "duckdb":
        from splink import DuckDBAPI

        return DuckDBAPI()
    if engine == "spark":
        from kartoteka.linking.spark import spark_api

        return spark_api(spark_master)
    raise KartotekaError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")


def score_pairs(
    table: dict[str, list[Any]],
    floor: float,
    engine: str = "duckdb",
    spark_master: str | None = None,
) -> tuple[list[tuple[str, str, float]], int, list[str]]:
    """Train the model on the persons in ``table`` and score the blocked pairs.

    Returns the pairs at or above ``floor`` as (id, id, probability), the
    smaller id first, how many pairs were scored in all, and the training
    steps that were skipped.
    """
    try:
        import pyarrow as pa
        from splink import Linker
    except ModuleNotFoundError as exc:  # pragma: no cover - a broken install
        raise MissingDependency(exc.name or "splink", "link") from exc
    db_api = _db_api(engine, spark_master)
    frame = db_api.register(pa.table(table))
    persons = len(table["unique_id"])
    linker = Linker(frame, settings(persons >= MIN_TO_TRAIN), log_level=None)
    logging.getLogger("splink").setLevel(logging.ERROR)
    if persons >= MIN_TO_TRAIN:
        linker, skipped = train(linker, frame)
    else:
        skipped = [
            f"all: {persons} persons are too few to train on; starting values used"
        ]
    predictions = linker.inference.predict()
    found = []
    scored = 0
    for row in predictions.as_record_list():
        scored += 1
        p = float(row["match_probability"])
        if p >= floor:
            a, b = sorted((row["unique_id_l"], row["unique_id_r"]))
            found.append((a, b, p))
    return found, scored, skipped
