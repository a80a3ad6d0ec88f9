"""Writing registry records in batches: one revision covers a whole batch.

The batch's revision records how many rows it wrote and an order-free digest
of their states; every row carries the revision's seq in ``rev``. ``verify``
rebuilds each digest from the rows, so a row changed behind the store's back
is still caught, without a revision per row at three million records.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

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
                self.conn.execute(sa.insert(TABLES_WITH_REVISIONS[kind]), rows[kind])
        if refs:
            self.conn.execute(
                sa.insert(entity_refs), [{"ref": r, "entity_id": e} for r, e in refs]
            )
        if search:
            self.conn.execute(
                sa.insert(search_docs),
                [{"kind": k, "ref": r, "body": b} for k, r, b in search],
            )
        return seq
