"""Shared fixtures: a fresh in-memory store, the small Petrov casefile, the demo."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from kartoteka import settings
from kartoteka.demo import run_demo
from kartoteka.ingest.casefile import import_casefile
from kartoteka.storage import Store

FIXTURES = Path(__file__).parent / "fixtures"


# Storage runs on every backend: SQLite always, PostgreSQL when a test server
# is named (.ci/run starts one and sets this).
POSTGRES_URL = os.environ.get("KARTOTEKA_TEST_POSTGRES")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]


def _empty_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def fresh_store(request: pytest.FixtureRequest) -> Store:
    """An empty, migrated store on each backend in turn."""
    if request.param == "postgresql":
        _empty_postgres(POSTGRES_URL)
        store = Store.open(POSTGRES_URL)
    else:
        store = Store.open(":memory:")
    yield store
    store.close()


@pytest.fixture
def petrov_dir(tmp_path: Path) -> Path:
    """A private copy of the Petrov fixtures, free to be edited by a test."""
    for name in ("petrov.yaml", "petrov-report.txt", "petrov-memoir.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def petrov_store(fresh_store: Store, petrov_dir: Path) -> Store:
    import_casefile(fresh_store, petrov_dir / "petrov.yaml", actor="test")
    return fresh_store


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared material folder; a clear failure when it is missing."""
    return settings.shared_dir()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """A store file built once by the demo from the real seed article."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store.open(path)
    run_demo(store, actor="test")
    store.close()
    return path


@pytest.fixture
def demo_store(demo_db: Path, tmp_path: Path) -> Store:
    """A private copy of the demo store, free to be changed by a test."""
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    store = Store.open(copy)
    yield store
    store.close()


@pytest.fixture
def network_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""
    import socket

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
