"""Import the real Memorial lists into a fresh SQLite store, stage by stage.

    python benchmarks/import_memorial.py [--repeat 3] [--synthetic N]

For memorial-lists (46,445 records) and memorial-moscow (11,789), or for N
synthetic list records (synth_registry.py) with --synthetic, times each
stage of an import on its own, in one process:

- read and split: decode the files and cut them into records, nothing more;
- parse: the format's parser, records → fields, events, dates;
- prepare: rows, packed tables and batch digests from the parsed records;
- write: the prepared batches into a fresh store (SQLite has one writer);
- rows alone: the same rows into bare SQLite tables (no index, no full-text,
  no record refs, no revisions), in the store's journal mode: what storing
  the bytes of a record costs before the store does anything with them;

then the import end to end as ``kartoteka import`` runs it (files parsed in
other processes while this one writes), with the CPU time of every process,
``verify``, and the ``kartoteka import`` command itself in a process of its
own (the seconds it reports, and the command's whole run). With --repeat K
each stage is timed K times and the best is kept (the machine is shared;
the best is the least disturbed). The floor on two cores is what the stages
allow at best: the writer alone, or all the CPU work spread evenly over both
cores, whichever is longer.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import memorial, peak_rss_mib
from synth_registry import write as write_synthetic

from kartoteka.bulk_memory import gc_paused
from kartoteka.ingest.registries.encoding import read_text
from kartoteka.ingest.registries.importer import (
    PARSERS,
    RegistryReport,
    import_registry,
    write_prepared,
)
from kartoteka.ingest.registries.prepare import Batch, Item, prepare
from kartoteka.storage import Store

TARGET_RECORDS_PER_S = 20_000  # the figure for memorial-lists
_SPLIT = {
    "memorial-lists": re.compile(r"^---\s*$", re.M),
    "memorial-moscow": re.compile(r"<p class=pers>", re.I),
}


def best_of(repeat: int, action: Callable[[], object]) -> tuple[float, object]:
    """The shortest of ``repeat`` runs, and what the last run returned."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        with gc_paused():  # as the importer runs
            result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def cpu_seconds() -> tuple[float, float]:
    """CPU time so far of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def bare_write(items: list[Item], folder: Path) -> None:
    """The batches' rows into tables with no index, in a WAL file as the
    store's: the floor of writing them into SQLite at all."""
    for stale in folder.glob("bare.db*"):
        stale.unlink()
    db = sqlite3.connect(folder / "bare.db", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA cache_size = -262144")
    made: set[str] = set()
    for batch in (i for i in items if isinstance(i, Batch)):
        db.execute("BEGIN")
        for kind, packed in batch.tables.items():
            if not packed.values:
                continue
            if kind not in made:
                db.execute(f"CREATE TABLE {kind} ({', '.join(packed.columns)})")
                made.add(kind)
            marks = ", ".join("?" * len(packed.columns))
            db.executemany(f"INSERT INTO {kind} VALUES ({marks})", packed.values)
        db.execute("COMMIT")
    db.close()


def stages(fmt: str, paths: list[Path], folder: Path, repeat: int) -> None:
    seconds, n = _separate_stages(fmt, paths, folder, repeat)
    own_before, children_before = cpu_seconds()
    store = Store.open(folder / f"{fmt}.db")
    start = time.perf_counter()
    import_registry(store, fmt, paths, "benchmark")
    end_to_end = time.perf_counter() - start
    own, children = cpu_seconds()
    verify_start = time.perf_counter()
    assert store.verify().ok
    verify = time.perf_counter() - verify_start
    store.close()

    print(f"{fmt}: {n:,} records")
    for label, s in seconds.items():
        print(f"  {label:<16} {s:7.2f} s  {s / n * 1e6:6.0f} µs a record")
    own_work = seconds["write"] - seconds["rows alone"]
    print(f"  of the write, indexes, full text, refs, revisions: {own_work:.2f} s")
    print(
        f"  end to end       {end_to_end:7.2f} s  ({n / end_to_end:,.0f} records/s); "
        f"CPU {own - own_before:.1f} s writing, "
        f"{children - children_before:.1f} s in the parsing processes"
    )
    work = seconds["parse"] + seconds["prepare"] + seconds["write"]
    floor = max(seconds["write"], work / 2)
    bound = "the writer alone" if floor == seconds["write"] else "all stages, evenly"
    print(f"  floor on two cores {floor:.2f} s ({n / floor:,.0f} records/s): {bound}")
    target = n / TARGET_RECORDS_PER_S
    print(
        f"  {TARGET_RECORDS_PER_S:,} records/s would be {target:.2f} s "
        f"({2e6 / TARGET_RECORDS_PER_S:.0f} µs of CPU a record over two cores)"
    )
    print(f"  verify           {verify:7.2f} s")
    said, wall = as_the_command(fmt, paths, folder)
    print(
        f"  as the command   {said:7.2f} s  ({n / said:,.0f} records/s), as "
        f"`kartoteka import` reports it; {wall:.2f} s from the command's start"
    )


def as_the_command(fmt: str, paths: list[Path], folder: Path) -> tuple[float, float]:
    """``kartoteka import`` run as a user runs it, into a fresh store: the
    seconds it reports for the import, and the whole command's."""
    store = folder / f"{fmt}-command.db"
    beside = Path(sys.executable).with_name("kartoteka")  # the venv's, unactivated
    command = str(beside) if beside.exists() else shutil.which("kartoteka")
    if command is None:
        raise SystemExit("no `kartoteka` command: run the README's install first")
    start = time.perf_counter()
    done = subprocess.run(
        [command, "--db", str(store), "import", fmt, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    said = re.search(r"records read in ([0-9.]+) s", done.stdout)
    if said is None:
        raise SystemExit(f"no timing in the command's report:\n{done.stdout}")
    return float(said.group(1)), wall


def _separate_stages(
    fmt: str, paths: list[Path], folder: Path, repeat: int
) -> tuple[dict[str, float], int]:
    """Each stage alone, best of ``repeat``; and the number of records."""
    parse = PARSERS[fmt]
    split = _SPLIT[fmt]
    seconds: dict[str, float] = {}
    seconds["read and split"], _ = best_of(
        repeat,
        lambda: [split.split(read_text(p, expect=("Рас", "Родил"))) for p in paths],
    )
    seconds["parse"], parsed = best_of(repeat, lambda: {p: parse(p) for p in paths})
    seconds["prepare"], items = best_of(
        repeat, lambda: list(prepare(paths, fmt, parsed.__getitem__))
    )

    def write() -> RegistryReport:
        for stale in folder.glob("write.db*"):
            stale.unlink()
        store = Store.open(folder / "write.db")
        report = RegistryReport(fmt)
        write_prepared(iter(items), store, fmt, "benchmark", report)
        store.close()
        return report

    seconds["write"], report = best_of(repeat, write)
    seconds["rows alone"], _ = best_of(repeat, lambda: bare_write(items, folder))
    return seconds, report.records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--synthetic", type=int, metavar="N")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if args.synthetic:
            files = write_synthetic(args.synthetic, folder / "records", 100_000, 1)
            runs = {"memorial-lists": files}
        else:
            data = memorial()
            runs = {
                "memorial-lists": [data / "lists-records" / "records.txt"],
                "memorial-moscow": sorted(
                    (data / "moscow-executions" / "pages").glob("*.htm")
                ),
            }
        for fmt, paths in runs.items():
            stages(fmt, paths, folder, args.repeat)
    print(f"peak memory: {peak_rss_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
