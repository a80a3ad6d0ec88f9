"""`kartoteka link`: score every pair of persons that may be one, cluster the
likely ones, queue the uncertain ones for review, and store it all.

Links are rows of ``person_links``, written as revisions; a judgement
("same", "not same") is never overridden: a "same" pair is always joined, a
"not same" pair never ends in one cluster. Namesakes are never merged
without a person's word: a pair whose surnames, patronymics, given names,
sexes or birth years (more than three years apart) disagree, or whose names
differ at all and birthplaces too, or whose birthplaces and dates of death
both differ, goes to review however high its score (unless conclusive
evidence besides the names, with a birth or an own number among it,
outweighs them); nor do two such persons end in one cluster through a
third. Records that name nobody are linked on the rest of their evidence
(kartoteka.linking.guard).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kartoteka.linking.clusters import Clustering, cluster
from kartoteka.linking.feature_table import FeatureTable, Row, build_features
from kartoteka.linking.guard import Verdict as Guard
from kartoteka.linking.guard import apart_in_a_cluster, named, verdict
from kartoteka.linking.model import signature
from kartoteka.linking.score import Scored, score_persons
from kartoteka.model.identifying import IdentifyingField
from kartoteka.storage import Store
from kartoteka.storage.linking_reads import KeptModel
from kartoteka.storage.links import Verdict

# Merge at or above: a pair more likely one person than two, that the guard
# does not tell apart. (At 1.2 M synthetic records merging from 0.95 missed
# 3 % of the true pairs and merging from 0.5 misses 1.3 %, at a precision
# of 0.997 against 0.998; in the Memorial lists the pairs between are one
# person in several Books of Memory, and a casefile's person with their
# record: Kamenev at 0.74, Eideman at 0.63.)
THRESHOLD = 0.5
# Queue for review from here up to the threshold. Low, because duplicates
# are rare in a registry and the prior with them: a casefile's person and
# their registry record agreeing on all three names, with no date to
# compare, score 0.5–0.9, and less with a name spelt otherwise.
REVIEW_FROM = 0.05
Step = Callable[[str], None]


@dataclass
class LinkReport:
    persons: int = 0
    unnamed: int = 0  # records without a name: linked on the rest of their evidence
    pairs_scored: int = 0
    candidates: int = 0  # pairs at or above REVIEW_FROM
    merged: int = 0  # persons newly joined to a cluster
    unlinked: int = 0  # persons whose earlier automatic link no longer holds
    linked: int = 0  # persons in a cluster of several records
    queued: int = 0
    held_back: int = 0  # high-scoring pairs that disagree on a part: to review
    training: list[str] = field(default_factory=list)
    model: str = ""  # trained here, or reused (when, on how many persons)
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [
            f"linked {self.persons:,} persons in {self.seconds:.1f} s "
            f"({self.unnamed:,} of them records without a name): "
            f"{self.pairs_scored:,} pairs scored, {self.candidates:,} worth a look",
            f"  merges: {self.merged:,} persons joined, {self.unlinked:,} unlinked; "
            f"{self.linked:,} persons with several records",
            f"  review queue: {self.queued:,} pairs "
            f"({self.held_back:,} high-scoring pairs held back as possible namesakes)",
        ]
        lines += [f"  model: {self.model}"] if self.model else []
        lines += [f"  training step skipped: {t}" for t in self.training]
        return "\n".join(lines)


Pair = tuple[str, str, float]


def split_pairs(
    pairs: list[Scored],
    features: Mapping[str, dict[str, Any]],
    threshold: float = THRESHOLD,
    judged: Container[tuple[str, str]] = (),
    fields: Sequence[IdentifyingField] = (),
) -> tuple[list[Pair], list[Pair], int]:
    """Scored pairs → (to merge, to review, how many of those to review
    scored at or above the threshold). Judged pairs are left out; pairs that
    disagree below the threshold (brothers, namesakes) are dropped, and
    pairs with too little evidence to merge are reviewed, never merged."""
    sure, unsure, held_back = [], [], 0
    for a, b, p, rest in pairs:
        if (a, b) in judged:
            continue
        found = verdict(features[a], features[b], fields, rest)
        if found is Guard.UNTOLD:
            continue
        if p >= threshold and found is Guard.FREE:
            sure.append((a, b, p))
        elif p >= threshold or found is not Guard.APART:
            unsure.append((a, b, p))
            held_back += p >= threshold
    return sure, unsure, held_back


def decide(
    pairs: list[Scored],
    features: Mapping[str, dict[str, Any]],
    threshold: float = THRESHOLD,
    judged: dict[tuple[str, str], Verdict] | None = None,
    curated: set[str] | frozenset[str] = frozenset(),
    fields: Sequence[IdentifyingField] = (),
) -> tuple[Clustering, list[Pair], int]:
    """Scored pairs → the clusters, the pairs to review, and how many of
    those scored at or above the threshold (held back by the guard)."""
    judged = judged or {}
    same = [p for p, v in judged.items() if v == Verdict.SAME]
    not_same = [p for p, v in judged.items() if v == Verdict.NOT_SAME]
    sure, unsure, held_back = split_pairs(pairs, features, threshold, judged, fields)
    agreed = {(a, b) for a, b, _ in sure}  # the guard has passed these
    rest = {(a, b): r for a, b, _, r in pairs}

    def apart(a: str, b: str) -> bool:
        if (a, b) in agreed or (b, a) in agreed:
            return False
        evidence = rest.get((a, b), rest.get((b, a)))
        return apart_in_a_cluster(features[a], features[b], fields, evidence)

    with_names = {x for pair in sure for x in pair[:2] if named(features[x])}
    result = cluster(
        sure, same, not_same, preferred=curated, apart=apart, named=with_names
    )
    return result, unsure + result.refused, held_back


def _features(
    store: Store, report: LinkReport, fields: Sequence[IdentifyingField]
) -> tuple[FeatureTable, set[str]]:
    """The features of every person, and which are a casefile's."""
    curated: set[str] = set()

    def read() -> Iterator[Row]:
        for row in store.persons_for_linking(fields):
            report.persons += 1
            person, names, *_, is_curated, values = row
            report.unnamed += not names  # linked on the rest of its evidence
            if is_curated:
                curated.add(person)
            yield (*row[:6], values)

    return build_features(read(), fields), curated


