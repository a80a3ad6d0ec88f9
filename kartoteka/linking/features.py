"""A person as the linkage model sees them: name keys, birth, death, place, sex.

Every name a person is known by is read (``kartoteka.names``); the fullest
reading (surname, given name and patronymic; Cyrillic before Latin when
equal) gives the parts, and the surname keys of all names together give the
array that blocking and the surname comparison look into.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from kartoteka.names.keys import (
    patronymic_keys,
    preferred_key,
    preferred_patronymic_key,
    word_keys,
)
from kartoteka.names.normalize import normalize
from kartoteka.names.phonetic import convention_of, is_cyrillic
from kartoteka.names.structure import (
    NameParts,
    parse_name,
    patronymic_sex,
    plain_words,
)

COLUMNS = (
    "unique_id",
    "surname_key",
    "surname_keys",
    "given_key",
    "given_keys",
    "given_initial",
    "patronymic_key",
    "patronymic_keys",
    "patronymic_initial",
    "birth_year",
    "birth_month",
    "birth_date",
    "death_year",
    "death_date",
    "birthplace",
    "sex",
)
# Read by the guard, not by Splink (see _given).
GUARD_ONLY = (
    "given_word",
    "given_letter",
    "patronymic_word",
    "patronymic_letter",
    "place",  # the birthplace as written (normalized); Splink reads its keys
)
FIELDS = COLUMNS + GUARD_ONLY
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?[~?%]?$")


def _fullness(parts: NameParts) -> tuple[int, bool, bool]:
    given = [parts.surname, parts.given, parts.patronymic]
    full = sum(2 if p and not p.endswith(".") else 1 if p else 0 for p in given)
    # "Gorjeltchanin Iou. B.": the word is the surname, not the initial B.
    whole_surname = not parts.is_initial("surname")
    return full, whole_surname, parts.cyrillic


def _first(keys: Iterable[str]) -> str | None:
    return next(iter(keys), None)


def _initial(word: str | None, convention: str | None = None) -> str | None:
    """The first sound of a word or initial, as its likeliest reading has it
    (V. is в, though German would read it ф; J. is я in a German name)."""
    if not word:
        return None
    key = preferred_key(word.rstrip("."), convention)
    return key[:1] if key else None


# The features of one name part, cached: a registry of millions holds some
# tens of thousands of distinct surnames and far fewer given names.
# (first key, all keys, initial, the word as written, its Cyrillic first letter)
PartFeatures = tuple[str | None, list[str] | None, str | None, str | None, str | None]


@lru_cache(maxsize=262144)
def _surname(word: str) -> tuple[str, ...]:
    return tuple(k for k in word_keys(word, True) if k)


@lru_cache(maxsize=262144)
def _one_surname(word: str) -> tuple[str | None, list[str] | None]:
    """(its first key, all its keys) of a person's only surname. The list is
    shared by every person of that surname: read, never changed."""
    own = _surname(word)
    return (own[0] if own else None), (sorted(set(own)) or None)


@lru_cache(maxsize=65536)
def _given(
    word: str | None, patronymic: bool, convention: str | None = None
) -> PartFeatures:
    """The features of a given name or patronymic (normalized, as a reading
    gives it); an initial alone gives only its initials. The word as
    written and its Cyrillic first letter are for the guard, not for Splink:
    a slip of the pen may show plainer in the word than in its keys
    (Владиир: one letter dropped, two from the key once its doubled и is
    one), and the keys read Е., И., Ю. and Я. alike. ``convention``: the
    one the whole name is likeliest spelt in, whose key comes first."""
    if not word:
        return None, None, None, None, None
    initial, letter = _initial(word, convention), _cyrillic_letter(word)
    if word.endswith("."):
        return None, None, initial, None, letter
    if patronymic:
        keys, first = patronymic_keys(word), preferred_patronymic_key(word, convention)
    else:
        keys, first = word_keys(word), preferred_key(word, convention)
    return first, sorted(keys), initial, word, letter


_SAME_LETTER = str.maketrans("ёэй", "ееи")


def _cyrillic_letter(word: str) -> str | None:
    """A name's first letter if Cyrillic, Ё and Э read as Е, Й as И."""
    letter = word[:1]
    return letter.translate(_SAME_LETTER) if is_cyrillic(letter) else None


# "в Кинешме", "в г.Ямполь": the Moscow list's preposition is no part of a place
_IN = re.compile(r"^(?:в|во|in)\s+")


