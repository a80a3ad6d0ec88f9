"""Exports at registry scale: persons as JSON Lines, CSV and FollowTheMoney.

    python benchmarks/export_speed.py --db STORE [--what persons,csv,ftm]
                                      [--workers N] [--pages FIRST:COUNT]

Writes each export of STORE to /dev/null as `kartoteka export -o` does and
prints persons (or entities) a second, the CPU time of this process and of
its workers, and the peak memory of this process (with its largest worker)
after each. Persons (and FtM's claims) are
rendered by one process a core unless --workers says otherwise. With
--pages, only COUNT pages of a thousand persons from the FIRST, in this
process, as JSON Lines with their md5 (a sample of a store of millions,
to compare two versions of the code on). Without
--db: a temporary store of both Memorial lists in ../shared and the demo.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path
from resource import RUSAGE_CHILDREN, RUSAGE_SELF, getrusage
from typing import TextIO

sys.path.insert(0, str(Path(__file__).parent))

from common import peak_rss_mib

from kartoteka.analysis.case_batches import BATCH, CaseReader
from kartoteka.exports.csv_tables import person_csv_line
from kartoteka.exports.jsonl import json_line
from kartoteka.exports.parallel_pages import write_persons, write_pieces
from kartoteka.exports.person_pages import page_records, store_page_starts
from kartoteka.storage import Store


def _null() -> TextIO:
    """/dev/null opened as `kartoteka export -o FILE` opens its file."""
    return open(os.devnull, "w", encoding="utf-8", newline="")


def _persons(store: Store) -> int:
    with _null() as out:
        return write_persons(store, json_line, out, workers=WORKERS)


def _csv(store: Store) -> int:
    with _null() as out:
        return write_persons(store, person_csv_line, out, workers=WORKERS)


def _ftm(store: Store) -> int:
    from kartoteka.exports.ftm import ftm_lines  # not in every worker

    with _null() as out:
        return write_pieces(ftm_lines(store, WORKERS, spooled=True), out)


WORKERS: int | None = None  # one process a core, as `kartoteka export`

RUNS = {"persons": _persons, "csv": _csv, "ftm": _ftm}


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its ended workers."""
    own, ended = (getrusage(w) for w in (RUSAGE_SELF, RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime, ended.ru_utime + ended.ru_stime


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
        if args.db:
            store = Store.open(args.db)
        else:  # imported here: each worker process imports this module again
            from reasoning_scale import build

            store = Store.open(build(Path(tmp)))
        for what in args.what.split(","):
            start, cpu = time.perf_counter(), _cpu()
            n = RUNS[what](store)
            took = time.perf_counter() - start
            here, workers = (b - a for a, b in zip(cpu, _cpu(), strict=True))
            print(
                f"{what}: {n:,} in {took:.1f} s ({n / took:,.0f} a second); "
                f"CPU {here:.1f} s here, {workers:.1f} s in workers; "
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
