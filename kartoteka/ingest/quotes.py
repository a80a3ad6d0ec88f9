"""Finding a quote verbatim in a source, and the closest passage when it is not."""

from __future__ import annotations

from rapidfuzz import fuzz

from kartoteka.model import Passage


def locate(text: str, quote: str, occurrence: int = 1) -> Passage | None:
    """The passage where quote occurs (its n-th occurrence), or None."""
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            return None
    return Passage(source="", start=start, end=start + len(quote), text=quote)


def count(text: str, quote: str) -> int:
    return text.count(quote) if quote else 0


def closest(text: str, quote: str) -> tuple[str, float]:
    """The span of text most like the quote, and how alike (0..1)."""
    if not text or not quote:
        return "", 0.0
    best = fuzz.partial_ratio_alignment(quote, text)
    start, end = best.dest_start, best.dest_end
    while start > 0 and text[start - 1].isalnum():  # widen to whole words
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end], round(best.score / 100, 2)
