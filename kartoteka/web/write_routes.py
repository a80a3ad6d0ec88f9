"""Log-in, and every change from the browser or a script: annotating a
passage into a claim, rejecting a claim, reviewing candidates and link pairs.
Each change is a revision with the signed-in user as actor."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from kartoteka.accounts.sessions import close_session, open_session
from kartoteka.accounts.users import User, authenticate
from kartoteka.analysis.lookup import find_entity
from kartoteka.extract import review
from kartoteka.extract.candidates import extract_stored
from kartoteka.ingest.claim_entry import ClaimEntry, add_claim, qualifier_pairs
from kartoteka.linking.edits import judge_pair
from kartoteka.model.vocabulary import Certainty, Stance, Status
from kartoteka.storage import Store
from kartoteka.storage.links import Verdict
from kartoteka.web.app import templates
from kartoteka.web.security import (
    COOKIE,
    LoginLimit,
    is_api,
    may_edit,
)

router = APIRouter()
Editor = Annotated[User, Depends(may_edit)]


def _done(request: Request, to: str, **data: object) -> Response:
    """JSON for scripts (and fetch), a redirect for a browser's form."""
    if "application/json" in request.headers.get("accept", "") or is_api(request):
        return JSONResponse(data)
    return RedirectResponse(to, status_code=303)


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(request: Request, next: str = "/") -> Response:
    return templates().TemplateResponse(
        request, "login.html", {"next": _local(next), "who": None, "error": None}
    )


def _local(path: str) -> str:
    """Only a path on this site: a log-in never sends anyone elsewhere."""
    return path if path.startswith("/") and not path.startswith("//") else "/"


