"""Exports at registry scale: persons as JSON Lines, CSV and FollowTheMoney.

    python benchmarks/export_speed.py --db STORE [--what persons,csv,ftm]
                                      [--workers N] [--pages FIRST:COUNT]

Writes each export of STORE to /dev/null as `kartoteka export` does and
prints persons (or entities) a second and the peak memory of this process
(with its largest worker) after each. Persons (and FtM's claims) are
rendered by one process a core unless --workers says otherwise. With
--pages, only COUNT pages of a thousand persons from the FIRST, in this
process, as JSON Lines with their md5 (a sample of a store of millions,
to compare two versions of the code on). Without
--db: a temporary store of both Memorial lists in ../shared and the demo.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import peak_rss_mib
from reasoning_scale import build

from kartoteka.analysis.case_batches import BATCH, CaseReader
from kartoteka.exports.csv_tables import person_csv_line
from kartoteka.exports.ftm import ftm_lines
from kartoteka.exports.jsonl import json_line
from kartoteka.exports.parallel_pages import write_persons, write_pieces
from kartoteka.exports.person_pages import page_records, store_page_starts
from kartoteka.storage import Store


class _Null(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


def _persons(store: Store) -> int:
    return write_persons(store, json_line, _Null(), workers=WORKERS)


def _csv(store: Store) -> int:
    return write_persons(store, person_csv_line, _Null(), workers=WORKERS)


def _ftm(store: Store) -> int:
    return write_pieces(ftm_lines(store, WORKERS), _Null())


WORKERS: int | None = None  # one process a core, as `kartoteka export`

RUNS = {"persons": _persons, "csv": _csv, "ftm": _ftm}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db")
    parser.add_argument("--what", default="persons,csv,ftm")
    parser.add_argument("--workers", type=int, help="processes (default: cores)")
    parser.add_argument("--pages", help="FIRST:COUNT pages of persons, one process")
    args = parser.parse_args()
    if args.pages:
        first, count = map(int, args.pages.split(":"))
        _sample(Store.open(args.db), first, count)
        return
    global WORKERS
    WORKERS = args.workers
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(args.db or build(Path(tmp)))
        for what in args.what.split(","):
            start = time.perf_counter()
            n = RUNS[what](store)
            took = time.perf_counter() - start
            print(
                f"{what}: {n:,} in {took:.1f} s ({n / took:,.0f} a second); "
                f"peak memory {peak_rss_mib():,.0f} MiB"
            )
        store.close()


def _sample(store: Store, first: int, count: int) -> None:
    reader = CaseReader(store)
    pages = store_page_starts(store, BATCH)
    starts = list(itertools.islice(pages, first, first + count))  # not timed
    digest, n = hashlib.md5(), 0
    start = time.perf_counter()
    for after in starts:
        for record in page_records(reader, after, BATCH):
            digest.update(json_line(record).encode())
            n += 1
    took = time.perf_counter() - start
    print(
        f"persons, pages {first}–{first + count - 1}: {n:,} in {took:.1f} s "
        f"({n / took:,.0f} a second); md5 {digest.hexdigest()}; "
        f"peak memory {peak_rss_mib():,.0f} MiB"
    )


if __name__ == "__main__":
    main()
