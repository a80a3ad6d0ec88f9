"""The Store: the one object through which the rest of kartoteka reads and writes.

>>> store = Store.open(":memory:")
>>> store.counts()["sources"]
0
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import orjson
import sqlalchemy as sa

from kartoteka.errors import NotFound, StorageError
from kartoteka.model import Claim, Entity, Source
from kartoteka.model.registry_ids import person_of_ref
from kartoteka.model.vocabulary import EntityKind
from kartoteka.names.normalize import in_one_script
from kartoteka.storage.arguments import ArgumentReads
from kartoteka.storage.bulk import BulkWriter
from kartoteka.storage.decisions import DecisionReads
from kartoteka.storage.engine import chunked, create_engine, database_url, upgrade
from kartoteka.storage.export_reads import ExportReads
from kartoteka.storage.linking_reads import LinkingReads
from kartoteka.storage.lookups import LookupReads
from kartoteka.storage.network_reads import AddressReads
from kartoteka.storage.report_reads import ReportReads
from kartoteka.storage.revisions import Revision, revision_from_row
from kartoteka.storage.rows import (
    entity_from_row,
    fold,
    name_from_row,
    preferred_first,
    source_from_row,
)
from kartoteka.storage.schema import (
    claims,
    entities,
    entity_refs,
    link_judgements,
    link_queue,
    names,
    person_links,
    qualifier_refs,
    revisions,
    sources,
)
from kartoteka.storage.search_reads import SearchReads
from kartoteka.storage.text_reads import TextReads
from kartoteka.storage.verify import VerifyReport
from kartoteka.storage.verify import verify as verify_store


def _meta_from_row(row: sa.Row) -> Source:
    """A source without its text (kept in pieces, read only when wanted)."""
    return source_from_row(row)


class Store(
    AddressReads,
    ArgumentReads,
    DecisionReads,
    ExportReads,
    LinkingReads,
    LookupReads,
    ReportReads,
    SearchReads,
    TextReads,
):
    """Sources, entities, claims and their revisions, in SQLite or PostgreSQL."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, target: str | Path) -> Store:
        """Open (and create or migrate) the store at a path, ':memory:' or a URL."""
        url = database_url(target)
        try:
            engine = create_engine(url)
            upgrade(engine)
        except sa.exc.OperationalError as exc:
            raise StorageError(
                f"cannot open the store at {target}: {exc.orig}"
            ) from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        """The store's URL, password included: to open it in another process."""
        return self.engine.url.render_as_string(hide_password=False)

    @property
    def shared(self) -> bool:
        """Can another process open this store (not a SQLite store in memory)?"""
        return self.engine.url.database not in (None, "", ":memory:")

    @contextmanager
    def writing(self, actor: str, reason: str | None = None) -> Iterator[BulkWriter]:
        """One atomic write: every change and its revision commit, or none does."""
        with (
            self.engine.connect().execution_options(
                sqlite_begin="BEGIN IMMEDIATE"
            ) as conn,
            conn.begin(),
        ):
            if self.dialect == "postgresql":
                conn.exec_driver_sql("LOCK TABLE revisions IN EXCLUSIVE MODE")
            yield BulkWriter(conn, actor, reason)

    # -- reads -------------------------------------------------------------

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        with self.engine.connect() as conn:
            return list(conn.execute(query))

    def _driver_rows(self, query: sa.Select) -> list[list]:
        """The rows of a query as lists of their values, read with the
        database driver's cursor: no SQLAlchemy row objects or type
        processing but the JSON columns', decoded as SQLAlchemy would (a third
        of its time, at millions of rows)."""
        with self.engine.connect() as conn:
            compiled = query.compile(
                dialect=self.engine.dialect,
                compile_kwargs={"render_postcompile": True},  # IN's values
            )
            params = compiled.params
            if compiled.positional:
                params = tuple(params[k] for k in compiled.positiontup or ())
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(str(compiled), params)
                rows = [list(r) for r in cursor.fetchall()]
            finally:
                cursor.close()
        if self.dialect == "sqlite":  # PostgreSQL's driver decodes JSONB itself
            json_at = [
                i
                for i, c in enumerate(query.selected_columns)
                if isinstance(c.type, sa.JSON)
            ]
            for row in rows:
                for i in json_at:
                    if row[i] is not None:
                        row[i] = {} if row[i] == "{}" else orjson.loads(row[i])
        return rows

    def source(self, source_id: str) -> Source:
        """A source with its whole text."""
        rows = self._rows(sa.select(sources).where(sources.c.id == source_id))
        if not rows:
            raise NotFound(f"no source {source_id!r}; `kartoteka sources` lists them")
        return source_from_row(rows[0], self.text_of(source_id))

    def source_meta(self, source_id: str) -> Source:
        """A source without its text (the text can be megabytes): for display."""
        rows = self._rows(sa.select(sources).where(sources.c.id == source_id))
        if not rows:
            raise NotFound(f"no source {source_id!r}; `kartoteka sources` lists them")
        return _meta_from_row(rows[0])

    def source_metas(self) -> list[tuple[Source, int]]:
        """Every source without its text, with the text's length in characters."""
        query = sa.select(sources).order_by(sources.c.id)
        return [(_meta_from_row(r), r.length) for r in self._rows(query)]

    def sources(self) -> list[Source]:
        """Every source with its whole text."""
        return [
            source_from_row(r, self.text_of(r.id))
            for r in self._rows(sa.select(sources).order_by(sources.c.id))
        ]

    def sources_with_text(self, sha256: str) -> list[str]:
        """The ids of the sources whose text has this sha256."""
        query = sa.select(sources.c.id).where(sources.c.sha256 == sha256)
        return sorted(r.id for r in self._rows(query))

    def has_source(self, source_id: str) -> bool:
        query = sa.select(sources.c.id).where(sources.c.id == source_id)
        return bool(self._rows(query))

    def entity(self, entity_id: str) -> Entity:
        return self.entities([entity_id])[entity_id]

    def entities(
        self, ids: list[str] | None = None, kind: EntityKind | None = None
    ) -> dict[str, Entity]:
        """Entities with their names, by id; all of a kind when ids is None."""
        query = sa.select(entities)
        if ids is not None:
            query = query.where(entities.c.id.in_(ids))
        if kind is not None:
            query = query.where(entities.c.kind == str(kind))
        rows = self._rows(query.order_by(entities.c.name))
        found = {r.id: r for r in rows}
        if ids is not None and kind is None and (missing := set(ids) - set(found)):
            raise NotFound(f"no entity {', '.join(sorted(missing))}")
        # All of a kind: their names by a subquery, not a million parameters.
        owners = (
            list(found) if ids is not None else query.with_only_columns(entities.c.id)
        )
        name_rows = self._rows(
            sa.select(names).where(names.c.entity_id.in_(owners)).order_by(names.c.name)
        )
        by_entity: dict[str, list] = {}
        for r in name_rows:
            by_entity.setdefault(r.entity_id, []).append(name_from_row(r))
        return {
            i: entity_from_row(r, preferred_first(r.name, by_entity.get(i, [])))
            for i, r in found.items()
        }

    def entity_ids(self, kind: EntityKind) -> list[str]:
        """Every id of a kind, without loading the entities."""
        query = sa.select(entities.c.id).where(entities.c.kind == str(kind))
        return [r.id for r in self._rows(query.order_by(entities.c.id))]

    def find_entities(
        self, query: str, kind: EntityKind | None = None, limit: int | None = None
    ) -> list[Entity]:
        """Entities whose id, external id or any name is the query (any case);
        the first ``limit`` of them by id, when a common name matches thousands."""
        wanted = query.strip()
        ids = {
            r.id
            for r in self._rows(sa.select(entities.c.id).where(entities.c.id == wanted))
        }
        if not ids:
            ids = self._ids_by_name(wanted)
        if kind is not None and ids:
            query_kind = sa.select(entities.c.id).where(
                entities.c.id.in_(sorted(ids)), entities.c.kind == str(kind)
            )
            ids = {r.id for r in self._rows(query_kind)}
        chosen = sorted(ids)[:limit] if limit is not None else sorted(ids)
        return list(self.entities(chosen).values()) if chosen else []

    def _ids_by_name(self, wanted: str) -> set[str]:
        by_ref = sa.select(entity_refs.c.entity_id).where(
            entity_refs.c.ref.in_([wanted, f"casefile:{wanted}"])
        )
        # Names are stored Cyrillic where Latin look-alikes crept in (Hиколаевич).
        spellings = {fold(wanted), fold(in_one_script(wanted))}
        by_name = sa.select(names.c.entity_id).where(names.c.folded.in_(spellings))
        ways = [by_ref, by_name]
        if (record := person_of_ref(wanted)) is not None:
            # A registry record's external id names its person's id (no row).
            e = entities.c
            ways.append(sa.select(e.id.label("entity_id")).where(e.id == record))
        return {r.entity_id for r in self._rows(sa.union(*ways))}

    def claim(self, claim_id: str) -> Claim:
        """One claim by id; NotFound when there is none."""
        found = self.claims(id=claim_id)
        if not found:
            raise NotFound(f"no claim {claim_id!r}")
        return found[0]

    def claims(self, **where: str) -> list[Claim]:
        """Claims matching column=value filters: ``claims(predicate="executed")``."""
        query = sa.select(claims)
        for column, value in where.items():
            query = query.where(claims.c[column] == value)
        return self._claims(
            self._rows(query.order_by(claims.c.source_id, claims.c.start))
        )

    def claims_involving(self, entity_id: str) -> list[Claim]:
        """Claims in which the entity is subject, object, the one asserting,
        or named in a qualifier (from, to, via, by …)."""
        return self.claims_involving_any([entity_id])

    def claims_involving_any(self, entity_ids: Sequence[str]) -> list[Claim]:
        """``claims_involving`` for several entities at once, each claim once,
        in the order of their sources and offsets."""
        c = claims.c
        found: dict[str, Claim] = {}
        for ids in chunked(list(entity_ids)):
            # One indexed read each, then joined: PostgreSQL reads every claim
            # for an OR of these (0.7 s at 3 M claims).
            involved = sa.union(
                sa.select(c.id).where(c.subject.in_(ids)),
                sa.select(c.id).where(c.object.in_(ids)),
                sa.select(c.id).where(c.asserted_by.in_(ids)),
                sa.select(qualifier_refs.c.claim_id.label("id")).where(
                    qualifier_refs.c.entity_id.in_(ids)
                ),
            ).subquery()
            query = sa.select(claims).where(c.id.in_(sa.select(involved.c.id)))
            for claim in self._claims(self._rows(query)):
                found.setdefault(claim.id, claim)
        return sorted(found.values(), key=lambda k: (k.source, k.passage.start, k.id))

    def events(self, predicates: Sequence[str]) -> Iterator[sa.Row]:
        """(subject, predicate, date, qualifiers, origin) of every claim not
        rejected, streamed: what statistics count."""
        c = claims.c
        query = sa.select(c.subject, c.predicate, c.date, c.qualifiers, c.origin).where(
            c.predicate.in_(list(predicates)), c.status != "rejected"
        )
        with self.engine.connect() as conn:
            yield from conn.execution_options(
                stream_results=True, yield_per=20000
            ).execute(query)

    def head(self) -> int:
        """The number of the last revision (0 when there is none): every write
        changes it, so what is computed from the store holds until it does."""
        query = sa.select(sa.func.coalesce(sa.func.max(revisions.c.seq), 0))
        return int(self._rows(query)[0][0])

    def revisions(self, target_id: str | None = None) -> list[Revision]:
        query = sa.select(revisions).order_by(revisions.c.seq)
        if target_id is not None:
            query = query.where(revisions.c.target_id == target_id)
        return [revision_from_row(r) for r in self._rows(query)]

    def revisions_of(self, target_ids: Sequence[str]) -> list[Revision]:
        """The revisions of any of the targets, in order."""
        found: list[Revision] = []
        for chunk in chunked(sorted(set(target_ids))):
            query = sa.select(revisions).where(revisions.c.target_id.in_(chunk))
            found.extend(revision_from_row(r) for r in self._rows(query))
        return sorted(found, key=lambda r: r.seq or 0)

    def counts(self) -> dict[str, int]:
        tables = {
            "sources": sources,
            "entities": entities,
            "names": names,
            "claims": claims,
            "revisions": revisions,
        }
        with self.engine.connect() as conn:
            return {
                label: conn.execute(
                    sa.select(sa.func.count()).select_from(t)
                ).scalar_one()
                for label, t in tables.items()
            }

    # -- record linkage ----------------------------------------------------

    def links(self) -> dict[str, str]:
        """Every linked person → its cluster (the id of the canonical member)."""
        query = sa.select(person_links.c.id, person_links.c.cluster_id)
        return {r.id: r.cluster_id for r in self._rows(query)}

    def cluster_of(self, entity_id: str) -> list[str]:
        """The persons resolved into one with this one, canonical first; the
        person alone when it is linked to nobody."""
        pl = person_links.c
        cluster = self._rows(sa.select(pl.cluster_id).where(pl.id == entity_id))
        if not cluster:
            return [entity_id]
        head = cluster[0].cluster_id
        members = self._rows(sa.select(pl.id).where(pl.cluster_id == head))
        return [head, *sorted(r.id for r in members if r.id != head)]

    def judgements(self) -> dict[tuple[str, str], str]:
        """(entity_a, entity_b) → verdict, for every judged pair (a < b)."""
        j = link_judgements.c
        rows = self._rows(sa.select(j.entity_a, j.entity_b, j.verdict))
        return {(r.entity_a, r.entity_b): r.verdict for r in rows}

    def link_queue(self) -> list[tuple[str, str, float]]:
        """Pairs waiting for review, likeliest first."""
        q = link_queue.c
        query = sa.select(q.entity_a, q.entity_b, q.probability).order_by(
            q.probability.desc(), q.entity_a, q.entity_b
        )
        return [(r.entity_a, r.entity_b, r.probability) for r in self._rows(query)]

    def verify(self) -> VerifyReport:
        """Re-check the revision chain, every row, source hash and quote."""
        with self.engine.connect() as conn:
            return verify_store(conn)
