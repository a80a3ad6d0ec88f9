"""A person as the linkage model sees them: name keys, birth, place, sex.

Every name a person is known by is read (``kartoteka.names``); the fullest
reading (surname, given name and patronymic; Cyrillic before Latin when
equal) gives the parts, and the surname keys of all names together give the
array that blocking and the surname comparison look into.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from kartoteka.names.keys import patronymic_keys, word_keys
from kartoteka.names.normalize import normalize
from kartoteka.names.structure import NameParts, parse_name

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
    "birthplace",
    "sex",
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?[~?%]?$")


def _fullness(parts: NameParts) -> tuple[int, bool]:
    given = [parts.surname, parts.given, parts.patronymic]
    full = sum(2 if p and not p.endswith(".") else 1 if p else 0 for p in given)
    return full, parts.cyrillic


def _first(keys: Iterable[str]) -> str | None:
    return next(iter(keys), None)


def _initial(word: str | None) -> str | None:
    """The first sound of a word or initial, as its likeliest reading has it
    (V. is в, though German would read it ф)."""
    if not word:
        return None
    return _first(k[:1] for k in word_keys(word.rstrip(".")) if k)


def birth_fields(edtf: str | None) -> tuple[int | None, str | None, str | None]:
    """(year, "YYYY-MM", "YYYY-MM-DD") of a birth date, as far as it is known."""
    if not edtf:
        return None, None, None
    found = _DATE.match(edtf)
    if not found:
        year = re.match(r"^(\d{4})", edtf)  # an interval or a set: its first year
        return (int(year.group(1)) if year else None), None, None
    year, month, day = found.groups()
    ym = f"{year}-{month}" if month else None
    return int(year), ym, (f"{ym}-{day}" if ym and day else None)


def person_features(
    person_id: str,
    names: list[str],
    sex: str | None = None,
    birthplace: str | None = None,
    birth: str | None = None,
) -> dict[str, Any]:
    # Names stored for a person are in the nominative, as sources give them.
    readings = [r for name in names for r in parse_name(name, as_written=True)]
    best = max(readings, key=_fullness) if readings else NameParts(text="")
    surname_keys: list[str] = []
    # The likeliest reading of each name: "Mikhail Tukhachevsky" read the
    # other way round would put everyone called Mikhail in one block.
    for reading in (parse_name(name, as_written=True)[0] for name in names):
        if reading.surname:
            surname_keys += [k for k in word_keys(reading.surname, True) if k]
    own = list(word_keys(best.surname, True)) if best.surname else []
    given = best.given if best.given and not best.is_initial("given") else None
    patronymic = (
        best.patronymic
        if best.patronymic and not best.is_initial("patronymic")
        else None
    )
    year, month, day = birth_fields(birth)
    return {
        "unique_id": person_id,
        "surname_key": _first(own),
        "surname_keys": sorted(set(surname_keys)) or None,
        "given_key": _first(word_keys(given)) if given else None,
        "given_keys": sorted(word_keys(given)) if given else None,
        "given_initial": _initial(best.given),
        "patronymic_key": _first(patronymic_keys(patronymic)) if patronymic else None,
        "patronymic_keys": sorted(patronymic_keys(patronymic)) if patronymic else None,
        "patronymic_initial": _initial(best.patronymic),
        "birth_year": year,
        "birth_month": month,
        "birth_date": day,
        "birthplace": normalize(birthplace) or None if birthplace else None,
        "sex": sex or best.sex,
    }


def feature_table(rows: Iterable[dict[str, Any]]) -> dict[str, list[Any]]:
    """Rows of features as columns, the shape Splink registers."""
    table: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    for row in rows:
        for column in COLUMNS:
            table[column].append(row[column])
    return table
