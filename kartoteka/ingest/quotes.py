"""Finding a quote verbatim in a source, and the closest passage when it is not."""

from __future__ import annotations

from difflib import SequenceMatcher

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
    """The span of text most like the quote, and how alike (0..1).

    Anchors on the longest common block, then scores a window of the quote's
    length around it; good enough to show the researcher what they meant.
    """
    if not text or not quote:
        return "", 0.0
    matcher = SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    start = max(0, block.a - block.b)
    window = text[start : start + len(quote)]
    ratio = SequenceMatcher(None, window, quote, autojunk=False).ratio()
    return window, round(ratio, 2)
