"""Deduplicate N synthetic persons with kartoteka's linking model and time it.

    python benchmarks/link_scale.py N [--duplicates 0.2] [--seed 3] [--plain]
                                      [--no-death] [--max-pairs M]
                                      [--threshold P ...]

Persons are drawn from the Moscow executions list: each part of a name from
the real surnames, given names and patronymics of its sex, a birth year
from the real years, a birthplace from the real places, a date of execution
from the real dates. A share of them (--duplicates) get a second record: the
same person with a typo in one name part in 20 % of copies, initials in 10 %,
the birth year off by one in 20 % or missing in 10 %, the birthplace missing
in half, the date of execution missing in a quarter and another one in a
tenth. With --no-death no one has a date of execution (names, birth and
birthplace alone, as in the first rounds of this benchmark). Reports the
time of each step (features, Splink training and scoring, the guard), peak
memory, and precision, recall and F1 against the known duplicates (with
--threshold, also as `kartoteka link --threshold P` would merge). With
--plain, plain Splink (set up as its documentation sets it up, on the names
as written, the date of death compared exactly) runs on the same records too.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import peak_rss_mib
from link_cross_script import _typo, persons, plain_splink_raw
from linking_common import kartoteka_decisions, pairs_in, score, together

from kartoteka.linking.feature_table import build_features


def synthetic(  # type: ignore[type-arg]
    n: int, share: float, rng: random.Random, death: bool = True
) -> tuple[list[dict], set]:
    """The records as a list, and the true pairs."""
    truth: set[tuple[str, str]] = set()
    rows = list(drawn(n, share, rng, truth, death))
    return rows, truth


def drawn(  # type: ignore[type-arg]
    n: int,
    share: float,
    rng: random.Random,
    truth: set[tuple[str, str]],
    death: bool = True,
) -> Iterator[dict]:
    """The records one by one, each true pair added to ``truth`` as it is
    drawn: a run that reads them once holds no list of millions (as
    `kartoteka link` reads its persons from the store)."""
    real = persons()
    pools: dict[str, dict[str, list[str]]] = {}
    for p in real:
        pool = pools.setdefault(
            p["sex"], {"surname": [], "given": [], "patronymic": []}
        )
        for part in pool:
            pool[part].append(p[part])
    years = [p["birth"] for p in real if p["birth"]]
    places = [p["place"] for p in real if p["place"]]
    deaths = [p["died"] for p in real if p["died"]]
    for i in range(n):
        sex = "M" if rng.random() < 0.9 else "F"
        pool = pools[sex]
        person = {
            "id": f"p{i}",
            "surname": rng.choice(pool["surname"]),
            "given": rng.choice(pool["given"]),
            "patronymic": rng.choice(pool["patronymic"]),
            "birth": rng.choice(years),
            "place": rng.choice(places),
            "sex": sex,
            "died": rng.choice(deaths) if death else None,
        }
        yield person
        if rng.random() < share:
            copy = dict(person, id=f"p{i}-copy")
            part = rng.choice(("surname", "given", "patronymic"))
            if rng.random() < 0.2:
                copy[part] = _typo(copy[part], rng)
            if rng.random() < 0.1:
                copy["given"], copy["patronymic"] = (
                    copy["given"][:1] + ".",
                    copy["patronymic"][:1] + ".",
                )
            if rng.random() < 0.2:
                copy["birth"] = str(int(copy["birth"]) + rng.choice((-1, 1)))
            elif rng.random() < 0.1:
                copy["birth"] = None
            if rng.random() < 0.5:
                copy["place"] = None
            if (chance := rng.random()) < 0.25:
                copy["died"] = None
            elif chance < 0.35 and death:
                copy["died"] = rng.choice(deaths)
            yield copy
            truth.add((min(person["id"], copy["id"]), max(person["id"], copy["id"])))


def _timed(records: Iterator[dict], spent: list[float]) -> Iterator[dict]:  # type: ignore[type-arg]
    """``records`` in batches, the time drawing them took added to ``spent``."""
    while True:
        start = time.perf_counter()
        batch = list(itertools.islice(records, 10_000))
        spent[0] += time.perf_counter() - start
        if not batch:
            return
        yield from batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--duplicates", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--plain", action="store_true", help="plain Splink too")
    parser.add_argument("--no-death", action="store_true", help="no dates of execution")
    parser.add_argument(
        "--max-pairs", type=int, help="the pair budget, as `kartoteka link` has it"
    )
    parser.add_argument(
        "--threshold",
        type=float,
        action="append",
        default=[],
        help="also score merging from this probability (repeatable)",
    )
    args = parser.parse_args()
    rng, truth = random.Random(args.seed), set()
    records = drawn(args.n, args.duplicates, rng, truth, not args.no_death)
    # --plain reads the records again; otherwise they are drawn as the
    # features are built and never held all at once (as `kartoteka link`
    # reads its persons from the store). Drawing them is off the clock.
    rows = list(records) if args.plain else None
    drawing = [0.0]
    began = time.perf_counter()
    features = build_features(  # as `kartoteka link` builds them
        (
            r["id"],
            [f"{r['surname']} {r['given']} {r['patronymic']}"],
            r["sex"],
            r["place"],
            r["birth"],
            r["died"],
        )
        for r in (rows if rows is not None else _timed(records, drawing))
    )
    began += drawing[0]
    print(f"{len(features):,} records, {len(truth):,} true pairs")
    read = time.perf_counter()
    clustering, _, scored, pairs = kartoteka_decisions(
        features, max_pairs=args.max_pairs, lowest=min(args.threshold, default=None)
    )
    done = time.perf_counter()
    s = score(pairs_in(clustering), truth)  # counting, not linking: off the clock
    print(
        f"features {read - began:.1f} s; Splink (budget check, training, "
        f"{scored:,} pairs) and decisions {done - read:.1f} s; "
        f"total {done - began:.1f} s"
    )
    print(
        f"precision {s['precision']:.4f}  recall {s['recall']:.4f}  F1 {s['f1']:.4f}"
        f"  peak memory {peak_rss_mib():,.0f} MiB"
    )
    for threshold in sorted(args.threshold, reverse=True):
        s = score(together(pairs, features, threshold), truth)
        print(
            f"  merging from p {threshold}: precision {s['precision']:.4f}  "
            f"recall {s['recall']:.4f}  F1 {s['f1']:.4f}"
        )
    if args.plain:
        began = time.perf_counter()
        s = score(plain_splink_raw(rows, not args.no_death), truth)
        print(
            f"plain Splink: {time.perf_counter() - began:.1f} s; precision "
            f"{s['precision']:.4f}  recall {s['recall']:.4f}  F1 {s['f1']:.4f}"
            f"  peak memory {peak_rss_mib():,.0f} MiB"
        )


if __name__ == "__main__":
    main()
