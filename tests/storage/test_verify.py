"""`verify` catches every kind of tampering done behind the store's back."""

from __future__ import annotations

import sqlalchemy as sa

from kartoteka.storage.schema import (
    claims,
    entities,
    revisions,
    source_pieces,
)


def _tamper(store, statement) -> None:
    with store.engine.begin() as conn:
        conn.execute(statement)


def test_an_untouched_store_verifies(petrov_store):
    report = petrov_store.verify()
    assert report.ok, report.failures
    assert report.summary().startswith(f"verified {report.revisions} revisions")
    assert (report.sources, report.claims) == (2, 7)


def test_a_quote_edited_with_sql_is_caught(petrov_store):
    claim = petrov_store.claims(predicate="executed")[0]
    _tamper(
        petrov_store,
        sa.update(claims)
        .where(claims.c.id == claim.id)
        .values(quote="shot on 21 May 1938"),
    )
    failures = petrov_store.verify().failures
    assert any(f"claim {claim.id}: quote not found verbatim" in f for f in failures)
    assert any(
        f"claim {claim.id}: changed without a revision (quote)" in f for f in failures
    )


def test_a_source_text_edited_with_sql_is_caught(petrov_store):
    _tamper(
        petrov_store,
        sa.update(source_pieces)
        .where(source_pieces.c.source_id == "petrov-report")
        .values(text=sa.func.replace(source_pieces.c.text, "1957", "1956")),
    )
    failures = petrov_store.verify().failures
    assert "source petrov-report: text does not match its sha256" in failures
    assert any("quote not found verbatim" in f for f in failures)


def test_a_piece_of_text_deleted_with_sql_is_caught(petrov_store):
    _tamper(
        petrov_store,
        sa.delete(source_pieces).where(source_pieces.c.source_id == "petrov-report"),
    )
    failures = petrov_store.verify().failures
    assert "source petrov-report: text does not match its sha256" in failures


def test_a_row_changed_without_revision_is_caught(petrov_store):
    _tamper(petrov_store, sa.update(entities).values(sex="F"))
    failures = petrov_store.verify().failures
    assert any("changed without a revision (sex)" in f for f in failures)


def test_a_row_added_without_revision_is_caught(petrov_store):
    _tamper(
        petrov_store,
        sa.insert(entities).values(
            id="per_ffffffffffffffff",
            kind="person",
            name="Nobody",
            sex=None,
            external_ids=[],
            attributes={},
        ),
    )
    assert "entity per_ffffffffffffffff: present without a revision" in (
        petrov_store.verify().failures
    )


def test_a_deleted_row_is_caught(petrov_store):
    claim = petrov_store.claims(predicate="arrested")[0]
    _tamper(petrov_store, sa.delete(claims).where(claims.c.id == claim.id))
    assert (
        f"claim {claim.id}: deleted without a revision"
        in petrov_store.verify().failures
    )


def test_an_edited_revision_breaks_its_hash(petrov_store):
    _tamper(
        petrov_store,
        sa.update(revisions).where(revisions.c.seq == 3).values(actor="someone else"),
    )
    assert any(
        f.startswith("revision 3: hash does not match")
        for f in petrov_store.verify().failures
    )


def test_a_removed_revision_breaks_the_chain(petrov_store):
    _tamper(petrov_store, sa.delete(revisions).where(revisions.c.seq == 2))
    assert (
        "revision 3: chain broken (previous hash differs)"
        in petrov_store.verify().failures
    )
