"""Estimates side by side: every figure with what it counts, how firmly it is
put, where and when, and who gave it — never a number without its author.

Estimates of the same thing (one subject, one unit) are grouped, so that
"35,000 officers liquidated" stands beside every other count of the army's
losses, and 8,000,000 imprisoned beside every other count of the prisoners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kartoteka.extract.estimates import MODALITY
from kartoteka.model import Claim
from kartoteka.model.vocabulary import Status
from kartoteka.storage import Store

# Words before a Russian figure that say how firmly it is put.
MODALITY_RU = ("не менее", "не более", "более", "свыше", "около", "почти",
               "примерно", "приблизительно", "до")  # fmt: skip
_BEFORE = re.compile(
    r"\b(?P<modality>" + "|".join(re.escape(m) for m in (*MODALITY, *MODALITY_RU))
    + r")\s+$",
    re.IGNORECASE,
)  # fmt: skip


@dataclass(frozen=True)
class Estimate:
    claim: str
    subject: str  # the entity the figure is about: the Red Army, the USSR
    subject_name: str
    counted: str  # what was counted, as the claim says it
    value: float | None
    low: float | None
    high: float | None
    unit: str
    as_written: str
    modality: str  # "as many as", "nearly", "около" … or "" (stated flat)
    certainty: str
    when: str | None  # the claim's date (EDTF), if it has one
    where: str | None  # the place it counts, if the claim names one
    author: str  # who gave the figure; the source's authors when no voice
    source: str
    cited_from: str | None
    quote: str
    status: str

    @property
    def where_when(self) -> str:
        return ", ".join(x for x in (self.where, self.when) if x)

    @property
    def figure(self) -> str:
        """The number as a reader should see it: its modality, then the words."""
        return f"{self.modality} {self.as_written}".strip()


@dataclass(frozen=True)
class EstimateGroup:
    subject_name: str
    unit: str
    estimates: tuple[Estimate, ...]

    @property
    def measures(self) -> tuple[str, ...]:
        """What the figures count, each once: different measures are set side
        by side, not against one another ("officers arrested", "generals
        eliminated")."""
        return tuple(dict.fromkeys(e.counted for e in self.estimates if e.counted))


def modality_of(claim: Claim) -> str:
    """The words just before the figure in the quote: "as many as", "около"."""
    value = claim.value
    written = value.as_written if value and value.as_written else ""
    at = claim.passage.text.find(written) if written else -1
    if at <= 0:
        return ""
    found = _BEFORE.search(claim.passage.text[:at])
    return found.group("modality").lower() if found else ""


def estimates(store: Store, topic: str | None = None) -> list[EstimateGroup]:
    """Every estimate that is not rejected, grouped by what it is about and
    its unit; ``topic`` keeps those whose subject, what was counted, or unit
    holds the words."""
    claims = [
        c
        for c in store.claims(predicate="estimate")
        if c.status is not Status.REJECTED and c.value is not None
    ]
    ids = {i for c in claims for i in (c.subject, c.asserted_by, _place(c)) if i}
    ids &= set(store.kinds(sorted(ids)))  # a place may be words, not an entity
    names = {i: e.name for i, e in store.entities(sorted(ids)).items()}
    authors = {
        i: ", ".join(store.source_meta(i).authors) for i in {c.source for c in claims}
    }
    found = [_estimate(c, names, authors) for c in claims]
    if topic:
        words = topic.casefold()
        found = [
            e
            for e in found
            if words in f"{e.subject_name} {e.counted} {e.unit}".casefold()
        ]
    groups: dict[tuple[str, str], list[Estimate]] = {}
    for e in found:
        groups.setdefault((e.subject_name, e.unit), []).append(e)
    return [
        EstimateGroup(subject, unit, tuple(sorted(items, key=_size)))
        for (subject, unit), items in sorted(groups.items())
    ]


def _place(claim: Claim) -> str | None:
    found = claim.qualifiers.get("place") or claim.qualifiers.get("where")
    return str(found) if found else None


def _size(e: Estimate) -> float:
    return e.value if e.value is not None else (e.low or 0.0)


def _estimate(claim: Claim, names: dict[str, str], authors: dict[str, str]) -> Estimate:
    value = claim.value
    assert value is not None
    voice = names.get(claim.asserted_by or "")
    return Estimate(
        claim=claim.id,
        subject=claim.subject,
        subject_name=names.get(claim.subject, claim.subject),
        counted=str(claim.qualifiers.get("counted", "")),
        value=float(value.value) if isinstance(value.value, int | float) else None,
        low=value.low,
        high=value.high,
        unit=value.unit or "",
        as_written=value.as_written or "",
        modality=modality_of(claim),
        certainty=str(claim.certainty),
        when=str(claim.date.value) if claim.date else None,
        where=names.get(place, place) if (place := _place(claim)) else None,
        author=voice or authors.get(claim.source) or f"unknown (in {claim.source})",
        source=claim.source,
        cited_from=claim.qualifiers.get("cited_from"),
        quote=claim.passage.text,
        status=str(claim.status),
    )