@lru_cache(maxsize=65536)
def _place(text: str | None) -> str | None:
    return _IN.sub("", normalize(text)) or None if text else None


# A word of a place; a soft sign romanized as ' is inside a word.
PLACE_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|')*[^\W\d_]")


@lru_cache(maxsize=65536)
def place_key(place: str | None) -> str | None:
    """A birthplace as Splink compares it: the likeliest reading's key of
    each word of four letters or more, so that a place written in Latin
    letters meets its Cyrillic spelling (Zhitomir, Житомир: šitamir) and
    "г." or "обл." say nothing."""
    if not place:
        return None
    keys = (
        next(iter(word_keys(word)), word)
        for word in PLACE_WORD.findall(place)
        if len(word) >= 4
    )
    return " ".join(k for k in keys if k) or place


@lru_cache(maxsize=65536)
def date_fields(edtf: str | None) -> tuple[int | None, str | None, str | None]:
    """(year, "YYYY-MM", "YYYY-MM-DD") of a date, as far as it is known."""
    if not edtf:
        return None, None, None
    found = _DATE.match(edtf)
    if not found:
        year = re.match(r"^(\d{4})", edtf)  # an interval or a set: its first year
        return (int(year.group(1)) if year else None), None, None
    year, month, day = found.groups()
    ym = f"{year}-{month}" if month else None
    return int(year), ym, (f"{ym}-{day}" if ym and day else None)


def person_row(
    person_id: str,
    names: list[str],
    sex: str | None = None,
    birthplace: str | None = None,
    birth: str | None = None,
    death: str | None = None,
) -> tuple[Any, ...]:
    """A person's features, one value per field of ``FIELDS``.

    ``death``: the date of execution or death. Lists of the repressed give
    it for nearly everyone, and two records of one person share it far more
    often than namesakes do.
    """
    # A registry's usual person, one name "Surname Given Patronymic": every
    # value from a cache of words, places or dates (10–15 µs a person; the
    # general reading below takes two or three times as long).
    plain = plain_words(names[0]) if len(names) == 1 else None
    if plain:
        surname, given, patronymic = plain
        return _row(
            person_id,
            _one_surname(surname),
            given,
            patronymic,
            sex or patronymic_sex(patronymic),
            birthplace,
            birth,
            death,
        )
    # Names stored for a person are in the nominative, as sources give them.
    parsed = [parse_name(name, as_written=True) for name in names]
    if len(parsed) == 1 and len(parsed[0]) == 1:
        best = parsed[0][0]  # one name, one reading
    else:
        readings = [r for found in parsed for r in found]
        best = max(readings, key=_fullness) if readings else NameParts(text="")
    # The likeliest reading of each name: "Mikhail Tukhachevsky" read the
    # other way round would put everyone called Mikhail in one block.
    surname_keys = {
        k for found in parsed if found[0].surname for k in _surname(found[0].surname)
    }
    # A Latin name's keys first as the convention it is spelt in reads it
    # (Jakow Iwanowitsch: я, not дж).
    convention = convention_of(best.text)
    own = preferred_key(best.surname, convention, True) if best.surname else None
    return _row(
        person_id,
        (own, sorted(surname_keys) or None),
        best.given,
        best.patronymic,
        sex or best.sex,
        birthplace,
        birth,
        death,
        convention,
    )


def _row(
    person_id: str,
    surname: tuple[str | None, list[str] | None],
    given: str | None,
    patronymic: str | None,
    sex: str | None,
    birthplace: str | None,
    birth: str | None,
    death: str | None,
    convention: str | None = None,
) -> tuple[Any, ...]:
    """The values in the order of ``FIELDS``."""
    g_key, g_keys, g_initial, g_word, g_letter = _given(given, False, convention)
    p_key, p_keys, p_initial, p_word, p_letter = _given(patronymic, True, convention)
    death_year, _, death_date = date_fields(death)
    return (
        person_id,
        *surname,
        g_key,
        g_keys,
        g_initial,
        p_key,
        p_keys,
        p_initial,
        *date_fields(birth),
        death_year,
        death_date,
        place_key(place := _place(birthplace)),
        sex,
        g_word,  # the guard's, not Splink's (see _given)
        g_letter,
        p_word,
        p_letter,
        place,
    )


def features_of(row: tuple[Any, ...]) -> dict[str, Any]:
    """A ``person_row`` by field name, as the guard reads it."""
    return dict(zip(FIELDS, row, strict=True))
