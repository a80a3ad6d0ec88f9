"""`verify` catches every kind of tampering done behind the store's back."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from kartoteka.errors import StorageError
from kartoteka.ingest.casefile import import_casefile
from kartoteka.storage.pieces import pack, unpack
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


def test_a_quote_moved_with_sql_is_caught(petrov_store):
    """The row keeps offsets, not words: moved offsets no longer hold the
    words the claim's revision recorded."""
    claim = petrov_store.claims(predicate="executed")[0]
    _tamper(
        petrov_store,
        sa.update(claims)
        .where(claims.c.id == claim.id)
        .values(start=claim.passage.start + 1),
    )
    failures = petrov_store.verify().failures
    assert f"claim {claim.id}: quote not found verbatim at " in "".join(failures)


def test_offsets_beyond_the_text_are_caught(petrov_store):
    claim = petrov_store.claims(predicate="executed")[0]
    _tamper(
        petrov_store,
        sa.update(claims).where(claims.c.id == claim.id).values(end=10**9),
    )
    failures = petrov_store.verify().failures
    assert sum(f"claim {claim.id}: quote not found verbatim" in f for f in failures)


def test_claim_rows_keep_offsets_and_claims_read_their_words(petrov_store):
    assert "quote" not in claims.c
    for claim in petrov_store.claims():
        excerpt = petrov_store.excerpt(
            claim.source, claim.passage.start, claim.passage.end
        )
        assert claim.passage.text == excerpt != ""


def _set_piece(store, packed: bytes) -> None:
    p = source_pieces.c
    _tamper(
        store,
        sa.update(source_pieces)
        .where(p.source_id == "petrov-report", p.n == 0)
        .values(packed=packed),
    )


def test_a_source_text_edited_with_sql_is_caught(petrov_store):
    text = petrov_store.text_of("petrov-report")
    assert "1957" in text
    _set_piece(petrov_store, pack(text.replace("1957", "1956")))
    failures = petrov_store.verify().failures
    assert "source petrov-report: text does not match its sha256" in failures
    assert any("quote not found verbatim" in f for f in failures)


def test_a_damaged_piece_of_text_is_named_not_a_crash(petrov_store):
    _set_piece(petrov_store, b"not compressed")
    failures = petrov_store.verify().failures
    assert "source petrov-report: piece 0 damaged" in failures
    assert "source petrov-report: text does not match its sha256" in failures
    with pytest.raises(StorageError, match="damaged"):
        petrov_store.text_of("petrov-report")


def test_a_piece_is_stored_compressed_and_reads_back_whole(petrov_store):
    text = petrov_store.text_of("petrov-report")
    p = source_pieces.c
    with petrov_store.engine.connect() as conn:
        (stored,) = conn.execute(
            sa.select(p.packed).where(p.source_id == "petrov-report")
        ).scalars()
    assert len(stored) < len(text.encode("utf-8")) and unpack(stored) == text


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


def test_words_edited_in_a_source_under_a_claim_that_stays_put_are_revised(
    petrov_store, petrov_dir
):
    """The same offsets, other words: the claim gets a revision with its new
    words (read from the text, the row alone would look unchanged)."""
    claim = petrov_store.claims(predicate="executed")[0]
    for name, old, new in [
        ("petrov-report.txt", "shot on 20 May 1938", "shot at 20 May 1938"),
        ("petrov.yaml", "shot on 20 May 1938", "shot at 20 May 1938"),
    ]:
        path = petrov_dir / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), "utf-8")
    import_casefile(petrov_store, petrov_dir / "petrov.yaml", actor="test")
    again = petrov_store.claim(claim.id)
    assert again.passage.start == claim.passage.start
    assert again.passage.text == "shot at 20 May 1938"
    assert petrov_store.revisions(claim.id)[-1].after["quote"] == again.passage.text
    assert petrov_store.verify().ok, petrov_store.verify().failures


def test_quotes_across_pieces_verify_and_a_damaged_piece_moves_no_other(fresh_store):
    """verify reads a long text a piece at a time: a quote across two pieces
    stands; a damaged piece fails the quotes in it and no others."""
    from kartoteka.model import Claim, Entity, Passage, Source
    from kartoteka.model.vocabulary import EntityKind

    lines = [f"Строка {i}: арестован.\n" for i in range(9000)]
    text = "".join(lines)  # about 200,000 characters: four pieces
    person = Entity(
        id=Entity.make_id(EntityKind.PERSON, "t", "p"),
        kind=EntityKind.PERSON,
        name="Петров Иван",
    )
    claims = []
    for at in (65_530, 140_000, 190_000):  # across pieces 0–1; in 2; in 2
        passage = Passage("long", at, at + 20, text[at : at + 20])
        claims.append(
            Claim(
                id=Claim.make_id(person.id, "arrested", passage),
                subject=person.id,
                predicate="arrested",
                passage=passage,
            )
        )
    with fresh_store.writing("test", "fixture") as tx:
        tx.put_source(Source(id="long", kind="registry", title="L", text=text))
        tx.put_entity(person)
        for claim in claims:
            tx.put_claim(claim)
    report = fresh_store.verify()
    assert report.ok and report.claims == 3, report.failures
    p = source_pieces.c
    _tamper(
        fresh_store,
        sa.update(source_pieces)
        .where(p.source_id == "long", p.n == 1)
        .values(packed=b"damaged"),
    )
    failures = fresh_store.verify().failures
    assert "source long: piece 1 damaged" in failures
    assert "source long: text does not match its sha256" in failures
    moved = [f for f in failures if "quote not found verbatim" in f]
    assert len(moved) == 1 and claims[0].id in moved[0]
