"""Every person's linkage features, as the columns Splink registers, built
in two processes when there are many.

A person's features take some 35 µs of Python (their names read, keys and
dates), 40 s for a million persons in one process; two processes take half
of it, each handed chunks of persons in turn. The columns come back as
lists, cheap to send between processes and to hand to Splink; the guard
reads a person's features as a dict, built from the columns when asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from typing import Any

from kartoteka.bulk_memory import gc_paused
from kartoteka.linking.features import COLUMNS, GUARD_ONLY, person_features

FIELDS = COLUMNS + GUARD_ONLY
CHUNK = 50_000  # persons a process is handed at a time
WORKERS = 2

# (id, names, sex, birthplace, birth date, date of execution or death)
Row = tuple[str, list[str], str | None, str | None, str | None, str | None]


def columns_of(rows: Iterable[Row]) -> dict[str, list[Any]]:
    """The features of these persons, one list a field."""
    table: dict[str, list[Any]] = {field: [] for field in FIELDS}
    with gc_paused():
        for row in rows:
            features = person_features(*row)
            for field in FIELDS:
                table[field].append(features[field])
    return table


class FeatureColumns(Mapping[str, dict[str, Any]]):
    """Persons' features by id: the columns, and a person's dict on demand."""

    def __init__(self) -> None:
        self.table: dict[str, list[Any]] = {field: [] for field in FIELDS}
        self._index: dict[str, int] = {}
        self._built: dict[str, dict[str, Any]] = {}

    def extend(self, columns: dict[str, list[Any]]) -> None:
        start = len(self._index)
        for offset, person in enumerate(columns["unique_id"]):
            self._index[person] = start + offset
        for field in FIELDS:
            self.table[field].extend(columns[field])

    def splink_table(self) -> dict[str, list[Any]]:
        """The columns Splink compares (the guard's own left out)."""
        return {column: self.table[column] for column in COLUMNS}

    def __getitem__(self, person: str) -> dict[str, Any]:
        found = self._built.get(person)
        if found is None:
            at = self._index[person]
            found = {field: self.table[field][at] for field in FIELDS}
            self._built[person] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def build_features(
    rows: Iterable[Row], workers: int = WORKERS, chunk: int = CHUNK
) -> FeatureColumns:
    """The features of every row, in ``workers`` processes when the rows fill
    more than one chunk (fewer are quicker done here than a process starts)."""
    features = FeatureColumns()
    chunks = _chunks(rows, chunk)
    first = next(chunks, [])
    if workers < 2 or len(first) < chunk:
        features.extend(columns_of(first))
        for more in chunks:
            features.extend(columns_of(more))
        return features
    # spawn, not fork: a forked child would inherit the store's open
    # connection and any threads' locks. The columns coming back are
    # millions of objects: no garbage collection while they arrive.
    with (
        gc_paused(),
        ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool,
    ):
        pending = [pool.submit(columns_of, first)]
        pending += [pool.submit(columns_of, more) for more in chunks]
        for done in pending:
            features.extend(done.result())
    return features
