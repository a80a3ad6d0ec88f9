"""The reasoning pages: corroboration, grades, custody chains, and the
matrices of competing hypotheses — each page with its JSON twin — and an
editor's changes to the argument (questions, hypotheses, ratings, grades),
each a revision under the editor's name."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from kartoteka.analysis import ach
from kartoteka.analysis.cases import build_case
from kartoteka.analysis.corroboration_list import corroboration
from kartoteka.analysis.custody import custody
from kartoteka.analysis.grading_list import grade, grade_report
from kartoteka.analysis.hypotheses import rate, save_question, weigh
from kartoteka.analysis.lookup import find_entity
from kartoteka.analysis.network import Network, address_network, network
from kartoteka.analysis.rehabilitation import rehabilitation_report
from kartoteka.interfaces.diagrams import custody_drawing
from kartoteka.interfaces.network_view import (
    network_elements,
    network_file,
    network_report,
)
from kartoteka.interfaces.plots import DRAWINGS
from kartoteka.interfaces.rehabilitation_view import rehabilitation_tables
from kartoteka.interfaces.timeline_diagram import timeline_drawing
from kartoteka.model.argument import CREDIBILITY, Rating, Relevance
from kartoteka.model.vocabulary import RELIABILITY, Authenticity
from kartoteka.web.read_routes import Reader, twin, until_written
from kartoteka.web.write_routes import Editor, _done, _local

router = APIRouter()
Drawing = Annotated[str, PathParam(pattern="^(svg|png)$")]
Hops = Annotated[int, Query(ge=1, le=4)]  # four hops of a purged man reach far


@twin("/corroboration", "corroboration.html", router)
def corroboration_page(
    request: Request, who: Reader, person: str | None = None, all: bool = False
) -> dict[str, Any]:
    """Each fact with the number of independent origins that carry it."""
    found = corroboration(request.app.state.store, person, several_only=not all)
    return {
        "person": person,
        "every": all,
        "facts": [
            {
                "fact": found.describe(f),
                "origins": f.origins,
                "confirmed": f.confirmed,
                "suggestion": f.suggestion,
                "circular": f.circular,
                "claims": [
                    {
                        "claim": s.claim,
                        "source": s.source,
                        "stance": s.stance,
                        "origin": found.origin_label(s.origin),
                        "quote": s.quote,
                        "disputed_by": s.disputed_by,
                    }
                    for s in (*f.supports, *f.denials)
                ],
            }
            for f in found.facts
        ],
        "derivations": found.derivations,
        "loops": found.loops,
    }


@twin("/grades", "grades.html", router)
def grades_page(
    request: Request, who: Reader, source: str | None = None
) -> dict[str, Any]:
    """Each source's authenticity and reliability, each claim's credibility:
    a person's grade beside kartoteka's suggestion, with the reasons."""
    report = grade_report(request.app.state.store, source=source)
    return {
        "source": source,
        "sources": report.sources,
        "claims": report.claims,
        "names": report.corroboration.names,
        "scales": {
            "authenticity": [a.value for a in Authenticity],
            "reliability": RELIABILITY,
            "credibility": CREDIBILITY,
        },
    }


@router.post("/api/grades", summary="Grade a source, a document or a claim")
@router.post("/grades", include_in_schema=False)
def grade_something(
    request: Request,
    who: Editor,
    target: Annotated[str, Form(min_length=1)],
    axis: Annotated[str, Form(pattern="^(authenticity|reliability|credibility)$")],
    value: Annotated[str, Form(min_length=1)],
    rationale: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
) -> Response:
    """A person's grade with its reason; the suggestion stays beside it."""
    change = grade(
        request.app.state.store,
        target,
        axis,
        value,
        who.name,
        rationale.strip() or None,
    )
    return _done(
        request,
        _local(back or "/grades"),
        target=target,
        axis=axis,
        value=value,
        change=str(change),
    )


@twin("/rehabilitation", "rehabilitation.html", router)
def rehabilitation(request: Request, who: Reader) -> dict[str, Any]:
    """Rehabilitations by basis, organ and decade; those cleared by a
    collective decree; the years from sentence to rehabilitation."""
    report = until_written(request, "rehabilitation", rehabilitation_report)
    return {
        "report": rehabilitation_tables(report),
        "delays": report.delay_summary,
    }


@twin("/custody/{artifact}", "custody.html", router)
def custody_page(request: Request, who: Reader, artifact: str) -> dict[str, Any]:
    """Who held a document, in order, as each account tells it."""
    store = request.app.state.store
    found = custody(store, artifact)
    graded = {g.claim.id: g.credibility for g in grade_report(store).claims}
    return {
        "credibility": {i: graded[i] for i in found.claims if i in graded},
        "scale": list(CREDIBILITY),
        "artifact": found.artifact,
        "name": found.name(found.artifact),
        "chains": [
            {
                "voice": found.name(c.voice),
                "holders": [found.name(h) for h in c.holders],
                "hypotheses": c.hypotheses,
                "made": [found.claims[i] for i in c.made],
                "steps": [
                    {
                        "from": found.name(s.giver),
                        "to": found.name(s.taker),
                        "date": s.date,
                        "claims": [found.claims[i] for i in s.claims],
                        "shared": (s.giver, s.taker) in found.shared,
                    }
                    for s in c.steps
                ],
            }
            for c in found.chains
        ],
    }


@router.get("/custody/{artifact}/diagram.{kind}", include_in_schema=False)
def custody_diagram(
    request: Request, who: Reader, artifact: str, kind: Drawing
) -> Response:
    found = custody(request.app.state.store, artifact)
    return Response(custody_drawing(found, kind), media_type=DRAWINGS[kind])


