"""Splink's Spark backend: the same model, on a Spark cluster.

``local[*]`` runs Spark inside this machine (tests, small stores); a master
URL such as ``spark://head:7077`` sends the work to a cluster. On one 2-core
machine Spark is far slower than DuckDB; it pays on a cluster, for lists
too large for one machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from kartoteka.bulk_memory import machine_memory
from kartoteka.errors import MissingDependency
from kartoteka.linking.score import MEMORY_SHARE

LOCAL = "local[*]"


def session_config(master: str, memory: int | None) -> dict[str, str]:
    """Spark settings kartoteka sets for ``master`` on a machine of
    ``memory`` bytes.

    On this machine alone (``local[…]``) the driver is the whole of Spark:
    it gets a share of the memory (Spark's 1 GiB default does not hold the
    Memorial lists' 58,000 persons), few partitions, and listens on this
    machine only. A cluster keeps its own settings (spark-defaults.conf,
    PYSPARK_SUBMIT_ARGS): its executors must reach the driver.
    """
    from splink.backends.spark import similarity_jar_location

    config = {
        "spark.jars": similarity_jar_location(),
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",  # no bars over the report
    }
    if master.startswith("local"):
        config |= {
            "spark.sql.shuffle.partitions": "8",
            "spark.driver.bindAddress": "127.0.0.1",
            "spark.driver.host": "127.0.0.1",
            # not a spark-warehouse folder in whatever folder kartoteka runs in
            "spark.sql.warehouse.dir": str(
                Path(tempfile.gettempdir()) / "kartoteka-spark-warehouse"
            ),
        }
        if memory:
            config["spark.driver.memory"] = f"{int(memory * MEMORY_SHARE) // 2**20}m"
    return config


def spark_session(master: str | None = None) -> Any:
    """A Spark session with Splink's similarity functions on its classpath."""
    try:
        from pyspark.sql import SparkSession
    except ModuleNotFoundError as exc:
        raise MissingDependency(exc.name or "pyspark", "spark") from exc
    # Nothing is fetched: Spark's own jars ship in the pyspark package.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # this venv's Python
    master = master or LOCAL
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.master(master).appName("kartoteka-link")
    for key, value in session_config(master, machine_memory()).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def spark_api(master: str | None = None) -> Any:
    from splink import SparkAPI

    return SparkAPI(spark_session=spark_session(master), break_lineage_method="persist")
