"""Russian date phrases of the Memorial lists → EDTF, keeping the wording.

>>> find_date("Арестована  7 марта 1932 г.")
FoundDate(edtf='1932-03-07', text='7 марта 1932 г.', start=12, end=27)
>>> find_date("Реабилитирована в июле 1998 г.").edtf
'1998-07'
>>> find_date("Расстрелян 22.02.40").edtf
'1940-02-22'
>>> find_date("Родился 4 (16) февраля 1893 г.").calendar
'julian+gregorian'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kartoteka.errors import DateError
from kartoteka.model import dates as edtf

_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "мае": 5, "май": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
# Genitive ("7 марта") and prepositional ("в марте") forms of each month.
_MONTH_WORD = re.compile(
    r"(?:январ[яеь]|феврал[яеь]|март[ае]?|апрел[яеь]|ма[яей]|июн[яеь]|июл[яеь]"
    r"|август[ае]?|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь])",
    re.I,
)
# Python's regex engine is slow over Cyrillic text with alternations, so the
# scan looks only for runs of digits and dots, and reads the words around
# each in plain string operations.
_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_RANGE_END = re.compile(r"\s*[-–]\s*(\d{4})(?!\d)")
_YEAR_WORD = re.compile(r"\s*(?:г\.|гг\.|года?|году)(?!\w)")


@dataclass(frozen=True)
class FoundDate:
    edtf: str  # Gregorian
    text: str  # the wording as written
    start: int
    end: int
    calendar: str | None = None  # "julian+gregorian": given both ways
    julian: str | None = None  # the Old Style day, when given

    @property
    def qualifiers(self) -> dict[str, str]:
        """The calendar kept with the date, for the claim that carries it."""
        if self.calendar is None:
            return {}
        return {"calendar": self.calendar, "julian": self.julian or ""}


_M = _MONTH_WORD.pattern
# "4 (16) февраля 1893", "31 января (12 февраля) 1893": Old Style first.
_DUAL_ONE_MONTH = re.compile(rf"(\d{{1,2}})\s*\((\d{{1,2}})\)\s*({_M})\s+$", re.I)
_DUAL_TWO_MONTHS = re.compile(
    rf"(\d{{1,2}})\s+({_M})\s*\((\d{{1,2}})\s+({_M})\)\s+$", re.I
)
# "20 декабря 1899 (1 января 1900) г.": the New Style day after the year.
_DUAL_AFTER = re.compile(
    rf"\s*(?:г\.)?\s*\((\d{{1,2}})\s+({_M})\s+(\d{{4}})\s*(?:г\.)?\)", re.I
)


def _dual(text: str, m: re.Match[str], floor: int) -> FoundDate | None:
    """A date given in both calendars around the year found at m, if it is one."""
    year, start = int(m.group(0)), m.start()
    window = text[max(floor, start - 40) : start]
    if ")" in window:
        if one := _DUAL_ONE_MONTH.search(window):
            old = (year, _month(one.group(3)), int(one.group(1)))
            new = (year, old[1], int(one.group(2)))
        elif two := _DUAL_TWO_MONTHS.search(window):
            old = (year, _month(two.group(2)), int(two.group(1)))
            new = (year, _month(two.group(4)), int(two.group(3)))
        else:
            return None
        begin = start - len(window) + (one or two).start()  # type: ignore[union-attr]
        end = m.end()
    elif after := _DUAL_AFTER.match(text, m.end()):
        day, month, begin = _words_before(text, start, floor)
        if day is None or month is None:
            return None
        old = (year, month, day)
        new = (int(after.group(3)), _month(after.group(2)), int(after.group(1)))
        end = after.end()
    else:
        return None
    return _both_ways(text, old, new, begin, end)


def _both_ways(
    text: str,
    old: tuple[int, int, int],
    new: tuple[int, int, int],
    begin: int,
    end: int,
) -> FoundDate | None:
    try:
        julian = dt.date(*old)
        gregorian = edtf.julian_day(*old)
    except (ValueError, DateError):
        return None
    if gregorian.timetuple()[:3] != new:
        return None  # not one day in two calendars: leave it to the plain reading
    if (word := _YEAR_WORD.match(text, end)) is not None:
        end = word.end()
    return FoundDate(
        gregorian.isoformat(),
        text[begin:end].strip(),
        begin,
        end,
        calendar="julian+gregorian",
        julian=julian.isoformat(),
    )


def _month(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _year(text: str) -> int:
    year = int(text)
    return 1900 + year if len(text) == 2 else year  # "22.02.40": the lists mean 19xx


def _day_month_year(day: int | None, month: int, year: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1800 <= int(digits) <= 2029


def _words_before(
    text: str, start: int, floor: int
) -> tuple[int | None, int | None, int]:
    """Day and month written just before a year ("7 марта", "в июле"), and
    where that wording starts."""
    words = text[max(floor, start - 24) : start].split()
    day = month = None
    begin = start
    if words and _MONTH_WORD.fullmatch(words[-1]):
        month = _MONTHS[words[-1][:3].lower()]
        begin = text.rfind(words[-1], floor, start)
        words.pop()
        if words and words[-1].isdigit() and len(words[-1]) <= 2:
            day, begin = int(words[-1]), text.rfind(words[-1], floor, begin)
            words.pop()
    if day is None and words and words[-1].lower() == "в":
        begin = text.rfind(words[-1], floor, begin)
    return day, month, begin


def _read(text: str, m: re.Match[str], floor: int) -> tuple[str | None, int, int]:
    """The EDTF of the number found at m, and the span of its whole wording."""
    token, start, end = m.group(0), m.start(), m.end()
    parts = token.split(".")
    if (
        len(parts) == 3
        and len(parts[0]) <= 2
        and len(parts[1]) <= 2
        and len(parts[2]) in (2, 4)
    ):
        value = _day_month_year(int(parts[0]), int(parts[1]), _year(parts[2]))
    elif len(parts) == 1 and _is_year(token):
        if (to := _RANGE_END.match(text, end)) is not None and _is_year(to.group(1)):
            value, end = f"{token}/{to.group(1)}", to.end()
            start = _words_before(text, start, floor)[2]
        else:
            day, month, start = _words_before(text, start, floor)
            value = token if month is None else _day_month_year(day, month, int(token))
    else:
        return None, start, end
    if (word := _YEAR_WORD.match(text, end)) is not None:
        end = word.end()
    return value, start, end


@lru_cache(maxsize=262144)  # registry lines repeat: "Расстрелян 8 января 1938 г."
def find_date(text: str, start: int = 0) -> FoundDate | None:
    """The earliest date phrase in text from ``start``; None when there is none.

    A phrase that looks like a date but is impossible (31.02.1938) is skipped.
    """
    for m in _NUMBER.finditer(text, start):
        if _is_year(m.group(0)) and (both := _dual(text, m, start)) is not None:
            return both
        value, begin, end = _read(text, m, start)
        if value is not None:
            return FoundDate(value, text[begin:end].strip(), begin, end)
    return None
