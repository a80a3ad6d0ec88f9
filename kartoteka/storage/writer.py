"""Writes inside one transaction; every change appends its revision.

A put of something already stored as it is changes nothing and writes no
revision, which is what makes every import idempotent.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from kartoteka.errors import NotFound
from kartoteka.model import Claim, Entity, Name, Source
from kartoteka.model.vocabulary import Status
from kartoteka.names.keys import lookup_keys
from kartoteka.storage import search as fts
from kartoteka.storage.arguments import ArgumentWrites
from kartoteka.storage.pieces import piece_rows
from kartoteka.storage.revisions import (
    GENESIS,
    Revision,
    make_revision,
    revision_from_row,
)
from kartoteka.storage.rows import (
    Row,
    claim_row,
    entity_row,
    name_row,
    qualifier_entities,
    revision_state,
    source_row,
    stored_part,
)
from kartoteka.storage.schema import (
    TABLES_WITH_REVISIONS,
    claims,
    entity_refs,
    name_keys,
    names,
    qualifier_refs,
    revisions,
    search_docs,
    source_pieces,
)
from kartoteka.storage.text_reads import claims_with_quotes, read_excerpts

REVIEW_ACTION = "status"  # a revision by which a person set a claim's status
_REVIEW = ("status", "reviewer")
# What a claim says, in the order of its state: its row's columns, and its
# words (read from its source, so not a column) after its offsets.
_CONTENT = tuple(
    name
    for c in claims.c
    if c.name not in {*_REVIEW, "rev", "id"}
    for name in ((c.name, "quote") if c.name == "end" else (c.name,))
)


class Change(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class Writer(ArgumentWrites):
    """Adds and edits rows in one open transaction, revision by revision."""

    def __init__(self, conn: sa.Connection, actor: str, reason: str | None) -> None:
        self.conn = conn
        self.actor = actor
        self.reason = reason
        last = conn.execute(
            sa.select(revisions.c.hash).order_by(revisions.c.seq.desc()).limit(1)
        ).scalar()
        self._prev_hash = last or GENESIS

    def _revise(
        self,
        action: str,
        kind: str,
        target: str,
        before: Row | None,
        after: dict | None,
        reason: str | None = None,
    ) -> int:
        """Append a revision; return its seq, which the rows it covers carry."""
        rev = make_revision(
            prev_hash=self._prev_hash,
            actor=self.actor,
            action=action,
            target_kind=kind,
            target_id=target,
            reason=reason or self.reason,
            before=before
            and {**revision_state(kind, before), "rev": before.get("rev")},
            after=after,
        )
        values = {k: v for k, v in vars(rev).items() if k != "seq"}
        seq = self.conn.execute(
            sa.insert(revisions).values(**values)
        ).inserted_primary_key[0]
        self._prev_hash = rev.hash
        return seq

    def _run(self, query: sa.Executable) -> list[sa.Row]:
        return self.conn.execute(query).all()

    def _current(self, table: sa.Table, row_id: str) -> Row | None:
        """A row's state as revisions record it (a claim's quote included)."""
        found = self.conn.execute(sa.select(table).where(table.c.id == row_id)).first()
        if found is None:
            return None
        row = dict(found._mapping)
        if table is claims:
            row["quote"] = self._recorded_quote(row)
        return row

    def _recorded_quote(self, row: Row) -> str:
        """The words its last revision recorded for a claim; for a row of an
        import's batch, which records a digest, the words at its offsets.

        Not simply the text: a source's text edited under a claim whose
        offsets stay must still make the claim's new words a new revision."""
        query = sa.select(revisions.c.after).where(revisions.c.seq == row["rev"])
        recorded = self.conn.execute(query).scalar()
        if isinstance(recorded, dict) and "quote" in recorded:
            return recorded["quote"]
        (quote,) = read_excerpts(
            self._run, [(row["source_id"], row["start"], row["end"])]
        )
        return quote

    def _put(self, kind: str, row: Row, reason: str | None = None) -> Change:
        table = TABLES_WITH_REVISIONS[kind]
        before = self._current(table, row["id"])
        if (
            before is not None
            and {k: v for k, v in before.items() if k != "rev"} == row
        ):
            return Change.UNCHANGED
        action = "create" if before is None else "edit"
        seq = self._revise(
            action, kind, row["id"], before, revision_state(kind, row), reason
        )
        stored = stored_part(kind, row)
        if before is None:
            self.conn.execute(sa.insert(table).values(**stored, rev=seq))
            return Change.CREATED
        self.conn.execute(
            sa.update(table).where(table.c.id == row["id"]).values(**stored, rev=seq)
        )
        return Change.UPDATED

    def _index(self, kind: str, ref: str, body: str) -> None:
        where = (search_docs.c.kind == kind) & (search_docs.c.ref == ref)
        self.conn.execute(sa.delete(search_docs).where(where))
        with fts.indexing(self.conn):
            self.conn.execute(
                sa.insert(search_docs).values(
                    kind=kind, ref=ref, body=fts.searchable(body)
                )
            )

    def put_source(self, source: Source, index_text: bool = True) -> Change:
        """Store a source; its text goes into full-text search unless a
        registry indexes its records one by one instead."""
        change = self._put("source", source_row(source))
        if change is not Change.UNCHANGED:
            self._write_pieces(source.id, source.text)
            body = f"{source.title}\n{source.text}" if index_text else source.title
            self._index("source", source.id, body)
        return change

    def _write_pieces(self, source_id: str, text: str) -> None:
        p = source_pieces.c
        self.conn.execute(sa.delete(source_pieces).where(p.source_id == source_id))
        rows = piece_rows(source_id, text)
        if rows:
            self.conn.execute(sa.insert(source_pieces), rows)

    def put_entity(self, entity: Entity) -> Change:
        """Store the entity and add its names; names already stored are kept."""
        change = self._put("entity", entity_row(entity))
        if change is not Change.UNCHANGED:
            self.conn.execute(
                sa.delete(entity_refs).where(entity_refs.c.entity_id == entity.id)
            )
            for ref in sorted(set(entity.external_ids)):
                self.conn.execute(
                    sa.insert(entity_refs).values(ref=ref, entity_id=entity.id)
                )
        added = [self.put_name(entity.id, n) for n in entity.names]
        if change is Change.UNCHANGED and Change.CREATED in added:
            change = Change.UPDATED
        if change is not Change.UNCHANGED:
            self._reindex_entity(entity.id, entity.name)
        return change

    def put_name(self, entity_id: str, name: Name) -> Change:
        return self._put("name", name_row(entity_id, name))

    def _reindex_entity(self, entity_id: str, preferred: str) -> None:
        all_names = list(
            self.conn.execute(
                sa.select(names.c.name).where(names.c.entity_id == entity_id)
            ).scalars()
        )
        self._index(
            "entity", entity_id, "\n".join(dict.fromkeys([preferred, *all_names]))
        )
        # Keys of the names sources give, as the import and the migration
        # write them: a nameless record's "запись …" is no name.
        self.conn.execute(
            sa.delete(name_keys).where(name_keys.c.entity_id == entity_id)
        )
        keys = sorted({k for n in all_names for k in lookup_keys(n)})
        if keys:
            self.conn.execute(
                sa.insert(name_keys), [{"key": k, "entity_id": entity_id} for k in keys]
            )

    def put_claim(self, claim: Claim) -> Change:
        """Store a claim; a person's review of it outranks the status it comes with.

        Unchanged content keeps the stored status and reviewer once someone
        has reviewed the claim. Changed content is a new revision whose
        claim asks for review again; the old decision stays in the history.
        """
        row = claim_row(claim)
        before = self._current(claims, row["id"])
        change = self._put_reviewed(row, before)
        if before is None or before["qualifiers"] != row["qualifiers"]:
            self._refer(row["id"], row["qualifiers"])
        return change

    def _put_reviewed(self, row: Row, before: Row | None) -> Change:
        decision = before and self.review_decision(row["id"])
        if not decision:
            return self._put("claim", row)
        changed = [k for k in _CONTENT if before[k] != row[k]]  # type: ignore[index]
        if not changed:
            kept = {k: before[k] for k in _REVIEW}  # type: ignore[index]
            return self._put("claim", {**row, **kept})
        reason = (
            f"{', '.join(changed)} changed: the review "
            f"({decision.after['status']} by {decision.actor}) no longer applies; "
            "review again"
        )
        return self._put(
            "claim", {**row, "status": "candidate", "reviewer": None}, reason
        )

    def _refer(self, claim_id: str, qualifiers: dict[str, Any]) -> None:
        """Keep the lookup of the entities a claim's qualifiers name."""
        self.conn.execute(
            sa.delete(qualifier_refs).where(qualifier_refs.c.claim_id == claim_id)
        )
        named = qualifier_entities(qualifiers)
        if named:
            self.conn.execute(
                sa.insert(qualifier_refs),
                [{"entity_id": e, "claim_id": claim_id} for e in named],
            )

    def review_decision(self, claim_id: str) -> Revision | None:
        """The last time a person set this claim's status, if ever."""
        query = (
            sa.select(revisions)
            .where(
                revisions.c.target_kind == "claim",
                revisions.c.target_id == claim_id,
                revisions.c.action == REVIEW_ACTION,
            )
            .order_by(revisions.c.seq.desc())
            .limit(1)
        )
        found = self.conn.execute(query).first()
        return revision_from_row(found) if found else None

    def set_status(
        self,
        claim_id: str,
        status: Status,
        reviewer: str,
        reason: str | None = None,
        action: str = REVIEW_ACTION,
    ) -> Change:
        """Accept or reject a claim; the reviewer and reason go into the revision.

        ``action`` "retract" marks a machine's withdrawal (a claim gone from
        its casefile), which a person's review is not.
        """
        before = self._current(claims, claim_id)
        if before is None:
            raise NotFound(f"no claim {claim_id!r}")
        after = {**before, "status": str(status), "reviewer": reviewer}
        if after == before:
            return Change.UNCHANGED
        seq = self._revise(
            action, "claim", claim_id, before, revision_state("claim", after), reason
        )
        self.conn.execute(
            sa.update(claims)
            .where(claims.c.id == claim_id)
            .values({**stored_part("claim", after), "rev": seq})
        )
        return Change.UPDATED

    def explain(
        self,
        conflict_id: str,
        subject: str,
        claim_ids: list[str],
        reason: str,
        note: str | None = None,
    ) -> Change:
        """Record why a conflict is no contradiction, or that it stays open."""
        row = {
            "id": conflict_id,
            "subject": subject,
            "claims": sorted(claim_ids),
            "reason": reason,
            "note": note,
        }
        return self._put("explanation", row, reason=self.reason or note)

    def claims(self, **where: Any) -> list[Claim]:
        """Claims matching column=value filters, read inside this transaction."""
        query = sa.select(claims)
        for column, value in where.items():
            query = query.where(claims.c[column] == value)
        return claims_with_quotes(self._run, self._run(query.order_by(claims.c.id)))
