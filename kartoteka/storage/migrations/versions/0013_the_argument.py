"""The argument over the claims: questions, ratings of evidence, grades.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_ID = sa.String(80)


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column(
            "hypotheses", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("artifact", _ID),
        sa.Column("note", sa.Text),
        sa.Column("origin", sa.String(120), nullable=False),
        sa.Column("rev", sa.Integer),
    )
    op.create_table(
        "ratings",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("question_id", _ID, nullable=False),
        sa.Column("hypothesis", _ID, nullable=False),
        sa.Column("claim_id", _ID, nullable=False),
        sa.Column("rating", sa.String(2), nullable=False),
        sa.Column("relevance", sa.String(8), nullable=False),
        sa.Column("rationale", sa.Text),
        sa.Column("origin", sa.String(120), nullable=False),
        sa.Column("rev", sa.Integer),
    )
    op.create_index("ix_ratings_question", "ratings", ["question_id"])
    op.create_table(
        "grades",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("target", _ID, nullable=False),
        sa.Column("axis", sa.String(16), nullable=False),
        sa.Column("value", sa.String(16), nullable=False),
        sa.Column("rationale", sa.Text),
        sa.Column("origin", sa.String(120), nullable=False),
        sa.Column("rev", sa.Integer),
    )
    op.create_index("ix_grades_target", "grades", ["target"])


def downgrade() -> None:
    op.drop_index("ix_grades_target", table_name="grades")
    op.drop_table("grades")
    op.drop_index("ix_ratings_question", table_name="ratings")
    op.drop_table("ratings")
    op.drop_table("questions")
