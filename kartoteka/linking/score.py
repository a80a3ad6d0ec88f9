"""Scoring candidate pairs with Splink, on DuckDB or on Spark."""

from __future__ import annotations

import logging
import re
import tempfile
import warnings
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from kartoteka import settings
from kartoteka.bulk_memory import machine_memory
from kartoteka.errors import ConfigError, KartotekaError
from kartoteka.linking.feature_table import FeatureTable
from kartoteka.model.identifying import IdentifyingField

ENGINES = ("duckdb", "spark")
# (id, id, probability, probability of the evidence besides the names)
Scored = tuple[str, str, float, float]
# Fewer persons than this give EM too few pairs to learn from: the model's
# starting values are used instead.
MIN_TO_TRAIN = 2000
# Scoring runs at about half a million pairs a second on two cores: more
# pairs than this means a blocking rule is too loose for the data.
MAX_PAIRS = 100_000_000
BUDGET_FROM = 50_000  # persons; fewer cannot come near the budget


def check_budget(
    frame: Any,
    persons: int,
    budget: int | None = None,
    fields: Sequence[IdentifyingField] = (),
) -> None:
    """Refuse, with the counts per rule, a run whose blocking would produce
    more pairs than ``budget`` (MAX_PAIRS; estimated on a sample)."""
    if persons < BUDGET_FROM:
        return
    share = min(1.0, 100_000 / persons)
    counts = _blocked_counts(frame, fields, share)
    total = counts[-1]["cumulative_comparison_count"]
    budget = MAX_PAIRS if budget is None else budget
    if total > budget:
        rules = "; ".join(
            f"{c['blocking_rule']}: {c['marginal_comparison_count']:,}" for c in counts
        )
        raise KartotekaError(
            f"blocking would score about {total:,} pairs, over the budget of "
            f"{budget:,} ({rules}); the names are too alike for these rules "
            "(a machine with the memory and time for it: --max-pairs)"
        )


def _blocked_counts(
    frame: Any, fields: Sequence[IdentifyingField], share: float
) -> list[dict[str, Any]]:
    """Splink's count of the pairs each blocking rule adds, over ``share``
    of the persons."""
    from splink.blocking_analysis import count_comparisons_from_blocking_rules

    from kartoteka.linking.model import blocking

    with warnings.catch_warnings():  # a rare rule's sample has few pairs: fine
        warnings.simplefilter("ignore", UserWarning)
        return count_comparisons_from_blocking_rules(
            frame,
            blocking_rules=blocking(fields),
            link_type="dedupe_only",
            record_sample_proportion=share,
        )


# DuckDB may take this share of the machine's memory before it spills to
# disk (its default is 80 %): the persons' features stay in this process too,
# and with DuckDB's default a run at 3 M persons was killed at 24 GiB.
MEMORY_SHARE = 0.5
# From here DuckDB links from disk: the persons' columns and Splink's tables
# are Parquet files, and DuckDB holds at most the `link_memory` setting.
# (3.7 M persons: peak 7.0 GiB in memory, 3.6–3.8 GiB from disk with 2GB.)
ON_DISK_FROM = 500_000


def duckdb_api(cleanup: ExitStack, on_disk: bool = False) -> Any:
    """Splink's DuckDB engine, spilling into a temporary folder that
    ``cleanup`` removes — DuckDB's default is ``.tmp`` in the working folder,
    left behind (many gigabytes at a million persons) if the run is killed.
    ``on_disk``: Splink's tables written as Parquet files there, DuckDB's
    memory held to the ``link_memory`` setting."""
    import duckdb
    from splink import DuckDBAPI

    spill = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="kartoteka-"))
    config = {"temp_directory": spill}
    if on_disk:
        config["memory_limit"] = link_memory()
    elif memory := machine_memory():
        config["memory_limit"] = f"{int(memory * MEMORY_SHARE) // 2**20}MB"
    connection = duckdb.connect(config=config)
    cleanup.callback(connection.close)
    if on_disk:
        return DuckDBAPI(
            connection, materialisation="parquet", materialisation_dir=spill
        )
    return DuckDBAPI(connection)


_SIZE = re.compile(r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE)


def link_memory() -> str:
    """The ``link_memory`` setting, checked: DuckDB's own message for a
    size it cannot read names no setting."""
    size = settings.get("link_memory").strip()
    if not _SIZE.match(size):
        raise ConfigError(f"link_memory: {size!r} is not a size such as 2GB or 512MB")
    return size


def _registered(
    features: FeatureTable, engine: str, spark_master: str | None, cleanup: ExitStack
) -> Any:
    """The persons' columns registered with the engine: from a
    Parquet file written a batch at a time for a large store on DuckDB
    (never all of them in Python lists or one Arrow table), else as Arrow."""
    if engine != "duckdb" or len(features) < ON_DISK_FROM:
        db_api = _db_api(engine, spark_master, cleanup)
        return db_api.register(features.splink_arrow())
    import pyarrow.parquet as pq

    db_api = duckdb_api(cleanup, on_disk=True)
    folder = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="kartoteka-"))
    path = Path(folder) / "persons.parquet"
    with pq.ParquetWriter(path, features.splink_schema()) as writer:
        for batch in features.splink_batches():
            writer.write_batch(batch)
    db_api.duckdb_con.execute(
        f"CREATE VIEW kartoteka_persons AS SELECT * FROM read_parquet('{path}')"
    )
    return db_api.register("kartoteka_persons")


