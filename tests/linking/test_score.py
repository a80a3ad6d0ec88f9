"""Scoring on DuckDB in memory and, for a large store, from disk."""

from __future__ import annotations

import random
from contextlib import ExitStack

import pytest

from kartoteka.errors import ConfigError
from kartoteka.linking import score
from kartoteka.linking.feature_table import build_features
from kartoteka.model.identifying import IdentifyingField
from tests.linking.people import common_names

FIELDS = (
    IdentifyingField("address", "normalized"),
    IdentifyingField("arrested", "date"),
    IdentifyingField("passport", "exact", own=True),
)


def _features(count: int, fields: tuple[IdentifyingField, ...] = ()):  # type: ignore[no-untyped-def]
    """Persons of common names, their values of ``fields`` drawn (a
    record and its second copy share them)."""
    chance = random.Random(11)
    rows = []
    for row in common_names(count):
        if not row[0].endswith("b"):
            n = int(row[0][1:])
            values = (
                chance.choice([None, f"Москва, ул. Арбат, д. {n % 7}"]),
                chance.choice([None, "1937-08-0" + str(n % 9 + 1)]),
                chance.choice([None, f"П-{n}"]),
            )[: len(fields)]
        rows.append((*row, values))
    return build_features(rows, fields)


@pytest.mark.parametrize("fields", [(), FIELDS], ids=["names", "identifying"])
def test_a_large_store_scores_from_disk_the_pairs_it_scores_in_memory(
    monkeypatch, fields
):
    # too few to train: the starting model, no sampling
    features = _features(400, fields)
    in_memory, counted, _ = score.score_persons(features, 0.0)
    monkeypatch.setattr(score, "ON_DISK_FROM", 1)
    monkeypatch.setenv("KARTOTEKA_LINK_MEMORY", "300MB")
    from_disk, counted_on_disk, _ = score.score_persons(features, 0.0)
    # from a floor of 0 every pair blocking gives comes back: the count is theirs
    assert counted_on_disk == counted == len(in_memory) > 0
    assert len(from_disk) == len(in_memory)
    by_pair = {(a, b): (p, rest) for a, b, p, rest in in_memory}
    for a, b, p, rest in from_disk:
        assert by_pair[(a, b)] == pytest.approx((p, rest))


def test_duckdb_from_disk_holds_to_the_memory_setting(monkeypatch):
    monkeypatch.setenv("KARTOTEKA_LINK_MEMORY", "300MB")
    with ExitStack() as cleanup:
        api = score.duckdb_api(cleanup, on_disk=True)
        limit = api.duckdb_con.execute("SELECT current_setting('memory_limit')")
        assert limit.fetchone()[0] in ("286.1 MiB", "300.0 MB")


def test_a_memory_setting_that_is_no_size_is_refused(monkeypatch):
    monkeypatch.setenv("KARTOTEKA_LINK_MEMORY", "plenty")
    with pytest.raises(ConfigError, match="link_memory: 'plenty' is not a size"):
        score.link_memory()
