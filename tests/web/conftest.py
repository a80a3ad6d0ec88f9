"""A real server on a free port, over a demo store, on each backend; accounts
for an editor and a reader; one source with an extraction candidate; one
pair of persons waiting for a link judgement."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
import uvicorn

from kartoteka.accounts import add_user
from kartoteka.analysis.lookup import find_person
from kartoteka.demo import run_demo
from kartoteka.extract.annotation import Annotation
from kartoteka.extract.candidates import store_candidates
from kartoteka.ingest.sources import SourceMeta, add_source
from kartoteka.storage import Store
from kartoteka.storage.schema import link_queue
from kartoteka.web.app import create_app
from tests.conftest import BACKENDS, POSTGRES_URL, _empty_postgres

EDITOR, READER, PASSWORD = "anna", "rita", "correct horse battery"
NOTE = (
    "Vitaly Primakov was arrested on August 14, 1936. "
    'A note kept with the file reads: <script>alert("x")</script>.\n'
)


@dataclass
class Site:
    url: str
    store: Store
    candidate: str  # a candidate claim's id
    pair: tuple[str, str]  # two persons in the link queue


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fill(store: Store, folder: Path) -> tuple[str, tuple[str, str]]:
    add_user(store, EDITOR, PASSWORD, "editor")
    add_user(store, READER, PASSWORD, "reader")
    text = folder / "note.txt"
    text.write_text(NOTE, encoding="utf-8")
    source, _ = add_source(
        store, text, SourceMeta(id="web-note", title="A note <b>kept</b>"), "test"
    )
    proposals = [
        Annotation("person", "Vitaly Primakov", 0, 15, "Vitaly Primakov"),
        Annotation(
            "event", NOTE[: NOTE.index(".")], 0, NOTE.index("."),
            subject={"name": "Vitaly Primakov", "id": None},
            predicate="arrested", date="1936-08-14", rule="event:en:arrested",
        ),
    ]  # fmt: skip
    store_candidates(store, source, proposals, "test")
    candidate = next(c.id for c in store.claims(source_id="web-note"))
    a = find_person(store, "Uborevich").id
    b = find_person(store, "Yakir").id
    with store.engine.begin() as conn:
        row = {"entity_a": min(a, b), "entity_b": max(a, b), "probability": 0.5}
        conn.execute(sa.insert(link_queue).values(**row, run="test"))
    return candidate, (min(a, b), max(a, b))


@pytest.fixture(scope="module", params=BACKENDS)
def site(
    request: pytest.FixtureRequest,
    demo_db: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("web")
    if request.param == "postgresql":
        _empty_postgres(POSTGRES_URL)
        store = Store.open(POSTGRES_URL)
        run_demo(store, actor="test")
    else:
        shutil.copy(demo_db, folder / "web.db")
        store = Store.open(folder / "web.db")
    candidate, pair = _fill(store, folder)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(store), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield Site(f"http://127.0.0.1:{port}", store, candidate, pair)
    server.should_exit = True
    thread.join(5)
    store.close()


def logged_in(site: Site, name: str) -> tuple[httpx.Client, str]:
    """A client with a session of the user, and the session's CSRF token."""
    # A cold server loads the name tables once (about 7 s on two cores).
    client = httpx.Client(base_url=site.url, timeout=30)
    got = client.post("/login", data={"name": name, "password": PASSWORD, "next": "/"})
    assert got.status_code == 303, got.text
    page = client.get("/sources/web-note").text  # its annotation form, for editors
    marker = 'name="csrf" value="'
    csrf = (
        page[page.index(marker) + len(marker) :].split('"')[0] if marker in page else ""
    )
    return client, csrf
