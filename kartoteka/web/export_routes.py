"""Downloads: the archive as JSON Lines, CSV, FollowTheMoney and PROV-JSON,
a person's case as FollowTheMoney, a source's provenance as PROV-JSON.

Large exports stream as the CLI writes them: persons a page at a time,
sources and claims a record at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse

from kartoteka.errors import NotFound
from kartoteka.exports import csv_tables, jsonl
from kartoteka.web.read_routes import Reader, twin
from kartoteka.web.security import Principal, may_read

router = APIRouter()
Who = Annotated[Principal, Depends(may_read)]

# file name → (media type, what it holds)
DOWNLOADS: dict[str, tuple[str, str]] = {
    "persons.jsonl": ("application/x-ndjson", "persons, the export contract"),
    "sources.jsonl": ("application/x-ndjson", "sources with their full text"),
    "claims.jsonl": ("application/x-ndjson", "claims with quotes and offsets"),
    "persons.csv": ("text/csv", "persons, a row each, dates by event"),
    "sources.csv": ("text/csv", "sources, without their text"),
    "claims.csv": ("text/csv", "claims, a row each"),
    "archive.ftm.json": (
        "application/x-ndjson",
        "FollowTheMoney entities for Aleph (accepted claims)",
    ),
    "archive.prov.json": (
        "application/json",
        "W3C PROV-JSON of sources, claims, revisions",
    ),
}


@twin("/export", "export.html", router)
def downloads(request: Request, who: Reader) -> dict[str, Any]:
    """The archive's exports, each a download."""
    return {
        "downloads": [
            {
                "file": name,
                "href": f"/export/{name}",
                "media_type": media,
                "about": about,
            }
            for name, (media, about) in DOWNLOADS.items()
        ]
    }


def _attachment(body: Iterator[str] | str, name: str) -> Response:
    media = DOWNLOADS.get(name, ("application/json", ""))[0]
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if isinstance(body, str):
        return Response(body, media_type=media, headers=headers)
    return StreamingResponse(body, media_type=media, headers=headers)


@router.get("/export/{name}", summary="Download one export of the archive")
def download(request: Request, who: Who, name: str) -> Response:
    if name not in DOWNLOADS:
        raise NotFound(f"no export {name!r}; see /export")
    store = request.app.state.store
    what, _, fmt = name.partition(".")
    if name == "archive.prov.json":
        from kartoteka.exports.provenance import prov_json

        return _attachment(prov_json(store), name)
    if name == "archive.ftm.json":
        from kartoteka.exports.ftm import ftm_lines
        from kartoteka.exports.parallel_pages import piece_text

        # In the server's own process: a download does not start processes
        # beside the ones serving everybody else (`kartoteka export ftm` does).
        pieces = (piece_text(p) for p, _ in ftm_lines(store, workers=1))
        return _attachment(pieces, name)
    if what == "persons":  # a page of text at a time, as `kartoteka export` has it
        from kartoteka.exports.parallel_pages import rendered_pages

        csv = fmt == "csv"
        render = csv_tables.person_csv_line if csv else jsonl.json_line
        pages = (text for text, _ in rendered_pages(store, render, workers=1))
        return _attachment(
            chain([csv_tables.csv_header(what)] if csv else [], pages), name
        )
    if fmt == "csv":
        return _attachment(csv_tables.csv_lines(what, store), name)
    return _attachment(map(jsonl.json_line, jsonl.EXPORTS[what](store)), name)


@router.get(
    "/entities/{entity_id}/ftm.json", summary="A case as FollowTheMoney entities"
)
def case_ftm(request: Request, who: Who, entity_id: str) -> Response:
    from kartoteka.exports.ftm import case_ftm

    found = case_ftm(request.app.state.store, entity_id)
    return _attachment(
        "".join(jsonl.json_line(e) for e in found), f"{entity_id}.ftm.json"
    )


@router.get(
    "/sources/{source_id}/prov.json",
    summary="A source, its claims and their revisions as PROV-JSON",
)
def source_prov(request: Request, who: Who, source_id: str) -> Response:
    from kartoteka.exports.provenance import prov_json

    document = prov_json(request.app.state.store, source_id)
    return _attachment(document, f"{source_id}.prov.json")
