"""Persons written by several processes are the persons one process writes."""

from __future__ import annotations

import gc
import io
import tempfile

from kartoteka.exports.csv_tables import csv_header, person_csv_line, write_csv
from kartoteka.exports.ftm import ftm_entities, ftm_lines
from kartoteka.exports.jsonl import EXPORTS, json_line, write_jsonl
from kartoteka.exports.parallel_pages import (
    PageFile,
    piece_text,
    rendered_claims,
    write_persons,
    write_pieces,
)
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


def test_the_collector_waits_until_a_page_is_rendered(petrov_store):
    # Resumed while a page's records live, it would scan them all again.
    collecting: list[bool] = []

    def render(record: dict) -> str:
        collecting.append(gc.isenabled())
        return json_line(record)

    assert gc.isenabled()
    out = io.StringIO()  # a page each, all rendered in this process
    count = write_persons(petrov_store, render, out, parallel_from=10**9, size=1)
    assert count == len(out.getvalue().splitlines()) > 1
    assert collecting == [False] * count
    assert gc.isenabled()  # and back on afterwards


def test_pages_written_by_workers_reach_a_file_byte_for_byte(
    demo_store, tmp_path, monkeypatch
):
    """Into a file, each worker's page is copied by the system from the
    worker's own file, which is gone afterwards."""
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    for render, header in ((json_line, ""), (person_csv_line, csv_header("persons"))):
        path = tmp_path / "persons.out"
        with path.open("w", encoding="utf-8", newline="") as out:
            out.write(header)  # written before the workers' pages
            count = write_persons(
                demo_store, render, out, workers=2, parallel_from=0, size=5
            )
        alone = io.StringIO()
        alone.write(header)
        write_persons(demo_store, render, alone, workers=1)
        assert count == 32
        assert path.read_bytes() == alone.getvalue().encode("utf-8")
    assert b"\r\n" in path.read_bytes()  # CSV's line ends kept
    assert list(spool.iterdir()) == []


def test_a_page_file_goes_to_text_where_the_output_is_not_a_utf8_file(tmp_path):
    page = tmp_path / "0.page"
    page.write_bytes("Пётр\r\n".encode())
    other = (tmp_path / "utf16.txt").open("w", encoding="utf-16", newline="")
    with other:
        assert write_pieces([("a\n", 1), (PageFile(page), 1)], other) == 2
    assert (tmp_path / "utf16.txt").read_bytes().decode("utf-16") == "a\nПётр\r\n"
    assert not page.exists()


def _ftm(store: Store, workers: int) -> str:
    pieces = ftm_lines(store, workers, parallel_from=0, spooled=True)
    return "".join(piece_text(piece) for piece, _ in pieces)


def test_two_processes_write_the_same_ftm_entities_as_one(demo_store, tmp_path):
    alone = _ftm(demo_store, workers=1)
    assert _ftm(demo_store, workers=2) == alone
    assert len(alone.splitlines()) == sum(1 for _ in ftm_entities(demo_store))
    store = Store.open(petrov_in_two_records(tmp_path))
    a, b = store.find_entities("Петров Иван Сергеевич")
    judge_pair(store, a.id, b.id, Verdict.SAME, "test")
    assert _ftm(store, workers=2) == _ftm(store, workers=1)
    pieces = list(ftm_lines(store, workers=2, parallel_from=0))
    # candidates stay out of FtM, and out of the count
    assert sum(n for _, n in pieces) == len("".join(t for t, _ in pieces).splitlines())
    store.close()


def _claim_ids(reader, page) -> str:  # module level: a worker process imports it
    return "".join(f"{claim.id} {claim.passage.text}\n" for claim in page)


def test_claims_are_written_in_order_of_id_across_pages(demo_store):
    pages = list(
        rendered_claims(demo_store, _claim_ids, workers=2, parallel_from=0, size=7)
    )
    text = "".join(t for t, _ in pages)
    expected = [c.id for page in demo_store.claim_pages() for c in page]
    assert [line.split(" ")[0] for line in text.splitlines()] == expected
    assert sum(n for _, n in pages) == len(expected) == 82
    assert len(pages) >= 82 // 7
