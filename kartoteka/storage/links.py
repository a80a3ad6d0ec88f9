"""Writing record linkage: cluster memberships, judgements, the review queue."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

import sqlalchemy as sa

from kartoteka.model.ids import make_id
from kartoteka.storage.schema import link_queue, person_links
from kartoteka.storage.writer import Change, Writer


class Verdict(StrEnum):
    SAME = "same"
    NOT_SAME = "not_same"
    UNSURE = "unsure"


def judgement_id(a: str, b: str) -> str:
    return make_id("jdg", *sorted((a, b)))


class LinkWriter(Writer):
    """A Writer that also records which persons are one."""

    def link(
        self, member: str, cluster_id: str, probability: float | None, origin: str
    ) -> Change:
        """Make ``member`` part of the cluster; a revision when that is new."""
        return self._put(
            "link",
            {
                "id": member,
                "cluster_id": cluster_id,
                "probability": None if probability is None else round(probability, 4),
                "origin": origin,
            },
        )

    def unlink(self, member: str, reason: str | None = None) -> Change:
        """Take ``member`` out of its cluster, as a revision."""
        before = self._current(person_links, member)
        if before is None:
            return Change.UNCHANGED
        self._revise("delete", "link", member, before, None, reason)
        self.conn.execute(sa.delete(person_links).where(person_links.c.id == member))
        return Change.UPDATED

    def judge(
        self, a: str, b: str, verdict: Verdict, note: str | None = None
    ) -> Change:
        first, second = sorted((a, b))
        row = {
            "id": judgement_id(a, b),
            "entity_a": first,
            "entity_b": second,
            "verdict": str(verdict),
            "note": note,
        }
        change = self._put("judgement", row)
        self.conn.execute(
            sa.delete(link_queue).where(
                (link_queue.c.entity_a == first) & (link_queue.c.entity_b == second)
            )
        )
        return change

    def replace_queue(self, pairs: Iterable[tuple[str, str, float]], run: str) -> int:
        """The review queue of the newest run: pairs it could not decide."""
        self.conn.execute(sa.delete(link_queue))
        rows = [
            {"entity_a": a, "entity_b": b, "probability": p, "run": run}
            for a, b, p in pairs
        ]
        if rows:
            self.conn.execute(sa.insert(link_queue), rows)
        return len(rows)
