"""Every person's export record built from their case, one by one, as a case
page builds it: the reference the paged exports are compared with."""

from __future__ import annotations

from kartoteka.analysis.cases import build_case
from kartoteka.exports.jsonl import person_record
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store


def one_by_one(store: Store) -> list[dict]:
    """Each person once (a merged person under its canonical id), in order of id."""
    links = store.links()
    return [
        person_record(build_case(store, i))
        for i in store.entity_ids(EntityKind.PERSON)
        if links.get(i, i) == i
    ]
