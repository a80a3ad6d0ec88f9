"""The demo end to end, on the real seed article (integration)."""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

from kartoteka.analysis.cases import build_case
from kartoteka.analysis.conflicts import find_conflicts
from kartoteka.demo import SEED, run_demo
from kartoteka.exports.jsonl import persons
from kartoteka.interfaces.cli import cli
from kartoteka.model.vocabulary import EntityKind, Stance
from kartoteka.storage import Store

pytestmark = pytest.mark.integration


def _person(store: Store, name: str):
    (found,) = store.find_entities(name, EntityKind.PERSON)
    return found


def test_the_demo_command_prints_the_summary_and_tukhachevskys_case(tmp_path, shared):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), "demo"], obj={})
    assert result.exit_code == 0, result.output
    out = result.output
    for expected in (
        "claim created",
        "32 persons",
        "Тухачевский Михаил Николаевич",
        "1937-06-12 (June 12, 1937)",
        "On June 12, 1937, Mikhail Tukhachevsky",
        "rehabilitated dated 1956 vs 1961-10",
        "DISPUTED",
        "verified ",
        "a confession made in public cannot come from a trial kept secret",
        "Victor Alexandrov: Gestapo → Скоблин Николай Владимирович → Edvard Beneš "
        "→ Сталин Иосиф Виссарионович (alexandrov-1964)",
        "inconsistency: stalin 2.00, yezhov 3.00, hitler 7.00",
        "perhaps as many as 35,000 officers",
        "8,000,000 persons (imprisoned during the purges) — Alexander Weissberg",
    ):
        assert expected in out, expected


def test_running_the_demo_twice_changes_nothing(demo_store):
    before = demo_store.counts()
    result = run_demo(demo_store, actor="test")
    assert demo_store.counts() == before
    assert "no changes" in result.report.summary()


def test_the_execution_is_shown_with_its_source_and_quote(demo_store):
    case = build_case(demo_store, "Tukhachevsky")
    (executed,) = [e for e in case.events if e.predicate == "executed"]
    assert executed.date == "1937-06-12"
    roberts = [
        c
        for c in executed.claims
        if c.asserted_by == _person(demo_store, "Dick Roberts").id
    ]
    assert roberts[0].source == "roberts-1964"
    assert "were executed after a secret trial" in roberts[0].passage.text


def test_the_1956_and_1961_rehabilitations_are_a_conflict(demo_store):
    case = build_case(demo_store, "Tukhachevsky")
    dated = [c for c in case.conflicts if c.kind == "date"]
    assert [(c.predicate, c.values, c.verdict) for c in dated] == [
        ("rehabilitated", ("1956", "1961-10"), "conflict")
    ]
    voices = {
        demo_store.entity(c.asserted_by).name
        for c in demo_store.claims()
        if c.id in dated[0].claims
    }
    assert {"Louis Aragon", "Хрущёв Никита Сергеевич"} <= voices


def test_publicly_confessed_and_kept_secret_contradict_each_other(demo_store):
    tukhachevsky = _person(demo_store, "Tukhachevsky")
    (conflict,) = [
        c
        for c in find_conflicts(demo_store.claims(subject=tukhachevsky.id))
        if c.predicate == "confessed"
    ]
    quotes = {
        c.stance: c.passage.text for c in demo_store.claims() if c.id in conflict.claims
    }
    assert "publicly confessed" in quotes[Stance.AFFIRMS]
    assert "kept completely secret" in quotes[Stance.DENIES]
    # The same contradiction as states that exclude each other, with both quotes.
    (exclusive,) = [
        c
        for c in find_conflicts(demo_store.claims(subject=tukhachevsky.id))
        if c.kind == "exclusive"
    ]
    words = [demo_store.claim(i).passage.text for i in exclusive.claims]
    assert any("publicly confessed" in w for w in words)
    assert any("secret" in w and "publicly" not in w for w in words)


def test_every_quote_occurs_verbatim_in_the_seed_text(demo_store, shared):
    seed = (shared / SEED).read_text(encoding="utf-8")
    claims = demo_store.claims()
    assert len(claims) >= 80
    for claim in claims:
        assert seed[claim.passage.start : claim.passage.end] == claim.passage.text


