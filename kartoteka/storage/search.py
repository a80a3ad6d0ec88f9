"""Full-text search behind one function: SQLite FTS5 or PostgreSQL tsvector."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa

from kartoteka.names.normalize import strip_stress

_WORD = re.compile(r"\w+", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class Hit:
    kind: str  # "source" or "entity"
    ref: str  # the source or entity id
    snippet: str


@contextmanager
def indexing(conn: sa.Connection) -> Iterator[None]:
    """Around inserts into ``search_docs``: on SQLite, add the new documents
    to the full-text index afterwards, in one statement — a trigger row by
    row costs four times as much at registry scale. PostgreSQL indexes them
    itself (a GIN index)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    first = conn.execute(
        sa.text("SELECT coalesce(max(doc_id), 0) + 1 FROM search_docs")
    ).scalar_one()
    yield
    conn.execute(
        sa.text(
            "INSERT INTO search_fts(rowid, body) "
            "SELECT doc_id, body FROM search_docs WHERE doc_id >= :first"
        ),
        {"first": first},
    )


def searchable(text: str) -> str:
    """Text as the index holds it: stress marks (Тухаче́вский) gone, so words
    stay whole."""
    return strip_stress(text)


def terms(text: str) -> list[str]:
    """Words to look for; "Khrushchev’s" looks for Khrushchev."""
    return _WORD.findall(_POSSESSIVE.sub("", searchable(text)))


def search(
    conn: sa.Connection,
    text: str,
    limit: int = 20,
    forms: Callable[[str], Sequence[str]] | None = None,
) -> list[Hit]:
    """Every term must occur, in any of its ``forms`` (any case, diacritics
    folded); best matches first."""
    groups = [list(dict.fromkeys(forms(t) if forms else [t])) for t in terms(text)]
    if not groups:
        return []
    if conn.dialect.name == "sqlite":
        return _sqlite(conn, groups, limit)
    return _postgresql(conn, groups, limit)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


def _sqlite(conn: sa.Connection, groups: list[list[str]], limit: int) -> list[Hit]:
    # Each term quoted, so words like AND or NEAR and stray quotes are plain text.
    match = " AND ".join(
        "(" + " OR ".join(_quoted(t) for t in group) + ")" for group in groups
    )
    rows = conn.execute(
        sa.text(
            "SELECT d.kind, d.ref, snippet(search_fts, 0, '[', ']', ' … ', 12) AS s "
            "FROM search_fts JOIN search_docs d ON d.doc_id = search_fts.rowid "
            "WHERE search_fts MATCH :match ORDER BY rank LIMIT :limit"
        ),
        {"match": match, "limit": limit},
    )
    return [Hit(r.kind, r.ref, " ".join(r.s.split())) for r in rows]


def _postgresql(conn: sa.Connection, groups: list[list[str]], limit: int) -> list[Hit]:
    # Each word a lexeme of its own: quoted, so no & | ! : in it is an operator.
    query = " & ".join(
        "(" + " | ".join(_lexeme(t) for t in group) + ")" for group in groups
    )
    rows = conn.execute(
        sa.text(
            "SELECT kind, ref, ts_headline('simple', body, q, "
            "'StartSel=[,StopSel=],MaxWords=20,MinWords=8') AS s "
            "FROM search_docs, to_tsquery('simple', :q) AS q "
            "WHERE to_tsvector('simple', body) @@ q "
            "ORDER BY ts_rank(to_tsvector('simple', body), q) DESC LIMIT :limit"
        ),
        {"q": query, "limit": limit},
    )
    return [Hit(r.kind, r.ref, " ".join(r.s.split())) for r in rows]


def _lexeme(term: str) -> str:
    return "'" + term.lower().replace("'", "''").replace("\\", "") + "'"
