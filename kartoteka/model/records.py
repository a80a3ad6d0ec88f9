"""The domain model: frozen dataclasses with no I/O.

Every fact is a Claim made by one Source, anchored to a Passage of its text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kartoteka.model.ids import make_id, sha256_text
from kartoteka.model.vocabulary import (
    Authenticity,
    Certainty,
    EntityKind,
    NameKind,
    SourceKind,
    Stance,
    Status,
)

ENTITY_PREFIX: dict[EntityKind, str] = {
    EntityKind.PERSON: "per",
    EntityKind.ORGANIZATION: "org",
    EntityKind.PLACE: "plc",
    EntityKind.ARTIFACT: "art",
    EntityKind.EVENT: "evt",
}


_ENTITY_ID = re.compile(r"^(?:per|org|plc|art|evt)_[0-9a-f]{16}$")


def is_entity_id(value: object) -> bool:
    """Does this value (say, a qualifier) name an entity by its id?"""
    return isinstance(value, str) and bool(_ENTITY_ID.match(value))


def script_of(text: str) -> str:
    """ISO 15924 code of the dominant script: Cyrl, Latn, or Zyyy (none)."""
    counts = Counter(map(_letter_script, text))
    cyrillic, latin = counts["Cyrl"], counts["Latn"]
    if not (cyrillic or latin):
        return "Zyyy"
    return "Cyrl" if cyrillic >= latin else "Latn"


@cache
def _letter_script(char: str) -> str:
    # Cached: a registry import asks this of millions of names, a few
    # hundred letters in all.
    if char.isalpha():
        name = unicodedata.name(char, "")
        if name.startswith("CYRILLIC"):
            return "Cyrl"
        if name.startswith("LATIN"):
            return "Latn"
    return ""


@dataclass(frozen=True)
class Source:
    """Anything that asserts: its verbatim text, its hash, and three judgements."""

    id: str
    kind: SourceKind
    title: str
    text: str = ""
    authors: tuple[str, ...] = ()
    published: str | None = None  # EDTF
    language: str | None = None
    citation: str | None = None
    url: str | None = None
    derived_from: tuple[str, ...] = ()
    authenticity: Authenticity = Authenticity.UNKNOWN
    reliability: str = "F"
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", sha256_text(self.text))

    @staticmethod
    def id_for_text(text: str) -> str:
        """The id of a source known only by its text."""
        return make_id("src", sha256_text(text))


@dataclass(frozen=True)
class Passage:
    """A span of a source's stored text: [start, end) in characters."""

    source: str
    start: int
    end: int
    text: str

    def matches(self, source_text: str) -> bool:
        return source_text[self.start : self.end] == self.text


@dataclass(frozen=True)
class Name:
    """One name of an entity, as some source writes it."""

    name: str
    kind: NameKind = NameKind.VARIANT
    script: str = ""
    language: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if not self.script:
            object.__setattr__(self, "script", script_of(self.name))


PROPOSED = "extract"  # the origin of what extraction proposes
_PROPOSED_BY = f"{PROPOSED}:"  # its origins begin so (extract:english …)


@dataclass(frozen=True)
class Entity:
    """A person, organization, place or artifact, with all its names."""

    id: str
    kind: EntityKind
    name: str
    names: tuple[Name, ...] = ()
    external_ids: tuple[str, ...] = ()  # "casefile:tukhachevsky", "wikidata:Q…"
    attributes: dict[str, Any] = field(default_factory=dict)
    sex: str | None = None  # "M", "F" or None when no source tells

    @staticmethod
    def make_id(kind: EntityKind, *parts: object) -> str:
        return make_id(ENTITY_PREFIX[kind], *parts)

    @property
    def proposed(self) -> bool:
        """Proposed by extraction, not yet known to the store otherwise: its
        ``origin`` attribute is "extract:<source>"."""
        return str(self.attributes.get("origin", "")).startswith(_PROPOSED_BY)


@dataclass(frozen=True)
class Literal:
    """A claim's literal object: a date (EDTF), a quantity or range, or text."""

    kind: str  # "date" | "quantity" | "text"
    value: str | float | None = None
    low: float | None = None  # a range: low..high
    high: float | None = None
    unit: str | None = None
    as_written: str | None = None  # the source's own wording

    def display(self) -> str:
        if self.kind == "quantity":
            if self.low is not None and self.high is not None:
                number = f"{_num(self.low)}–{_num(self.high)}"
            else:
                number = _num(self.value)  # type: ignore[arg-type]
            return f"{number} {self.unit}".strip() if self.unit else number
        return str(self.value)


def _num(value: float | str | None) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


@dataclass(frozen=True)
class Claim:
    """One assertion by one source, with the exact words that carry it."""

    id: str
    subject: str
    predicate: str
    passage: Passage
    object: str | None = None  # an entity id
    date: Literal | None = None  # when it happened, EDTF in .value
    value: Literal | None = None  # a quantity or text object
    qualifiers: dict[str, Any] = field(default_factory=dict)
    asserted_by: str | None = None  # whose words the source reports
    stance: Stance = Stance.AFFIRMS
    certainty: Certainty = Certainty.CERTAIN
    status: Status = Status.CANDIDATE
    reviewer: str | None = None
    origin: str = "manual"
    note: str | None = None

    @property
    def source(self) -> str:
        return self.passage.source

    @property
    def proposed(self) -> bool:
        """Proposed by extraction and not yet decided: no evidence yet."""
        return self.status is Status.CANDIDATE and self.origin.startswith(_PROPOSED_BY)

    @property
    def evidence(self) -> bool:
        """Counts as evidence: neither rejected nor an undecided proposal."""
        return self.status is not Status.REJECTED and not self.proposed

    @staticmethod
    def make_id(
        subject: str, predicate: str, passage: Passage, *discriminators: object
    ) -> str:
        """Same subject, predicate, passage and wording → same id, every import."""
        return make_id(
            "clm",
            subject,
            predicate,
            passage.source,
            passage.start,
            passage.end,
            *discriminators,
        )
