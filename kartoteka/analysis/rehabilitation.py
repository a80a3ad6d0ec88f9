"""The rehabilitation report: who was rehabilitated, by which organ, on what
basis, when, and how long after the sentence — over every record, in one
streamed pass over the claims.

The basis of each rehabilitation is read from its words:

- **collective decree** — a decree that cleared whole categories at once,
  without a look at the case: the Decree of the Presidium of the Supreme
  Soviet of 16 January 1989 ("подпадает под действие ст. 1 Указа"), the
  President's Decree of 13 August 1990, or "считается реабилитированным"
  (deemed rehabilitated) under the law of 1991;
- **individual review** — a court, a tribunal, a collegium or a presidium
  that heard the case, "за отсутствием состава преступления", a protest, a
  case closed, a prosecutor's conclusion under the law of 1991;
- **unknown** — a date, perhaps an organ, and nothing about the basis.

A record whose rehabilitation line says there is no information
("сведений о реабилитации нет") is not a rehabilitation: the import keeps it
as an attribute, and a claim an older import made of it is counted apart.
Records are counted as records: linking may join several records of one
person.
"""

from __future__ import annotations

import re
import statistics as stats
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from kartoteka.analysis.corroboration_list import ENTITY_ID
from kartoteka.analysis.statistics import REHABILITATING_ORGANS, organ_class
from kartoteka.ingest.registries.memorial_lists import NO_INFORMATION
from kartoteka.storage import Store

COLLECTIVE, INDIVIDUAL, UNKNOWN = "collective decree", "individual review", "unknown"
BASES = (INDIVIDUAL, COLLECTIVE, UNKNOWN)
_COLLECTIVE = re.compile(
    r"указ|подпада\w* под действие|считается реабилитирован", re.IGNORECASE
)
_INDIVIDUAL = re.compile(
    r"суд|трибунал|коллеги|президиум|состава преступлени|прекращен|протест"
    r"|пересм|заключени|закон",
    re.IGNORECASE,
)
LISTED = 200  # records listed of the basis asked for


def basis_class(agency: str | None, basis: str | None) -> str:
    words = " ".join(w for w in (basis, agency) if w)
    if _COLLECTIVE.search(words):
        return COLLECTIVE
    if _INDIVIDUAL.search(words):
        return INDIVIDUAL
    return UNKNOWN


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _years_between(earlier: str, later: str) -> float | None:
    a, b = _year(earlier), _year(later)
    if a is None or b is None:
        return None
    months = [
        int(d[5:7]) if len(d) >= 7 and d[5:7].isdigit() else 6 for d in (earlier, later)
    ]
    return round(b - a + (months[1] - months[0]) / 12, 2)


@dataclass
class Rehabilitated:
    subject: str
    date: str | None
    basis: str
    organ: str
    words: str  # the organ and basis as the record gives them


@dataclass
class RehabilitationReport:
    records: int = 0  # records with a life-cycle event of repression
    rehabilitations: int = 0
    no_information: int = 0
    by_basis: Counter[str] = field(default_factory=Counter)
    by_organ: Counter[str] = field(default_factory=Counter)
    by_decade: Counter[tuple[int, str]] = field(default_factory=Counter)
    # The first LISTED of one basis: by default those cleared by a collective
    # decree, with no look at the case.
    listed_basis: str = COLLECTIVE
    listed: list[Rehabilitated] = field(default_factory=list)
    delays: list[float] = field(default_factory=list)  # years, sentence → rehab
    names: dict[str, str] = field(default_factory=dict)

    @property
    def delay_summary(self) -> dict[str, float | int]:
        if not self.delays:
            return {"persons": 0}
        q = (
            stats.quantiles(self.delays, n=4)
            if len(self.delays) > 1
            else [self.delays[0]] * 3
        )
        return {
            "persons": len(self.delays),
            "median": round(stats.median(self.delays), 1),
            "quartile_1": round(q[0], 1),
            "quartile_3": round(q[2], 1),
            "shortest": min(self.delays),
            "longest": max(self.delays),
        }

    @property
    def delay_buckets(self) -> dict[str, int]:
        """Years from sentence to rehabilitation, by span."""
        spans = ((0, 5), (5, 20), (20, 30), (30, 50), (50, 100))
        out = {f"{a}–{b} years": 0 for a, b in spans}
        for d in self.delays:
            for a, b in spans:
                if a <= d < b:
                    out[f"{a}–{b} years"] += 1
                    break
        return out


REPRESSION = ("arrested", "sentenced", "executed", "imprisoned", "exiled")


@lru_cache(maxsize=100_000)
def _read(agency: str | None, basis: str | None) -> tuple[str, str, str, bool]:
    """(words, basis class, organ class, says "no information"): registries
    repeat the same few thousand phrasings a million times."""
    words = " ".join(str(w) for w in (agency, basis) if w)
    kind = basis_class(agency, basis)
    organ = organ_class(agency, REHABILITATING_ORGANS)
    return words, kind, organ, bool(NO_INFORMATION.search(words))


def rehabilitation_report(
    store: Store, listed: int = LISTED, basis: str = COLLECTIVE
) -> RehabilitationReport:
    """Count and list rehabilitations over every claim not rejected; the
    database does the counting and hands over only the fields needed."""
    report = RehabilitationReport(
        records=store.subjects_with(REPRESSION), listed_basis=basis
    )
    rehabilitated: dict[str, str] = {}
    for subject, date, agency, stated in store.qualified_events(
        "rehabilitated", ("agency", "basis")
    ):
        words, kind, organ, nothing = _read(agency, stated)
        if not date and nothing:
            report.no_information += 1
            continue
        report.rehabilitations += 1
        report.by_basis[kind] += 1
        report.by_organ[organ] += 1
        if (year := _year(date)) is not None:
            report.by_decade[year // 10 * 10, kind] += 1
        if date:
            rehabilitated.setdefault(subject, date)
        if kind == basis and len(report.listed) < listed:
            report.listed.append(Rehabilitated(subject, date, kind, organ, words))
    sentenced = store.first_dates("sentenced")
    report.delays = [
        d
        for s, when in rehabilitated.items()
        if s in sentenced
        and (d := _years_between(sentenced[s], when)) is not None
        and d >= 0
    ]
    ids = {r.subject for r in report.listed}
    ids |= {i for r in report.listed for i in ENTITY_ID.findall(r.words)}
    found = store.entities(sorted(ids)) if ids else {}
    report.names = {i: e.name for i, e in found.items()}
    for r in report.listed:
        r.words = ENTITY_ID.sub(lambda m: report.names.get(m[0], m[0]), r.words)
    return report
