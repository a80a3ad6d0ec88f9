"""Counting the registry: events by year, executions per day by burial site,
sentences by organ, articles of the code, rehabilitations by decade and organ.

Every count is of claims; alternative readings («по другим данным») are left
out so that a record is not counted twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kartoteka.ingest.registries.memorial_lists import NO_INFORMATION
from kartoteka.model.vocabulary import LIFECYCLE_ORDER
from kartoteka.storage import Store

# Sentencing organs, coarsely: the first pattern that matches names the class.
SENTENCING_ORGANS: tuple[tuple[str, str], ...] = (
    (r"тройк", "тройка"),
    (r"двойк|комисси\w* нквд и прокурор", "двойка (Комиссия НКВД и Прокурора)"),
    (r"особ\w* совещ|\bосо\b", "Особое совещание (ОСО)"),
    (r"военн\w* коллеги|\bвквс\b", "Военная коллегия (ВКВС)"),
    (r"трибунал|\bвт\b", "военный трибунал"),
    (r"суд", "суд"),
    (r"огпу|\bгпу\b|\bчк\b|губчк", "ЧК / ОГПУ"),
    (r"нквд|мгб|мвд|кгб", "НКВД / МГБ (прочее)"),
    (r"рик|сельсовет|исполком|цик", "исполком / ЦИК"),
)
REHABILITATING_ORGANS: tuple[tuple[str, str], ...] = (
    (r"прокур", "прокуратура"),
    (r"суд|трибунал|президиум", "суд"),
    (r"увд|мвд|гувд|\bиц\b|умвд|овд", "МВД / УВД"),
    (r"кгб|фсб|укгб|уфсб", "КГБ / ФСБ"),
)
_ARTICLE_POINTS = re.compile(r"\b(\d{1,3})\s*п\.\s*(\d+(?:\s*,\s*\d+)*)")
_ARTICLE_DASHED = re.compile(r"\b(\d{1,3})[-–](\d{1,2}[а-я]?)")
_ARTICLE_PLAIN = re.compile(r"\b(\d{1,3})\b")


_SITE_PREFIX = re.compile(
    r"^(?:место захоронения\s*[-–:]\s*)+|^(?:московская обл\.,?|москва,?|г\.)\s*", re.I
)


def burial_site(text: str | None) -> str:
    """One spelling per site: "Московская обл., Бутово" and "Бутово" are one."""
    if not text:
        return "не указано"
    site = text.strip(" .")
    while (shorter := _SITE_PREFIX.sub("", site)) != site:
        site = shorter
    return re.sub(r"\s+кладбище$", "", site) or "не указано"


def organ_class(text: str | None, table: tuple[tuple[str, str], ...]) -> str:
    if not text:
        return "не указано"
    lowered = text.lower()
    return next(
        (label for pattern, label in table if re.search(pattern, lowered)), "другое"
    )


def articles_of(text: str) -> list[str]:
    """ "58 п. 10, 11 УК РСФСР" → 58-10, 58-11; "58-8, 58-10" → 58-8, 58-10."""
    found = [
        f"{m[0]}-{p.strip()}"
        for m in _ARTICLE_POINTS.findall(text)
        for p in m[1].split(",")
    ]
    found += [f"{a}-{b}" for a, b in _ARTICLE_DASHED.findall(text)]
    if not found and (plain := _ARTICLE_PLAIN.search(text)):
        found.append(plain.group(1))
    return list(dict.fromkeys(found))


@dataclass
class Statistics:
    events_by_year: Counter[tuple[str, int]] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    executions_by_day: dict[str, Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    sentences_by_organ: Counter[str] = field(default_factory=Counter)
    articles: Counter[str] = field(default_factory=Counter)
    rehabilitations: Counter[tuple[int, str]] = field(default_factory=Counter)
    repressed: set[str] = field(default_factory=set)
    rehabilitated: set[str] = field(default_factory=set)
    origins: Counter[str] = field(default_factory=Counter)

    @property
    def share_rehabilitated(self) -> float:
        return (
            len(self.rehabilitated & self.repressed) / len(self.repressed)
            if self.repressed
            else 0.0
        )


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _no_information(qualifiers: dict) -> bool:
    """A rehabilitation line an older import read, that says nothing is known."""
    return bool(NO_INFORMATION.search(str(qualifiers.get("agency") or "")))


def compute(store: Store, predicates: tuple[str, ...] = LIFECYCLE_ORDER) -> Statistics:
    """Every figure, in one pass over the claims."""
    stats = Statistics()
    for subject, predicate, date, qualifiers, origin in store.events(predicates):
        if qualifiers.get("alternative") or (
            predicate == "rehabilitated" and not date and _no_information(qualifiers)
        ):
            continue
        stats.events[predicate] += 1
        stats.origins[origin.split(":")[0]] += 1
        year = _year(date)
        if year is not None:
            stats.events_by_year[predicate, year] += 1
        if predicate in ("arrested", "sentenced", "executed", "imprisoned", "exiled"):
            stats.repressed.add(subject)
        if predicate == "executed" and date and len(date) == 10:
            stats.executions_by_day[burial_site(qualifiers.get("place"))][date] += 1
        elif predicate == "sentenced":
            stats.sentences_by_organ[
                organ_class(qualifiers.get("agency"), SENTENCING_ORGANS)
            ] += 1
            for article in articles_of(qualifiers.get("article") or ""):
                stats.articles[article] += 1
        elif predicate == "rehabilitated":
            stats.rehabilitated.add(subject)
            if year is not None:
                organ = organ_class(qualifiers.get("agency"), REHABILITATING_ORGANS)
                stats.rehabilitations[year // 10 * 10, organ] += 1
    return stats
