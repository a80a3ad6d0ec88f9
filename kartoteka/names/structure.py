"""The parts of a personal name: surname, given name, patronymic, initials.

Russian names come in several orders: registries write "Surname Given
Patronymic", running text "Given Patronymic Surname", indexes "Surname, Given
Patronymic", and initials stand for the given name and patronymic
("M. N. Tukhachevsky", "Тухачевский М.Н."). Where the order cannot be told
(two Latin words), both readings are returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kartoteka.names.morphology import analyse
from kartoteka.names.normalize import TITLES, drop_titles, normalize
from kartoteka.names.phonetic import is_cyrillic

_INITIALS_GLUED = re.compile(r"^(\w{1,2}\.)(\w{1,2}\.?)$")

# Endings, tested with str.endswith: a regular expression anchored at the end
# tries every alternative at every letter (9 µs a word, twice for each of
# the millions of names a registry links).
_PATRONYMIC_ENDINGS = (
    "ович", "евич", "ич", "овна", "евна", "ична", "инична", "овича", "евича",
    "ича", "овны", "евны", "ичны",
    "ovich", "evich", "ovitch", "evitch", "ovič", "evič", "owitsch", "ewitsch",
    "ovna", "evna", "ichna", "ovicha", "evicha", "owicz", "ewicz",
    # Кузьмич, Ильич, Саввич and the women's -овна in every convention
    "ich", "itch", "itsch", "ič", "icz", "owna", "ewna", "ična", "itschna",
    "iczna", "itchna",
)  # fmt: skip
_FEMININE_SURNAME = (
    "ая", "ова", "ева", "ёва", "ина", "ына", "aya", "aja", "ova", "eva", "ina", "yna",
)  # fmt: skip
_MASCULINE_SURNAME = (
    "sky", "skiy", "skii", "skij", "ski", "ov", "ev", "ow", "ew", "in", "yn",
    "ий", "ой", "ов", "ев", "ин", "ын",
)  # fmt: skip


# German given names end as Latin patronymics do (Genrich, Friedrich).
_NOT_PATRONYMIC = ("rich",)


def _patronymic_ending(word: str) -> bool:
    return word.endswith(_PATRONYMIC_ENDINGS) and not word.endswith(_NOT_PATRONYMIC)


@dataclass(frozen=True)
class NameParts:
    """One reading of a personal name, in normalized (lower-case) words."""

    text: str
    surname: str | None = None
    given: str | None = None
    patronymic: str | None = None
    sex: str | None = None  # "M" / "F" when the word forms tell
    cyrillic: bool = False

    def is_initial(self, part: str) -> bool:
        value = getattr(self, part)
        return value is not None and value.endswith(".")

    def describe(self) -> dict[str, str | None]:
        return {
            "surname": self.surname,
            "given": self.given,
            "patronymic": self.patronymic,
            "sex": self.sex,
        }


def _tokens(text: str) -> tuple[list[str], int | None]:
    """Words, with glued initials split ("м.н." → "м.", "н."), and the index
    of the first word after a comma, if there is one."""
    words: list[str] = []
    comma_at = None
    for raw in text.replace(",", " , ").split():
        if raw == ",":
            comma_at = len(words) if comma_at is None else comma_at
            continue
        glued = _INITIALS_GLUED.match(raw)
        if glued and raw.count(".") >= 1 and len(raw) <= 6:
            words += [glued.group(1), glued.group(2).rstrip(".") + "."]
        else:
            words.append(raw)
    return words, comma_at


def _is_initial(word: str) -> bool:
    bare = word.rstrip(".")
    return len(bare) == 1 or (word.endswith(".") and len(bare) <= 2)


def _as_initial(word: str) -> str:
    return word.rstrip(".") + "."


def _first_name_part(word: str | None, as_written: bool) -> str | None:
    """A given name or patronymic: an initial as "м.", a word in the nominative."""
    if not word:
        return None
    return _as_initial(word) if _is_initial(word) else _nominative(word, as_written)


def _role(word: str) -> str | None:
    return analyse(word)[1] if is_cyrillic(word) else None


def _nominative(word: str, keep: bool = False) -> str:
    if keep or not is_cyrillic(word) or _is_initial(word):
        return word
    return analyse(word)[0]


def _sex(surname: str | None, given: str | None, patronymic: str | None) -> str | None:
    if patronymic and not patronymic.endswith(".") and _patronymic_ending(patronymic):
        # The patronymic tells, without the dictionary: -ович / -овна.
        return "F" if patronymic.endswith(("на", "ны", "na")) else "M"
    for word in (patronymic, given, surname):
        if word and not word.endswith(".") and is_cyrillic(word):
            role, sex = analyse(word)[1:]
            if role and sex:
                return sex
    if patronymic and not patronymic.endswith("."):
        return "F" if patronymic.endswith(("на", "na")) else "M"
    if surname and surname.endswith(_FEMININE_SURNAME):
        return "F"
    if surname and surname.endswith(_MASCULINE_SURNAME):
        return "M"
    return None


def _patronymic_like(word: str) -> bool:
    return _patronymic_ending(word) or _role(word) == "patronymic"


def _three(words: list[str], cyrillic: bool) -> list[tuple[str, str, str]]:
    """Surname-first or given-first, by what the words look like."""
    a, b, c = words
    # The usual cases, told by the endings alone: no dictionary look-up.
    if _patronymic_ending(c) and not _patronymic_ending(b):
        return [(a, b, c)]
    if _patronymic_ending(b) and not _patronymic_ending(c):
        return [(c, a, b)]
    surname_first = (
        2 * _patronymic_like(c) + (_role(b) == "given") + (_role(a) == "surname")
    )
    given_first = (
        2 * _patronymic_like(b) + (_role(a) == "given") + (_role(c) == "surname")
    )
    sgp, gps = (a, b, c), (c, a, b)
    if surname_first == given_first:
        return [sgp, gps] if cyrillic else [gps, sgp]
    return [sgp] if surname_first > given_first else [gps]


# A registry's usual name: Surname Given Patronymic, capitalized Cyrillic words.
_PLAIN_THREE = re.compile(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+")


def plain_words(text: str) -> tuple[str, str, str] | None:
    """(surname, given name, patronymic) of "Иванов Иван Петрович" as written,
    lower-cased, without the general reading's work (a registry of millions
    is mostly such names); None for any other name."""
    if not _PLAIN_THREE.fullmatch(text):
        return None
    surname, given, patronymic = text.lower().split(" ")
    if (
        surname in TITLES
        or not _patronymic_ending(patronymic)
        or _patronymic_ending(given)
    ):
        return None
    return surname, given, patronymic


def patronymic_sex(patronymic: str) -> str:
    """The sex a Russian patronymic (-ович / -овна) tells."""
    return "F" if patronymic.endswith(("на", "ны")) else "M"


def plain_three(text: str) -> NameParts | None:
    """``plain_words`` as a reading."""
    words = plain_words(text)
    if words is None:
        return None
    surname, given, patronymic = words
    sex = patronymic_sex(patronymic)
    return NameParts(" ".join(words), surname, given, patronymic, sex, cyrillic=True)


@lru_cache(maxsize=131072)
def parse_name(text: str, as_written: bool = False) -> tuple[NameParts, ...]:
    """The readings of a name, likeliest first (at least one).

    ``as_written``: the words are already in the nominative (a registry's
    name fields), so none is changed: Леве stays Леве, not the name Лев.
    """
    plain = plain_three(text) if as_written else None
    return (plain,) if plain else read_name(text, as_written)


def read_name(text: str, as_written: bool = False) -> tuple[NameParts, ...]:
    """``parse_name`` for any name, the long way."""
    clean = normalize(text)
    words, comma_at = _tokens(clean)
    if comma_at is None:
        words = drop_titles(words)
    cyrillic = any(is_cyrillic(w) for w in words)
    readings: list[tuple[str | None, str | None, str | None]] = []
    if not words:
        return (NameParts(text=clean, cyrillic=cyrillic),)
    if comma_at is not None and 0 < comma_at < len(words):
        rest = [*words[comma_at:], None, None]
        readings.append((" ".join(words[:comma_at]), rest[0], rest[1]))
    elif len(words) == 1:
        if _role(words[0]) == "given":  # "Михаил" alone is a given name
            readings.append((None, words[0], None))
        else:
            readings.append((words[0], None, None))
    else:
        initials = [w for w in words if _is_initial(w)]
        full = [w for w in words if not _is_initial(w)]
        if initials and len(full) == 1:
            rest = [*initials, None, None]
            readings.append((full[0], rest[0], rest[1]))
        elif len(words) == 2:
            a, b = words
            given_first = _role(a) == "given" and _role(b) != "given"
            if cyrillic and not given_first:
                readings += [(a, b, None), (b, a, None)]
            else:
                readings += [(b, a, None), (a, b, None)]
        elif len(words) == 3:
            readings += _three(words, cyrillic)
        else:  # double surnames or given names: the middle words go with the surname
            if _patronymic_like(words[-1]):
                readings.append((" ".join(words[:-2]), words[-2], words[-1]))
            else:
                readings.append((" ".join(words[2:]), words[0], words[1]))
    found = []
    for surname, given, patronymic in readings:
        surname = _nominative(surname, as_written) if surname else None
        given = _first_name_part(given, as_written)
        patronymic = _first_name_part(patronymic, as_written)
        found.append(
            NameParts(
                clean,
                surname,
                given,
                patronymic,
                _sex(surname, given, patronymic),
                cyrillic,
            )
        )
    return tuple(found)
