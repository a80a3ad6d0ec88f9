"""kartoteka copy: every row over, verified, into an empty store on each backend."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from kartoteka.analysis.lookup import find_person, search
from kartoteka.errors import StorageError
from kartoteka.ingest.claim_entry import ClaimEntry, add_claim
from kartoteka.storage.copy import compare_stores, copy_store, row_counts
from kartoteka.storage.schema import claims, revisions


def test_the_demo_goes_over_whole_and_verified(demo_store, fresh_store):
    copied = []
    report = copy_store(demo_store, fresh_store, lambda t, n: copied.append(n))
    assert report.ok, report.failures
    assert row_counts(fresh_store) == row_counts(demo_store)
    assert sum(copied) == sum(report.rows.values()) > 900
    assert report.verified and report.verified.claims == 82
    assert [h.ref for h in search(fresh_store, "Tuchatschewski", 5)] == [
        h.ref for h in search(demo_store, "Tuchatschewski", 5)
    ]


def test_the_copy_takes_new_writes_after_the_copied_revisions(demo_store, fresh_store):
    copy_store(demo_store, fresh_store)
    last = fresh_store.head()
    entry = ClaimEntry(
        source="roberts-1964",
        quote="secret trial",
        subject=find_person(fresh_store, "Tukhachevsky").id,
        predicate="tried",
    )
    add_claim(fresh_store, entry, "historian")
    assert fresh_store.head() > last
    assert fresh_store.verify().ok


def test_a_store_that_holds_anything_is_refused(demo_store, fresh_store):
    copy_store(demo_store, fresh_store)
    with pytest.raises(StorageError, match="not empty"):
        copy_store(demo_store, fresh_store)


def test_a_row_changed_without_a_revision_fails_the_copy(demo_store, fresh_store):
    with demo_store.engine.begin() as conn:
        conn.execute(sa.update(claims).values(start=claims.c.start + 1))
    report = copy_store(demo_store, fresh_store)
    assert not report.ok
    assert any("claim" in f for f in report.failures)


def test_a_broken_copy_is_reported_by_count_and_last_hash(demo_store, fresh_store):
    copy_store(demo_store, fresh_store)
    with fresh_store.engine.begin() as conn:
        last = conn.execute(sa.select(sa.func.max(revisions.c.seq))).scalar_one()
        conn.execute(sa.delete(revisions).where(revisions.c.seq == last))
    report = compare_stores(demo_store, fresh_store)
    n = demo_store.counts()["revisions"]
    assert f"revisions: {n} rows here, {n - 1} there" in report.failures
    assert "the last revision's hash differs" in report.failures
