"""Import N synthetic list records and time the import, case files and name search.

    python benchmarks/scale_registry.py N [--work DIR] [--lookups 200]
                                          [--db postgresql+psycopg://…]

Writes the records with synth_registry.py (into --work, reused when there),
imports them into a fresh SQLite store (with --resume: completes an
interrupted import into the store already there), and reports: import time and
records/s, peak memory of the process, store size on disk, then the p50 and
p95 of building one person's case file and of a name search (exact name
lookup and full-text search) and of a lookup by another spelling (the
full name of a Moscow list record, romanized as Wikipedia and as ISO 9 write
it, found as `kartoteka case` finds a person; the Moscow list is imported into
the store for this, since the synthetic records give a surname alone), over
--lookups random persons. With --db, the records go into that store (an
empty PostgreSQL database, say) instead of a fresh SQLite file.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import memorial, peak_rss_mib, percentile, repeat_ms
from synth_registry import write

from kartoteka.analysis.cases import build_case
from kartoteka.analysis.lookup import entities_named, find_entity
from kartoteka.errors import NotFound
from kartoteka.ingest.registries.importer import import_registry
from kartoteka.ingest.registries.memorial_moscow import parse as parse_moscow
from kartoteka.model.vocabulary import EntityKind
from kartoteka.names.normalize import in_one_script
from kartoteka.names.romanize import romanize
from kartoteka.storage import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument("--db", help="an empty store's URL instead of SQLite")
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
    for stale in () if keep or args.db else work.glob(f"scale-{args.n}.db*"):
        stale.unlink()

    store = Store.open(args.db or db)
    if not args.lookups_only:
        _import(store, files, lambda: _size(store, work, args.n))
    _lookups(store, args.lookups)
    store.close()


def _size(store: Store, work: Path, n: int) -> float:
    """The store's size in GiB: its files, or PostgreSQL's database."""
    if store.dialect == "postgresql":
        with store.engine.connect() as conn:
            query = "SELECT pg_database_size(current_database())"
            return conn.exec_driver_sql(query).scalar_one() / 2**30
    return sum(p.stat().st_size for p in work.glob(f"scale-{n}.db*")) / 2**30


def _import(store: Store, files: list[Path], size_gib: Callable[[], float]) -> None:
    start = time.perf_counter()
    report = import_registry(store, "memorial-lists", files, "benchmark")
    seconds = time.perf_counter() - start
    size = size_gib()
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
    spelled = _other_spellings(_moscow_names(store, lookups // 2))
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


def _moscow_names(store: Store, lookups: int) -> list[str]:
    """Full names of the Moscow list, which is imported into the store (once):
    the synthetic records give a surname alone."""
    pages = sorted((memorial() / "moscow-executions" / "pages").glob("*.htm"))
    import_registry(store, "memorial-moscow", pages, "benchmark")
    full = sorted(
        {n.name for page in pages for r in parse_moscow(page).records for n in r.names
         if n.kind == "birth" and len(n.name.split()) == 3}
    )  # fmt: skip
    return random.Random(3).sample(full, min(lookups, len(full)))


def _other_spellings(names: list[str]) -> list[tuple[str, str]]:
    """(the name, as English text spells it), and (the name, as ISO 9 does)."""
    spelled = []
    for name in names:
        readings = romanize(in_one_script(name))
        spelled += [(name, readings["Wikipedia"]), (name, readings[ISO9])]
    return spelled


def _finds(store: Store, name: str, spelling: str) -> bool:
    """What `kartoteka case SPELLING` does to find a person: did it find one
    of that name (or list it among namesakes)?"""
    wanted = in_one_script(name)
    try:
        return find_entity(store, spelling).name == wanted
    except NotFound:
        return any(e.name == wanted for e in entities_named(store, spelling))


ISO9 = "ISO 9:1995 (GOST 7.79)"


if __name__ == "__main__":
    main()
