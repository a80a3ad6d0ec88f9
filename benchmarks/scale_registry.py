"""Import N synthetic list records and time the import, case files and name search.

    python benchmarks/scale_registry.py N [--work DIR] [--lookups 200]

Writes the records with synth_registry.py (into --work, reused when there),
imports them into a fresh SQLite store (with --resume: completes an
interrupted import into the store already there), and reports: import time and
records/s, peak memory of the process, store size on disk, then the p50 and
p95 of building one person's case file and of a name search (exact name
lookup and full-text search) and of a lookup by another spelling (the
name romanized as Wikipedia writes it, found as `kartoteka case` finds a
person), over --lookups random persons.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import peak_rss_mib, percentile, repeat_ms
from synth_registry import write

from kartoteka.analysis.cases import build_case
from kartoteka.analysis.lookup import entities_named, find_entity
from kartoteka.errors import NotFound
from kartoteka.ingest.registries.importer import import_registry
from kartoteka.model.vocabulary import EntityKind
from kartoteka.names.romanize import romanize
from kartoteka.storage import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument(
        "--resume",
        action="store_true",
        help="keep the store: complete an interrupted import",
    )
    parser.add_argument(
        "--lookups-only",
        action="store_true",
        help="time the lookups on the store already there; import nothing",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kartoteka-scale-"))
    records = work / f"records-{args.n}"
    files = sorted(records.glob("synth-*.txt")) or write(args.n, records, 100_000, 1)
    db = work / f"scale-{args.n}.db"
    keep = args.resume or args.lookups_only
    for stale in () if keep else work.glob(f"scale-{args.n}.db*"):
        stale.unlink()

    store = Store.open(db)
    if not args.lookups_only:
        _import(store, files, work, args.n)
    _lookups(store, args.lookups)
    store.close()


def _import(store: Store, files: list[Path], work: Path, n: int) -> None:
    start = time.perf_counter()
    report = import_registry(store, "memorial-lists", files, "benchmark")
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in work.glob(f"scale-{n}.db*")) / 2**30
    rate = report.records / seconds
    print(
        f"persons created {report.persons_created:,}, "
        f"already present {report.persons_present:,}"
    )
    print(
        f"import: {report.records:,} records in {seconds:,.1f} s "
        f"({rate:,.0f} records/s); "
        f"peak memory {peak_rss_mib():,.0f} MiB; store {size:.2f} GiB"
    )


def _lookups(store: Store, lookups: int) -> None:
    rng = random.Random(2)
    people = store.entity_ids(EntityKind.PERSON)
    sample = rng.sample(people, min(lookups, len(people)))
    names = [n.name for pid in sample for n in store.entity(pid).names][:lookups]
    cases = iter(sample)
    case_ms = repeat_ms(lambda: build_case(store, next(cases)), len(sample))
    found = iter(names)
    exact_ms = repeat_ms(lambda: store.find_entities(next(found), limit=20), len(names))
    found = iter(names)
    text_ms = repeat_ms(lambda: store.search(next(found), limit=20), len(names))
    spelled = _other_spellings(store, sample)
    hits: list[bool] = []
    others = iter(spelled)
    any_ms = repeat_ms(lambda: hits.append(_finds(store, *next(others))), len(spelled))
    for label, samples in (
        ("case file", case_ms),
        ("name lookup (exact)", exact_ms),
        ("name search (full text)", text_ms),
        ("lookup, any spelling", any_ms),
    ):
        print(
            f"{label:<24} p50 {percentile(samples, 0.5):7.1f} ms   "
            f"p95 {percentile(samples, 0.95):7.1f} ms   ({len(samples)} lookups)"
        )
    print(f"any spelling found the person: {sum(hits)} of {len(hits)}")


def _other_spellings(store: Store, sample: list[str]) -> list[tuple[str, str]]:
    """(person, the name as English text spells it: Wikipedia's romanization)."""
    spelled = []
    for pid in sample:
        cyrillic = [n.name for n in store.entity(pid).names if n.script == "Cyrl"]
        if cyrillic:
            spelled.append((pid, romanize(cyrillic[0])["Wikipedia"]))
    return spelled


def _finds(store: Store, pid: str, spelling: str) -> bool:
    """What `kartoteka case SPELLING` does to find a person; did it find pid?"""
    try:
        return find_entity(store, spelling).id in store.cluster_of(pid)
    except NotFound as several:  # a common name: the person must be listed
        return pid in str(several) or any(
            e.id == pid for e in entities_named(store, spelling)
        )


if __name__ == "__main__":
    main()