def test_every_spelling_the_article_uses_finds_its_person(demo_store):
    pairs = {
        "Tukhachevky": "Тухачевский Михаил Николаевич",
        "Marshal Tukhachevsky": "Тухачевский Михаил Николаевич",
        "Uborevitch": "Уборевич Иероним Петрович",
        "Eidemann": "Эйдеман Роберт Петрович",
        "General Mueller": "Миллер Евгений Карлович",
        "W.G. Krivitsky": "Кривицкий Вальтер Германович",
        "Benes": "Edvard Beneš",
    }
    for spelling, name in pairs.items():
        assert _person(demo_store, spelling).name == name
    assert len(demo_store.entities(kind=EntityKind.PERSON)) >= 30


def test_the_forged_letters_pass_from_the_gestapo_to_stalin(demo_store):
    ids = {
        k: demo_store.find_entities(k)[0].id
        for k in ("gestapo", "skoblin", "benes", "stalin")
    }
    hops = {
        (c.qualifiers["from"], c.qualifiers["to"])
        for c in demo_store.claims(predicate="transferred")
    }
    chain = [("gestapo", "skoblin"), ("skoblin", "benes"), ("benes", "stalin")]
    assert {(ids[a], ids[b]) for a, b in chain} <= hops


def test_the_estimates_name_who_made_them(demo_store):
    estimates = {
        c.value.value: c
        for c in demo_store.claims(predicate="estimate")
        if c.value.value is not None
    }
    assert (
        demo_store.entity(estimates[8_000_000].asserted_by).name
        == "Alexander Weissberg"
    )
    assert estimates[35_000].certainty.value == "possible"
    ranges = [
        (c.value.low, c.value.high)
        for c in demo_store.claims(predicate="estimate")
        if c.value.low is not None
    ]
    assert ranges == [(60.0, 70.0)]
    assert {90.0, 80.0, 25.0} <= set(estimates)


def test_the_dated_deaths_and_assassinations_are_there(demo_store):
    def dates_of(name, predicate):
        return {
            c.date.value
            for c in demo_store.claims(
                subject=_person(demo_store, name).id, predicate=predicate
            )
            if c.date
        }

    assert dates_of("Krivitsky", "died") == {"1941-02-10"}
    assert dates_of("Kirov", "assassinated") == {"1934"}
    assert dates_of("Trotsky", "assassinated") == {"1940-08~"}
    assert demo_store.claims(
        subject=_person(demo_store, "General Mueller").id, predicate="kidnapped"
    )
    assert demo_store.claims(
        subject=_person(demo_store, "Yagoda").id, predicate="purged"
    )


def test_the_article_derives_from_the_works_it_footnotes(demo_store):
    roberts = demo_store.source("roberts-1964")
    assert {
        "weissberg-1951",
        "alexandrov-1964",
        "krivitsky-1939",
        "krivitsky-1939-post",
        "aragon-1964",
    } <= set(roberts.derived_from)
    for parent in roberts.derived_from:
        assert demo_store.has_source(parent)


def test_the_exported_persons_follow_the_contract(demo_store):
    records = {r["id"]: r for r in persons(demo_store)}
    tukhachevsky = records[_person(demo_store, "Tukhachevsky").id]
    json.dumps(tukhachevsky, ensure_ascii=False)
    assert (
        tukhachevsky["name"] == "Тухачевский Михаил Николаевич"
        and tukhachevsky["sex"] == "M"
    )
    executed = next(e for e in tukhachevsky["events"] if e["type"] == "executed")
    assert executed["date"] == "1937-06-12"
    assert any(c["source"] == "roberts-1964" for c in executed["claims"])
    assert {"type": "rehabilitated", "values": ["1956", "1961-10"]}.items() <= (
        next(c for c in tukhachevsky["conflicts"] if c["kind"] == "date").items()
    )


def test_the_demo_store_verifies(demo_store):
    report = demo_store.verify()
    assert report.ok, report.failures
    assert report.claims == len(demo_store.claims())


def test_the_demo_runs_with_the_network_cut_off(tmp_path, shared, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("kartoteka tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    store = Store.open(tmp_path / "offline.db")
    result = run_demo(store, actor="test")
    assert result.persons >= 30
    store.close()