@router.post("/login", include_in_schema=False)
def login(
    request: Request,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    store = request.app.state.store
    address = request.client.host if request.client else "?"
    keys = (f"ip:{address}", f"user:{name}")
    limit: LoginLimit = request.app.state.login_limit
    if limit.blocked(*keys):
        return _login_again(
            request, next, "Too many failed log-ins; wait a few minutes.", 429
        )
    user = authenticate(store, name, password)
    if user is None:
        limit.failed(*keys)
        return _login_again(request, next, "Wrong name or password.", 401)
    cookie, _ = open_session(store, user)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(
        COOKIE, cookie, httponly=True, samesite="lax",
        secure=request.app.state.secure_cookies or request.url.scheme == "https",
        max_age=12 * 3600,
    )  # fmt: skip
    return response


def _login_again(request: Request, next: str, error: str, status: int) -> Response:
    return templates().TemplateResponse(
        request,
        "login.html",
        {"next": _local(next), "who": None, "error": error},
        status_code=status,
    )


@router.post("/logout", include_in_schema=False)
def logout(request: Request) -> Response:
    cookie = request.cookies.get(COOKIE)
    if cookie:
        close_session(request.app.state.store, cookie)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response


def _choices(values: type[StrEnum]) -> str:
    return "^(" + "|".join(str(v) for v in values) + ")$"


def claim_fields(
    request: Request,
    subject: Annotated[str, Form(min_length=1)],
    predicate: Annotated[str, Form()],
    object: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    date_text: Annotated[str, Form()] = "",
    stance: Annotated[str, Form(pattern=_choices(Stance))] = "affirms",
    certainty: Annotated[str, Form(pattern=_choices(Certainty))] = "certain",
    qualifiers: Annotated[str, Form()] = "",
) -> review.ClaimEdit:
    """What a claim's form says of the words, entities found by any name or id:
    shared by annotating a passage and editing a claim."""
    store = request.app.state.store
    return review.ClaimEdit(
        subject=find_entity(store, subject).id,
        predicate=predicate,
        object=_entity(store, object),
        date=date.strip() or None,
        date_text=date_text.strip() or None,
        qualifiers=qualifier_pairs(q for q in qualifiers.split(";") if q.strip()),
        stance=stance,
        certainty=certainty,
    )


@router.post("/api/sources/{source_id}/claims", summary="Make a claim of a passage")
@router.post("/sources/{source_id}/claims", include_in_schema=False)
def annotate(
    request: Request,
    who: Editor,
    source_id: str,
    start: Annotated[int, Form(ge=0)],
    quote: Annotated[str, Form(min_length=1)],
    said: Annotated[review.ClaimEdit, Depends(claim_fields)],
) -> Response:
    """The selected words (``quote`` at offset ``start``) become a claim,
    accepted by the editor: the quote is verbatim by construction."""
    store = request.app.state.store
    entry = ClaimEntry(source=source_id, quote=quote, start=start, **vars(said))
    made, change = add_claim(store, entry, who.name)
    return _done(
        request, f"/sources/{source_id}?start={max(0, start - 200)}#{made.id}",
        claim=made.id, change=str(change), subject=made.subject,
    )  # fmt: skip


def _entity(store: Store, words: str) -> str | None:
    """The id of the entity any name or id names; None for nothing given."""
    return find_entity(store, words).id if words.strip() else None


@router.post(
    "/api/sources/{source_id}/extract", summary="Propose claims from a source's text"
)
@router.post("/sources/{source_id}/extract", include_in_schema=False)
def extract(request: Request, who: Editor, source_id: str) -> Response:
    """Run extraction over the source: the persons, dates and events it finds
    become candidates in the review queue, none of them evidence until then."""
    report = extract_stored(request.app.state.store, source_id, who.name)
    return _done(request, f"/review/candidates?source={source_id}",
                 source=source_id, changes=dict(report.changes))  # fmt: skip


@router.post("/api/claims/{claim_id}/status", summary="Accept or reject a claim")
@router.post("/claims/{claim_id}/status", include_in_schema=False)
def set_status(
    request: Request,
    who: Editor,
    claim_id: str,
    status: Annotated[str, Form(pattern="^(accepted|rejected)$")],
    back: Annotated[str, Form()] = "",
) -> Response:
    """Accept or reject a claim (a candidate or any other): a revision."""
    review.decide(request.app.state.store, claim_id, Status(status), who.name)
    return _done(request, _local(back or f"/claims/{claim_id}"), claim=claim_id,
                 status=status)  # fmt: skip


@router.post("/api/claims/{claim_id}/correct", summary="Correct and accept a claim")
@router.post("/claims/{claim_id}/correct", include_in_schema=False)
def correct(
    request: Request,
    who: Editor,
    claim_id: str,
    date: Annotated[str, Form()] = "",
    predicate: Annotated[str, Form()] = "",
    subject: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
) -> Response:
    """Correct a claim's date, predicate or subject and accept it."""
    store = request.app.state.store
    fixed = review.correct(
        store, claim_id, who.name,
        date=date.strip() or None, predicate=predicate.strip() or None,
        subject=_entity(store, subject),
    )  # fmt: skip
    return _done(request, _local(back or f"/claims/{claim_id}"), claim=fixed.id)


@router.post("/api/claims/{claim_id}/edit", summary="Rewrite a claim and decide it")
@router.post("/claims/{claim_id}/edit", include_in_schema=False)
def edit(
    request: Request,
    who: Editor,
    claim_id: str,
    said: Annotated[review.ClaimEdit, Depends(claim_fields)],
    status: Annotated[str, Form(pattern="^(accepted|rejected)$")] = "accepted",
    note: Annotated[str, Form()] = "",
) -> Response:
    """Every field of the claim as given (an empty object, date or qualifiers:
    none), its words unchanged; then accepted or rejected. Two revisions by
    the editor: the edit and the decision."""
    store = request.app.state.store
    # The form holds the text qualifiers; others (a flag, a list) stay as they are.
    kept = {k: v for k, v in store.claim(claim_id).qualifiers.items()
            if not isinstance(v, str)}  # fmt: skip
    change = replace(said, qualifiers={**kept, **said.qualifiers})
    edited = review.edit(
        store, claim_id, who.name, change, Status(status), note.strip() or None
    )
    return _done(request, f"/claims/{claim_id}", claim=edited.id,
                 status=str(edited.status))  # fmt: skip


@router.post("/api/review/rule", summary="Decide every candidate of a rule")
@router.post("/review/rule", include_in_schema=False)
def decide_rule(
    request: Request,
    who: Editor,
    source: Annotated[str, Form()],
    rule: Annotated[str, Form()],
    status: Annotated[str, Form(pattern="^(accepted|rejected)$")],
) -> Response:
    """Accept or reject every undecided candidate of one rule in one source."""
    count = review.decide_rule(
        request.app.state.store, source, rule, Status(status), who.name
    )
    return _done(request, f"/review/candidates?source={source}", decided=count)


@router.post("/api/review/links", summary="Judge a pair of records")
@router.post("/review/links", include_in_schema=False)
def judge(
    request: Request,
    who: Editor,
    a: Annotated[str, Form()],
    b: Annotated[str, Form()],
    verdict: Annotated[str, Form(pattern="^(same|not_same|unsure)$")],
    note: Annotated[str, Form()] = "",
) -> Response:
    """Same, not the same, or unsure: a judgement no later run overrides."""
    members = judge_pair(
        request.app.state.store, a, b, Verdict(verdict), who.name,
        note=note or None,
    )  # fmt: skip
    return _done(request, "/review/links", members=members, verdict=verdict)
