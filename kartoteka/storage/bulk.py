"""Writing registry records in batches: one revision covers a whole batch.

The batch's revision records how many rows it wrote and an order-free digest
of their states; every row carries the revision's seq in ``rev``. ``verify``
rebuilds each digest from the rows, so a row changed behind the store's back
is still caught, without a revision per row at three million records.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from kartoteka.storage.engine import to_json
from kartoteka.storage.revisions import BatchDigest
from kartoteka.storage.rows import Row, revision_state
from kartoteka.storage.schema import TABLES_WITH_REVISIONS, entity_refs, search_docs
from kartoteka.storage.writer import Writer

# Parents before children, for the foreign keys.
ORDER = ("source", "entity", "name", "claim")


class BulkWriter(Writer):
    """A Writer that can also write many new rows under one batch revision."""

    def missing(self, kind: str, ids: Iterable[str]) -> set[str]:
        """Which of these ids are not stored yet."""
        table = TABLES_WITH_REVISIONS[kind]
        wanted = set(ids)
        found: set[str] = set()
        chunk = sorted(wanted)
        for i in range(0, len(chunk), 900):  # under SQLite's bound-parameter limit
            part = chunk[i : i + 900]
            found |= set(
                self.conn.execute(
                    sa.select(table.c.id).where(table.c.id.in_(part))
                ).scalars()
            )
        return wanted - found

    def write_batch(
        self,
        label: str,
        rows: dict[str, list[Row]],
        search: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
        refs: list[tuple[str, str]] = (),  # type: ignore[assignment]
    ) -> int:
        """Insert new rows of several kinds under one revision; return its seq."""
        digest = BatchDigest()
        for kind in ORDER:
            for row in rows.get(kind, ()):
                digest.add(kind, revision_state(kind, row))
        if not digest.count:
            return 0
        seq = self._revise("import", "batch", label, None, digest.value())
        for kind in ORDER:
            if rows.get(kind):
                for row in rows[kind]:
                    row["rev"] = seq
                self._insert_many(TABLES_WITH_REVISIONS[kind], rows[kind])
        if refs:
            self._insert_many(
                entity_refs, [{"ref": r, "entity_id": e} for r, e in refs]
            )
        if search:
            self._insert_many(
                search_docs, [{"kind": k, "ref": r, "body": b} for k, r, b in search]
            )
        return seq

    def _insert_many(self, table: sa.Table, rows: list[Row]) -> None:
        """One prepared INSERT for many rows, straight to the driver.

        SQLAlchemy's per-row parameter handling costs more than the insert
        itself at registry scale; JSON columns are serialized here instead.
        """
        names = list(rows[0])
        json_columns = {c.name for c in table.columns if isinstance(c.type, sa.JSON)}
        quote = self.conn.dialect.identifier_preparer.quote
        mark = "?" if self.conn.dialect.paramstyle == "qmark" else "%s"
        sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
            f"VALUES ({', '.join([mark] * len(names))})"
        )
        encode = [i for i, n in enumerate(names) if n in json_columns]
        params = []
        for row in rows:
            values = list(row.values())
            for i in encode:
                if values[i] is not None:
                    values[i] = to_json(values[i])
            params.append(tuple(values))
        self.conn.exec_driver_sql(sql, params)
