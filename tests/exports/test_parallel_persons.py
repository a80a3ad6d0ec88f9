"""Persons written by several processes are the persons one process writes."""

from __future__ import annotations

import io

from kartoteka.exports.csv_tables import csv_header, person_csv_line, write_csv
from kartoteka.exports.jsonl import EXPORTS, json_line, write_jsonl
from kartoteka.exports.parallel_persons import write_persons
from kartoteka.linking.edits import judge_pair
from kartoteka.storage import Store
from kartoteka.storage.links import Verdict
from tests.records import petrov_in_two_records


def _in_processes(store: Store, render, size: int = 5) -> tuple[str, int]:
    """Two processes, pages of ``size`` persons."""
    out = io.StringIO()
    count = write_persons(store, render, out, workers=2, parallel_from=0, size=size)
    return out.getvalue(), count


def test_two_processes_write_the_demos_persons_as_one_does(demo_store):
    alone = io.StringIO()
    expected = write_jsonl(EXPORTS["persons"](demo_store), alone)
    text, count = _in_processes(demo_store, json_line)
    assert count == expected == 32
    assert text == alone.getvalue()
    table = io.StringIO()
    rows = write_csv("persons", demo_store, table)
    text, count = _in_processes(demo_store, person_csv_line)
    assert (count, csv_header("persons") + text) == (rows, table.getvalue())


def test_a_merged_person_is_written_once_across_pages(tmp_path):
    store = Store.open(petrov_in_two_records(tmp_path))
    a, b = store.find_entities("Петров Иван Сергеевич")
    judge_pair(store, a.id, b.id, Verdict.SAME, "test")
    alone = io.StringIO()
    expected = write_jsonl(EXPORTS["persons"](store), alone)
    text, count = _in_processes(store, json_line, size=1)  # a page each
    assert (count, text) == (expected, alone.getvalue())
    merged = [line for line in text.splitlines() if b.id in line or a.id in line]
    assert len(merged) == 1 and '"merged_from":["' in merged[0]
    store.close()


def test_a_store_in_memory_is_written_by_this_process(petrov_store):
    text, count = _in_processes(petrov_store, json_line)
    assert count == len(text.splitlines()) > 0
