"""Identifying fields: what besides names, birth and death tells one person
from another — an address, a post, an archival file number, an identity
number, the date of an arrest.

Registry importers and CSV mappings declare theirs (docs/linking.md), each
with how it is compared:

- ``exact``: the value as written, trimmed and case-folded (a postcode, a
  house number);
- ``normalized``: its words and numbers, in order, without the short
  abbreviations that addresses and file numbers are full of ("ул.", "д.",
  "кв.", "ф.", "оп."); two values agree when they are the same, or share
  three such words, or one's are all in the other's with a number among
  them; blocking reads the last two (flat and house: the particular end of
  an address, whether or not a city or street comes first);
- ``fuzzy``: case-folded with punctuation as spaces, compared by edits and
  Jaro-Winkler (a post, a street, a number with a slip);
- ``date``: an event's date (``arrested``), by day, month and year.

``own``: a value no two persons share (an identity number, a personal
file): pairs are blocked on it alone, and it weighs more. A value two
persons may share (an address: relatives in one flat; a case number:
co-defendants) is never enough alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import JaroWinkler, Levenshtein

from kartoteka.linking.features import date_fields
from kartoteka.model.identifying import IdentifyingField
from kartoteka.names.normalize import in_one_script

__all__ = ["IdentifyingField", "agree", "has_number", "values"]


def values(field: IdentifyingField, value: str | None) -> tuple[Any, ...]:
    """A person's value as this field's feature columns."""
    if not value:
        return (None,) * len(field.columns())
    if field.compare == "exact":
        return (_exact(value),)
    if field.compare == "fuzzy":
        return (_folded(value),)
    if field.compare == "date":
        year, month, day = date_fields(value)
        return day, month, year, day
    return _normalized(value)


@lru_cache(maxsize=262144)
def _normalized(value: str) -> tuple[str | None, tuple[str, ...] | None, str | None]:
    """(the significant words, them one by one, the last two): one tuple for
    every person of one address, not a copy each (3 M persons: a GiB)."""
    words = _significant(value)
    if not words:
        return None, None, None
    return " ".join(words), words, " ".join(words[-2:])


def blocking_only(field: IdentifyingField) -> str | None:
    """The feature column of ``field`` that blocking alone reads, none of
    the comparisons: an address's last two words; an event's day (the same
    day as the compared one, so that a crowd's day can be left out of
    blocking and still be compared)."""
    return field.columns()[-1] if field.compare in ("normalized", "date") else None


@lru_cache(maxsize=65536)
def _exact(value: str) -> str | None:
    return value.strip().casefold() or None


_PUNCTUATION = re.compile(r"[^\w]+")


@lru_cache(maxsize=262144)
def _folded(value: str) -> str | None:
    folded = in_one_script(value).casefold().replace("ё", "е")
    words = _PUNCTUATION.sub(" ", folded).split()
    return " ".join(words) or None


_WORD = re.compile(r"\w+(?:[/-]\w+)*")
# Words of an address or a file number that say what the next one is, not
# which: any word of letters of three or fewer ("ул", "д", "кв", "пер",
# "обл", "ф", "оп"), and these.
_SAYS_WHAT_WORDS = """
улица переулок проезд проспект бульвар площадь набережная шоссе дом корпус
корп квартира комната барак район область губерния уезд волость город село
деревня поселок фонд опись дело лист street road avenue
"""
_SAYS_WHAT = frozenset(_SAYS_WHAT_WORDS.split())


def has_number(text: str | None) -> bool:
    """A house, a flat, a file: any digit in it."""
    return any(c.isdigit() for c in text or "")


@lru_cache(maxsize=262144)
def _significant(value: str) -> tuple[str, ...]:
    # Latin look-alikes in Cyrillic words (Hовинский) are read as Cyrillic
    words = _WORD.findall(in_one_script(value).casefold().replace("ё", "е"))
    return tuple(
        w.replace("-", "")
        for w in words
        if not (w.isalpha() and (len(w) <= 3 or w in _SAYS_WHAT))
    )


def agree(field: IdentifyingField, a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Do two persons' values of a field (its feature columns) agree?"""
    if a[0] is None or b[0] is None:  # (of a date: a year or month only says little)
        return False
    if field.compare == "exact" or field.compare == "date":
        return a[0] == b[0]
    if field.compare == "normalized":
        small, large = sorted((set(a[1]), set(b[1])), key=len)
        # the same, three words in common, or one inside the other with a
        # number (Москва, пл. Свердлова, д. 2 and пл. Свердлова, д. 2)
        return (
            a[0] == b[0]
            or len(small & large) >= 3
            or (len(small) >= 2 and small <= large and has_number(" ".join(small)))
        )
    return (
        a[0] == b[0]
        or Levenshtein.distance(a[0], b[0]) <= 2
        or JaroWinkler.similarity(a[0], b[0]) >= 0.9
    )
