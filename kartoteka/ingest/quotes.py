"""Finding a quote verbatim in a source, and the closest passage when it is not."""

from __future__ import annotations

from rapidfuzz import fuzz

from kartoteka.model import Passage
from kartoteka.names.normalize import STRESS


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


_TYPOGRAPHIC = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
        "ʼ": "'", "–": "-", "—": "-", "‐": "-", "\u00a0": " ", "ё": "е", "Ё": "Е",
    }
)  # fmt: skip


def _folded(text: str) -> tuple[str, list[int]]:
    """The text without stress marks, with plain quotes, dashes and ё, every
    run of white space one space; and where each character stands in text."""
    out: list[str] = []
    positions: list[int] = []
    space = False
    for i, char in enumerate(text.translate(_TYPOGRAPHIC)):
        if char in STRESS:
            continue
        if char.isspace():
            if space:
                continue
            char, space = " ", True
        else:
            space = False
        out.append(char)
        positions.append(i)
    return "".join(out), positions


def locate_loosely(text: str, quote: str, occurrence: int = 1) -> Passage | None:
    """The passage of text that the quote is, stress marks, typographic quotes
    and dashes, ё and line breaks aside; the passage holds the text's own
    characters. None when it is not there."""
    folded, positions = _folded(text)
    wanted = _folded(quote.strip())[0]
    start = -1
    for _ in range(occurrence):
        start = folded.find(wanted, start + 1)
        if start < 0 or not wanted:
            return None
    first, last = positions[start], positions[start + len(wanted) - 1] + 1
    while last < len(text) and text[last] in STRESS:  # a stress mark ends a word
        last += 1
    return Passage(source="", start=first, end=last, text=text[first:last])
