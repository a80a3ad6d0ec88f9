"""Records without a name, linked on the rest of their evidence: precision
and recall on pairs checked by hand (benchmarks/nameless_gold.yaml).

    python benchmarks/link_nameless.py            # imports both Memorial lists
    python benchmarks/link_nameless.py --db STORE # a store holding them

The Moscow list and the all-Russia list are imported into a new store
(unless one is given), `kartoteka link` runs as a user runs it, and each
hand-checked pair is looked up: merged (one person), sent to review, or
neither. Precision is the share of merged gold pairs that are one person;
recall the share of the pairs of one person found in the random sample of
list records (not those drawn from the merged pairs) that were merged.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from common import memorial, peak_rss_mib

from kartoteka.ingest.registries.importer import import_registry
from kartoteka.linking.run import link_store
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store

GOLD = Path(__file__).parent / "nameless_gold.yaml"


def _import(store: Store) -> None:
    data = memorial()
    pages = sorted((data / "moscow-executions" / "pages").glob("*.htm"))
    import_registry(store, "memorial-moscow", pages, "bench")
    records = [data / "lists-records" / "records.txt"]
    import_registry(store, "memorial-lists", records, "bench")


def record_keys(store: Store) -> dict[str, str]:
    """A person's record as the gold file names it: file:line for the lists,
    page:line#n for the Moscow list (several persons share a line)."""
    spans = []
    for person in store.entities(kind=EntityKind.PERSON).values():
        record = person.attributes.get("record")
        if record:
            spans.append((record["ref"], record["start"], person.id))
    keys, seen = {}, Counter()
    for ref, _, person in sorted(spans):
        if ref.startswith("records.txt"):
            keys[ref] = person
        else:
            seen[ref] += 1
            keys[f"{ref}#{seen[ref]}"] = person
    return keys


def outcome(store: Store, a: str, b: str, queued: set[frozenset[str]]) -> str:
    links = store.links()
    if links.get(a, a) == links.get(b, b):
        return "merged"
    return "review" if frozenset((a, b)) in queued else "neither"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="a store holding both Memorial lists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        began = time.perf_counter()
        store = Store.open(args.db or str(Path(work) / "nameless.db"))
        if not args.db:
            _import(store)
            print(f"imported both lists in {time.perf_counter() - began:.1f} s")
        report = link_store(store, "bench")
        print(report.summary())
        keys = record_keys(store)
        queued = {frozenset(p[:2]) for p in store.link_queue()}
        gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["pairs"]
        counts: Counter[tuple[bool, str]] = Counter()
        sampled: Counter[str] = Counter()  # the random records' true pairs
        for left, right, same, drawn in gold:
            found = outcome(store, keys[left], keys[right], queued)
            counts[same, found] += 1
            sampled[found] += same and drawn == "records"
        store.close()
    merged_right, merged_wrong = counts[True, "merged"], counts[False, "merged"]
    pairs = sum(1 for _, _, same, _ in gold if same)
    precision = merged_right / (merged_right + merged_wrong or 1)
    recall = sampled["merged"] / sum(sampled.values())
    print(
        f"hand-checked pairs: {len(gold)} ({pairs} of one person, "
        f"{len(gold) - pairs} of two)"
    )
    for same in (True, False):
        label = "one person" if same else "two persons"
        spread = ", ".join(
            f"{counts[same, o]} {o}" for o in ("merged", "review", "neither")
        )
        print(f"  {label}: {spread}")
    print(
        f"precision {precision:.4f}  recall {recall:.4f} (the random records' "
        f"{sum(sampled.values())} pairs: {sampled['merged']} merged, "
        f"{sampled['review']} to review)"
    )
    print(f"peak memory: {peak_rss_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
