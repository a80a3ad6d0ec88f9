"""`kartoteka verify`: the revision chain, every source hash, every quote.

Three checks, each independent of the others:

1. the chain: each revision's hash is recomputed, and each names the hash
   of the one before it;
2. the rows: every row of a revised table is exactly the state its last
   revision recorded (so no row was changed without a revision);
3. the evidence: every source text matches its sha256, and every claim's
   quote stands verbatim at its offsets in its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from kartoteka.model.ids import sha256_text
from kartoteka.storage.revisions import GENESIS, revision_from_row
from kartoteka.storage.rows import revision_state
from kartoteka.storage.schema import TABLES_WITH_REVISIONS, claims, revisions, sources


@dataclass
class VerifyReport:
    revisions: int = 0
    sources: int = 0
    claims: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        return (
            f"verified {self.revisions} revisions, {self.sources} sources, "
            f"{self.claims} claims"
        )


def verify(conn: sa.Connection) -> VerifyReport:
    report = VerifyReport()
    last_state = _check_chain(conn, report)
    _check_rows(conn, last_state, report)
    _check_evidence(conn, report)
    return report


def _check_chain(
    conn: sa.Connection, report: VerifyReport
) -> dict[tuple[str, str], dict | None]:
    prev = GENESIS
    last_state: dict[tuple[str, str], dict | None] = {}
    for row in conn.execute(sa.select(revisions).order_by(revisions.c.seq)):
        rev = revision_from_row(row)
        report.revisions += 1
        if rev.prev_hash != prev:
            report.failures.append(
                f"revision {rev.seq}: chain broken (previous hash differs)"
            )
        if rev.computed_hash() != rev.hash:
            report.failures.append(
                f"revision {rev.seq}: hash does not match its content "
                f"({rev.action} {rev.target_kind} {rev.target_id})"
            )
        prev = rev.hash
        last_state[(rev.target_kind, rev.target_id)] = rev.after
    return last_state


def _check_rows(
    conn: sa.Connection,
    last_state: dict[tuple[str, str], dict | None],
    report: VerifyReport,
) -> None:
    for kind, table in TABLES_WITH_REVISIONS.items():
        seen = set()
        for row in conn.execute(sa.select(table)):
            state = revision_state(kind, dict(row._mapping))
            seen.add(state["id"])
            recorded = last_state.get((kind, state["id"]))
            if recorded is None:
                report.failures.append(
                    f"{kind} {state['id']}: present without a revision"
                )
            elif recorded != state:
                fields = ", ".join(
                    sorted(k for k in state if state.get(k) != recorded.get(k))
                )
                report.failures.append(
                    f"{kind} {state['id']}: changed without a revision ({fields})"
                )
        for (k, target), after in last_state.items():
            if k == kind and after is not None and target not in seen:
                report.failures.append(f"{kind} {target}: deleted without a revision")


def _check_evidence(conn: sa.Connection, report: VerifyReport) -> None:
    texts: dict[str, str] = {}
    for row in conn.execute(sa.select(sources.c.id, sources.c.text, sources.c.sha256)):
        report.sources += 1
        texts[row.id] = row.text
        if sha256_text(row.text) != row.sha256:
            report.failures.append(f"source {row.id}: text does not match its sha256")
    query = sa.select(
        claims.c.id, claims.c.source_id, claims.c.start, claims.c.end, claims.c.quote
    )
    for row in conn.execute(query):
        report.claims += 1
        text = texts.get(row.source_id, "")
        if text[row.start : row.end] != row.quote:
            report.failures.append(
                f"claim {row.id}: quote not found verbatim at {row.source_id}"
                f"[{row.start}:{row.end}]"
            )
