"""Record linkage: person clusters, judgements on pairs, the review queue.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_links",
        sa.Column("id", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column(
            "cluster_id", sa.String(80), sa.ForeignKey("entities.id"), nullable=False
        ),
        sa.Column("probability", sa.Float),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("rev", sa.Integer),
    )
    op.create_index("ix_person_links_cluster", "person_links", ["cluster_id"])
    op.create_table(
        "link_judgements",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column(
            "entity_a", sa.String(80), sa.ForeignKey("entities.id"), nullable=False
        ),
        sa.Column(
            "entity_b", sa.String(80), sa.ForeignKey("entities.id"), nullable=False
        ),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("rev", sa.Integer),
    )
    op.create_table(
        "link_queue",
        sa.Column(
            "entity_a", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
        ),
        sa.Column(
            "entity_b", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
        ),
        sa.Column("probability", sa.Float, nullable=False),
        sa.Column("run", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("link_queue")
    op.drop_table("link_judgements")
    op.drop_index("ix_person_links_cluster", table_name="person_links")
    op.drop_table("person_links")
