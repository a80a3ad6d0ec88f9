"""Text as a model should read it, with every offset mapped back to the original.

Stress marks (U+0301) break Russian names for the models ("Михаи́л" →
"Михаи"); typographic apostrophes hide English possessives from spaCy
("Khrushchev’s"). The view removes or replaces them and remembers where each
of its characters stands in the stored text, so every span points into the
source as stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from kartoteka.extract.annotation import Annotation
from kartoteka.names.normalize import STRESS

SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class TextView:
    original: str
    text: str
    positions: tuple[int, ...]  # positions[i]: where text[i] stands in original

    @classmethod
    def of(cls, original: str) -> TextView:
        if not any(mark in original for mark in STRESS):
            text = original.translate(SAME_LENGTH)
            return cls(original, text, tuple(range(len(original))))
        kept = [(i, c) for i, c in enumerate(original) if c not in STRESS]
        text = "".join(c for _, c in kept).translate(SAME_LENGTH)
        return cls(original, text, tuple(i for i, _ in kept))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the view as [start, end) of the original."""
        if end <= start:
            at = (
                self.positions[start]
                if start < len(self.positions)
                else len(self.original)
            )
            return at, at
        return self.positions[start], self.positions[end - 1] + 1

    def in_view(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the original as [start, end) of the view."""
        if len(self.text) == len(self.original):
            return start, end  # nothing removed: the same offsets
        at = self._view_offsets
        return at.get(start, start), at.get(end - 1, end - 1) + 1

    @cached_property
    def _view_offsets(self) -> dict[int, int]:
        return {o: v for v, o in enumerate(self.positions)}


def persons_by_pattern(
    view: TextView,
    pattern: re.Pattern[str],
    found: list[Annotation],
    rule: str,
    group: int = 0,
) -> list[Annotation]:
    """Persons a pattern finds in the view where the model found nothing: the
    name is the pattern's ``group``, its normal form the view's letters."""
    added = []
    for m in pattern.finditer(view.text):
        first, last = view.span(m.start(group), m.end(group))
        if any(a.start < last and first < a.end for a in found):
            continue
        added.append(
            Annotation(
                "person",
                view.original[first:last],
                first,
                last,
                normalized=m.group(group),
                confidence=0.7,
                rule=rule,
            )
        )
    return added
