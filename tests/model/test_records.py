from __future__ import annotations

import dataclasses

import pytest

from kartoteka.model import Claim, Literal, Name, Passage, Source
from kartoteka.model.ids import make_id, sha256_text
from kartoteka.model.records import is_entity_id, script_of
from kartoteka.model.vocabulary import (
    LIFECYCLE_ORDER,
    PREDICATES,
    Group,
    NameKind,
)


def test_ids_are_stable_hashes_of_their_parts():
    assert make_id("per", "casefile", "petrov") == make_id("per", "casefile", "petrov")
    assert make_id("per", "casefile", "petrov") != make_id("per", "casefile", "petrova")
    assert make_id("per", "x").startswith("per_")


def test_ids_do_not_depend_on_unicode_composition():
    composed, decomposed = "Beneš", "Benes\u030c"
    assert make_id("per", composed) == make_id("per", decomposed)


def test_a_source_hashes_its_text():
    source = Source(id="s", kind="article", title="t", text="Some text.")
    assert source.sha256 == sha256_text("Some text.")


def test_records_are_frozen():
    source = Source(id="s", kind="article", title="t", text="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.text = "changed"  # type: ignore[misc]


def test_a_name_knows_its_script():
    assert Name("Тухачевский").script == "Cyrl"
    assert Name("Tuchatschewski").script == "Latn"
    assert Name("1937").script == "Zyyy"
    assert script_of("Beneš") == "Latn"


def test_a_claim_id_follows_its_content_not_the_import():
    passage = Passage("src", 10, 20, "0123456789")
    first = Claim.make_id("per_1", "executed", passage, "1937-06-12")
    again = Claim.make_id("per_1", "executed", passage, "1937-06-12")
    other = Claim.make_id("per_1", "executed", passage, "1937-06-13")
    assert first == again != other


def test_a_passage_matches_only_its_own_text():
    passage = Passage("src", 4, 9, "quick")
    assert passage.matches("the quick fox")
    assert not passage.matches("the quack fox")


def test_a_range_literal_displays_both_ends_and_its_unit():
    assert Literal("quantity", low=60.0, high=70.0, unit="percent").display() == (
        "60–70 percent"
    )
    assert Literal("quantity", 35000.0, unit="officers").display() == "35,000 officers"


def test_entity_ids_are_recognised_by_shape():
    assert is_entity_id("per_0123456789abcdef")
    assert not is_entity_id("per_xyz")
    assert not is_entity_id("Moscow")


def test_every_predicate_has_a_meaning_and_the_life_cycle_is_ordered():
    assert all(p.meaning for p in PREDICATES.values())
    assert LIFECYCLE_ORDER[0] == "born"
    assert LIFECYCLE_ORDER.index("executed") < LIFECYCLE_ORDER.index("rehabilitated")
    assert {"transferred", "estimate", "member_of"} <= set(PREDICATES)
    assert PREDICATES["estimate"].group is Group.NUMBER


def test_name_kinds_cover_the_design():
    assert {k.value for k in NameKind} >= {
        "birth",
        "variant",
        "alias",
        "transliteration",
        "pseudonym",
    }
