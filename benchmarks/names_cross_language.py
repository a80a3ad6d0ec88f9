"""Names across languages: pair recall on the same persons, false matches on
near names of different persons (benchmarks/names_cross_language.yaml).

    python benchmarks/names_cross_language.py [--show-misses]

Both with names.compare (what linking and lookups use) and with the lookup
by any spelling (``lookup_keys``: do the two share a key?). Goal: pair
recall ≥ 0.90 with at most one false match.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from kartoteka.names.compare import compare
from kartoteka.names.keys import lookup_keys

SET = Path(__file__).with_suffix(".yaml")


def _measure(same: dict, different: list, label: str, misses: bool) -> None:
    pairs = [(name, other) for name, spellings in same.items() for other in spellings]
    matched = [(a, b) for a, b in pairs if compare(a, b).match]
    keyed = [(a, b) for a, b in pairs if lookup_keys(a) & lookup_keys(b)]
    false = [(a, b) for a, b in different if compare(a, b).match]
    print(f"{label} — same persons: {len(pairs)} pairs of {len(same)} persons")
    print(f"  names compare: recall {len(matched) / len(pairs):.3f} ({len(matched)})")
    print(f"  a key in common: recall {len(keyed) / len(pairs):.3f} ({len(keyed)})")
    print(f"  different persons: {len(different)} pairs, false matches {len(false)}")
    if misses:
        for a, b in pairs:
            if (a, b) not in matched:
                print(f"  not matched: {a} ~ {b} ({compare(a, b).score:.2f})")
        for a, b in false:
            print(f"  false match: {a} ~ {b}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    data = yaml.safe_load(SET.read_text(encoding="utf-8"))
    _measure(data["same"], data["different"], "the set", args.show_misses)
    _measure(
        data["held_out_same"],
        data["held_out_different"],
        "held out",
        args.show_misses,
    )


if __name__ == "__main__":
    main()
