"""Rows of one table packed as tuples, their JSON already text: what a
registry import's parsing processes build and hand to the writer.

This module imports no SQLAlchemy: a parsing process starts without it
(a fifth of a second each, at every import).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import orjson

from kartoteka.storage.json_text import to_json
from kartoteka.storage.rows import Row, derived_columns

# The JSON columns of each table a batch writes (the schema's; a test
# compares them).
JSON_COLUMNS: dict[str, frozenset[str]] = {
    "source": frozenset({"authors", "derived_from"}),
    "entity": frozenset({"external_ids", "attributes"}),
    "name": frozenset(),
    "claim": frozenset({"value", "qualifiers"}),
}


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
        json_at = [i for i, c in enumerate(columns) if c in JSON_COLUMNS[kind]]
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
            i for i, c in enumerate(self.columns) if c in JSON_COLUMNS[self.kind]
        }
        return [
            {
                c: orjson.loads(v) if i in json_at and v is not None else v
                for i, (c, v) in enumerate(zip(self.columns, value, strict=True))
            }
            for value in self.values
        ]