def _reused(kept: KeptModel, persons: int) -> str:
    said = f"reused, trained {kept.trained} on {kept.persons:,} persons"
    if abs(persons - kept.persons) > 0.2 * kept.persons:
        said += f"; the store has {persons:,} now: `kartoteka link --retrain`"
    return said


def link_store(
    store: Store,
    actor: str,
    engine: str = "duckdb",
    spark_master: str | None = None,
    threshold: float = THRESHOLD,
    review_from: float = REVIEW_FROM,
    step: Step | None = None,
    max_pairs: int | None = None,
    retrain: bool = False,
) -> LinkReport:
    """Link every person of the store (the module's docstring says how). A
    model trained before on this store is reused unless ``retrain``, or
    unless the model, the engine or the store's identifying fields changed
    since."""
    report = LinkReport()
    began = time.perf_counter()
    say = step or (lambda _label: None)
    say("reading persons and their names")
    fields = store.identifying_fields()
    features, curated = _features(store, report, fields)
    made_for = signature(fields, engine)
    kept = None if retrain else store.linking_model()
    if kept is not None and kept.signature != made_for:
        kept = None  # made for another model or other fields: trained again
    report.model = _reused(kept, len(features)) if kept else ""

    def keep(model: dict[str, Any]) -> None:
        trained = time.strftime("%Y-%m-%d %H:%M")
        store.keep_linking_model(KeptModel(model, made_for, len(features), trained))
        report.model = (
            f"trained on {len(features):,} persons and kept; later runs reuse it "
            "(`kartoteka link --retrain` trains again)"
        )

    say(f"scoring pairs with Splink on {engine}")
    pairs, report.pairs_scored, report.training = score_persons(
        features,
        review_from,
        engine,
        spark_master,
        max_pairs,
        kept.model if kept else None,
        keep,
    )
    report.candidates = len(pairs)
    say("clustering")
    result, unsure, report.held_back = decide(
        pairs, features, threshold, store.judgements(), curated, fields
    )
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
