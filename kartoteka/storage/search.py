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
class Filters:
    """What narrows a search: the kind of hit, and for entities a claim of
    theirs with this event, in this year, at this place, from this source
    (all on one claim: "executed in 1937 at Kommunarka")."""

    kind: str | None = None  # "source", or an entity kind: person …
    event: str | None = None
    year: str | None = None
    place: str | None = None
    source: str | None = None

    @property
    def on_claims(self) -> bool:
        return any((self.event, self.year, self.place, self.source))


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


Forms = Callable[[str], Sequence[str]]


def _groups(text: str, forms: Forms | None) -> list[list[str]]:
    return [list(dict.fromkeys(forms(t) if forms else [t])) for t in terms(text)]


def search(
    conn: sa.Connection,
    text: str,
    limit: int = 20,
    forms: Forms | None = None,
    offset: int = 0,
    filters: Filters | None = None,
    ranked: bool = True,
    snippets: bool = True,
) -> list[Hit]:
    """Every term must occur, in any of its ``forms`` (any case, diacritics
    folded); best matches first (in the index's order when not ``ranked``:
    ranking a million matches costs seconds), from the ``offset``-th on;
    without ``snippets`` (a thousand hits to count), hits quote nothing."""
    groups = _groups(text, forms)
    if not groups:
        return []
    where, params = _narrowed(conn.dialect.name, filters or Filters())
    matching, order, params = _matching(conn.dialect.name, groups, params, ranked)
    page = f"{matching}{where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    params = {**params, "limit": limit, "offset": offset}
    if not snippets:
        return [Hit(r.kind, r.ref, "") for r in conn.execute(sa.text(page), params)]
    if conn.dialect.name == "sqlite":
        return _sqlite(conn, page, params)
    return _postgresql(conn, page, params)


def count(
    conn: sa.Connection,
    text: str,
    forms: Forms | None = None,
    filters: Filters | None = None,
    most: int = 100_000,
) -> int:
    """How many documents match, counted up to ``most`` (a common word in a
    registry of millions matches more than anyone pages through)."""
    groups = _groups(text, forms)
    if not groups:
        return 0
    where, params = _narrowed(conn.dialect.name, filters or Filters())
    matching, _, params = _matching(conn.dialect.name, groups, params, False)
    query = sa.text(f"SELECT count(*) FROM ({matching}{where} LIMIT :most) AS counted")
    return int(conn.execute(query, {**params, "most": most}).scalar_one())


def _matching(
    dialect: str, groups: list[list[str]], params: dict, ranked: bool
) -> tuple[str, str, dict]:
    """A query of the matching documents ``d`` (doc_id, kind, ref, rank; lower
    rank is better) that filters can extend, its order, and its parameters.

    Ranked, the matches and their rank are computed once, then narrowed.
    Unranked, the index is read first (SQLite's CROSS JOIN keeps that order,
    so a filter never makes it scan every entity) and may stop early."""
    if dialect == "sqlite":
        params = {**params, "match": _fts_match(groups)}
        if ranked:
            return (
                "WITH found AS MATERIALIZED (SELECT rowid AS doc_id, rank "
                "FROM search_fts WHERE search_fts MATCH :match) "
                "SELECT d.doc_id, d.kind, d.ref, found.rank FROM found "
                "JOIN search_docs d ON d.doc_id = found.doc_id WHERE 1 = 1",
                "found.rank, d.doc_id",
                params,
            )
        return (
            "SELECT d.doc_id, d.kind, d.ref, d.doc_id AS rank FROM search_fts "
            "CROSS JOIN search_docs d ON d.doc_id = search_fts.rowid "
            "WHERE search_fts MATCH :match",
            "search_fts.rowid",
            params,
        )
    params = {**params, "q": _ts_query(groups)}
    # The GIN index is read first, always: ordered by doc_id, PostgreSQL would
    # rather walk the primary key and test every text (7 s for a rare word).
    vector = "body_tsv"  # stored: see migration 0012
    rank = f"-ts_rank({vector}, to_tsquery('simple', :q))" if ranked else "doc_id"
    # Kind and ref taken with the match: joining the matches back to the
    # table made PostgreSQL hash all million documents.
    return (
        f"WITH found AS MATERIALIZED (SELECT doc_id, kind, ref, {rank} AS rank "
        f"FROM search_docs WHERE {vector} @@ to_tsquery('simple', :q)) "
        "SELECT d.doc_id, d.kind, d.ref, d.rank FROM found d WHERE 1 = 1",
        "d.rank, d.doc_id",
        params,
    )


