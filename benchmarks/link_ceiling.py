"""How well any linker could do on link_scale.py's synthetic persons.

    python benchmarks/link_ceiling.py N [--duplicates 0.2] [--seed 3] [--no-death]

Draws the same records as ``link_scale.py N`` (same seed, same options) and
counts, for every copy, its namesakes: other persons of the same sex who
agree with the copy on everything the copy states — surname and given name
and patronymic as written (by their first letter where the copy gives
initials), birth year, birthplace and date of execution where the copy
gives them. A copy with a namesake cannot be told from it by any model: the
records say the same. Only the persons themselves are counted as namesakes,
not the other copies, and a copy's own person is assumed found whenever it
has none — so the ceiling printed is an upper bound.

Two ways to treat the ambiguous copies bound F1 from above: leave them
unmerged (recall lost), or merge each with one of its k + 1 equally good
candidates (right one time in k + 1; the wrong merges cost precision).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from link_scale import synthetic

Shape = tuple[bool, bool, bool, bool]  # initials, birth, place, death given


def _shape(copy: dict) -> Shape:  # type: ignore[type-arg]
    return (
        copy["given"].endswith("."),
        copy["birth"] is not None,
        copy["place"] is not None,
        copy["died"] is not None,
    )


def _key(person: dict, shape: Shape) -> tuple:  # type: ignore[type-arg]
    initials, birth, place, death = shape
    given, patronymic = person["given"], person["patronymic"]
    return (
        person["sex"],
        person["surname"],
        given[:1] if initials else given,
        patronymic[:1] if initials else patronymic,
        person["birth"] if birth else None,
        person["place"] if place else None,
        person["died"] if death else None,
    )


def namesakes(rows: list[dict]) -> list[int]:  # type: ignore[type-arg]
    """For every copy, how many persons other than its own share what it says."""
    people = {r["id"]: r for r in rows if not r["id"].endswith("-copy")}
    copies = [r for r in rows if r["id"].endswith("-copy")]
    wanted: dict[Shape, set[tuple]] = defaultdict(set)  # type: ignore[type-arg]
    for copy in copies:
        shape = _shape(copy)
        wanted[shape].add(_key(copy, shape))
    counts: Counter[tuple] = Counter()  # type: ignore[type-arg]
    for shape, keys in wanted.items():
        for person in people.values():
            key = _key(person, shape)
            if key in keys:
                counts[shape, key] += 1
    found = []
    for copy in copies:
        shape = _shape(copy)
        key = _key(copy, shape)
        own = people[copy["id"].removesuffix("-copy")]
        found.append(counts[shape, key] - (_key(own, shape) == key))
    return found


def ceiling(found: list[int]) -> dict[str, float]:
    """The best F1 when ambiguous copies stay apart, and when each is guessed."""
    total = len(found)
    clear = sum(1 for k in found if k == 0)
    apart = 2 * clear / (clear + total)
    guessed_right = clear + sum(1 / (k + 1) for k in found if k)
    wrong = sum(k / (k + 1) for k in found if k)
    guessed = 2 * guessed_right / (2 * guessed_right + 2 * wrong)
    return {"ambiguous": total - clear, "apart": apart, "guessed": guessed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--duplicates", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--no-death", action="store_true")
    args = parser.parse_args()
    rows, truth = synthetic(
        args.n, args.duplicates, random.Random(args.seed), not args.no_death
    )
    found = namesakes(rows)
    best = ceiling(found)
    print(f"{len(rows):,} records, {len(truth):,} true pairs")
    print(
        f"copies with at least one namesake saying the same: "
        f"{best['ambiguous']:,} ({best['ambiguous'] / len(truth):.1%})"
    )
    print(
        f"F1 at best: {best['apart']:.4f} leaving them apart, "
        f"{best['guessed']:.4f} guessing among the candidates"
    )
    by_kind = Counter(_shape(r) for r in rows if r["id"].endswith("-copy"))
    ambiguous = Counter(
        _shape(r)
        for r, k in zip(
            (r for r in rows if r["id"].endswith("-copy")), found, strict=True
        )
        if k
    )
    for shape, count in sorted(ambiguous.items(), key=lambda x: -x[1])[:6]:
        initials, birth, place, death = shape
        said = ", ".join(
            what
            for what, given in (
                ("initials", initials),
                ("birth year", birth),
                ("birthplace", place),
                ("death date", death),
            )
            if given
        )
        print(f"  {count:7,} of {by_kind[shape]:7,} copies giving names, {said}")


if __name__ == "__main__":
    main()
