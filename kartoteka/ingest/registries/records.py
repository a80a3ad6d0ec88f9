"""What a registry parser yields: one neutral record per person, with spans.

Offsets are relative to the record's own text; the bulk writer places them
in the source text. Parsers know formats; they know nothing of the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class RecordEvent:
    predicate: str
    start: int  # the words that state it, inside the record text
    end: int
    date: str | None = None  # EDTF
    date_text: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    alternative: bool = False  # "по другим данным": a second reading, same source


@dataclass(frozen=True)
class RecordName:
    name: str
    kind: str = "variant"  # birth | variant | alias


@dataclass
class RegistryRecord:
    """One person's record: its text, where it is, and what it says."""

    ref: str  # "file:line", for reports and the export's records list
    line: int
    text: str
    names: list[RecordName] = field(default_factory=list)
    sex: str | None = None
    events: list[RecordEvent] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)

    def event(self, predicate: str, start: int, end: int, **kw: Any) -> RecordEvent:
        found = RecordEvent(predicate, start, end, **kw)
        self.events.append(found)
        return found

    def qualify(self, predicate: str, **qualifiers: Any) -> int:
        """Add qualifiers to every event of a predicate; how many there were."""
        count = 0
        for i, event in enumerate(self.events):
            if event.predicate == predicate:
                merged = {**event.qualifiers, **qualifiers}
                self.events[i] = replace(event, qualifiers=merged)
                count += 1
        return count


@dataclass(frozen=True)
class Skipped:
    """A record that could not be read, and why."""

    ref: str
    reason: str

    def __str__(self) -> str:
        return f"{self.ref}: {self.reason}"


@dataclass
class ParsedList:
    """Everything read from one input file."""

    path: str
    title: str
    text: str  # the source text: the record texts, as stored
    offsets: list[int]  # where each record's text starts in ``text``
    records: list[RegistryRecord]
    skipped: list[Skipped] = field(default_factory=list)
    citation: str | None = None
    url: str | None = None
    # The list's number of the first record here, when a process reads a
    # part of a file: the records' ids count from the file's first record.
    index_base: int = 0