def _narrowed(dialect: str, f: Filters) -> tuple[str, dict[str, str]]:
    """SQL that narrows the hits ``d`` to the filters, and its parameters."""
    sql, params = "", {}
    if f.kind == "source":
        sql += " AND d.kind = 'source'"
    elif f.kind:
        sql += (
            " AND d.kind = 'entity' AND EXISTS (SELECT 1 FROM entities e "
            "WHERE e.id = d.ref AND e.kind = :kind)"
        )
        params["kind"] = f.kind
    if not f.on_claims:
        return sql, params
    on_claim = ["c.subject = d.ref"]
    if f.event:
        on_claim.append("c.predicate = :event")
        params["event"] = f.event
    if f.year:
        on_claim.append("c.date LIKE :year")
        params["year"] = f"{f.year}%"
    if f.source:
        on_claim.append("c.source_id = :source")
        params["source"] = f.source
    if f.place:
        place = (
            "json_extract(c.qualifiers, '$.place')"
            if dialect == "sqlite"
            else "c.qualifiers->>'place'"
        )
        on_claim.append(f"{place} = :place")
        params["place"] = f.place
    sql += (
        " AND d.kind = 'entity' AND EXISTS (SELECT 1 FROM claims c WHERE "
        + " AND ".join(on_claim)
        + ")"
    )
    return sql, params


def _quoted(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


def _fts_match(groups: list[list[str]]) -> str:
    # Each term quoted, so words like AND or NEAR and stray quotes are plain text.
    return " AND ".join(
        "(" + " OR ".join(_quoted(t) for t in group) + ")" for group in groups
    )


def _ts_query(groups: list[list[str]]) -> str:
    # Each word a lexeme of its own: quoted, so no & | ! : in it is an operator.
    return " & ".join(
        "(" + " | ".join(_lexeme(t) for t in group) + ")" for group in groups
    )


def _sqlite(conn: sa.Connection, page: str, params: dict) -> list[Hit]:
    rows = conn.execute(sa.text(page), params).all()
    if not rows:
        return []
    # Snippets for this page's documents alone.
    ids = ", ".join(str(int(r.doc_id)) for r in rows)
    snippets = dict(
        conn.execute(
            sa.text(
                "SELECT rowid, snippet(search_fts, 0, '[', ']', ' … ', 12) "
                f"FROM search_fts WHERE search_fts MATCH :match AND rowid IN ({ids})"
            ),
            {"match": params["match"]},
        ).all()
    )
    return [Hit(r.kind, r.ref, " ".join(snippets[r.doc_id].split())) for r in rows]


def _postgresql(conn: sa.Connection, page: str, params: dict) -> list[Hit]:
    rows = conn.execute(
        sa.text(
            f"SELECT p.kind, p.ref, ts_headline('simple', d.body, "
            "to_tsquery('simple', :q), 'StartSel=[,StopSel=],MaxWords=20,MinWords=8') "
            f"AS s FROM ({page}) AS p JOIN search_docs d ON d.doc_id = p.doc_id "
            "ORDER BY p.rank, p.doc_id"
        ),
        params,
    )
    return [Hit(r.kind, r.ref, " ".join(r.s.split())) for r in rows]


def _lexeme(term: str) -> str:
    return "'" + term.lower().replace("'", "''").replace("\\", "") + "'"