def _db_api(engine: str, spark_master: str | None, cleanup: ExitStack) -> Any:
    if engine == "duckdb":
        return duckdb_api(cleanup)
    if engine == "spark":
        from kartoteka.linking.spark import spark_api

        return spark_api(spark_master)
    raise KartotekaError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")


def score_pairs(
    features: FeatureTable,
    floor: float,
    engine: str = "duckdb",
    spark_master: str | None = None,
    max_pairs: int | None = None,
    model: dict[str, Any] | None = None,
    keep: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[list[Scored], int, list[str]]:
    """Train the model on the persons' ``features`` — or take ``model``, one
    trained before — and score the blocked pairs (refused over
    ``max_pairs``, MAX_PAIRS unless given). A model trained here is handed
    to ``keep``.

    Returns the pairs at or above ``floor`` as (place, place, probability,
    the probability the rest of the evidence gives without the names), by
    the persons' places in ``features.ids()``, the smaller first; how many
    pairs were scored in all; and the training steps that were skipped.
    """
    # Imported here: Splink and DuckDB take a third of a second to load, which
    # every other command would pay at start-up.
    from splink import Linker

    from kartoteka.linking.model import settings as model_settings
    from kartoteka.linking.training import train

    persons, fields = len(features), features.identifying
    training = model is None and persons >= MIN_TO_TRAIN
    with ExitStack() as cleanup:
        frame = _registered(features, engine, spark_master, cleanup)
        check_budget(frame, persons, max_pairs, fields)
        logging.getLogger("splink").setLevel(logging.ERROR)
        if model is not None:
            linker, skipped = Linker(frame, model, log_level=None), []
        elif training:
            linker = Linker(frame, model_settings(True, fields), log_level=None)
            own = [f.columns()[0] for f in fields if f.own]
            named = features.named() / persons
            linker, skipped = train(linker, frame, named_share=named, own=own)
            if keep is not None:
                keep(linker.misc.save_model_to_json())
        else:
            linker = Linker(frame, model_settings(False, fields), log_level=None)
            skipped = [
                f"all: {persons} persons are too few to train on; starting values used"
            ]
        scored, rows = _likely(linker, engine, floor)
    found = [(*sorted((a, b)), float(p), float(rest)) for a, b, p, rest in rows]
    return found, scored, skipped  # type: ignore[return-value]


def score_persons(
    features: FeatureTable,
    floor: float,
    engine: str = "duckdb",
    spark_master: str | None = None,
    max_pairs: int | None = None,
    model: dict[str, Any] | None = None,
    keep: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[list[Scored], int, list[str]]:
    """``score_pairs`` on persons' features, the pairs by person id (the
    smaller first)."""
    pairs, scored, notes = score_pairs(
        features, floor, engine, spark_master, max_pairs, model, keep
    )
    ids = features.ids()
    found = [(*sorted((ids[a], ids[b])), p, rest) for a, b, p, rest in pairs]
    return found, scored, notes  # type: ignore[return-value]


def _rest(columns: Sequence[str]) -> str:
    """SQL for the probability a pair's evidence gives without its names'
    comparisons (its match weight less theirs)."""
    from kartoteka.linking.model import NAME_COMPARISONS

    terms = [
        c
        for name in NAME_COMPARISONS
        for c in (f"mw_{name}", f"mw_tf_adj_{name}")
        if c in columns
    ]
    weight = " - ".join(["match_weight", *terms])
    return f"1.0 / (1.0 + pow(2.0, -({weight}))) AS rest"


def _likely(linker: Any, engine: str, floor: float) -> tuple[int, list[tuple]]:
    """How many pairs were scored, and the (id, id, p, p without the names)
    of those at or above ``floor`` — only these leave the engine: all
    pairs with every comparison column would not fit in memory at a million
    persons."""
    columns = "unique_id_l, unique_id_r, match_probability"
    if engine == "spark":
        frame = linker.inference.predict().as_spark_dataframe()
        likely = frame.filter(frame.match_probability >= floor).selectExpr(
            *columns.split(", "), _rest(frame.columns)
        )
        return frame.count(), [tuple(r) for r in likely.collect()]
    # DuckDB keeps only the pairs at or above the floor (a million persons'
    # 5.3 M pairs with every comparison's weight took 5.5 GiB). The pairs
    # scored are counted in the blocked pairs, which Splink keeps for the
    # prediction: counting them again from the rules took 48 s at 3.7 M
    # persons.
    blocked = linker.inference.compute_blocked_pairs_for_predict()
    ((counted,),) = blocked.as_duckdbpyrelation().aggregate("count(*)").fetchall()
    relation = linker.inference.predict(
        threshold_match_probability=floor
    ).as_duckdbpyrelation()
    likely = relation.project(f"{columns}, {_rest(relation.columns)}")
    return int(counted), likely.fetchall()
