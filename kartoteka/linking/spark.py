"""Splink's Spark backend: the same model, on a Spark cluster.

``local[*]`` runs Spark inside this machine (tests, small stores); a master
URL such as ``spark://head:7077`` sends the work to a cluster. On one 2-core
machine Spark is far slower than DuckDB; it pays on a cluster, for lists
too large for one machine.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from kartoteka.errors import MissingDependency

LOCAL = "local[*]"


def spark_session(master: str | None = None) -> Any:
    """A Spark session with Splink's similarity functions on its classpath."""
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ModuleNotFoundError as exc:
        raise MissingDependency(exc.name or "pyspark", "spark") from exc
    # Nothing is fetched: Spark's own jars ship in the pyspark package.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # this venv's Python
    session = (
        SparkSession.builder.master(master or LOCAL)
        .appName("kartoteka-link")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def spark_api(master: str | None = None) -> Any:
    from splink import SparkAPI

    return SparkAPI(spark_session=spark_session(master), break_lineage_method="persist")
