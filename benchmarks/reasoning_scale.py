"""The reasoning at registry scale: the rehabilitation report and the network
of one address over every record, and the analyses of the demo case.

    python benchmarks/reasoning_scale.py --db STORE [--address WORDS]

STORE is a SQLite path or a PostgreSQL URL; without --db, a temporary store
of the Memorial lists in ../shared (both of them) and the demo is built
first. Each figure is the best of three runs in one process (the first run
also pays for warming the database's pages); the store's migration to the
current schema is timed apart.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import memorial, peak_rss_mib

from kartoteka.analysis.custody import custody
from kartoteka.analysis.grading_list import grade_report
from kartoteka.analysis.hypotheses import weigh
from kartoteka.analysis.network import address_network, network
from kartoteka.analysis.rehabilitation import rehabilitation_report
from kartoteka.demo import run_demo
from kartoteka.ingest.registries.importer import import_registry
from kartoteka.storage import Store


def best_of(action, times: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    runs, result = [], None
    for _ in range(times):
        start = time.perf_counter()
        result = action()
        runs.append(time.perf_counter() - start)
    return min(runs), result


def build(folder: Path) -> str:
    path = folder / "memorial.db"
    store = Store.open(path)
    data = memorial()
    pages = sorted((data / "moscow-executions" / "pages").glob("*.htm"))
    import_registry(store, "memorial-moscow", pages, "bench")
    import_registry(
        store, "memorial-lists", [data / "lists-records" / "records.txt"], "bench"
    )
    run_demo(store, "bench")
    store.close()
    return str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db")
    parser.add_argument("--address", default="Авиамоторная ул., д.4")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        target = args.db or build(Path(tmp))
        start = time.perf_counter()
        store = Store.open(target)
        print(f"open (and migrate): {time.perf_counter() - start:.1f} s")
        claims = store.counts()["claims"]
        print(f"store: {claims:,} claims")
        took, report = best_of(lambda: rehabilitation_report(store))
        print(
            f"rehabilitation report: {took:.2f} s — {report.rehabilitations:,} "
            f"rehabilitations, {report.records:,} records of repression, "
            f"{len(report.delays):,} with both dates"
        )
        took, net = best_of(lambda: address_network(store, args.address, hops=2))
        print(
            f"network of the address {args.address!r}, 2 hops: {took:.2f} s — "
            f"{len(net.graph)} nodes"
        )
        if store.questions():
            for label, action in (
                (
                    "network of Tukhachevsky, 2 hops",
                    lambda: network(store, "tukhachevsky", 2),
                ),
                ("custody of the dossier", lambda: custody(store, "forged-dossier")),
                ("ACH matrix with linchpins", lambda: weigh(store, "dossier-origin")),
                ("grades of every narrative source", lambda: grade_report(store)),
            ):
                took, _ = best_of(action)
                print(f"{label}: {took * 1000:.0f} ms")
        print(f"peak memory: {peak_rss_mib():.0f} MiB")
        store.close()


if __name__ == "__main__":
    main()
