"""Matching keys: what stays the same across scripts, romanizations and cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kartoteka.names.equivalents import baltic_stem
from kartoteka.names.normalize import CYRILLIC_LETTER
from kartoteka.names.phonetic import (
    consonants,
    from_latin,
    is_cyrillic,
    readings,
    skeleton,
)
from kartoteka.names.structure import NameParts, parse_name, plain_words

LONGEST_KEY = 80  # a longer "name" is no name: a stray line a parser took for one

# Patronymics of men and women share a stem: Петрович / Петровна.
_PATRONYMIC_ENDINGS = (
    ("avna", "avič"),
    ("ivna", "ivič"),
    ("inična", "ič"),
    ("ična", "ič"),
)


def word_keys(word: str, surname: bool = False) -> dict[str, str]:
    """The skeleton of one word under each reading: skeleton → convention."""
    return dict(_word_keys(word.lower(), surname))


@lru_cache(maxsize=262144)
def _word_keys(word: str, surname: bool) -> tuple[tuple[str, str], ...]:
    # Cached: a registry repeats its given names and patronymics endlessly.
    keys: dict[str, str] = {}
    for convention, reading in readings(word).items():
        keys.setdefault(skeleton(reading, surname=surname), convention)
    return tuple(keys.items())


def preferred_key(
    word: str, convention: str | None, surname: bool = False
) -> str | None:
    """The key of a word under the convention its name is spelt in (see
    ``convention_of``); without one, or for Cyrillic, its first key."""
    keys = word_keys(word, surname)
    if convention and not is_cyrillic(word):
        key = skeleton(from_latin(word.lower(), convention), surname=surname)
        if key in keys:
            return key
    return next(iter(keys), None)


def _masculine(key: str) -> str:
    for feminine, masculine in _PATRONYMIC_ENDINGS:
        if key.endswith(feminine):
            return key[: -len(feminine)] + masculine
    return key


def patronymic_keys(word: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    for key, convention in word_keys(word).items():
        keys.setdefault(_masculine(key), convention)
    return keys


def preferred_patronymic_key(word: str, convention: str | None) -> str | None:
    """``preferred_key`` of a patronymic, its feminine ending made masculine."""
    key = preferred_key(word, convention)
    return _masculine(key) if key is not None else None


def initial_keys(word: str) -> set[str]:
    """First sounds a word or initial can stand for (Ю. → u, Yu. → u, M → m)."""
    return {k[:1] for k in word_keys(word.rstrip(".")) if k}


@dataclass
class NameKeys:
    surname: set[str] = field(default_factory=set)
    surname_coarse: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)  # whole given names
    initials: set[str] = field(default_factory=set)  # first sound of the given name
    patronymic: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in vars(self).items()}


def parts_keys(parts: NameParts) -> NameKeys:
    keys = NameKeys()
    if parts.surname:
        keys.surname = set(word_keys(parts.surname, surname=True))
        keys.surname_coarse = {consonants(k) for k in keys.surname}
    if parts.given:
        keys.initials = initial_keys(parts.given)
        if not parts.is_initial("given"):
            keys.given = set(word_keys(parts.given))
    if parts.patronymic and not parts.is_initial("patronymic"):
        keys.patronymic = set(patronymic_keys(parts.patronymic))
    return keys


def name_keys(text: str) -> NameKeys:
    """The keys of every reading of a name, together (for blocking)."""
    merged = NameKeys()
    for parts in parse_name(text):
        one = parts_keys(parts)
        for attr in vars(merged):
            getattr(merged, attr).update(getattr(one, attr))
    return merged


@lru_cache(maxsize=65536)
def lookup_keys(name: str) -> frozenset[str]:
    """The keys by which any spelling of this name finds it: each reading of
    the surname, and each beside the first sound of the given name ("tuhačivski
    m"), which narrows a common surname down.

    >>> sorted(lookup_keys("Тухачевский Михаил Николаевич"))
    ['tuhačivski', 'tuhačivski m']
    >>> "tuhačivski" in lookup_keys("Toukhatchevski")
    True
    """
    plain = plain_words(name)
    if plain is not None:  # a registry's "Иванов Иван Петрович": the short way
        surnames = set(word_keys(plain[0], surname=True))
        initials = initial_keys(plain[1])
    else:
        keys = name_keys(name)
        surnames, initials = keys.surname, keys.initials
    keys = {*surnames, *(f"{s} {i}" for s in surnames for i in initials)}
    if plain is None:
        keys |= _baltic_keys(name, initials)
    return frozenset(k for k in keys if len(k) <= LONGEST_KEY)


def _baltic_keys(name: str, initials: set[str]) -> set[str]:
    """Keys of a Latin surname without its Latvian or Lithuanian ending
    (Eidemanis finds Эйдеман), for lookups only: linking blocks on the
    surname as written, where Roberts is no Robert."""
    keys: set[str] = set()
    for parts in parse_name(name):
        stem = parts.surname and baltic_stem(parts.surname)
        if stem and not CYRILLIC_LETTER.search(stem):
            stems = set(word_keys(stem, surname=True))
            keys |= {*stems, *(f"{s} {i}" for s in stems for i in initials)}
    return keys


def narrow(keys: frozenset[str]) -> tuple[list[str], list[str]]:
    """The keys with a given name's sound, and the surname keys alone."""
    return sorted(k for k in keys if " " in k), sorted(k for k in keys if " " not in k)
