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

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from kartoteka.bulk_memory import gc_paused
from kartoteka.linking.features import COLUMNS, FIELDS, person_row
from kartoteka.linking.identifying import blocking_only, values
from kartoteka.model.identifying import IdentifyingField

if TYPE_CHECKING:
    import pyarrow as pa

# More persons born in one year than this sharing a value that only blocks
# (an address's last words, a day of arrest): the value does not block (its
# block would be quadratic: the residents of one city, or those taken on one
# day of 1937, born in one year, at 3 M records). In the Memorial lists
# (46,445 records) no such block holds more than 21.
CROWD = 100
# Persons put into Arrow at a time: a batch's columns are Python lists
# briefly, never the whole store's.
ARROW_BATCH = 100_000
_YEAR = itemgetter(FIELDS.index("birth_year"))  # the identifying fields come after
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

    def splink_schema(self) -> pa.Schema:
        """The Arrow types of the columns Splink compares: keys of every
        reading are lists, years numbers, the rest text (stated, so that a
        batch where a column is empty has the type of the others)."""
        import pyarrow as pa

        def kind(column: str) -> pa.DataType:
            if column.endswith(("_keys", "_words")):
                return pa.list_(pa.string())
            if column.endswith("_year"):
                return pa.int64()
            return pa.string()

        return pa.schema(
            [("unique_id", pa.int64())]
            + [(column, kind(column)) for column in self._splink_columns]
        )

    def splink_batches(self, size: int = ARROW_BATCH) -> Iterator[pa.RecordBatch]:
        """The columns Splink compares (the guard's own left out), ``size``
        persons at a time; a person's ``unique_id`` is their place in
        ``ids()``: numbers join quicker than ids."""
        import pyarrow as pa

        schema = self.splink_schema()
        getters = [itemgetter(self.fields.index(c)) for c in self._splink_columns]
        types = [field.type for field in list(schema)[1:]]
        crowded = self._crowded()
        rows = list(self._rows.values())
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            # a field at a time (zip(*rows) would read the rows in turn for
            # every field, far apart in memory: six times as long)
            values = [list(map(get, batch)) for get in getters]
            for at, crowd in crowded.items():
                years = map(_YEAR, batch)
                values[at] = [
                    None if (v, y) in crowd else v
                    for v, y in zip(values[at], years, strict=True)
                ]
            columns = [pa.array(range(start, start + len(batch)), pa.int64())] + [
                pa.array(column, kind)
                for column, kind in zip(values, types, strict=True)
            ]
            yield pa.RecordBatch.from_arrays(columns, schema=schema)

    def _crowded(self) -> dict[int, set[tuple[Any, Any]]]:
        """For each column that only blocks (an address's last words, a day
        of arrest), by its place among Splink's columns: the (value, birth
        year) that more than CROWD persons share. Such a value does not
        block — it would pair every resident of a city born in one year —
        though it is still compared (the full address, the day's own column)
        when other rules pair two persons."""
        found = {}
        for field in self.identifying:
            if (column := blocking_only(field)) is None:
                continue
            value = itemgetter(self.fields.index(column))
            counts = Counter(
                (v, y)
                for row in self._rows.values()
                if (v := value(row)) is not None and (y := _YEAR(row)) is not None
            )
            at = self._splink_columns.index(column)
            found[at] = {key for key, n in counts.items() if n > CROWD}
        return found

    def splink_arrow(self) -> pa.Table:
        """``splink_batches`` as one Arrow table."""
        import pyarrow as pa

        return pa.Table.from_batches(self.splink_batches(), self.splink_schema())

    def named(self) -> int:
        """How many persons have a name of any kind."""
        from kartoteka.linking.guard import NAME_COLUMNS

        getters = [itemgetter(self.fields.index(c)) for c in NAME_COLUMNS]
        return sum(any(get(row) for get in getters) for row in self._rows.values())

    def ids(self) -> list[str]:
        """The persons' ids, in the order of ``splink_batches``."""
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
