"""Reading decisions: merges, explanations of conflicts, reviews gone stale."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import sqlalchemy as sa

from kartoteka.storage.engine import chunked
from kartoteka.storage.schema import conflict_explanations, person_links, revisions


class MergeRow(NamedTuple):
    """One record joined into a person: by which run or review, how sure."""

    member: str
    cluster: str
    probability: float | None  # the link's; None when a person judged it
    origin: str  # "link" or "review"
    by: str
    at: str


class ExplanationRow(NamedTuple):
    reason: str
    note: str | None
    by: str
    at: str


class DecisionReads:
    """The Store's reads of what people decided; ``_rows`` runs a query."""

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def explanations(self) -> dict[str, ExplanationRow]:
        """People's explanations of conflicts, by conflict id, with who gave
        each and when (a person's work, so a small table: read whole)."""
        x, r = conflict_explanations.c, revisions.c
        query = sa.select(x.id, x.reason, x.note, r.actor, r.at).join(
            revisions, r.seq == x.rev
        )
        return {
            row.id: ExplanationRow(row.reason, row.note, row.actor, row.at)
            for row in self._rows(query)
        }

    def merges(self) -> list[MergeRow]:
        """Every record in a cluster with the revision that put it there."""
        pl, r = person_links.c, revisions.c
        query = (
            sa.select(pl.id, pl.cluster_id, pl.probability, pl.origin, r.actor, r.at)
            .join(revisions, r.seq == pl.rev)
            .order_by(pl.cluster_id, pl.id)
        )
        return [MergeRow(*row) for row in self._rows(query)]

    def reopened(self, claim_ids: Sequence[str]) -> dict[str, str]:
        """Claims whose review no longer applies because their content changed,
        with why (the reason of that revision), by id."""
        r = revisions.c
        found: dict[str, str] = {}
        for chunk in chunked(claim_ids):
            last = (
                sa.select(r.target_id, sa.func.max(r.seq).label("seq"))
                .where(r.target_kind == "claim", r.target_id.in_(chunk))
                .group_by(r.target_id)
                .subquery()
            )
            query = sa.select(r.target_id, r.action, r.before, r.after, r.reason).join(
                last, r.seq == last.c.seq
            )
            for row in self._rows(query):
                was = (row.before or {}).get("status")
                now = (row.after or {}).get("status")
                if row.action == "edit" and was != "candidate" and now == "candidate":
                    found[row.target_id] = row.reason or "content changed"
        return found
