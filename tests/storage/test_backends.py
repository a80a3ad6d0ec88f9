"""CI must run every storage test on PostgreSQL too, not quietly skip it."""

from __future__ import annotations

import os

from tests.conftest import BACKENDS


def test_ci_runs_the_postgresql_backend():
    if os.environ.get("CI"):
        assert "postgresql" in BACKENDS, "set KARTOTEKA_TEST_POSTGRES (.ci/run does)"
    assert BACKENDS[0] == "sqlite"
