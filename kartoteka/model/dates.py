"""EDTF dates compared as intervals, with "undetermined" when precision is short.

>>> relation("1956", "1961-10")
<Relation.DISJOINT: 'disjoint'>
>>> relation("1937", "1937-06-12")
<Relation.OVERLAP: 'overlap'>
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException
from edtf.parser.parser_classes import OneOfASet

from kartoteka.errors import DateError

_FAR_PAST = dt.date(1, 1, 1)
_FAR_FUTURE = dt.date(9999, 12, 31)


class Relation(StrEnum):
    OVERLAP = "overlap"  # the two can be the same time
    DISJOINT = "disjoint"  # they cannot be the same time, whatever the precision
    UNDETERMINED = "undetermined"  # depends on precision or uncertainty not known


@dataclass(frozen=True)
class Span:
    """Earliest and latest day a date can mean: strict, and widened by ~ and ?."""

    lower: dt.date
    upper: dt.date
    lower_fuzzy: dt.date
    upper_fuzzy: dt.date


def _to_date(value: object, default: dt.date) -> dt.date:
    if isinstance(value, float):  # edtf uses ±inf for open or unknown ends
        return default
    year, month, day = value[:3]  # type: ignore[index]
    return dt.date(max(1, min(year, 9999)), month, day)


@lru_cache(maxsize=65536)
def parse(text: str) -> object:
    """Parse an EDTF string; raise DateError with the text when it is invalid."""
    if not isinstance(text, str) or not text.strip():
        raise DateError(f"empty date: {text!r}")
    try:
        return parse_edtf(text.strip())
    except (EDTFParseException, ValueError) as exc:
        raise DateError(
            f"{text!r} is not a valid EDTF date; write e.g. 1937-06-12, 1961-10, "
            "1937, 1937-06~ (about), 1956? (uncertain), 1956/1961 (interval) "
            "or [1956,1961] (one of)"
        ) from exc


def is_valid(text: str) -> bool:
    if isinstance(text, str) and _plain_span(text) is not None:
        return True
    try:
        parse(text)
    except DateError:
        return False
    return True


def _span_of(obj: object) -> Span:
    return Span(
        lower=_to_date(obj.lower_strict(), _FAR_PAST),  # type: ignore[attr-defined]
        upper=_to_date(obj.upper_strict(), _FAR_FUTURE),  # type: ignore[attr-defined]
        lower_fuzzy=_to_date(obj.lower_fuzzy(), _FAR_PAST),  # type: ignore[attr-defined]
        upper_fuzzy=_to_date(obj.upper_fuzzy(), _FAR_FUTURE),  # type: ignore[attr-defined]
    )


_PLAIN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:/(\d{4}))?$")


def _plain_span(text: str) -> Span | None:
    """Year, month, day or year-to-year, computed directly: parsing them with
    the edtf package costs milliseconds each. None for any other shape."""
    m = _PLAIN.match(text)
    if not m:
        return None
    year, month, day, until = m.groups()
    if until and (month or day):
        return None
    try:
        if until:
            lower, upper = dt.date(int(year), 1, 1), dt.date(int(until), 12, 31)
        elif day:
            lower = upper = dt.date(int(year), int(month), int(day))
        elif month:
            if not 1 <= int(month) <= 12:
                return None  # 21–24 are EDTF seasons: the edtf package reads them
            last = calendar.monthrange(int(year), int(month))[1]
            lower, upper = (
                dt.date(int(year), int(month), 1),
                dt.date(int(year), int(month), last),
            )
        else:
            lower, upper = dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
    except ValueError:
        return None
    if lower > upper:
        return None
    return Span(lower, upper, lower, upper)


@lru_cache(maxsize=65536)
def spans(text: str) -> tuple[Span, ...]:
    """The spans a date can mean: one, or one per member of a "one of" set."""
    plain = _plain_span(text.strip()) if isinstance(text, str) else None
    if plain is not None:
        return (plain,)
    obj = parse(text)
    if isinstance(obj, OneOfASet):
        return tuple(_span_of(member) for member in obj.objects)
    return (_span_of(obj),)


@lru_cache(maxsize=65536)
def span(text: str) -> Span:
    """The single span covering every reading of the date (a registry repeats
    the same days a million times: each is worked out once)."""
    parts = spans(text)
    return Span(
        lower=min(p.lower for p in parts),
        upper=max(p.upper for p in parts),
        lower_fuzzy=min(p.lower_fuzzy for p in parts),
        upper_fuzzy=max(p.upper_fuzzy for p in parts),
    )


def _pair_relation(a: Span, b: Span) -> Relation:
    if a.upper_fuzzy < b.lower_fuzzy or b.upper_fuzzy < a.lower_fuzzy:
        return Relation.DISJOINT
    if a.upper < b.lower or b.upper < a.lower:
        return Relation.UNDETERMINED  # apart only if the ~ or ? is not taken
    if _is_open(a) or _is_open(b):
        return Relation.UNDETERMINED
    return Relation.OVERLAP


def _is_open(s: Span) -> bool:
    return s.lower == _FAR_PAST or s.upper == _FAR_FUTURE


def relation(a: str, b: str) -> Relation:
    """Can two dates be the same time? Overlap, disjoint or undetermined."""
    results = {_pair_relation(x, y) for x in spans(a) for y in spans(b)}
    if Relation.OVERLAP in results:
        return Relation.OVERLAP
    if Relation.UNDETERMINED in results:
        return Relation.UNDETERMINED
    return Relation.DISJOINT


def precedes(a: str, b: str) -> bool | None:
    """True if a is surely before b, False if surely not, None if undetermined.

    >>> precedes("1937-05", "1937-06-12")
    True
    >>> precedes("1937", "1937-06-12") is None
    True
    """
    sa, sb = span(a), span(b)
    if sa.upper_fuzzy < sb.lower_fuzzy:
        return True
    if sa.lower_fuzzy > sb.upper_fuzzy or (
        sa.lower >= sb.upper and not _is_open(sa) and not _is_open(sb)
    ):
        return False
    return None


def sort_key(text: str | None) -> tuple[int, dt.date, dt.date]:
    """Order dates by earliest then latest day; undated last."""
    if not text:
        return (1, _FAR_FUTURE, _FAR_FUTURE)
    s = span(text)
    return (0, s.lower, s.upper)


# -- Old Style and New Style ---------------------------------------------------

NEW_STYLE_FROM = dt.date(1918, 2, 14)  # Soviet Russia's first Gregorian day
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def julian_day(year: int, month: int, day: int) -> dt.date:
    """The Gregorian day that is this Julian (Old Style) day.

    >>> julian_day(1893, 2, 4)
    datetime.date(1893, 2, 16)
    """
    if not 1 <= day <= _julian_month_length(year, month):
        raise DateError(
            f"{day:02d}.{month:02d}.{year} is not a day of the Julian calendar"
        )
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    number = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083  # Julian day number
    return dt.date.fromordinal(number - 1721425)


def _julian_month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 else 28
    return calendar.monthrange(2001, month)[1]


def from_old_style(text: str) -> str:
    """An EDTF date written in the Julian calendar, as a Gregorian EDTF date:
    a day is a day; a month becomes the interval of days it covers; a year,
    whose days are all but a dozen the same, stays as it is.

    >>> from_old_style("1893-02-04")
    '1893-02-16'
    >>> from_old_style("1917-10")
    '1917-10-14/1917-11-13'
    """
    if m := _DAY.match(text):
        return julian_day(*map(int, m.groups())).isoformat()
    if m := _MONTH.match(text):
        year, month = map(int, m.groups())
        first = julian_day(year, month, 1)
        last = julian_day(year, month, _julian_month_length(year, month))
        return f"{first.isoformat()}/{last.isoformat()}"
    return text


def two_calendars(a: str, b: str) -> bool:
    """Are two day-precise dates one day, written Old Style and New Style?

    True when the earlier, read as Julian, is the later, and both fall before
    Russia took the Gregorian calendar (14 February 1918).

    >>> two_calendars("1893-02-04", "1893-02-16")
    True
    >>> two_calendars("1937-06-12", "1937-06-25")
    False
    """
    da, db = _DAY.match(a), _DAY.match(b)
    if not (da and db) or a == b:
        return False
    early, late = sorted((a, b))
    try:
        gregorian = from_old_style(early)
    except DateError:
        return False
    return gregorian == late and dt.date.fromisoformat(late) < NEW_STYLE_FROM


def to_old_style(text: str) -> str:
    """A Gregorian day (YYYY-MM-DD) as the Julian day that it is.

    >>> to_old_style("1893-02-16")
    '1893-02-04'
    >>> to_old_style("1900-03-13")  # a leap day the Gregorian calendar lacks
    '1900-02-29'
    """
    c = dt.date.fromisoformat(text).toordinal() + 1721425 + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    return f"{d - 4800 + m // 10:04d}-{month:02d}-{day:02d}"


# -- Dates as people write them --------------------------------------------------

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SEASONS = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}
_ONE = re.compile(r"^(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2})(?:-(\d{2}))?)?([?~%]?)$")


def human(text: str | None) -> str:
    """An EDTF date in words, as a reader writes it; the EDTF itself when it
    has a shape this does not know.

    >>> human("1964-23"), human("1937-06"), human("193X?"), human("1956/1961")
    ('autumn 1964', 'June 1937', '1930s?', '1956 to 1961')
    """
    if not text:
        return ""
    if text.startswith("[") and text.endswith("]"):
        return " or ".join(human(part) for part in text[1:-1].split(","))
    if "/" in text:
        start, _, end = text.partition("/")
        return f"{_open_end(start)} to {_open_end(end)}"
    m = _ONE.match(text)
    if not m:
        return text
    year, month, day, mark = m.groups()
    if year.endswith("XX"):
        words = f"{int(year[:2]) + 1}th century"
    elif year.endswith("X"):
        words = f"{year[:3]}0s"
    elif month in _SEASONS:
        words = f"{_SEASONS[month]} {year}"
    elif month and 1 <= int(month) <= 12:
        words = f"{_MONTHS[int(month) - 1]} {year}"
        words = f"{int(day)} {words}" if day else words
    else:
        words = year
    if mark == "~":
        return f"about {words}"
    return words + ("?" if mark in "?%" and mark else "")


def _open_end(text: str) -> str:
    return "…" if text in ("", "..") else human(text)
