"""Import the real Memorial lists into a fresh SQLite store and time each phase.

    python benchmarks/import_memorial.py [--keep DIR]

Prints, for memorial-lists (46,445 records) and memorial-moscow (11,789):
the time to merely read and split the input, to parse it, to build the rows,
and the whole import end to end (records/s), then the time of `verify`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import memorial, peak_rss_mib, timed

from kartoteka.ingest.registries import memorial_lists, memorial_moscow
from kartoteka.ingest.registries.encoding import read_text
from kartoteka.ingest.registries.importer import import_registry
from kartoteka.ingest.registries.prepare import list_source
from kartoteka.ingest.registries.rows import record_rows
from kartoteka.storage import Store


def phases(fmt: str, paths: list[Path], parse, folder: Path) -> dict[str, float]:  # type: ignore[no-untyped-def]
    results: dict[str, float] = {}
    with timed("read and split", results):
        for path in paths:
            read_text(path, expect=("Рас", "Родил")).split("\n")
    with timed("parse", results):
        parsed = [parse(path) for path in paths]
    with timed("build rows", results):
        for one in parsed:
            source = list_source(one, fmt)
            for i in range(len(one.records)):
                record_rows(one, i, source.id, fmt)
    store = Store.open(folder / f"{fmt}.db")
    with timed("import end to end", results):
        report = import_registry(store, fmt, paths, "benchmark")
    with timed("verify", results):
        assert store.verify().ok
    store.close()
    results["records"] = report.records
    return results


def main() -> None:
    data = memorial()
    runs = {
        "memorial-lists": (
            [data / "lists-records" / "records.txt"],
            memorial_lists.parse,
        ),
        "memorial-moscow": (
            sorted((data / "moscow-executions" / "pages").glob("*.htm")),
            memorial_moscow.parse,
        ),
    }
    with tempfile.TemporaryDirectory() as folder:
        for fmt, (paths, parse) in runs.items():
            r = phases(fmt, paths, parse, Path(folder))
            n = r.pop("records")
            print(f"{fmt}: {n:,} records")
            for label, seconds in r.items():
                rate = f"  ({n / seconds:,.0f} records/s)" if label != "verify" else ""
                print(f"  {label:<18} {seconds:7.2f} s{rate}")
    print(f"peak memory: {peak_rss_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
