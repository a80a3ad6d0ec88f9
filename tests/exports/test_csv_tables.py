"""CSV tables: one row a record, columns that a spreadsheet can read back."""

from __future__ import annotations

import csv
import io

from kartoteka.exports.csv_tables import CLAIM_COLUMNS, csv_lines, write_csv
from kartoteka.exports.jsonl import EXPORTS


def _table(store, what: str) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    count = write_csv(what, store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert count == len(rows)
    return rows


def test_a_person_row_has_a_column_per_event_and_keeps_both_disputed_dates(
    petrov_store,
):
    rows = {r["name"]: r for r in _table(petrov_store, "persons")}
    petrov = rows["Петров Иван Сергеевич"]
    assert petrov["arrested"] == "1938-03-03"
    assert petrov["rehabilitated"].split("; ") == ["1957", "1989"]
    assert "Ivan Petrov" in petrov["other_names"].split(" | ")
    assert int(petrov["open_conflicts"]) >= 1


def test_claim_rows_read_back_to_the_exported_quotes_and_offsets(petrov_store):
    rows = _table(petrov_store, "claims")
    exported = {c["id"]: c for c in EXPORTS["claims"](petrov_store)}
    assert list(rows[0]) == list(CLAIM_COLUMNS)
    assert {r["id"] for r in rows} == set(exported)
    for row in rows:
        claim = exported[row["id"]]
        assert row["quote"] == claim["quote"]
        assert (int(row["start"]), int(row["end"])) == (claim["start"], claim["end"])


def test_source_rows_leave_the_text_out_but_count_it(petrov_store):
    rows = _table(petrov_store, "sources")
    texts = {s["id"]: s["text"] for s in EXPORTS["sources"](petrov_store)}
    assert "text" not in rows[0]
    for row in rows:
        assert int(row["characters"]) == len(texts[row["id"]])


def test_lines_come_one_record_at_a_time(petrov_store):
    lines = list(csv_lines("claims", petrov_store))
    assert len(lines) == 1 + len(list(EXPORTS["claims"](petrov_store)))
    assert lines[0].startswith("id,source,start,end,quote")
