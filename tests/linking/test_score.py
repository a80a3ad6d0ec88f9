"""Scoring on DuckDB in memory and, for a large store, from disk."""

from __future__ import annotations

import random
from contextlib import ExitStack

import pytest

from kartoteka.errors import ConfigError
from kartoteka.linking import score
from kartoteka.linking.feature_table import build_features

SURNAMES = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов"]
GIVEN = ["Иван", "Петр", "Сергей", "Николай", "Михаил", "Алексей"]


def _features(count: int):  # type: ignore[no-untyped-def]
    chance = random.Random(11)
    rows = []
    for n in range(count):
        surname, given, father = (chance.choice(w) for w in (SURNAMES, GIVEN, GIVEN))
        name = f"{surname} {given} {father}ович"
        born = str(chance.randint(1880, 1920))
        place = chance.choice([None, "г. Москва", "Тверская губ."])
        rows.append((f"p{n}", [name], "M", place, born, "1937-10-02"))
        if n % 4 == 0:
            copy = name.replace("ович", "ов.")
            rows.append((f"p{n}b", [copy], "M", None, born, None))
    return build_features(rows)


def test_a_large_store_scores_from_disk_the_pairs_it_scores_in_memory(monkeypatch):
    features = _features(400)  # too few to train: the starting model, no sampling
    in_memory, counted, _ = score.score_persons(features, 0.0)
    monkeypatch.setattr(score, "ON_DISK_FROM", 1)
    monkeypatch.setenv("KARTOTEKA_LINK_MEMORY", "300MB")
    from_disk, counted_on_disk, _ = score.score_persons(features, 0.0)
    assert counted_on_disk == counted > 0
    assert len(from_disk) == len(in_memory) > 0
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
