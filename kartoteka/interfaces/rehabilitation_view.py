"""The rehabilitation report as headed tables, for the terminal, Markdown,
HTML and the web page alike."""

from __future__ import annotations

from kartoteka.analysis.rehabilitation import (
    BASES,
    COLLECTIVE,
    INDIVIDUAL,
    UNKNOWN,
    RehabilitationReport,
)
from kartoteka.interfaces.report import Report, Table


def rehabilitation_tables(r: RehabilitationReport) -> Report:
    def share(n: int) -> str:
        return f"{n:,} ({n / r.rehabilitations:.1%})" if r.rehabilitations else "0"

    basis = Table(
        "By basis",
        ["basis", "rehabilitations"],
        [[b, share(r.by_basis[b])] for b in BASES],
    )
    organ = Table(
        "By organ",
        ["organ", "rehabilitations"],
        [[o, share(n)] for o, n in r.by_organ.most_common()],
    )
    decades = sorted({d for d, _ in r.by_decade})
    decade = Table(
        "By decade",
        ["decade", *BASES],
        [[f"{d}s", *(f"{r.by_decade[d, b]:,}" for b in BASES)] for d in decades],
    )
    s = r.delay_summary
    delay = Table(
        "From sentence to rehabilitation",
        ["span", "persons"],
        [[k, f"{n:,}"] for k, n in r.delay_buckets.items()],
    )
    if s["persons"]:
        delay.notes.append(
            f"{s['persons']:,} records with both dates: median {s['median']} years "
            f"(quartiles {s['quartile_1']}–{s['quartile_3']}), "
            f"from {s['shortest']} to {s['longest']}."
        )
    heading = {
        COLLECTIVE: "Rehabilitated by collective decree, without individual review",
        INDIVIDUAL: "Rehabilitated after an individual review",
        UNKNOWN: "Rehabilitated on a basis the record does not give",
    }[r.listed_basis]
    without = Table(
        f"{heading} (the first {len(r.listed)})",
        ["person", "date", "basis", "organ", "the record's words"],
        [
            [r.names.get(x.subject, x.subject), x.date or "", x.basis, x.organ, x.words]
            for x in r.listed
        ],
    )
    intro = [
        f"{r.rehabilitations:,} rehabilitations among {r.records:,} records of "
        f"repression: {r.by_basis[INDIVIDUAL]:,} after an individual review, "
        f"{r.by_basis[COLLECTIVE]:,} by a collective decree without one, "
        f"{r.by_basis[UNKNOWN]:,} on a basis the record does not give. "
        f"{r.no_information:,} lines saying there is no information are not counted."
    ]
    return Report("Rehabilitation", intro, [basis, organ, decade, delay, without])
