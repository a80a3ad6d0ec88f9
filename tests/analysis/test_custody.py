"""Custody chains: the seed's accounts of the dossier, and gaps."""

from __future__ import annotations

from kartoteka.analysis.custody import UNKNOWN, chain_of, custody
from kartoteka.model import Claim, Passage


def _names(found, chain) -> list[str]:
    return [found.name(h).split()[0] for h in chain.holders]


def test_alexandrovs_chain_reads_gestapo_skoblin_benes_stalin(demo_store):
    found = custody(demo_store, "forged-dossier")
    chains = {found.name(c.voice): c for c in found.chains}
    alexandrov = chains["Victor Alexandrov"]
    assert _names(found, alexandrov) == ["Gestapo", "Скоблин", "Edvard", "Сталин"]
    # Every told step carries the claims and quotes that tell it.
    for step in alexandrov.steps:
        assert step.claims and all(found.claims[c].passage.text for c in step.claims)
    assert _names(found, chains["Хрущёв Никита Сергеевич"]) == [
        "Adolf", "Edvard", "Сталин",
    ]  # fmt: skip


def test_an_account_silent_on_the_start_shows_an_unknown_holder(demo_store):
    found = custody(demo_store, "forged-dossier")
    aragon = next(c for c in found.chains if found.name(c.voice) == "Louis Aragon")
    assert aragon.holders[0] == UNKNOWN and not aragon.steps[0].known
    assert found.name(UNKNOWN) == "unknown holder"


def test_the_step_every_account_shares_is_non_diagnostic(demo_store):
    found = custody(demo_store, "forged-dossier")
    (shared,) = found.shared
    assert [found.name(h).split()[0] for h in shared] == ["Edvard", "Сталин"]
    quiet = found.non_diagnostic_claims()
    told = [found.claims[c] for c in quiet]
    assert told and all(
        c.qualifiers.get("to") == shared[1] or c.subject == shared[1] for c in told
    )


def test_chains_carry_the_hypotheses_their_ratings_favour(demo_store):
    found = custody(demo_store, "forged-dossier")
    chains = {found.name(c.voice): c for c in found.chains}
    assert chains["Victor Alexandrov"].hypotheses == ["dossier-origin:stalin"]
    assert chains["Хрущёв Никита Сергеевич"].hypotheses == ["dossier-origin:hitler"]


def _transfer(n: int, giver: str | None, taker: str) -> Claim:
    q = {"to": taker} | ({"from": giver} if giver else {})
    return Claim(f"t{n}", "doc", "transferred", Passage("s", n, n + 1, "x"),
                 qualifiers=q)  # fmt: skip


def test_a_gap_between_steps_is_an_unknown_holder():
    chain = chain_of("v", [_transfer(1, "a", "b"), _transfer(2, "c", "d")], "doc")
    assert chain.holders == ["a", "b", UNKNOWN, "c", "d"]
    assert [s.known for s in chain.steps] == [True, False, False, True]


def test_a_step_without_a_giver_starts_from_an_unknown_holder():
    chain = chain_of("v", [_transfer(1, None, "b"), _transfer(2, "b", "c")], "doc")
    assert chain.holders == [UNKNOWN, "b", "c"]
