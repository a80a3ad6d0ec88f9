"""Opening a database: SQLite file, in-memory SQLite, or PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import orjson
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import StaticPool

from kartoteka.errors import MissingDependency, StorageError
from kartoteka.storage.json_text import to_json

MIGRATIONS = Path(__file__).with_name("migrations")
# SQLite's page cache a connection (256 MiB), and while a store is compacted
# (a copy page after page gains nothing from more; it bounds the memory).
CACHE_KIB = 262144
COPY_CACHE_KIB = 16384


# JSON columns: written with orjson (see to_json) and read back with it —
# verify and exports read millions of registry rows, and orjson decodes
# several times faster than the standard library.
_JSON = {"json_serializer": to_json, "json_deserializer": orjson.loads}


def chunked(items: Iterable[str], size: int = 900) -> Iterator[list[str]]:
    """The items in lists of ``size``: an IN list under SQLite's limit of
    bound parameters."""
    ordered = list(items)
    for at in range(0, len(ordered), size):
        yield ordered[at : at + size]


def page_starts(
    run: Callable[[sa.Select], Sequence[sa.Row]],
    key: sa.Column,
    size: int,
    *where: sa.ColumnElement[bool],
) -> Iterator[str]:
    """The key after which each page of ``size`` rows begins ("" for the
    first), in order of ``key``: each found by the database stepping over a
    page of the index, no key but the page's last read."""
    after = ""
    while True:
        query = (
            sa.select(key)
            .where(*where, key > after)
            .order_by(key)
            .offset(size - 1)
            .limit(1)
        )
        yield after
        found = run(query)
        if not found:
            return
        after = found[0][0]


def database_url(target: str | Path) -> str:
    """A URL from a path, ':memory:', or a URL given as is."""
    text = str(target)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(text).expanduser()}"


def create_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    try:
        return sa.create_engine(url, pool_pre_ping=True, **_JSON)
    except ModuleNotFoundError as exc:
        raise MissingDependency(exc.name or "psycopg", "postgres") from exc


def _sqlite_engine(url: str) -> sa.Engine:
    memory = url in ("sqlite://", "sqlite:///:memory:")
    if not memory:
        folder = Path(url.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise StorageError(f"cannot create the store: no folder {folder}")
    engine = sa.create_engine(
        url,
        **_JSON,
        poolclass=StaticPool if memory else None,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, issue BEGIN, so writers can ask
        # for BEGIN IMMEDIATE and take the write lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA busy_timeout = 10000")
            # WAL with NORMAL sync cannot corrupt the file; a power cut may lose
            # the last transactions, which a re-run of the import writes again.
            cursor.execute("PRAGMA synchronous = NORMAL")
        # A registry import touches many B-trees at once (claims and their
        # indexes, the full-text index): a small page cache thrashes.
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


def upgrade(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration."""
    # Alembic only here: processes that never open a store skip its import.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # A migration that rewrites a table keeps the table's old pages for its
    # rollback in a temporary file beside the store, not in memory (gigabytes
    # at registry scale).
    with (
        engine.connect() as connection,
        _temporary_files_beside(connection, engine),
        connection.begin(),
    ):
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def compact(engine: sa.Engine) -> None:
    """Give the space of deleted rows and dropped columns back: SQLite keeps
    freed pages in its file until it is rebuilt (VACUUM, which needs as much
    free disk as the store takes); PostgreSQL's VACUUM makes them reusable
    and refreshes the planner's statistics."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
        return
    with engine.connect() as conn:
        # on the driver's connection, in no transaction: the store's own
        # connections begin one before every statement (see _on_begin)
        run = conn.connection.driver_connection.execute  # type: ignore[union-attr]
        # The rebuilt copy goes to a file beside the store, not into memory
        # (the store's connections keep their temporary tables in memory:
        # here that would be the whole store, gigabytes at registry scale).
        with _temporary_files_beside(conn, engine):
            run(f"PRAGMA cache_size = -{COPY_CACHE_KIB}")
            try:
                run("VACUUM")
            finally:
                run(f"PRAGMA cache_size = -{CACHE_KIB}")
        # in WAL mode the rebuilt file is written through the log: fold it in
        run("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def _temporary_files_beside(conn: sa.Connection, engine: sa.Engine) -> Iterator[None]:
    """SQLite's temporary files in the store's folder, not in memory, while
    the block runs (on the driver's connection, outside a transaction)."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        yield  # PostgreSQL; or a store in memory, all of it there anyway
        return
    run = conn.connection.driver_connection.execute  # type: ignore[union-attr]
    folder = str(Path(engine.url.database).resolve().parent)
    run("PRAGMA temp_store = FILE")
    run("PRAGMA temp_store_directory = '{}'".format(folder.replace("'", "''")))
    try:
        yield
    finally:
        run("PRAGMA temp_store_directory = ''")
        run("PRAGMA temp_store = MEMORY")
