"""Persons, sources and claims as CSV tables for spreadsheets.

Each row flattens a record of the export contract (exports/jsonl.py): a
person's life-cycle dates get a column per predicate, several dates of one
predicate (a disputed rehabilitation) are joined by "; ", lists by " | ".
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from kartoteka.exports import jsonl
from kartoteka.model.vocabulary import LIFECYCLE_ORDER
from kartoteka.storage import Store

LIST = " | "
ALTERNATIVES = "; "

PERSON_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "other_names",
    "sex",
    *LIFECYCLE_ORDER,
    "places",
    "sources",
    "lifecycle_claims",
    "open_conflicts",
    "merged_from",
)
SOURCE_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "title",
    "authors",
    "published",
    "language",
    "citation",
    "url",
    "derived_from",
    "authenticity",
    "reliability",
    "sha256",
    "characters",
)
CLAIM_COLUMNS: tuple[str, ...] = (
    "id",
    "source",
    "start",
    "end",
    "quote",
    "subject",
    "predicate",
    "object",
    "date",
    "date_text",
    "value",
    "qualifiers",
    "asserted_by",
    "stance",
    "certainty",
    "status",
    "reviewer",
    "origin",
    "note",
)


def _unique(values: Iterable[Any]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v not in (None, "")))


def person_row(record: dict[str, Any]) -> dict[str, Any]:
    """A person of the export contract as one row."""
    row: dict[str, Any] = {
        "id": record["id"],
        "name": record["name"],
        "other_names": LIST.join(
            _unique(n["name"] for n in record["names"] if n["name"] != record["name"])
        ),
        "sex": record["sex"] or "",
    }
    events = record["events"]
    for predicate in LIFECYCLE_ORDER:
        dates = [e["date"] or "?" for e in events if e["type"] == predicate]
        row[predicate] = ALTERNATIVES.join(_unique(dates))
    claims = [c for e in events for c in e["claims"]]
    row["places"] = LIST.join(_unique(e["place"] for e in events))
    row["sources"] = LIST.join(_unique(c["source"] for c in claims))
    row["lifecycle_claims"] = len(claims)
    row["open_conflicts"] = sum(1 for c in record["conflicts"] if c["open"])
    row["merged_from"] = LIST.join(record["merged_from"])
    return row


def source_row(record: dict[str, Any]) -> dict[str, Any]:
    """A source without its text (the text is in the JSON Lines export)."""
    row = {k: record[k] for k in SOURCE_COLUMNS if k in record}
    row["authors"] = LIST.join(record["authors"])
    row["derived_from"] = LIST.join(record["derived_from"])
    row["characters"] = len(record["text"])
    return row


def claim_row(record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    row["value"] = (
        json.dumps(record["value"], ensure_ascii=False) if record["value"] else ""
    )
    row["qualifiers"] = (
        json.dumps(record["qualifiers"], ensure_ascii=False, sort_keys=True)
        if record["qualifiers"]
        else ""
    )
    return row


TABLES: dict[
    str, tuple[tuple[str, ...], Callable[[dict[str, Any]], dict[str, Any]]]
] = {
    "persons": (PERSON_COLUMNS, person_row),
    "sources": (SOURCE_COLUMNS, source_row),
    "claims": (CLAIM_COLUMNS, claim_row),
}


def csv_lines(what: str, store: Store) -> Iterator[str]:
    """The table ``what`` as CSV text, a header then one line a record."""
    yield csv_header(what)
    for record in jsonl.EXPORTS[what](store):
        yield _line(what, record)


def csv_header(what: str) -> str:
    """The header line of the table ``what``."""
    return _csv_text(TABLES[what][0])


def person_csv_line(record: dict[str, Any]) -> str:
    """A person of the export contract as a line of the persons table."""
    return _line("persons", record)


def _line(what: str, record: dict[str, Any]) -> str:
    columns, to_row = TABLES[what]
    row = to_row(record)
    return _csv_text(row.get(c, "") for c in columns)


def _csv_text(values: Iterable[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


def write_csv(what: str, store: Store, out: TextIO) -> int:
    """Write the table; return how many records."""
    count = -1
    for line in csv_lines(what, store):
        out.write(line)
        count += 1
    return count
