"""`kartoteka verify`: the revision chain, every source hash, every quote.

Three checks, each independent of the others:

1. the chain: each revision's hash is recomputed, and each names the hash
   of the one before it;
2. the rows: every row of a revised table is exactly the state its last
   revision recorded (so no row was changed without a revision);
3. the evidence: every source text matches its sha256, and every claim's
   quote stands verbatim at its offsets in its source.

A claim's row keeps its offsets, not its words: its state is completed with
the words its source holds there, so the words its revision recorded (or
its batch's digest covers) must stand at those offsets.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field

import sqlalchemy as sa

from kartoteka.errors import StorageError
from kartoteka.storage.pieces import unpack
from kartoteka.storage.revisions import GENESIS, BatchDigest, revision_from_row
from kartoteka.storage.rows import revision_state
from kartoteka.storage.schema import (
    PIECE,
    TABLES_WITH_REVISIONS,
    entities,
    revisions,
    source_pieces,
    sources,
)


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
    texts = _check_texts(conn, report)
    covers = _check_chain(conn, report)
    _check_rows(conn, covers, texts, report)
    return report


@dataclass
class _Covers:
    """What each revision says it wrote: one row's state, or a batch digest."""

    rows: dict[int, tuple[str, str, dict | None]] = field(default_factory=dict)
    batches: dict[int, dict] = field(default_factory=dict)
    last: dict[tuple[str, str], int] = field(default_factory=dict)  # row → last rev
    rebuilt: dict[int, BatchDigest] = field(default_factory=dict)


def _check_chain(conn: sa.Connection, report: VerifyReport) -> _Covers:
    prev = GENESIS
    covers = _Covers()
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
        if rev.target_kind == "batch":
            covers.batches[rev.seq] = rev.after or {}
            covers.rebuilt[rev.seq] = BatchDigest()
            continue
        covers.rows[rev.seq] = (rev.target_kind, rev.target_id, rev.after)
        covers.last[rev.target_kind, rev.target_id] = rev.seq
        before = rev.before or {}
        if before.get("rev") in covers.rebuilt:  # a batch row, edited since
            state = {k: v for k, v in before.items() if k != "rev"}
            covers.rebuilt[before["rev"]].add(rev.target_kind, state)
    return covers


def _check_row(kind: str, row: dict, covers: _Covers, report: VerifyReport) -> None:
    state = revision_state(kind, row)
    rev = row.get("rev")
    if rev in covers.batches:
        covers.rebuilt[rev].add(kind, state)
        return
    covered = covers.rows.get(rev)
    if covered is None or covered[:2] != (kind, state["id"]):
        report.failures.append(f"{kind} {state['id']}: present without a revision")
    elif covers.last[kind, state["id"]] != rev or covered[2] != state:
        recorded = covered[2] or {}
        fields = sorted(k for k in state if state.get(k) != recorded.get(k))
        if "quote" in fields:  # the recorded words are not at the row's offsets
            report.failures.append(_quote_moved(state))
        else:
            listed = ", ".join(fields)
            report.failures.append(
                f"{kind} {state['id']}: changed without a revision ({listed})"
            )


def _quote_moved(claim: dict) -> str:
    return (
        f"claim {claim['id']}: quote not found verbatim at {claim['source_id']}"
        f"[{claim['start']}:{claim['end']}]"
    )


def _check_rows(
    conn: sa.Connection, covers: _Covers, texts: _Texts, report: VerifyReport
) -> None:
    for kind, table in TABLES_WITH_REVISIONS.items():
        seen = set()
        for row in conn.execute(sa.select(table)):
            seen.add(row.id)
            state = dict(row._mapping)
            if kind == "claim":
                _complete_claim(state, texts, report)
            _check_row(kind, state, covers, report)
        for (k, target), seq in covers.last.items():
            if k == kind and covers.rows[seq][2] is not None and target not in seen:
                report.failures.append(f"{kind} {target}: deleted without a revision")
    for seq, recorded in covers.batches.items():
        if covers.rebuilt[seq].value() != recorded:
            report.failures.append(
                f"revision {seq}: the rows of this batch were changed, added or "
                "deleted without a revision"
            )


