"""Extraction against gold: precision and recall per kind and language, and how
much of the demo's curated casefile the seed's proposals cover.

    python benchmarks/extraction_eval.py [--show-misses]

Gold texts are in benchmarks/extraction_gold/: four written for this
evaluation while the rules were made, the seed article (its text read from
the shared folder), and four held-out sets, each written after the rules
had been changed on the one before (its first figures are the held-out
ones; docs/benchmarks.md keeps them); the figures are given for each set
apart. Each lists its person mentions (every occurrence of each text as a
word), its date phrases with their EDTF, and its life-cycle events (person,
predicate, date).
A person or date is right when its span is exactly the gold span (and a date
its EDTF too); an event when its person is the gold person's name (any
spelling that names compare matches), its predicate is the same and its date
the same (a gold event without a date takes any). The seed: each life-cycle
claim of the demo's casefile (person, predicate, date) is covered when a
proposed event of the seed has the same stored person, predicate and date.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from kartoteka import settings
from kartoteka.demo import run_demo
from kartoteka.extract import extract_text
from kartoteka.model.vocabulary import PREDICATES, Group
from kartoteka.names.compare import compare
from kartoteka.storage import Store

GOLD = Path(__file__).parent / "extraction_gold"


def _spans(text: str, wanted: list[str]) -> set[tuple[int, int]]:
    """Every occurrence of each wanted text as a word (Stalin, not Stalinist),
    longer texts first, not overlapping."""
    taken: set[tuple[int, int]] = set()
    for item in sorted(set(wanted), key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(item)}(?!\w)", text):
            span = m.span()
            if not any(a < span[1] and span[0] < b for a, b in taken):
                taken.add(span)
    return taken


def _text(gold: dict) -> str:  # type: ignore[type-arg]
    if "text_file" in gold:
        return settings.shared_path(gold["text_file"]).read_text(encoding="utf-8")
    return gold["text"]


def _same_person(gold: str, found: str) -> bool:
    return gold == found or compare(gold, found).match


def score_file(path: Path, misses: bool) -> dict[str, tuple[int, int, int, int]]:
    """kind → (proposals right, proposed, gold, gold found)."""
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = _text(gold)
    found = extract_text(text, gold["lang"])
    result = {}
    persons = _spans(text, gold["persons"])
    proposed = {(a.start, a.end) for a in found if a.kind == "person"}
    both = len(persons & proposed)
    result["person"] = (both, len(proposed), len(persons), both)
    edtf_of = {str(words): str(edtf) for words, edtf in gold["dates"]}
    dates = {
        (span, edtf_of[text[span[0] : span[1]]]) for span in _spans(text, list(edtf_of))
    }
    got = {((a.start, a.end), a.normalized) for a in found if a.kind == "date"}
    result["date"] = (len(dates & got), len(got), len(dates), len(dates & got))
    events = [a for a in found if a.kind == "event"]
    wanted = [(p, pred, None if d is None else str(d)) for p, pred, d in gold["events"]]

    def hit(g: tuple, a) -> bool:  # type: ignore[no-untyped-def,type-arg]
        person, predicate, date = g
        return (
            a.predicate == predicate
            and (date is None or a.date == date)
            and _same_person(person, a.subject["name"])
        )

    recalled = [g for g in wanted if any(hit(g, a) for a in events)]
    right = [a for a in events if any(hit(g, a) for g in wanted)]
    result["event"] = (len(right), len(events), len(wanted), len(recalled))
    if misses:
        _show_misses(path, text, persons, proposed, dates, got, wanted, recalled)
    return result


def _show_misses(path, text, persons, proposed, dates, got, wanted, recalled):  # type: ignore[no-untyped-def]
    print(f"-- {path.name}")
    for a, b in sorted(persons - proposed):
        print(f"   person missed: {text[a:b]!r}")
    for a, b in sorted(proposed - persons):
        print(f"   person extra:  {text[a:b]!r}")
    for span, edtf in sorted(dates - got):
        print(f"   date missed:   {text[span[0] : span[1]]!r} {edtf}")
    for event in wanted:
        if event not in recalled:
            print(f"   event missed:  {event}")


def seed_coverage() -> tuple[int, int, list[tuple]]:  # type: ignore[type-arg]
    store = Store.open(":memory:")
    run_demo(store, actor="benchmark")
    seed = store.source("roberts-1964")
    lifecycle = {
        (c.subject, c.predicate, c.date.value if c.date else None)
        for c in store.claims(source_id="roberts-1964")
        if PREDICATES[c.predicate].group is Group.LIFECYCLE
    }
    found = {
        (a.subject["id"], a.predicate, a.date)
        for a in extract_text(seed.text, "en", store)
        if a.kind == "event"
    }
    covered = [claim for claim in lifecycle if any(_covers(f, claim) for f in found)]
    missed = sorted(lifecycle - set(covered), key=str)
    return len(covered), len(lifecycle), missed


def _covers(found: tuple, claim: tuple) -> bool:  # type: ignore[type-arg]
    same = found[0] == claim[0] and found[1] == claim[1]
    return same and (claim[2] is None or found[2] == claim[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    totals: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0] * 4)
    for path in sorted(GOLD.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang, part = gold["lang"], gold.get("set", "written with the rules")
        for kind, counts in score_file(path, args.show_misses).items():
            row = totals[part, lang, kind]
            totals[part, lang, kind] = [a + b for a, b in zip(row, counts, strict=True)]
    columns = ["set", "language", "kind", "precision", "recall"]
    print("| " + " | ".join(columns) + " | right / proposed | found / gold |")
    print("|---|---|---|---|---|---|---|")
    for (part, lang, kind), (right, proposed, gold, found) in sorted(totals.items()):
        precision = right / proposed if proposed else 0.0
        recall = found / gold if gold else 0.0
        print(
            f"| {part} | {lang} | {kind} | {precision:.2f} | {recall:.2f} | "
            f"{right} / {proposed} | {found} / {gold} |"
        )
    covered, total, missed = seed_coverage()
    print(f"\nseed: {covered} of {total} life-cycle claims of the demo casefile "
          f"covered by proposed events ({covered / total:.0%})")  # fmt: skip
    if args.show_misses:
        for claim in missed:
            print(f"   not covered: {claim}")


if __name__ == "__main__":
    main()
