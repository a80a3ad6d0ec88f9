"""Field-level readers shared by the Russian registry formats."""

from __future__ import annotations

import re

_PARTY = re.compile(
    r"б/п|беспарт|член|канд(?:идат)?\.? в члены|ВКП|КПСС|РКП|ВЛКСМ|КП\(б\)", re.I
)
_ARTICLE = re.compile(
    r"(?:ст\.?|стать[ияе])\s*(\d+(?:[-–]\d+[а-я]?)?(?:\s*(?:ч\.|п\.|пп\.)\s*\d+(?:\s*,\s*\d+)*)?"
    r"(?:\s*,\s*\d+[-–]\d+[а-я]?)*(?:\s+УК\s+[А-ЯЁA-Z]+)?)"
    r"|\b(5[48][-–]\d+[а-я]?(?:\s*ч\.\s*\d+)?)",
    re.I,
)
_BASIS = re.compile(
    r"(за отсутствием состава преступления|за недоказанностью[^.,;]*|"
    r"(?:на основании |по )?(?:Указ\w*|Закон\w*|ст\. ?\d+ Закона)[^;]*)",
    re.I,
)
_FEMININE = re.compile(
    r"^(?:Родилась|Проживала|Арестована|Приговорена|Рас+треляна|"
    r"Реабилитирована|Умерла|Освобождена|Погибла)\b"
)
_MASCULINE = re.compile(
    r"^(?:Родился|Проживал|Арестован|Приговорен|Рас+трелян|"
    r"Реабилитирован|Умер|Освобожден|Погиб)\b"
)


def is_party(segment: str) -> bool:
    return bool(_PARTY.search(segment))


def article_of(charge: str) -> str | None:
    """The article of the code a charge cites: "58-10 ч. 1", "58 п. 10, 11 УК РСФСР"."""
    m = _ARTICLE.search(charge)
    if not m:
        return None
    return " ".join((m.group(1) or m.group(2)).split())


def basis_of(text: str) -> str | None:
    """The stated basis of a rehabilitation: a decree, or "за отсутствием состава
    преступления"."""
    m = _BASIS.search(text)
    return m.group(1).strip(" .,") if m else None


def sex_of_line(line: str) -> str | None:
    """ "F" or "M" from the grammatical gender of a record line's verb."""
    if _FEMININE.match(line):
        return "F"
    if _MASCULINE.match(line):
        return "M"
    return None


def clean(text: str) -> str:
    return " ".join(text.split()).strip(" ;,")
