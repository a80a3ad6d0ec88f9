"""Writing and reading the argument: questions, ratings of evidence, grades.

Each row says who wrote it (``origin``). A casefile rewrites only the rows it
wrote itself: once a person has rated a cell or graded a source in the
browser or the CLI, re-importing the casefile leaves that judgement alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from kartoteka.model.argument import (
    Axis,
    CellRating,
    Grade,
    Hypothesis,
    Question,
    Rating,
    Relevance,
)
from kartoteka.storage.engine import chunked
from kartoteka.storage.rows import Row
from kartoteka.storage.schema import (
    TABLES_WITH_REVISIONS,
    grades,
    questions,
    ratings,
    revisions,
)

if TYPE_CHECKING:
    from kartoteka.storage.writer import Change

KEPT = "kept"  # a casefile's row not written because a person's stands


def question_row(q: Question) -> Row:
    hypotheses = [
        {"id": h.id, "text": h.text, "blames": list(h.blames)} for h in q.hypotheses
    ]
    return {
        "id": q.id,
        "text": q.text,
        "hypotheses": hypotheses,
        "artifact": q.artifact,
        "note": q.note,
        "origin": q.origin,
    }


def _question(row: Any) -> Question:
    return Question(
        id=row.id,
        text=row.text,
        hypotheses=tuple(
            Hypothesis(h["id"], h["text"], tuple(h.get("blames", ())))
            for h in row.hypotheses
        ),
        artifact=row.artifact,
        note=row.note,
        origin=row.origin,
    )


class ArgumentWrites:
    """The Writer's puts of the argument; ``_put`` and ``conn`` come from it."""

    conn: sa.Connection

    def _put(self, kind: str, row: Row, reason: str | None = None) -> Change:
        raise NotImplementedError

    def _put_argued(
        self, kind: str, row: Row, reason: str | None = None
    ) -> Change | str:
        """Put a row of the argument, unless a casefile would overwrite a row
        someone else wrote (then KEPT)."""
        if row["origin"].startswith("casefile:"):
            table = TABLES_WITH_REVISIONS[kind]
            stored = self.conn.execute(
                sa.select(table.c.origin).where(table.c.id == row["id"])
            ).scalar()
            if stored is not None and stored != row["origin"]:
                return KEPT
        return self._put(kind, row, reason)

    def put_question(self, q: Question) -> Change | str:
        return self._put_argued("question", question_row(q))

    def put_rating(self, r: CellRating) -> Change | str:
        row = {
            "id": r.id,
            "question_id": r.question,
            "hypothesis": r.hypothesis,
            "claim_id": r.claim,
            "rating": str(r.rating),
            "relevance": str(r.relevance),
            "rationale": r.rationale,
            "origin": r.origin,
        }
        return self._put_argued("rating", row, reason=r.rationale)

    def put_grade(self, g: Grade) -> Change | str:
        row = {
            "id": g.id,
            "target": g.target,
            "axis": str(g.axis),
            "value": g.value,
            "rationale": g.rationale,
            "origin": g.origin,
        }
        return self._put_argued("grade", row, reason=g.rationale)


class ArgumentReads:
    """The Store's reads of the argument; ``_rows`` runs a query."""

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def questions(self) -> list[Question]:
        return [_question(r) for r in self._rows(sa.select(questions).order_by("id"))]

    def question(self, question_id: str) -> Question | None:
        found = self._rows(sa.select(questions).where(questions.c.id == question_id))
        return _question(found[0]) if found else None

    def ratings(self, question_id: str) -> list[CellRating]:
        """Every rating of the question, with who gave it and when."""
        t, r = ratings.c, revisions.c
        query = (
            sa.select(ratings, r.actor, r.at)
            .join(revisions, r.seq == t.rev)
            .where(t.question_id == question_id)
            .order_by(t.claim_id, t.hypothesis)
        )
        return [
            CellRating(
                question=row.question_id,
                hypothesis=row.hypothesis,
                claim=row.claim_id,
                rating=Rating(row.rating),
                relevance=Relevance(row.relevance),
                rationale=row.rationale,
                origin=row.origin,
                by=row.actor,
                at=row.at,
            )
            for row in self._rows(query)
        ]

    def grades(self, targets: Iterable[str] | None = None) -> dict[str, list[Grade]]:
        """People's grades by target (a source or claim id), with who and when."""
        t, r = grades.c, revisions.c
        base = sa.select(grades, r.actor, r.at).join(revisions, r.seq == t.rev)
        if targets is None:
            rows = self._rows(base)
        else:
            rows = [
                row
                for chunk in chunked(sorted(set(targets)))
                for row in self._rows(base.where(t.target.in_(chunk)))
            ]
        found: dict[str, list[Grade]] = {}
        for row in rows:
            found.setdefault(row.target, []).append(
                Grade(
                    target=row.target,
                    axis=Axis(row.axis),
                    value=row.value,
                    rationale=row.rationale,
                    origin=row.origin,
                    by=row.actor,
                    at=row.at,
                )
            )
        return found
