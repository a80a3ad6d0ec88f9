"""Writing registry records in batches: one revision covers a whole batch.

The batch's revision records how many rows it wrote and an order-free digest
of their states; every row carries the revision's seq in ``rev``. ``verify``
rebuilds each digest from the rows, so a row changed behind the store's back
is still caught, without a revision per row at three million records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import orjson
import sqlalchemy as sa

from kartoteka.storage import search as fts
from kartoteka.storage.engine import chunked, to_json
from kartoteka.storage.links import LinkWriter
from kartoteka.storage.rows import Row, derived_columns
from kartoteka.storage.schema import (
    TABLES_WITH_REVISIONS,
    entity_refs,
    name_keys,
    search_docs,
)

# Parents before children, for the foreign keys.
ORDER = ("source", "entity", "name", "claim")


def _json_columns(kind: str) -> frozenset[str]:
    table = TABLES_WITH_REVISIONS[kind]
    return frozenset(c.name for c in table.columns if isinstance(c.type, sa.JSON))


@dataclass
class PackedRows:
    """Rows of one table as tuples in ``columns`` order, JSON as text."""

    kind: str
    columns: tuple[str, ...]
    values: list[tuple[Any, ...]]

    @classmethod
    def pack(cls, kind: str, rows: list[Row]) -> PackedRows:
        if not rows:
            return cls(kind, (), [])
        columns = tuple(rows[0])
        json_at = [i for i, c in enumerate(columns) if c in _json_columns(kind)]
        values = []
        for row in rows:
            value = list(row.values())
            for i in json_at:
                if value[i] is not None:
                    value[i] = to_json(value[i])
            values.append(tuple(value))
        return cls(kind, columns, values)

    def where(self, column: str, keep: set[str]) -> PackedRows:
        """Only the rows whose ``column`` is one of ``keep``."""
        if not self.values:
            return self
        at = self.columns.index(column)
        return PackedRows(
            self.kind, self.columns, [v for v in self.values if v[at] in keep]
        )

    def stored(self, seq: int) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        """The columns the table stores and each row's values in them, with
        ``rev`` = seq: a claim's quote is in its state, not in its row."""
        derived = derived_columns(self.kind)
        keep = [i for i, c in enumerate(self.columns) if c not in derived]
        columns = (*(self.columns[i] for i in keep), "rev")
        if len(keep) == len(self.columns):
            return columns, [(*v, seq) for v in self.values]
        pick = itemgetter(*keep)
        return columns, [(*pick(v), seq) for v in self.values]

    def unpack(self) -> list[Row]:
        json_at = {
            i for i, c in enumerate(self.columns) if c in _json_columns(self.kind)
        }
        return [
            {
                c: orjson.loads(v) if i in json_at and v is not None else v
                for i, (c, v) in enumerate(zip(self.columns, value, strict=True))
            }
            for value in self.values
        ]


class BulkWriter(LinkWriter):
    """A Writer that can also write many new rows under one batch revision."""

    def missing(self, kind: str, ids: Iterable[str]) -> set[str]:
        """Which of these ids are not stored yet."""
        table = TABLES_WITH_REVISIONS[kind]
        wanted = set(ids)
        found: set[str] = set()
        for part in chunked(sorted(wanted)):
            found |= set(
                self.conn.execute(
                    sa.select(table.c.id).where(table.c.id.in_(part))
                ).scalars()
            )
        return wanted - found

    def write_batch(
        self,
        label: str,
        tables: dict[str, PackedRows],
        digest: dict[str, Any],
        search: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
        refs: list[tuple[str, str]] = (),  # type: ignore[assignment]
        keys: list[tuple[str, str]] = (),  # type: ignore[assignment]
    ) -> int:
        """Insert new rows of several kinds under one revision; return its seq.

        ``digest``: the rows' BatchDigest value, computed where the rows were
        built (in the parsing process); verify recomputes it from the rows.
        """
        if not digest["rows"]:
            return 0
        seq = self._revise("import", "batch", label, None, digest)
        for kind in ORDER:
            packed = tables.get(kind)
            if packed and packed.values:
                self._insert(TABLES_WITH_REVISIONS[kind], *packed.stored(seq))
        if refs:
            self._insert(entity_refs, ("ref", "entity_id"), refs)
        if keys:
            self._insert(name_keys, ("key", "entity_id"), keys)
        if search:
            with fts.indexing(self.conn):
                self._insert(search_docs, ("kind", "ref", "body"), search)
        return seq

    def _insert(
        self, table: sa.Table, columns: tuple[str, ...], values: list[tuple[Any, ...]]
    ) -> None:
        """Many new rows straight to the driver: PostgreSQL's COPY, else one
        prepared INSERT.

        SQLAlchemy's per-row parameter handling costs more than the insert
        itself at registry scale, and on PostgreSQL a row's INSERT costs a
        round trip that COPY does not.
        """
        quote = self.conn.dialect.identifier_preparer.quote
        names = ", ".join(map(quote, columns))
        if self.conn.dialect.name == "postgresql":
            driver = self.conn.connection.driver_connection
            cursor = driver.cursor()  # type: ignore[union-attr]
            with cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as out:
                for row in values:
                    out.write_row(row)
            return
        mark = "?" if self.conn.dialect.paramstyle == "qmark" else "%s"
        sql = (
            f"INSERT INTO {quote(table.name)} ({names}) "
            f"VALUES ({', '.join([mark] * len(columns))})"
        )
        self.conn.exec_driver_sql(sql, values)
