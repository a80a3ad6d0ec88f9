"""Every person's linkage features: a row each, by id, and the columns that
Splink registers.

A registry's person takes some 15 µs (their features come from caches of
words and dates), a million persons some 20 s in one process. (Two
processes were no quicker: the parent unpickling the rows sent back costs
as much as building them.) The rows are kept, not the columns: the guard
reads a pair's two persons, each row's values side by side in memory,
where twenty columns would be twenty reads far apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

from kartoteka.bulk_memory import gc_paused
from kartoteka.linking.features import COLUMNS, FIELDS, person_row
from kartoteka.linking.identifying import values
from kartoteka.model.identifying import IdentifyingField

# (id, names, sex, birthplace, birth date, date of execution or death), and
# then, when the store declares identifying fields, their values in order
Row = tuple[Any, ...]


class FeatureTable(Mapping[str, dict[str, Any]]):
    """Persons' features by id, in the order they were read; the columns of
    the identifying fields follow the model's own."""

    def __init__(
        self,
        rows: Iterable[tuple[Any, ...]],
        identifying: Sequence[IdentifyingField] = (),
    ) -> None:
        self.identifying = tuple(identifying)
        extra = tuple(c for f in self.identifying for c in f.columns())
        self.fields = FIELDS + extra
        self._splink_columns = COLUMNS[1:] + extra
        self._rows: dict[str, tuple[Any, ...]] = {row[0]: row for row in rows}

    def splink_table(self) -> dict[str, list[Any]]:
        """The columns Splink compares (the guard's own left out), a person's
        ``unique_id`` their place in ``ids()``: numbers join quicker than
        ids, and Arrow takes a million of them at once (the ids one by one,
        4 s at 1.2 M persons)."""
        rows = self._rows.values()
        # a field at a time (zip(*rows) would read a million rows in turn
        # for every field, far apart in memory: six times as long)
        table = {
            column: list(map(itemgetter(self.fields.index(column)), rows))
            for column in self._splink_columns
        }
        return {"unique_id": list(range(len(rows)))} | table

    def ids(self) -> list[str]:
        """The persons' ids, in the order of ``splink_table``."""
        return list(self._rows)

    def __getitem__(self, person: str) -> dict[str, Any]:
        return dict(zip(self.fields, self._rows[person], strict=True))

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def build_features(
    rows: Iterable[Row], identifying: Sequence[IdentifyingField] = ()
) -> FeatureTable:
    """The features of every person read; a row's values after its sixth are
    those of the ``identifying`` fields."""
    # Millions of objects, and so may be the rows read: no garbage
    # collection while they are built.
    with gc_paused():
        if not identifying:
            return FeatureTable(person_row(*row[:6]) for row in rows)
        return FeatureTable(
            (
                person_row(*row[:6])
                + tuple(
                    v
                    for field, value in zip(identifying, row[6], strict=True)
                    for v in values(field, value)
                )
                for row in rows
            ),
            identifying,
        )
