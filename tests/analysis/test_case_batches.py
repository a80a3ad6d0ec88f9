"""Cases read a batch at a time are the cases a page reads one by one."""

from __future__ import annotations

from kartoteka.exports.person_pages import every_person_record
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store
from tests.case_records import one_by_one as _one_by_one
from tests.records import petrov_in_two_records


def _batched(store: Store, size: int) -> list[dict]:
    return list(every_person_record(store, size))


def test_the_demos_persons_are_the_same_read_in_batches(demo_store):
    expected = _one_by_one(demo_store)
    assert len(expected) == 32
    for size in (1, 7, 1000):  # batches cut anywhere
        assert _batched(demo_store, size) == expected


def test_a_merged_person_is_one_case_with_both_records(tmp_path):
    from kartoteka.analysis.lookup import find_person
    from kartoteka.linking.edits import judge_pair
    from kartoteka.storage.links import Verdict

    store = Store.open(petrov_in_two_records(tmp_path))
    persons = store.find_entities("Петров Иван Сергеевич", EntityKind.PERSON)
    assert len(persons) == 2
    judge_pair(store, persons[0].id, persons[1].id, Verdict.SAME, "test")
    expected = _one_by_one(store)
    (merged,) = [r for r in expected if r["merged_from"]]
    assert merged["records"] and merged["records"][0]["text"].startswith("Петров")
    assert _batched(store, 1) == expected == _batched(store, 50)
    assert find_person(store, "Ivan Petrov")
    store.close()