def _check_texts(conn: sa.Connection, report: VerifyReport) -> _Texts:
    """Every source's text against its sha256, a piece at a time; the texts,
    to be read a piece at a time again."""
    p = source_pieces.c
    texts = _Texts(conn)
    for row in conn.execute(
        sa.select(sources.c.id, sources.c.sha256, sources.c.length)
    ):
        report.sources += 1
        digest, length, damaged = hashlib.sha256(), 0, False
        query = sa.select(p.n, p.packed).where(p.source_id == row.id).order_by(p.n)
        for n, packed in conn.execute(query):
            piece = _unpacked(packed)
            if piece is None:
                report.failures.append(f"source {row.id}: piece {n} damaged")
                damaged = True
                continue
            digest.update(piece.encode("utf-8"))
            length += len(piece)
        # A damaged piece reads as nothing, in its place: the pieces after it
        # keep their offsets, and only the quotes in it fail.
        texts.lengths[row.id] = row.length if damaged else length
        if digest.hexdigest() != row.sha256 or length != row.length:
            report.failures.append(f"source {row.id}: text does not match its sha256")
    stored = set(texts.lengths)
    for (orphan,) in conn.execute(sa.select(p.source_id).distinct()):
        if orphan not in stored:
            report.failures.append(f"text pieces of {orphan}, a source not stored")
    _check_record_texts(conn, texts, report)
    return texts


class _Texts:
    """The sources' texts as verify reads them: a piece at a time from the
    store, the last few kept (every text at once would be gigabytes at
    registry scale; claims and records come in the order they were written,
    mostly a list's own order)."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.lengths: dict[str, int] = {}  # characters, as read
        self._kept: OrderedDict[tuple[str, int], str] = OrderedDict()

    def span(self, source_id: str, start: int, end: int) -> str:
        """Characters [start, end) of a source's text, as far as it holds them."""
        start, end = max(0, start), min(end, self.lengths.get(source_id, 0))
        if end <= start:
            return ""
        first, last = start // PIECE, (end - 1) // PIECE
        text = "".join(self._piece(source_id, n) for n in range(first, last + 1))
        return text[start - first * PIECE : end - first * PIECE]

    def _piece(self, source_id: str, n: int) -> str:
        key = (source_id, n)
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        p = source_pieces.c
        query = sa.select(p.packed).where(p.source_id == source_id, p.n == n)
        packed = self.conn.execute(query).scalar()
        text = (None if packed is None else _unpacked(packed)) or ""
        self._kept[key] = text
        if len(self._kept) > _KEPT:
            self._kept.popitem(last=False)
        return text


_KEPT = 16  # pieces of 65,536 characters: about 2 MB


def _unpacked(packed: bytes) -> str | None:
    """A stored piece's text; None for a damaged one."""
    try:
        return unpack(packed)
    except StorageError:
        return None


def _complete_claim(claim: dict, texts: _Texts, report: VerifyReport) -> None:
    """Give a claim's row the words at its offsets, as its state records them."""
    report.claims += 1
    source_id, start, end = claim["source_id"], claim["start"], claim["end"]
    if not 0 <= start <= end <= texts.lengths.get(source_id, 0):
        report.failures.append(_quote_moved(claim))
    claim["quote"] = texts.span(source_id, start, end)


def _check_record_texts(
    conn: sa.Connection, texts: _Texts, report: VerifyReport
) -> None:
    """A registry person's record is a span of the list it cites (and its
    text, where an older import kept it, the words of that span)."""
    for row in conn.execute(sa.select(entities.c.id, entities.c.attributes)):
        record = (row.attributes or {}).get("record")
        if not isinstance(record, dict):
            continue
        source_id = record.get("source")
        length = texts.lengths.get(source_id, 0)
        if "text" in record:  # kept with the record by older imports
            if texts.span(source_id, record["start"], record["end"]) != record["text"]:
                report.failures.append(
                    f"entity {row.id}: record text differs from its source"
                )
        elif not 0 <= record["start"] < record["end"] <= length:
            report.failures.append(f"entity {row.id}: record span outside its source")
