from __future__ import annotations


def test_search_finds_words_in_source_texts(petrov_store):
    hits = petrov_store.search("heart failure")
    assert [(h.kind, h.ref) for h in hits] == [("source", "petrov-report")]
    assert "[heart]" in hits[0].snippet


def test_search_finds_entities_by_any_of_their_names(petrov_store):
    by_latin = {h.ref for h in petrov_store.search("Petrov") if h.kind == "entity"}
    by_cyrillic = {h.ref for h in petrov_store.search("петров") if h.kind == "entity"}
    assert by_latin and by_latin == by_cyrillic


def test_search_treats_operators_and_quotes_as_plain_words(petrov_store):
    assert petrov_store.search('"NEAR AND') == []
    assert [h.ref for h in petrov_store.search('"local" NKVD')] == ["petrov-report"]


def test_a_possessive_finds_the_plain_word(petrov_store):
    assert {h.ref for h in petrov_store.search("camp’s")} == {
        "petrov-memoir",
        "petrov-report",
    }


def test_an_empty_query_finds_nothing(petrov_store):
    assert petrov_store.search("  ?! ") == []
