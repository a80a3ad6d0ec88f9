"""The hashes that revisions and batch digests are made of."""

from __future__ import annotations

import hashlib
import json

from kartoteka.storage.revisions import BatchDigest, row_hash


def test_a_rows_hash_is_of_its_kind_and_canonical_json():
    # Stores written earlier are verified against this very form: it must
    # not change.
    state = {"name": "Тухачевский", "id": "per_1", "parts": [1, None], "sex": "M"}
    text = json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    expected = hashlib.sha256(f"entity\x00{text}".encode()).digest()
    assert row_hash("entity", state) == int.from_bytes(expected, "big")


def test_a_batch_digest_does_not_depend_on_the_order_of_its_rows():
    rows = [("entity", {"id": str(i)}) for i in range(5)]
    forward, backward = BatchDigest(), BatchDigest()
    for kind, state in rows:
        forward.add(kind, state)
    for kind, state in reversed(rows):
        backward.add(kind, state)
    assert forward.value() == backward.value()
    assert forward.value()["rows"] == 5
    backward.add("entity", {"id": "5"})
    assert forward.value()["digest"] != backward.value()["digest"]
