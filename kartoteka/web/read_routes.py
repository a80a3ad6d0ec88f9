"""Pages to read the archive, each with its JSON twin under /api.

Each view gathers what a library function returns; the page renders it with
a template, the twin returns it as JSON.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from kartoteka.accounts.users import Role
from kartoteka.analysis import cases, statistics
from kartoteka.analysis.conflict_list import list_conflicts
from kartoteka.analysis.estimates import estimates
from kartoteka.analysis.pair_comparison import compare_pair
from kartoteka.analysis.search_page import COUNTED, PER_PAGE, search_page
from kartoteka.analysis.source_page import source_page
from kartoteka.extract.review import candidates
from kartoteka.interfaces.case_document import case_context
from kartoteka.interfaces.case_view import conflict_heading
from kartoteka.interfaces.plots import FIGURES, plot_svg
from kartoteka.interfaces.stats_tables import rehabilitated_line, stat_tables
from kartoteka.model.vocabulary import PREDICATES, Certainty, Stance
from kartoteka.storage import Store
from kartoteka.storage.search import Filters
from kartoteka.web.app import templates
from kartoteka.web.security import Principal, may_read

router = APIRouter()
T = TypeVar("T")
Reader = Annotated[Principal, Depends(may_read)]
View = Callable[..., dict[str, Any]]


def twin(path: str, template: str, on: APIRouter = router) -> Callable[[View], View]:
    """Serve the view as a page at ``path`` and as JSON at ``/api`` + path,
    both routes of the router ``on``."""

    def register(view: View) -> View:
        on.add_api_route(
            "/api" + (path if path != "/" else ""), view, methods=["GET"],
            summary=(view.__doc__ or "").split("\n")[0],
        )  # fmt: skip

        @functools.wraps(view)
        def page(**kwargs: Any) -> Response:
            data = view(**kwargs)
            who: Principal = kwargs["who"]
            may_edit = bool(who.user and who.user.may(Role.EDITOR))
            context = {**data, "who": who.user, "csrf": who.csrf, "may_edit": may_edit}
            return templates().TemplateResponse(kwargs["request"], template, context)

        on.add_api_route(
            path, page, methods=["GET"], response_class=HTMLResponse,
            include_in_schema=False,
        )  # fmt: skip
        return view

    return register


@twin("/", "home.html")
def home(request: Request, who: Reader) -> dict[str, Any]:
    """What the archive holds: counts of sources, persons, claims, conflicts."""
    store = request.app.state.store
    return {
        "counts": store.counts(),
        "sources": _source_list(request),
        "questions": [{"id": q.id, "text": q.text} for q in store.questions()],
    }


def _source_list(request: Request) -> list[dict[str, Any]]:
    return [
        {"id": s.id, "kind": str(s.kind), "title": s.title, "characters": n}
        for s, n in request.app.state.store.source_metas()
    ]


@twin("/search", "search.html")
def search(
    request: Request,
    who: Reader,
    q: str = "",
    kind: str | None = None,
    event: str | None = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    place: str | None = None,
    source: str | None = None,
    page: Annotated[int, Query(ge=1, le=COUNTED // PER_PAGE)] = 1,
) -> dict[str, Any]:
    """Full text and names in any script or spelling, narrowed by kind and by
    the event, year, place or source of a claim, a page at a time."""
    chosen = Filters(kind or None, event or None, year or None, place or None,
                     source or None)  # fmt: skip
    store = request.app.state.store
    found = search_page(store, q, chosen, page) if q.strip() else None
    return {"q": q, "kind": kind, "filters": vars(chosen), "result": found}


@twin("/entities/{entity_id}", "case.html")
def case(request: Request, who: Reader, entity_id: str) -> dict[str, Any]:
    """The case file of an entity: names, timeline with every claim, conflicts."""
    built = cases.build_case(request.app.state.store, entity_id)
    return case_context(built)


@twin("/sources", "sources.html")
def sources(request: Request, who: Reader) -> dict[str, Any]:
    """Every stored source."""
    return {"sources": _source_list(request)}


@twin("/sources/{source_id}", "source.html")
def source(
    request: Request,
    who: Reader,
    source_id: str,
    start: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """A source's text in windows, its claimed passages marked, and its claims."""
    store = request.app.state.store
    shown = source_page(store, source_id, start)
    labels = store.entities(
        sorted({i for c in shown.claims for i in (c.subject, c.object) if i})
    )
    return {
        "source": shown.source,
        "window": {
            "start": shown.start,
            "end": shown.end,
            "length": shown.length,
            "previous": shown.previous,
            "next": shown.next,
        },
        "segments": shown.segments,
        "claims": shown.claims,
        "labels": {i: e.name for i, e in labels.items()},
        "proposed": [c.id for c in shown.claims if c.proposed],
        **_vocabulary(),
    }


