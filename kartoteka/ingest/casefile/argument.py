"""The hypotheses section of a casefile: questions, their rival answers, and
each claim rated against each answer (Analysis of Competing Hypotheses).

    hypotheses:
      - id: dossier-origin
        question: Who originated the dossier?
        artifact: forged-dossier        # its custody chains mark shared steps
        hypotheses:
          - {id: hitler, text: "Hitler's service forged it", blames: [hitler]}
          - {id: stalin, text: "Stalin originated it", blames: [stalin]}
        ratings:
          - claim: hitler-forged        # the id a claim is given in this file
            relevance: high             # high, medium (default) or low
            hitler: CC
            stalin: I
            why: "Khrushchev names Hitler's secret service as the forger"
"""

from __future__ import annotations

from kartoteka.ingest.casefile.context import Context
from kartoteka.ingest.casefile.yaml_lines import Mapping
from kartoteka.model.argument import CellRating, Hypothesis, Question, Rating, Relevance
from kartoteka.model.ids import is_slug, make_id

QUESTION_FIELDS = frozenset(
    {"id", "question", "artifact", "hypotheses", "ratings", "note"}
)
HYPOTHESIS_FIELDS = frozenset({"id", "text", "blames"})
RATING_FIELDS = frozenset({"claim", "relevance", "why"})


def parse_question(
    ctx: Context, item: Mapping, casefile_id: str
) -> tuple[Question, list[CellRating]] | None:
    """A question with its hypotheses and ratings, or None with problems noted."""
    ctx.check_keys(item, QUESTION_FIELDS, "a question")
    key = str(item.get("id", ""))
    if not is_slug(key):
        ctx.problem(item.line, f"question id {key!r} must be a slug")
        return None
    origin = f"casefile:{casefile_id}"
    hypotheses = _hypotheses(ctx, item)
    artifact = None
    if item.get("artifact") is not None:
        artifact = _entity(ctx, item, "artifact", item["artifact"])
    question = Question(key, str(item.get("question", "")), tuple(hypotheses),
                        artifact, item.get("note"), origin)  # fmt: skip
    if not question.text:
        ctx.problem(item.line, f"question {key}: give the question's words")
    ratings = [
        r
        for rated in ctx.items(item, "ratings")
        for r in _ratings(ctx, rated, question, casefile_id)
    ]
    return question, ratings


def _entity(ctx: Context, item: Mapping, field: str, value: object) -> str | None:
    found = ctx.entity(str(value))
    if found is None:
        ctx.problem(item.line_of(field), f"unknown entity {value!r} in {field!r}")
    return found


def _hypotheses(ctx: Context, item: Mapping) -> list[Hypothesis]:
    found = []
    for h in ctx.items(item, "hypotheses"):
        ctx.check_keys(h, HYPOTHESIS_FIELDS, "a hypothesis")
        key = str(h.get("id", ""))
        if not is_slug(key) or key in HYPOTHESIS_FIELDS | RATING_FIELDS:
            ctx.problem(h.line, f"hypothesis id {key!r} must be a slug, not a field")
            continue
        blames = [_entity(ctx, h, "blames", b) for b in h.get("blames") or []]
        found.append(Hypothesis(key, str(h.get("text", key)),
                                tuple(b for b in blames if b)))  # fmt: skip
    if len(found) < 2:
        ctx.problem(item.line, "a question needs at least two rival hypotheses")
    return found


def _ratings(
    ctx: Context, item: Mapping, question: Question, casefile_id: str
) -> list[CellRating]:
    ctx.check_keys(item, RATING_FIELDS | frozenset(question.hypothesis_ids), "a rating")
    name = str(item.get("claim", ""))
    claim = make_id("clm", "casefile", casefile_id, name)
    if claim not in ctx.named_claims:
        ctx.problem(
            item.line_of("claim"),
            f"rating names claim {name!r}: give that claim `id: {name}` in claims",
        )
        return []
    try:
        relevance = Relevance(item.get("relevance", "medium"))
    except ValueError:
        ctx.problem(item.line_of("relevance"), "relevance is high, medium or low")
        return []
    found = []
    for h in question.hypothesis_ids:
        if h not in item:
            continue
        try:
            rating = Rating(str(item[h]))
        except ValueError:
            ctx.problem(item.line_of(h), f"rating {item[h]!r}: CC, C, N, I, II or NA")
            continue
        found.append(CellRating(question.id, h, claim, rating, relevance,
                                item.get("why"), question.origin))  # fmt: skip
    return found
