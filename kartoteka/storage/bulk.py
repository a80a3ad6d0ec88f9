"""Writing registry records in batches: one revision covers a whole batch.

The batch's revision records how many rows it wrote and an order-free digest
of their states; every row carries the revision's seq in ``rev``. ``verify``
rebuilds each digest from the rows, so a row changed behind the store's back
is still caught, without a revision per row at three million records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from kartoteka.storage import search as fts
from kartoteka.storage.engine import chunked
from kartoteka.storage.links import LinkWriter
from kartoteka.storage.packed_rows import PackedRows
from kartoteka.storage.schema import (
    TABLES_WITH_REVISIONS,
    name_keys,
    search_docs,
)

# Parents before children, for the foreign keys.
ORDER = ("source", "entity", "name", "claim")


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
