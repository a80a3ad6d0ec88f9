"""English date phrases in running text → EDTF, at the precision the words give.

Rules find the spans; a month is never given a day, a year never a month.

>>> [d.normalized for d in english_dates("On June 12, 1937, and in October, 1961")]
['1937-06-12', '1961-10']
"""

from __future__ import annotations

import re

from kartoteka.extract.annotation import Annotation

MONTHS = {
    month: number
    for number, month in enumerate(
        (
            *("january", "february", "march", "april", "may", "june", "july"),
            *("august", "september", "october", "november", "december"),
        ),
        start=1,
    )
}
SEASONS = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24}
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October"
    r"|November|December)"
)
_YEAR = r"(1[6-9]\d\d|20[0-2]\d)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

# Longest shapes first: an earlier rule's span wins where two overlap.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "night",
        re.compile(
            rf"\b[Tt]he night of {_MONTH} {_DAY}\s*(?:to|-|–)\s*{_DAY},? {_YEAR}\b"
        ),
    ),
    ("month-day-year", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b")),
    ("day-month-year", re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b")),
    ("month-year", re.compile(rf"\b{_MONTH},? (?:of )?{_YEAR}\b")),
    (
        "season-year",
        re.compile(
            rf"\b([Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter),? (?:of )?{_YEAR}\b"
        ),
    ),
    ("decade", re.compile(r"\b(?:the )?(1[6-9]\d0|20[0-2]0)s\b")),
    ("year", re.compile(rf"(?<![\d.,/-]){_YEAR}(?![\d,]\d)")),
)


def _edtf(rule: str, m: re.Match[str]) -> str | None:
    g = m.groups()
    if rule == "night":
        month, first, second, year = MONTHS[g[0].lower()], int(g[1]), int(g[2]), g[3]
        return f"{year}-{month:02d}-{first:02d}/{year}-{month:02d}-{second:02d}"
    if rule == "month-day-year":
        return _day(g[2], MONTHS[g[0].lower()], int(g[1]))
    if rule == "day-month-year":
        return _day(g[2], MONTHS[g[1].lower()], int(g[0]))
    if rule == "month-year":
        return f"{g[1]}-{MONTHS[g[0].lower()]:02d}"
    if rule == "season-year":
        return f"{g[1]}-{SEASONS[g[0].lower()]}"
    if rule == "decade":
        return f"{g[0][:3]}X"
    return g[0]


def _day(year: str, month: int, day: int) -> str | None:
    days = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= days[month - 1] else None


def english_dates(text: str) -> list[Annotation]:
    """Every date phrase of the text, longest first where they overlap."""
    found: list[Annotation] = []
    impossible: list[tuple[int, int]] = []  # "June 31, 1937" is no date at all
    for rule, pattern in RULES:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in impossible):
                continue
            value = _edtf(rule, m)
            if value is None:
                impossible.append((m.start(), m.end()))
                continue
            span = Annotation(
                "date",
                m.group(0),
                m.start(),
                m.end(),
                value,
                confidence=0.9,
                rule=f"date:{rule}",
            )
            if not any(span.overlaps(f) for f in found):
                found.append(span)
    return sorted(found, key=lambda a: a.start)
