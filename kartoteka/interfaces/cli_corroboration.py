"""`kartoteka corroboration`, `kartoteka grades` and `kartoteka grade`:
independent origins of each fact, and the grades of sources and claims."""

from __future__ import annotations

import click

from kartoteka.analysis.corroboration_list import CorroborationReport, corroboration
from kartoteka.analysis.grading import Judgement
from kartoteka.analysis.grading_list import GradeReport, grade, grade_report
from kartoteka.interfaces.cli import _actor, _store, cli, console
from kartoteka.interfaces.cli_report import emit, report_format
from kartoteka.interfaces.report import Report, Table
from kartoteka.model.argument import Axis


@cli.command("corroboration")
@click.option("--person", help="Only this person's facts (any name, any script).")
@click.option("--source", help="Only the facts this source's claims make.")
@click.option("--all", "every", is_flag=True, help="Facts one claim makes, too.")
@report_format
@click.pass_context
def corroboration_command(
    ctx: click.Context, person: str | None, source: str | None, every: bool, fmt: str
) -> None:
    """How many independent origins carry each fact, not how many sources.

    Sources that cite, reprint or translate one another (derived_from) count
    once; so does a voice quoted by several. Loops of derivation (circular
    reporting) are flagged. "Confirmed" is suggested only with two or more
    independent origins and no denial. Without --all, facts more than one
    claim makes.

    Example:

    \b
        kartoteka corroboration
        kartoteka corroboration --person Tukhachevsky --format md
    """
    found = corroboration(_store(ctx), person, source, several_only=not every)
    emit(fmt, corroboration_report(found), found)


def corroboration_report(found: CorroborationReport) -> Report:
    facts = Table(
        "Facts and their independent origins",
        ["fact", "origins", "suggestion", "claims (origin ← source)"],
    )
    for f in found.facts:
        told = [
            f"{s.claim} ({found.origin_label(s.origin)} ← {s.source}"
            + (", denies" if s.stance == "denies" else "")
            + ")"
            for s in (*f.supports, *f.denials)
        ]
        facts.rows.append(
            [found.describe(f), str(f.origins), f.suggestion, "; ".join(told)]
        )
    graph = Table("Derivations", ["source", "derives from"])
    graph.rows = [[s, ", ".join(p)] for s, p in sorted(found.derivations.items())]
    graph.notes = [
        "Circular reporting: " + " → ".join([*loop, loop[0]]) for loop in found.loops
    ] or ["No loops of derivation."]
    return Report(
        "Independent corroboration",
        [
            f"{len(found.facts)} facts; {sum(f.confirmed for f in found.facts)} "
            "with two or more independent origins."
        ],
        [facts, graph],
    )


@cli.command("grades")
@click.option("--person", help="The credibility of this person's claims.")
@click.option("--source", help="Only this source, and the credibility of its claims.")
@report_format
@click.pass_context
def grades_command(
    ctx: click.Context, person: str | None, source: str | None, fmt: str
) -> None:
    """Authenticity, reliability (A–F) and credibility (1–6), kept apart: a
    person's judgement beside kartoteka's suggestion, each with its reason.
    F and 6 mean "cannot be judged", not "worst".

    Example:

    \b
        kartoteka grades --source aragon-1964
        kartoteka grades --person Yakir --format json
    """
    found = grade_report(_store(ctx), person, source)
    emit(fmt, grades_report(found), found)


def _cell(j: Judgement) -> tuple[str, str]:
    judged = f"{j.value} ({j.meaning}) by {j.by}" if j.value else "not graded"
    if j.rationale and j.value:
        judged += f": {j.rationale}"
    suggested = f"{j.suggested} ({j.suggested_meaning}): " if j.suggested else ""
    return judged, suggested + j.why


def grades_report(found: GradeReport) -> Report:
    sources = Table(
        "Sources",
        ["source", "authenticity", "reliability, judged", "reliability, suggested"],
    )
    for s in found.sources:
        sources.rows.append(
            [s.source.id, _cell(s.authenticity)[0], *_cell(s.reliability)]
        )
    claims = Table("Claims: credibility", ["claim", "what", "judged", "suggested"])
    for c in found.claims:
        who = found.corroboration.names.get(c.claim.subject, c.claim.subject)
        date = f" {c.claim.date.value}" if c.claim.date else ""
        what = f"{who} — {c.claim.predicate}{date}: “{c.claim.passage.text}”"
        claims.rows.append([c.claim.id, what, *_cell(c.credibility)])
    return Report("Grades", [], [sources, claims])


@cli.command("grade")
@click.argument("target")
@click.argument("axis", type=click.Choice([a.value for a in Axis]))
@click.argument("value")
@click.option("--why", help="Your reason, with a reference; kept with the grade.")
@click.pass_context
def grade_command(
    ctx: click.Context, target: str, axis: str, value: str, why: str | None
) -> None:
    """Grade a source (authenticity, reliability A–F), a document
    (authenticity) or a claim (credibility 1–6); a revision under your name.

    Example:

    \b
        kartoteka grade aragon-1964 reliability D --why "a commissioned history"
        kartoteka grade forged-dossier authenticity forged
    """
    change = grade(_store(ctx), target, axis, value, _actor(ctx), why)
    console.print(f"{target}: {axis} {value} ({change})", highlight=False)
