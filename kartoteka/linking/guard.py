"""The guard: do two persons' features say they are different people?

A pair that disagrees is never merged by `kartoteka link`, however high it
scores; it goes to review. Namesakes are told apart here: different
surnames (a woman's surname changed at marriage is for a person to judge),
given names, patronymics, Cyrillic initials, sexes, birth years more than
three apart, names that differ at all with birthplaces that differ too, or
birthplaces and dates of death that both differ. A given name in another
language (Лев, Leon) is no other given name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from kartoteka.names.equivalents import same_name
from kartoteka.names.keys import word_keys

# Birth years further apart than this are two people's (blocking, too,
# pairs a misspelt surname only within it).
MAX_YEARS_APART = 3


def _alike(x: str, y: str) -> bool:
    """One slip of the pen apart (a letter added, dropped, changed or two
    swapped), or 85 % alike. A long key may be two apart: its vowels are
    reduced, so one letter dropped from Федоровна takes two from its key."""
    slips = OSA.distance(x, y)
    if slips <= 1 or (slips == 2 and min(len(x), len(y)) >= 7):
        return True
    return Levenshtein.normalized_similarity(x, y) >= 0.85


def _similar(a: list[str] | None, b: list[str] | None) -> bool:
    """Keys of two readings alike enough (any reading of each), or not given."""
    if not a or not b or not set(a).isdisjoint(b):
        return True
    return any(_alike(x, y) for x in a for y in b)


def _surnames_alike(a: list[str] | None, b: list[str] | None) -> bool:
    """Surname keys alike as other keys are, or Jaro-Winkler ≥ 0.9: a slip
    in a surname is no change of surname (which is for a person to judge,
    as a woman's at marriage)."""
    return _similar(a, b) or any(
        JaroWinkler.similarity(x, y) >= 0.9 for x in a or () for y in b or ()
    )


_NAME_KEYS = ("surname_key", "given_key", "patronymic_key")


def _names_differ(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return any(a[k] != b[k] for k in _NAME_KEYS)


# Words of four letters or more; a soft sign romanized as ' is inside a word.
_PLACE_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|')*[^\W\d_]")


@lru_cache(maxsize=65536)
def _place_words(place: str) -> tuple[frozenset[str], ...]:
    """The keys of each word of four letters or more ("г." and "д." go), so
    that places compare across scripts as names do."""
    return tuple(
        frozenset(key for key in word_keys(word) if key) or frozenset((word,))
        for word in _PLACE_WORD.findall(place)
        if len(word) >= 4
    )


def _named_in(word: frozenset[str], keys: set[str]) -> bool:
    """Does a place word appear among these keys: the same first five
    letters (Борисове, Борисов) or one slip apart?"""
    return any(k[:5] == o[:5] or OSA.distance(k, o) <= 1 for k in word for o in keys)


def _places_differ(x: str | None, y: str | None) -> bool:
    """Two birthplaces, both given, each naming something the other does not
    (Латвия, г. Смилтен and Латвия, г. Тукум; not в Борисове and
    Белорусская ССР, г. Борисов)."""
    if not (x and y):
        return False
    a, b = _place_words(x), _place_words(y)
    in_a, in_b = set().union(*a), set().union(*b)
    return any(not _named_in(w, in_b) for w in a) and any(
        not _named_in(w, in_a) for w in b
    )


def _dates_differ(x: str | None, y: str | None) -> bool:
    return bool(x and y and x != y)


def disagree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Do two persons' features say they are different people?"""
    if a["sex"] and b["sex"] and a["sex"] != b["sex"]:
        return True
    if (
        a["birth_year"]
        and b["birth_year"]
        and abs(a["birth_year"] - b["birth_year"]) > MAX_YEARS_APART
    ):
        return True
    # Two Latvians named Ян Янович, born 1897, shot on the same day of 1938,
    # one Крузин from Смилтен, one Крумин from Тукум: mass operations make
    # every other agreement common. And namesakes in all three names, each
    # born and shot elsewhere: a record of both (naming neither place nor
    # day) must not join the two.
    if (
        _names_differ(a, b) or _dates_differ(a["death_date"], b["death_date"])
    ) and _places_differ(a["birthplace"], b["birthplace"]):
        return True
    names_a = (a["surname_key"], a["given_key"])
    swapped = bool(a["surname_key"]) and names_a == (b["given_key"], b["surname_key"])
    if not swapped and not _surnames_alike(a["surname_keys"], b["surname_keys"]):
        return True
    for part in ("patronymic",) if swapped else ("given", "patronymic"):
        written = a[f"{part}_word"], b[f"{part}_word"]
        one_slip = all(written) and OSA.distance(*written) <= 1
        if (
            not one_slip
            and not _similar(a[f"{part}_keys"], b[f"{part}_keys"])
            # Лев and Leon (names of one script are never asked)
            and not (part == "given" and all(written) and same_name(*written))
        ):
            return True
        initial_a, initial_b = a[f"{part}_initial"], b[f"{part}_initial"]
        if initial_a and initial_b and initial_a != initial_b:
            return True
        letter_a, letter_b = a[f"{part}_letter"], b[f"{part}_letter"]
        if letter_a and letter_b and letter_a != letter_b:
            return True
    return False
