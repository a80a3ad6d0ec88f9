"""`kartoteka link`: score every pair of persons that may be one, cluster the
likely ones, queue the uncertain ones for review, and store it all.

Links are rows of ``person_links``, written as revisions; a judgement
("same", "not same") is never overridden: a "same" pair is always joined, a
"not same" pair never ends in one cluster. Namesakes are never merged
without a person's word: a pair whose surnames, patronymics, given names,
sexes or birth years (more than three years apart) disagree, or whose names
differ at all and birthplaces too, goes to review however high its score.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from kartoteka.linking.clusters import cluster
from kartoteka.linking.features import feature_table, person_features
from kartoteka.linking.score import score_pairs
from kartoteka.names.keys import word_keys
from kartoteka.storage import Store
from kartoteka.storage.links import Verdict

THRESHOLD = 0.95  # merge at or above
# Queue for review from here up to the threshold. Low, because duplicates
# are rare in a registry and the prior with them: a casefile's person and
# their registry record agreeing on all three names, with no date to
# compare, score 0.5–0.9, and less with a name spelt otherwise.
REVIEW_FROM = 0.05
Step = Callable[[str], None]


@dataclass
class LinkReport:
    persons: int = 0
    unnamed: int = 0  # records without a name: not linked
    pairs_scored: int = 0
    candidates: int = 0  # pairs at or above REVIEW_FROM
    merged: int = 0  # persons newly joined to a cluster
    unlinked: int = 0  # persons whose earlier automatic link no longer holds
    linked: int = 0  # persons in a cluster of several records
    queued: int = 0
    held_back: int = 0  # high-scoring pairs that disagree on a part: to review
    training: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [
            f"linked {self.persons:,} persons in {self.seconds:.1f} s "
            f"({self.unnamed:,} records without a name left out): "
            f"{self.pairs_scored:,} pairs scored, {self.candidates:,} worth a look",
            f"  merges: {self.merged:,} persons joined, {self.unlinked:,} unlinked; "
            f"{self.linked:,} persons with several records",
            f"  review queue: {self.queued:,} pairs "
            f"({self.held_back:,} high-scoring pairs held back as possible namesakes)",
        ]
        lines += [f"  training step skipped: {t}" for t in self.training]
        return "\n".join(lines)


def _alike(x: str, y: str) -> bool:
    """One slip of the pen apart (a letter added, dropped, changed or two
    swapped), or 85 % alike. A long key may be two apart: its vowels are
    reduced, so one letter dropped from Федоровна takes two from its key."""
    slips = OSA.distance(x, y)
    if slips <= 1 or (slips == 2 and min(len(x), len(y)) >= 7):
        return True
    return Levenshtein.normalized_similarity(x, y) >= 0.85


def _similar(a: list[str] | None, b: list[str] | None) -> bool:
    """Keys of two readings alike enough (any reading of each), or not given."""
    if not a or not b:
        return True
    return any(_alike(x, y) for x in a for y in b)


def _surnames_alike(a: list[str] | None, b: list[str] | None) -> bool:
    """Surname keys alike as other keys are, or Jaro-Winkler ≥ 0.9: a slip
    in a surname is no change of surname (which is for a person to judge,
    as a woman's at marriage)."""
    return _similar(a, b) or any(
        JaroWinkler.similarity(x, y) >= 0.9 for x in a or () for y in b or ()
    )


_NAME_KEYS = ("surname_key", "given_key", "patronymic_key")


def _names_differ(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return any(a[k] != b[k] for k in _NAME_KEYS)


# Words of four letters or more; a soft sign romanized as ' is inside a word.
_PLACE_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|')*[^\W\d_]")


def _place_words(place: str) -> list[set[str]]:
    """The keys of each word of four letters or more ("г." and "д." go), so
    that places compare across scripts as names do."""
    return [
        {key for key in word_keys(word) if key} or {word}
        for word in _PLACE_WORD.findall(place)
        if len(word) >= 4
    ]


def _named_in(word: set[str], keys: set[str]) -> bool:
    """Does a place word appear among these keys: the same first five
    letters (Борисове, Борисов) or one slip apart?"""
    return any(k[:5] == o[:5] or OSA.distance(k, o) <= 1 for k in word for o in keys)


def _places_differ(x: str | None, y: str | None) -> bool:
    """Two birthplaces, both given, each naming something the other does not
    (Латвия, г. Смилтен and Латвия, г. Тукум; not в Борисове and
    Белорусская ССР, г. Борисов)."""
    if not (x and y):
        return False
    a, b = _place_words(x), _place_words(y)
    in_a, in_b = set().union(*a), set().union(*b)
    return any(not _named_in(w, in_b) for w in a) and any(
        not _named_in(w, in_a) for w in b
    )


def disagree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Do two persons' features say they are different people?"""
    if a["sex"] and b["sex"] and a["sex"] != b["sex"]:
        return True
    if (
        a["birth_year"]
        and b["birth_year"]
        and abs(a["birth_year"] - b["birth_year"]) > 3
    ):
        return True
    if _names_differ(a, b) and _places_differ(a["birthplace"], b["birthplace"]):
        # Two Latvians named Ян Янович, born 1897, shot on the same day of
        # 1938, one Крузин from Смилтен, one Крумин from Тукум: mass
        # operations make every other agreement common.
        return True
    names_a = (a["surname_key"], a["given_key"])
    swapped = bool(a["surname_key"]) and names_a == (b["given_key"], b["surname_key"])
    if not swapped and not _surnames_alike(a["surname_keys"], b["surname_keys"]):
        return True
    for part in ("patronymic",) if swapped else ("given", "patronymic"):
        written = a.get(f"{part}_word"), b.get(f"{part}_word")
        one_slip = all(written) and OSA.distance(*written) <= 1
        if not one_slip and not _similar(a[f"{part}_keys"], b[f"{part}_keys"]):
            return True
        initial_a, initial_b = a[f"{part}_initial"], b[f"{part}_initial"]
        if initial_a and initial_b and initial_a != initial_b:
            return True
        letter_a, letter_b = a.get(f"{part}_letter"), b.get(f"{part}_letter")
        if letter_a and letter_b and letter_a != letter_b:
            return True
    return False


Pair = tuple[str, str, float]


def split_pairs(
    pairs: list[Pair],
    features: dict[str, dict[str, Any]],
    threshold: float = THRESHOLD,
    judged: Container[tuple[str, str]] = (),
) -> tuple[list[Pair], list[Pair], int]:
    """Scored pairs → (to merge, to review, how many of those to review
    scored at or above the threshold). Judged pairs are left out; pairs that
    disagree below the threshold (brothers, namesakes) are dropped."""
    sure, unsure, held_back = [], [], 0
    for a, b, p in pairs:
        if (a, b) in judged:
            continue
        apart = disagree(features[a], features[b])
        if p >= threshold and not apart:
            sure.append((a, b, p))
        elif p >= threshold or not apart:
            unsure.append((a, b, p))
            held_back += p >= threshold
    return sure, unsure, held_back


def link_store(
    store: Store,
    actor: str,
    engine: str = "duckdb",
    spark_master: str | None = None,
    threshold: float = THRESHOLD,
    review_from: float = REVIEW_FROM,
    step: Step | None = None,
    max_pairs: int | None = None,
) -> LinkReport:
    report = LinkReport()
    began = time.perf_counter()
    say = step or (lambda _label: None)
    say("reading persons and their names")
    features: dict[str, dict[str, Any]] = {}
    curated: set[str] = set()
    for pid, names, sex, place, birth, death, is_curated in store.persons_for_linking():
        report.persons += 1
        if not names:
            report.unnamed += 1  # a record that names nobody links to nobody
            continue
        features[pid] = person_features(pid, names, sex, place, birth, death)
        if is_curated:
            curated.add(pid)
    say(f"scoring pairs with Splink on {engine}")
    pairs, report.pairs_scored, report.training = score_pairs(
        feature_table(features.values()), review_from, engine, spark_master, max_pairs
    )
    report.candidates = len(pairs)
    judged = store.judgements()
    same = [p for p, v in judged.items() if v == Verdict.SAME]
    not_same = [p for p, v in judged.items() if v == Verdict.NOT_SAME]
    sure, unsure, report.held_back = split_pairs(pairs, features, threshold, judged)
    say("clustering")
    result = cluster(sure, same, not_same, preferred=curated)
    unsure += result.refused
    say("writing links")
    before = store.links()
    with store.writing(actor, reason="link") as tx:
        for member, head in result.head.items():
            origin = "link" if result.probability.get(member) is not None else "review"
            changed = tx.link(member, head, result.probability.get(member), origin)
            report.merged += changed.value == "created"
        for member in set(before) - set(result.head):
            tx.unlink(member, reason="link: no longer linked")
            report.unlinked += 1
        report.queued = tx.replace_queue(unsure, run=time.strftime("%Y-%m-%dT%H:%M:%S"))
    report.linked = len(result.head)
    report.seconds = time.perf_counter() - began
    return report
