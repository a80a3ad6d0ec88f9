"""What extraction proposes: a span of the source's text, and what it may mean."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KINDS = (
    "person",
    "organization",
    "place",
    "date",
    "event",
    "quote",
    "estimate",
    "citation",
)


@dataclass(frozen=True)
class Annotation:
    """One proposal, anchored at [start, end) of the text as stored.

    Nothing here is evidence until a person accepts it.
    """

    kind: str
    text: str
    start: int
    end: int
    normalized: str | None = None  # EDTF, canonical name or quantity
    subject: dict[str, Any] | None = None  # an event's person: as named, as resolved
    predicate: str | None = None  # an event's, from the vocabulary
    date: str | None = None  # an event's date (EDTF)
    confidence: float = 0.5
    rule: str = ""  # the model or rule that proposed it
    # What else the rule read: an estimate's quantity, unit, modality and
    # what was counted; the voice (asserted_by) of words inside a quotation.
    details: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        """The ten fields of every line, and ``details`` where a rule read more."""
        fields = asdict(self)
        if fields["details"] is None:
            del fields["details"]
        return fields

    def overlaps(self, other: Annotation) -> bool:
        return self.start < other.end and other.start < self.end
