"""Analysis of Competing Hypotheses: scores side by side, diagnosticity, and
which evidence the ranking hangs on. Pure functions over plain values.

Three scorers, each with its working visible:

- **inconsistency** (Heuer): I counts 1, II counts 2; the fewest wins.
  Evidence is weighed by what argues *against* a hypothesis.
- **weighted**: CC +2, C +1, N 0, I −1, II −2, each times the evidence's
  credibility weight and its relevance weight; the most wins.
- **bayesian**: each rating is a likelihood P(E|H) (table ``LIKELIHOOD``),
  drawn toward 0.5 as the evidence is less credible
  (p' = w·p + (1 − w)·0.5); the score is Σ log10 p', the posterior with equal
  priors follows from it; the most wins.

Evidence marked non-diagnostic (a step every rival custody chain shares)
counts for no hypothesis unless a person rated it differently across them.

>>> e = Evidence("e1", "s", ("s",), {"h1": "C", "h2": "II"})
>>> score(["h1", "h2"], [e], "inconsistency")
{'h1': 0.0, 'h2': 2.0}
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

SCORERS = ("inconsistency", "weighted", "bayesian")
LOWER_IS_BETTER = {"inconsistency"}
VALUE = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
INCONSISTENCY = {"I": 1, "II": 2}
LIKELIHOOD = {"CC": 0.9, "C": 0.7, "N": 0.5, "I": 0.3, "II": 0.1}
RELEVANCE = {"high": 1.0, "medium": 2 / 3, "low": 1 / 3}
# Credibility 1–6 as a weight; 6, "cannot be judged", halfway.
CREDIBILITY_WEIGHT = {"1": 1.0, "2": 0.8, "3": 0.6, "4": 0.4, "5": 0.2, "6": 0.5}


@dataclass(frozen=True)
class Evidence:
    """One claim as evidence: its ratings by hypothesis, and its weights."""

    claim: str
    source: str
    origins: tuple[str, ...]  # the independent origin(s) it comes from
    ratings: dict[str, str]  # hypothesis id → CC, C, N, I, II, NA
    credibility: str = "6"
    relevance: str = "medium"
    non_diagnostic: bool = False  # marked so by the custody chains

    @property
    def weight(self) -> float:
        return CREDIBILITY_WEIGHT.get(self.credibility, 0.5) * RELEVANCE.get(
            self.relevance, 2 / 3
        )

    @property
    def counts(self) -> bool:
        """Non-diagnostic evidence counts only when a person told it apart."""
        rated = {r for r in self.ratings.values() if r != "NA"}
        return not self.non_diagnostic or len(rated) > 1


def likelihood(rating: str, credibility: str) -> float:
    """P(E|H) for a rating, drawn toward 0.5 as credibility falls."""
    w = CREDIBILITY_WEIGHT.get(credibility, 0.5)
    return w * LIKELIHOOD.get(rating, 0.5) + (1 - w) * 0.5


def _cell(e: Evidence, h: str, scorer: str) -> float:
    rating = e.ratings.get(h, "NA")
    if rating == "NA":
        return 0.0
    if scorer == "inconsistency":
        return float(INCONSISTENCY.get(rating, 0))
    if scorer == "weighted":
        return VALUE[rating] * e.weight
    return math.log10(likelihood(rating, e.credibility))


def score(
    hypotheses: Sequence[str], evidence: Sequence[Evidence], scorer: str
) -> dict[str, float]:
    """Each hypothesis's score under one scorer."""
    return {
        h: round(sum(_cell(e, h, scorer) for e in evidence if e.counts), 6)
        for h in hypotheses
    }


def posterior(log_scores: dict[str, float]) -> dict[str, float]:
    """P(H|E) with equal priors from the Bayesian scores (log10 likelihoods)."""
    top = max(log_scores.values(), default=0.0)
    raw = {h: 10 ** (s - top) for h, s in log_scores.items()}
    total = sum(raw.values()) or 1.0
    return {h: round(v / total, 4) for h, v in raw.items()}


def ranking(scores: dict[str, float], scorer: str) -> dict[str, int]:
    """Rank 1 is the best; ties share a rank."""
    sign = 1 if scorer in LOWER_IS_BETTER else -1
    ordered = sorted(scores.values(), key=lambda s: sign * s)
    return {h: ordered.index(s) + 1 for h, s in scores.items()}


def diagnosticity(e: Evidence, hypotheses: Sequence[str]) -> float:
    """How far apart the hypotheses' likelihoods of this evidence lie: the
    largest log10 likelihood ratio between two of them; 0 cannot help choose."""
    if not e.counts:
        return 0.0
    logs = [
        math.log10(likelihood(r, e.credibility))
        for h in hypotheses
        if (r := e.ratings.get(h, "NA")) != "NA"
    ]
    return round(max(logs) - min(logs), 4) if len(logs) > 1 else 0.0


@dataclass(frozen=True)
class Dropped:
    """What the ranking becomes without some evidence."""

    what: str  # "evidence" | "source" | "origin"
    key: str  # the claim, source or origin left out
    claims: tuple[str, ...]
    changed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # scorer → the hypotheses whose rank changes; empty when none does
    leader_changes: tuple[str, ...] = ()  # scorers whose first place changes


def linchpins(hypotheses: Sequence[str], evidence: Sequence[Evidence]) -> list[Dropped]:
    """Drop each piece of evidence, each source, each independent origin in
    turn, and say which hypotheses change rank under which scorer."""
    before = {s: ranking(score(hypotheses, evidence, s), s) for s in SCORERS}
    groups: list[tuple[str, str, Callable[[Evidence], bool]]] = []
    groups += [
        ("evidence", e.claim, lambda x, k=e.claim: x.claim == k) for e in evidence
    ]
    for source in sorted({e.source for e in evidence}):
        groups.append(("source", source, lambda x, k=source: x.source == k))
    for origin in sorted({o for e in evidence for o in e.origins}):
        groups.append(("origin", origin, lambda x, k=origin: k in x.origins))
    found = []
    for what, key, drop in groups:
        kept = [e for e in evidence if not drop(e)]
        changed, leaders = {}, []
        for s in SCORERS:
            after = ranking(score(hypotheses, kept, s), s)
            moved = tuple(h for h in hypotheses if after[h] != before[s][h])
            if moved:
                changed[s] = moved
            if _leaders(before[s]) != _leaders(after):
                leaders.append(s)
        left_out = tuple(e.claim for e in evidence if drop(e))
        found.append(Dropped(what, key, left_out, changed, tuple(leaders)))
    return found


def _leaders(ranks: dict[str, int]) -> set[str]:
    return {h for h, r in ranks.items() if r == 1}