@twin("/hypotheses", "hypotheses.html", router)
def questions(request: Request, who: Reader) -> dict[str, Any]:
    """The questions under analysis, each with its rival hypotheses."""
    return {"questions": request.app.state.store.questions()}


@twin("/hypotheses/{question}", "matrix.html", router)
def matrix(request: Request, who: Reader, question: str) -> dict[str, Any]:
    """A question's matrix: ratings, scores side by side, linchpins."""
    w = weigh(request.app.state.store, question)
    return {
        "question": w.question,
        "rows": [
            {
                "claim": r.claim,
                "evidence": r.evidence,
                "cells": r.cells,
                "diagnosticity": r.diagnosticity,
                "why_not": r.why_not_diagnostic,
                "why": _shared_reason(r.cells),
            }
            for r in w.rows
        ],
        "scorers": ach.SCORERS,
        "lower_is_better": sorted(ach.LOWER_IS_BETTER),
        "scores": w.scores,
        "ranks": w.ranks,
        "posterior": w.posterior,
        "likelihoods": w.likelihoods,
        "likelihood_table": ach.LIKELIHOOD,
        "linchpins": [d for d in w.linchpins if d.changed],
        "steady": sum(not d.changed for d in w.linchpins),
        "ratings": [r.value for r in Rating],
        "relevances": [r.value for r in Relevance],
    }


def _shared_reason(cells: dict) -> str | None:
    """The reason given for every rating of a row, shown once; else None."""
    reasons = {c.rationale for c in cells.values()}
    return reasons.pop() if len(reasons) == 1 else None


@router.post("/api/hypotheses", summary="Ask a question, or add hypotheses to one")
@router.post("/hypotheses", include_in_schema=False)
def ask(
    request: Request,
    who: Editor,
    question: Annotated[str, Form(min_length=1)],
    text: Annotated[str, Form()] = "",
    hypotheses: Annotated[str, Form()] = "",
    artifact: Annotated[str, Form()] = "",
) -> Response:
    """``hypotheses`` holds one per line, "id: words"."""
    store = request.app.state.store
    pairs = []
    for line in hypotheses.splitlines():
        key, _, words = line.partition(":")
        if key.strip():
            pairs.append((key.strip(), words.strip() or key.strip()))
    thing = find_entity(store, artifact).id if artifact.strip() else None
    q = save_question(store, question.strip(), text.strip(), pairs, who.name, thing)
    return _done(
        request, f"/hypotheses/{q.id}", question=q.id, hypotheses=list(q.hypothesis_ids)
    )


@router.post(
    "/api/hypotheses/{question}/rate", summary="Rate a claim against a hypothesis"
)
@router.post("/hypotheses/{question}/rate", include_in_schema=False)
def rate_cell(
    request: Request,
    who: Editor,
    question: str,
    claim: Annotated[str, Form(min_length=1)],
    hypothesis: Annotated[str, Form(min_length=1)],
    rating: Annotated[str, Form(pattern="^(CC|C|N|I|II|NA)$")],
    relevance: Annotated[str, Form(pattern="^(high|medium|low)$")] = "medium",
    rationale: Annotated[str, Form()] = "",
) -> Response:
    """One cell of the matrix, with the reason; the scores follow."""
    cell = rate(
        request.app.state.store,
        question,
        hypothesis,
        claim.strip(),
        rating,
        who.name,
        rationale.strip() or None,
        relevance,
    )
    return _done(
        request,
        f"/hypotheses/{question}#{cell.claim}",
        question=question,
        hypothesis=hypothesis,
        claim=cell.claim,
        rating=str(cell.rating),
    )


@twin("/network/{entity}", "network.html", router)
def network_page(
    request: Request, who: Reader, entity: str, hops: Hops = 2
) -> dict[str, Any]:
    """Everyone and everything within ``hops`` associations of an entity."""
    net = network(request.app.state.store, entity, hops)
    return _network_context(net)


@twin("/network", "network.html", router)
def address_page(
    request: Request, who: Reader, address: str = "", hops: Hops = 1
) -> dict[str, Any]:
    """Everyone whose record gives an address holding the words, and beyond."""
    if not address.strip():
        return {"start": None, "address": "", "hops": hops, "elements": [], "rows": []}
    net = address_network(request.app.state.store, address.strip(), hops)
    return {**_network_context(net), "address": address}


def _network_context(net: Network) -> dict[str, Any]:
    report = network_report(net)
    return {
        "start": net.start,
        "label": net.label(net.start),
        "hops": net.hops,
        "truncated": net.truncated,
        "elements": network_elements(net),
        "rows": report.tables[0].rows,
        "edges": report.tables[1].rows,
    }


@router.get("/network/{entity}/graph.{kind}", include_in_schema=False)
def network_download(
    request: Request,
    who: Reader,
    entity: str,
    kind: Annotated[str, PathParam(pattern="^(gexf|graphml)$")],
    hops: Hops = 2,
) -> Response:
    net = network(request.app.state.store, entity, hops)
    name = f"network-{net.start}.{kind}"
    return Response(
        network_file(net, kind),
        media_type=f"application/{kind}+xml",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/entities/{entity}/timeline.{kind}", include_in_schema=False)
def timeline_image(
    request: Request, who: Reader, entity: str, kind: Drawing
) -> Response:
    case = build_case(request.app.state.store, entity)
    return Response(timeline_drawing(case, kind), media_type=DRAWINGS[kind])
