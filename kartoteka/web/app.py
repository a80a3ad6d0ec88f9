"""The FastAPI application: one store, pages rendered by Jinja2, JSON twins.

kartoteka serve            # then open the address it prints
"""

from __future__ import annotations

import os
import threading
from functools import cache
from importlib.resources import files
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from kartoteka.errors import KartotekaError, NotFound
from kartoteka.interfaces.case_view import dated, lang
from kartoteka.names import equivalents
from kartoteka.storage import Store
from kartoteka.web.security import LoginLimit, LoginRequired, is_api


@cache
def templates() -> Jinja2Templates:
    found = Jinja2Templates(directory=str(files("kartoteka.web") / "templates"))
    found.env.filters["dated"] = dated
    found.env.filters["lang"] = lang
    found.env.globals["search_url"] = search_url
    found.env.trim_blocks = found.env.lstrip_blocks = True
    return found


def search_url(q: str, filters: dict[str, str | None], **changes: object) -> str:
    """The search page's address with the filters, some changed: a facet's link."""
    wanted = {"q": q, **filters, **changes}
    return "/search?" + urlencode({k: v for k, v in wanted.items() if v})


def create_app(
    store: Store, public: bool = False, secure_cookies: bool = False
) -> FastAPI:
    """The app over ``store``; ``public`` opens reading to anyone;
    ``secure_cookies`` marks the session cookie Secure (behind HTTPS)."""
    from kartoteka.web import (
        export_routes,
        read_routes,
        reasoning_routes,
        write_routes,
    )

    app = FastAPI(
        title="kartoteka",
        summary="Evidence-grounded case files: every fact a claim with its source.",
        version="0.1.0",
    )
    app.state.store, app.state.public = store, public
    app.state.secure_cookies = secure_cookies
    app.state.login_limit = LoginLimit()
    app.state.kept = {}  # name → (head revision, figure): see until_written
    # Link pairs compare names across languages; their tables load meanwhile.
    threading.Thread(target=equivalents.warm, daemon=True).start()
    app.mount(
        "/static",
        StaticFiles(directory=str(files("kartoteka.web") / "static")),
        "static",
    )
    app.include_router(write_routes.router)
    app.include_router(export_routes.router)
    app.include_router(reasoning_routes.router)
    app.include_router(read_routes.router)
    _errors(app)
    return app


def serving_environment(
    store: Store, public: bool, secure_cookies: bool
) -> dict[str, str]:
    """What a worker process needs to make the app (see app_from_environment)."""
    return {
        "KARTOTEKA_SERVE_DB": store.engine.url.render_as_string(hide_password=False),
        "KARTOTEKA_SERVE_PUBLIC": "1" if public else "",
        "KARTOTEKA_SERVE_SECURE_COOKIES": "1" if secure_cookies else "",
    }


def app_from_environment() -> FastAPI:
    """The app of one worker of `kartoteka serve --workers N`, on the store
    and options the command put in the environment."""
    return create_app(
        Store.open(os.environ["KARTOTEKA_SERVE_DB"]),
        public=bool(os.environ.get("KARTOTEKA_SERVE_PUBLIC")),
        secure_cookies=bool(os.environ.get("KARTOTEKA_SERVE_SECURE_COOKIES")),
    )


def _errors(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(KartotekaError)
    async def _library(request: Request, exc: KartotekaError) -> Response:
        status = 404 if isinstance(exc, NotFound) else 400
        return _error(request, status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _plain(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))


def _plain(exc: RequestValidationError) -> str:
    """FastAPI's validation errors as one sentence: "start: …; quote: …"."""
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}"
        for e in exc.errors()
    )


def _error(request: Request, status: int, message: str) -> Response:
    if is_api(request):
        return JSONResponse({"error": message}, status_code=status)
    return templates().TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "who": None},
        status_code=status,
    )