def _vocabulary() -> dict[str, list[str]]:
    """What a claim's form offers to choose from."""
    return {
        "predicates": sorted(PREDICATES),
        "stances": [str(s) for s in Stance],
        "certainties": [str(c) for c in Certainty],
    }


@twin("/claims/{claim_id}", "claim.html")
def claim(request: Request, who: Reader, claim_id: str) -> dict[str, Any]:
    """A claim with every revision of it, oldest first."""
    store = request.app.state.store
    made = store.claim(claim_id)
    ids = [i for i in (made.subject, made.object, made.asserted_by) if i]
    return {
        "claim": made,
        "labels": {i: e.name for i, e in store.entities(ids).items()},
        "revisions": store.revisions(claim_id),
        **_vocabulary(),
    }


@twin("/estimates", "estimates.html")
def estimate_list(
    request: Request, who: Reader, topic: str | None = None
) -> dict[str, Any]:
    """Estimates grouped by what they are about, each with its author."""
    return {"topic": topic, "groups": estimates(request.app.state.store, topic)}


@twin("/conflicts", "conflicts.html")
def conflicts(request: Request, who: Reader) -> dict[str, Any]:
    """Every disagreement in the store, with the claims in it and explanations."""
    listed = list_conflicts(request.app.state.store)
    return {
        "conflicts": [
            {
                "id": c.id,
                "heading": conflict_heading(c),
                "subject": c.subject,
                "name": listed.names.get(c.subject, c.subject),
                "claims": [listed.claims[i] for i in c.claims if i in listed.claims],
            }
            for c in listed.conflicts
        ]
    }


def until_written(request: Request, name: str, compute: Callable[[Store], T]) -> T:
    """A figure of the whole store, computed again only after a write: a page
    (and each of its drawings) would otherwise read every claim each time."""
    state = request.app.state
    head = state.store.head()
    kept = state.kept.get(name)
    if kept is None or kept[0] != head:
        kept = state.kept[name] = (head, compute(state.store))
    return kept[1]


def _statistics(request: Request) -> statistics.Statistics:
    return until_written(request, "statistics", statistics.compute)


@twin("/stats", "stats.html")
def stats(request: Request, who: Reader) -> dict[str, Any]:
    """Counts of the registry: events, executions, organs, articles, decades."""
    figures = _statistics(request)
    return {
        "tables": stat_tables(figures),
        "summary": rehabilitated_line(figures),
        "figures": list(FIGURES),
    }


@router.get("/stats/{figure}.svg", response_class=Response, summary="A figure as SVG")
def stats_figure(request: Request, who: Reader, figure: str) -> Response:
    store = request.app.state.store
    note = (
        "; ".join(
            sorted(
                {
                    s.citation or s.title
                    for s, _ in store.source_metas()
                    if s.kind == "registry"
                }
            )
        )
        or "the kartoteka store"
    )
    svg = plot_svg(_statistics(request), figure, note)
    return Response(svg, media_type="image/svg+xml")


@twin("/review/candidates", "review_candidates.html")
def review_candidates(
    request: Request, who: Reader, source: str | None = None
) -> dict[str, Any]:
    """Claims extraction proposed that nobody has decided yet."""
    store = request.app.state.store
    waiting = candidates(store, source)[:200]
    ids = sorted({i for c in waiting for i in (c.subject, c.object) if i})
    return {
        "source": source,
        "candidates": waiting,
        "labels": {i: e.name for i, e in store.entities(ids).items()},
    }


@twin("/review/links", "review_links.html")
def review_links(request: Request, who: Reader) -> dict[str, Any]:
    """Pairs of records linking could not decide, side by side, each field
    marked as agreeing, close, differing or given by one record only."""
    store = request.app.state.store
    judged = store.judgements()
    pairs = [
        (a, b, p) for a, b, p in store.link_queue()
        if (a, b) not in judged and (b, a) not in judged
    ][:50]  # fmt: skip
    summaries = {i: cases.person_summary(store, i) for a, b, _ in pairs for i in (a, b)}
    return {
        "pairs": [
            {"a": a, "b": b, "probability": p, "fields": compare_pair(store, a, b)}
            for a, b, p in pairs
        ],
        "summaries": summaries,
    }
