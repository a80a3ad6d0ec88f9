"""The tables, as SQLAlchemy Core metadata: one schema for SQLite and PostgreSQL.

Alembic migrations in ``migrations/`` create them; a test checks the two agree.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

Json = sa.JSON().with_variant(JSONB(), "postgresql")

metadata = sa.MetaData()

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("authors", Json, nullable=False),
    sa.Column("published", sa.String(64)),
    sa.Column("language", sa.String(16)),
    sa.Column("citation", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("derived_from", Json, nullable=False),
    sa.Column("authenticity", sa.String(16), nullable=False),
    sa.Column("reliability", sa.String(1), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("length", sa.Integer, nullable=False),  # of the text, in characters
    sa.Column("rev", sa.Integer),  # the revision that wrote this row
)

# A source's text, in pieces of PIECE characters (the last one shorter): a
# page of a registry list of 25 million characters reads the one or two
# pieces of its window, not the whole. No revisions of its own: the source's
# revision holds the sha256 of the whole text, which verify checks. Each
# piece is kept compressed (``storage.pieces``).
PIECE = 65_536
source_pieces = sa.Table(
    "source_pieces",
    metadata,
    sa.Column(
        "source_id", sa.String(80), sa.ForeignKey("sources.id"), primary_key=True
    ),
    sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("packed", sa.LargeBinary, nullable=False),  # zlib of its UTF-8
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("sex", sa.String(1)),
    sa.Column("external_ids", Json, nullable=False),
    sa.Column("attributes", Json, nullable=False),
    sa.Column("rev", sa.Integer),
)

names = sa.Table(
    "names",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("entity_id", sa.String(80), sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("script", sa.String(4), nullable=False),
    sa.Column("language", sa.String(16)),
    sa.Column("source_id", sa.String(80), sa.ForeignKey("sources.id")),
    sa.Column("folded", sa.Text, nullable=False),  # casefolded, for lookup
    sa.Column("rev", sa.Integer),
    sa.Index("ix_names_entity", "entity_id"),
    sa.Index("ix_names_folded", "folded"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("subject", sa.String(80), sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("predicate", sa.String(32), nullable=False),
    sa.Column("object", sa.String(80), sa.ForeignKey("entities.id")),
    sa.Column("date", sa.String(64)),
    sa.Column("date_text", sa.Text),
    sa.Column("value", Json),
    sa.Column("qualifiers", Json, nullable=False),
    sa.Column("source_id", sa.String(80), sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    # No quote: a claim's words are what its source's text holds at
    # [start, end), read from there (a registry record's text stored once).
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("asserted_by", sa.String(80), sa.ForeignKey("entities.id")),
    sa.Column("stance", sa.String(8), nullable=False),
    sa.Column("certainty", sa.String(8), nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("reviewer", sa.Text),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("rev", sa.Integer),
    sa.Index("ix_claims_subject", "subject"),
    sa.Index("ix_claims_source_start", "source_id", "start"),
    # Partial: registry claims, the millions, have neither.
    sa.Index(
        "ix_claims_object",
        "object",
        sqlite_where=sa.text("object IS NOT NULL"),
        postgresql_where=sa.text("object IS NOT NULL"),
    ),
    sa.Index(
        "ix_claims_asserted_by",
        "asserted_by",
        sqlite_where=sa.text("asserted_by IS NOT NULL"),
        postgresql_where=sa.text("asserted_by IS NOT NULL"),
    ),
)

revisions = sa.Table(
    "revisions",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("target_kind", sa.String(16), nullable=False),
    sa.Column("target_id", sa.String(80), nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("before", Json),
    sa.Column("after", Json),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False, unique=True),
    sa.Index("ix_revisions_target", "target_kind", "target_id"),
)

# Text that full-text search reaches: source texts and entity names. SQLite
# indexes it with an FTS5 table kept by triggers; PostgreSQL with a GIN index
# on its tsvector. Both are created by the migration, outside this metadata.
search_docs = sa.Table(
    "search_docs",
    metadata,
    sa.Column("doc_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("ref", sa.String(80), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.UniqueConstraint("kind", "ref", name="uq_search_docs_kind_ref"),
)

# A lookup of entities by external id ("casefile:tukhachevsky"), derived from
# entities.external_ids and rebuilt with them; it has no revisions of its own.
entity_refs = sa.Table(
    "entity_refs",
    metadata,
    sa.Column("ref", sa.String(200), primary_key=True),
    sa.Column(
        "entity_id", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
    ),
)

# A lookup of entities by the keys of their names' surnames, which every
# spelling of a name shares (Toukhatchevski, Tuchatschewski, Тухачевского →
# тухачевский); derived from ``names`` and rebuilt with them.
name_keys = sa.Table(
    "name_keys",
    metadata,
    sa.Column("key", sa.String(80), primary_key=True),
    sa.Column(
        "entity_id", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
    ),
    sa.Index("ix_name_keys_entity", "entity_id"),
)

# Which entities a claim names in its qualifiers (from: gestapo, to: skoblin,
# by: gpu), so each has the claim in its file; derived from claims.qualifiers.
qualifier_refs = sa.Table(
    "qualifier_refs",
    metadata,
    sa.Column(
        "entity_id", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
    ),
    sa.Column("claim_id", sa.String(80), primary_key=True),
    sa.Index("ix_qualifier_refs_claim", "claim_id"),
)

# Record linkage. A person resolved from several records is a cluster: each
# member has a row naming the cluster (the id of its canonical member). Rows
# are revised one by one, so every merge and unmerge is in the chain.
person_links = sa.Table(
    "person_links",
    metadata,
    sa.Column("id", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True),
    sa.Column(
        "cluster_id", sa.String(80), sa.ForeignKey("entities.id"), nullable=False
    ),
    sa.Column("probability", sa.Float),  # the link that joined it; None when judged
    sa.Column("origin", sa.String(16), nullable=False),  # "link" or "review"
    sa.Column("rev", sa.Integer),
    sa.Index("ix_person_links_cluster", "cluster_id"),
)

# What a person decided about a pair: same, not_same or unsure. A later link
# run never overrides a judgement.
link_judgements = sa.Table(
    "link_judgements",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("entity_a", sa.String(80), sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("entity_b", sa.String(80), sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("verdict", sa.String(10), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("rev", sa.Integer),
)

# Pairs a link run could not decide, for `kartoteka review links`; rebuilt by
# every run, so it has no revisions of its own.
link_queue = sa.Table(
    "link_queue",
    metadata,
    sa.Column(
        "entity_a", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
    ),
    sa.Column(
        "entity_b", sa.String(80), sa.ForeignKey("entities.id"), primary_key=True
    ),
    sa.Column("probability", sa.Float, nullable=False),
    sa.Column("run", sa.String(40), nullable=False),
)

# Why a conflict is no contradiction (different calendars, a family record …)
# or that it stays unresolved: a person's word, revised row by row. The id is
# the conflict's, a hash of its kind and claims; subject and claims say which.
conflict_explanations = sa.Table(
    "conflict_explanations",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("subject", sa.String(80), nullable=False),
    sa.Column("claims", Json, nullable=False),
    sa.Column("reason", sa.String(32), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("rev", sa.Integer),
    sa.Index("ix_conflict_explanations_subject", "subject"),
)

# The argument over the claims (model/argument.py): questions with their rival
# hypotheses, each claim rated against each hypothesis, and people's grades of
# sources and claims. ``origin`` says who wrote a row: a casefile ("casefile:…")
# rewrites only its own rows, never a person's.
questions = sa.Table(
    "questions",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("hypotheses", Json, nullable=False),
    sa.Column("artifact", sa.String(80)),
    sa.Column("note", sa.Text),
    sa.Column("origin", sa.String(120), nullable=False),
    sa.Column("rev", sa.Integer),
)

ratings = sa.Table(
    "ratings",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("question_id", sa.String(80), nullable=False),
    sa.Column("hypothesis", sa.String(80), nullable=False),
    sa.Column("claim_id", sa.String(80), nullable=False),
    sa.Column("rating", sa.String(2), nullable=False),
    sa.Column("relevance", sa.String(8), nullable=False),
    sa.Column("rationale", sa.Text),
    sa.Column("origin", sa.String(120), nullable=False),
    sa.Column("rev", sa.Integer),
    sa.Index("ix_ratings_question", "question_id"),
)

grades = sa.Table(
    "grades",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("target", sa.String(80), nullable=False),
    sa.Column("axis", sa.String(16), nullable=False),
    sa.Column("value", sa.String(16), nullable=False),
    sa.Column("rationale", sa.Text),
    sa.Column("origin", sa.String(120), nullable=False),
    sa.Column("rev", sa.Integer),
    sa.Index("ix_grades_target", "target"),
)

# Accounts of the web app. Not evidence, so without revisions; what an account
# writes is revised under its name. Secrets are kept only as hashes.
# The fields that identify a person (kartoteka.linking.identifying), as the
# imported lists declare them: configuration of linking, not a claim.
identifying_fields = sa.Table(
    "identifying_fields",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("compare", sa.String(16), nullable=False),
    sa.Column("own", sa.Boolean, nullable=False),
    sa.Column("declared_by", sa.Text, nullable=False),
)

# The trained linkage model (Splink's settings with m, u and the prior),
# reused by later runs of `kartoteka link` until the model or the fields it
# compares change (``signature``), or `--retrain`.
linking_models = sa.Table(
    "linking_models",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("model", Json, nullable=False),
    sa.Column("signature", sa.String(64), nullable=False),
    sa.Column("persons", sa.Integer, nullable=False),
    sa.Column("trained", sa.String(40), nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String(80), primary_key=True),
    sa.Column("password_hash", sa.Text, nullable=False),  # argon2
    sa.Column("role", sa.String(10), nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False),
    sa.Column("created", sa.String(40), nullable=False),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("hash", sa.String(64), primary_key=True),  # sha256 of the token
    sa.Column("user_name", sa.String(80), sa.ForeignKey("users.name"), nullable=False),
    sa.Column("label", sa.Text),
    sa.Column("created", sa.String(40), nullable=False),
)

web_sessions = sa.Table(
    "web_sessions",
    metadata,
    sa.Column("hash", sa.String(64), primary_key=True),  # sha256 of the cookie
    sa.Column("user_name", sa.String(80), sa.ForeignKey("users.name"), nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("expires", sa.String(40), nullable=False),
)

TABLES_WITH_REVISIONS: dict[str, sa.Table] = {
    "source": sources,
    "entity": entities,
    "name": names,
    "claim": claims,
    "link": person_links,
    "judgement": link_judgements,
    "explanation": conflict_explanations,
    "question": questions,
    "rating": ratings,
    "grade": grades,
}
