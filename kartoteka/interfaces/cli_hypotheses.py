"""`kartoteka hypotheses`, `kartoteka question` and `kartoteka rate`: the
matrix of competing hypotheses, scored every way, and an editor's ratings."""

from __future__ import annotations

import click

from kartoteka.analysis import ach
from kartoteka.analysis.hypotheses import Weighed, rate, save_question, weigh
from kartoteka.interfaces.cli import _actor, _store, cli, console
from kartoteka.interfaces.cli_report import emit, report_format
from kartoteka.interfaces.report import Report, Table
from kartoteka.model.argument import Rating, Relevance


@cli.command("hypotheses")
@click.argument("question", required=False)
@report_format
@click.pass_context
def hypotheses_command(ctx: click.Context, question: str | None, fmt: str) -> None:
    """List the questions; with QUESTION, its matrix: each claim rated
    against each hypothesis, the scores of every scorer side by side
    (Heuer's inconsistency count, weighted, Bayesian with its likelihoods),
    each claim's diagnosticity, and the linchpins — evidence, sources and
    origins whose loss would change the ranking.

    Example:

    \b
        kartoteka hypotheses
        kartoteka hypotheses dossier-origin --format md
    """
    store = _store(ctx)
    if question is None:
        found = store.questions()
        table = Table("Questions", ["id", "question", "hypotheses"])
        for q in found:
            table.rows.append(
                [q.id, q.text, "; ".join(f"{h.id}: {h.text}" for h in q.hypotheses)]
            )
        emit(fmt, Report("Competing hypotheses", [], [table]), found)
        return
    weighed = weigh(store, question)
    emit(fmt, matrix_report(weighed), weighed)


def matrix_report(w: Weighed) -> Report:
    hyps = list(w.question.hypothesis_ids)
    matrix = Table(
        "Evidence against hypotheses",
        ["claim", "credibility", "relevance", *hyps, "diagnosticity"],
    )
    for row in w.rows:
        e = row.evidence
        words = f"{row.claim.id}: “{row.claim.passage.text}”"
        marks = [e.ratings.get(h, "—") for h in hyps]
        note = row.why_not_diagnostic or f"{row.diagnosticity:.2f}"
        matrix.rows.append([words, e.credibility, e.relevance, *marks, note])
    scores = Table("Scores", ["scorer", *hyps])
    for s in ach.SCORERS:
        better = "fewest wins" if s in ach.LOWER_IS_BETTER else "most wins"
        scores.rows.append(
            [
                f"{s} ({better})",
                *(f"{w.scores[s][h]:g} (rank {w.ranks[s][h]})" for h in hyps),
            ]
        )
    scores.rows.append(
        ["posterior, equal priors", *(f"{w.posterior[h]:.1%}" for h in hyps)]
    )
    bayes = Table("Bayesian likelihoods P'(E|H)", ["claim", *hyps])
    for claim, cells in w.likelihoods.items():
        bayes.rows.append(
            [claim, *(f"{cells[h]:.3f}" if h in cells else "—" for h in hyps)]
        )
    bayes.notes.append(
        "P(E|H) by rating: "
        + ", ".join(f"{r} {p}" for r, p in ach.LIKELIHOOD.items())
        + "; drawn toward 0.5 by credibility weight w: p' = w·p + (1 − w)·0.5."
    )
    pins = Table(
        "Linchpins: left out, which hypotheses change rank",
        ["left out", "claims", "changes", "first place changes under"],
    )
    for d in w.linchpins:
        if d.changed:
            changes = "; ".join(f"{s}: {', '.join(h)}" for s, h in d.changed.items())
            pins.rows.append(
                [
                    f"{d.what} {d.key}",
                    str(len(d.claims)),
                    changes,
                    ", ".join(d.leader_changes) or "none",
                ]
            )
    pins.notes.append(
        f"{sum(not d.changed for d in w.linchpins)} other items can each be left "
        "out without changing any rank."
    )
    intro = [w.question.text]
    intro += [f"{h.id}: {h.text}" for h in w.question.hypotheses]
    return Report(
        f"Competing hypotheses: {w.question.id}", intro, [matrix, scores, bayes, pins]
    )


@cli.command("question")
@click.argument("question_id")
@click.argument("text", required=False, default="")
@click.option(
    "--hypothesis",
    "-H",
    "hypotheses",
    multiple=True,
    metavar="ID=WORDS",
    help="A rival answer; repeat for each. Added to those already there.",
)
@click.option("--artifact", help="The document whose custody the question is about.")
@click.pass_context
def question_command(
    ctx: click.Context,
    question_id: str,
    text: str,
    hypotheses: tuple[str, ...],
    artifact: str | None,
) -> None:
    """Ask a question with rival hypotheses, or add hypotheses to one; a revision.

    Example:

    \b
        kartoteka question kirov-murder "Who had Kirov killed?" \\
            -H nikolaev="Nikolaev alone" -H stalin="On Stalin's order"
    """
    pairs = []
    for h in hypotheses:
        key, _, words = h.partition("=")
        pairs.append((key.strip(), words.strip() or key.strip()))
    store = _store(ctx)
    found = None
    if artifact:
        from kartoteka.analysis.lookup import find_entity

        found = find_entity(store, artifact).id
    q = save_question(store, question_id, text, pairs, _actor(ctx), found)
    console.print(f"{q.id}: {q.text} — {', '.join(q.hypothesis_ids)}", highlight=False)


@cli.command("rate")
@click.argument("question")
@click.argument("hypothesis")
@click.argument("claim")
@click.argument("rating", type=click.Choice([r.value for r in Rating]))
@click.option(
    "--relevance",
    type=click.Choice([r.value for r in Relevance]),
    default="medium",
    show_default=True,
)
@click.option("--why", help="Why the claim bears so on the hypothesis.")
@click.pass_context
def rate_command(
    ctx: click.Context,
    question: str,
    hypothesis: str,
    claim: str,
    rating: str,
    relevance: str,
    why: str | None,
) -> None:
    """Rate one claim against one hypothesis: CC, C, N, I, II or NA; a revision.

    Example:

    \b
        kartoteka rate dossier-origin yezhov clm_0123456789abcdef I \\
            --why "Yezhov took the GPU only in 1936"
    """
    cell = rate(
        _store(ctx), question, hypothesis, claim, rating, _actor(ctx), why, relevance
    )
    console.print(f"{cell.question} {cell.hypothesis} {cell.claim}: {cell.rating}")
