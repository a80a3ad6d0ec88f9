"""Dates the text gives by another date: "shot two days later", "на следующий
день". The anchor is the last full date written before the phrase; without
one, nothing is proposed."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from kartoteka.extract.annotation import Annotation

NUMBERS = {
    "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3,
    "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "десять": 10,
}  # fmt: skip
_COUNT = r"(\d{1,2}|" + "|".join(NUMBERS) + ")"
# (words, days a counted unit is, or the shift of words without a count,
# whether the result is approximate: "two weeks later" is not a day's count)
RULES: tuple[tuple[re.Pattern[str], int, bool], ...] = (
    (re.compile(rf"\b{_COUNT} days? later\b", re.I), 1, False),
    (re.compile(rf"\b{_COUNT} days? (?:before|earlier)\b", re.I), -1, False),
    (re.compile(rf"\b{_COUNT} weeks? later\b", re.I), 7, True),
    (re.compile(r"\bthe (?:next|following) day\b", re.I), 1, False),
    (re.compile(r"\bthe same (?:day|date)\b", re.I), 0, False),
    (re.compile(rf"\bчерез {_COUNT} (?:дня|дней|день)\b", re.I), 1, False),
    (re.compile(rf"\bчерез {_COUNT} недел[юиь]\b", re.I), 7, True),
    (re.compile(r"\bна следующий день\b", re.I), 1, False),
    (re.compile(r"\bв тот же день\b", re.I), 0, False),
)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def relative_dates(text: str, dates: list[Annotation]) -> list[Annotation]:
    """``dates``: the absolute dates of the text, in its order."""
    days = [d for d in dates if d.normalized and _DAY.match(d.normalized)]
    found = []
    for pattern, unit, approximate in RULES:
        for m in pattern.finditer(text):
            at = bisect_left(days, m.start(), key=lambda d: d.start)
            if at == 0:
                continue
            anchor = days[at - 1]
            count = _count(m.group(1)) if pattern.groups else 1
            shift = dt.timedelta(days=count * unit)
            day = dt.date.fromisoformat(anchor.normalized) + shift  # type: ignore[arg-type]
            found.append(
                Annotation(
                    "date",
                    m.group(0),
                    m.start(),
                    m.end(),
                    day.isoformat() + ("~" if approximate else ""),
                    confidence=0.6,
                    rule=f"date:relative to {anchor.text}",
                )
            )
    return found


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word.lower()]
