"""Exports at registry scale: persons as JSON Lines, CSV and FollowTheMoney.

    python benchmarks/export_speed.py --db STORE [--what persons,csv,ftm]
                                      [--workers N]

Writes each export of STORE to /dev/null as `kartoteka export` does and
prints persons (or entities) a second and the peak memory of this process
(with its largest worker) after each. Persons (and FtM's claims) are
rendered by one process a core unless --workers says otherwise. Without
--db: a temporary store of both Memorial lists in ../shared and the demo.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import peak_rss_mib
from reasoning_scale import build

from kartoteka.exports.csv_tables import person_csv_line
from kartoteka.exports.ftm import ftm_lines
from kartoteka.exports.jsonl import json_line
from kartoteka.exports.parallel_pages import write_persons, write_pieces
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
