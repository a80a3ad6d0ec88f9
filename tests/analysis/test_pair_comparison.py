"""Two records field by field: agrees, close, differs, one side."""

from __future__ import annotations

from kartoteka.analysis.pair_comparison import compare_pair
from kartoteka.model import Claim, Entity, Literal, Name, Passage, Source
from kartoteka.model.vocabulary import EntityKind, SourceKind

TEXT = "Тухачевский, 1893, расстрелян 1937; Tukhachevsky, executed June 12, 1937\n"


def _store_two(store, born_b: str, address_b: str):
    source = Source(id="two", kind=SourceKind.REGISTRY, title="Two", text=TEXT)
    people = [
        ("per_a", "Тухачевский Михаил Николаевич",
         {"address": "ул. Серафимовича, д. 2, кв. 221", "nationality": "русский"},
         [("born", "1893"), ("executed", "1937")]),
        ("per_b", "Mikhail Tukhachevsky",
         {"address": address_b, "party": "член ВКП(б)"},
         [("born", born_b), ("executed", "1937-06-12")]),
    ]  # fmt: skip
    with store.writing("test") as tx:
        tx.put_source(source)
        for pid, name, attributes, events in people:
            tx.put_entity(
                Entity(pid, EntityKind.PERSON, name, attributes=attributes, sex="M")
            )
            tx.put_name(pid, Name(name))
            for n, (predicate, date) in enumerate(events):
                tx.put_claim(
                    Claim(
                        id=f"clm_{pid}_{n}", subject=pid, predicate=predicate,
                        passage=Passage("two", 0, 11, TEXT[:11]),
                        date=Literal("date", date),
                    )
                )  # fmt: skip
    return {r.field: r for r in compare_pair(store, "per_a", "per_b")}


def test_a_name_across_scripts_and_a_coarser_date_agree(fresh_store):
    rows = _store_two(fresh_store, "1893-02-16", "ул. Серафимовича, д. 2, кв. 221")
    assert rows["name"].verdict == "agrees"
    assert rows["executed"].verdict == "agrees"  # 1937 holds 1937-06-12
    assert rows["born"].verdict == "agrees"
    assert rows["address"].verdict == "agrees"
    assert rows["sex"].verdict == "agrees"


def test_what_differs_what_is_close_and_what_one_record_alone_says(fresh_store):
    rows = _store_two(fresh_store, "1894", "ул. Серафимовича, д. 2, кв. 221, подъезд 3")
    assert rows["born"].verdict == "differs"
    assert rows["address"].verdict == "close"
    assert (rows["nationality"].verdict, rows["nationality"].b) == ("one side", "")
    assert rows["party"].verdict == "one side"
    assert "rehabilitated" not in rows  # neither says
