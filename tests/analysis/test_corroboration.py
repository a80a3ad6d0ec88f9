"""Independent origins over a small derivation graph, with a loop."""

from __future__ import annotations

from kartoteka.analysis.corroboration import (
    VOICE,
    corroborate,
    cycles,
    derivation_graph,
    independent_groups,
    roots,
)
from kartoteka.model import Claim, Literal, Passage
from kartoteka.model.vocabulary import Stance

# archive ← report ← article ← book; memoir stands alone; a and b cite each
# other (a loop); c cites a.
DERIVED = {
    "archive": (),
    "report": ("archive",),
    "article": ("report",),
    "book": ("article", "memoir"),
    "memoir": (),
    "a": ("b",),
    "b": ("a",),
    "c": ("a",),
}
GRAPH = derivation_graph(DERIVED)


def _claim(n: int, source: str, **kw) -> Claim:
    return Claim(
        id=f"c{n}",
        subject=kw.pop("subject", "p"),
        predicate=kw.pop("predicate", "executed"),
        passage=Passage(source, n, n + 1, f"words {n}"),
        **kw,
    )


def test_roots_follow_derivations_to_the_first_works():
    assert roots(GRAPH, "article") == {"archive"}
    assert roots(GRAPH, "book") == {"archive", "memoir"}
    assert roots(GRAPH, "unknown-source") == {"unknown-source"}


def test_a_loop_with_no_way_out_is_one_root():
    assert roots(GRAPH, "a") == roots(GRAPH, "c") == {"a+b"}
    assert cycles(GRAPH) == [["a", "b"]]


def test_a_source_derived_from_two_does_not_join_them():
    # The book read both the article and the memoir; the two stay independent.
    groups = independent_groups([{"archive", "memoir"}, {"archive"}, {"memoir"}])
    assert groups == (("archive",), ("memoir",))


def test_sources_that_copy_one_another_count_once():
    claims = [_claim(1, "report"), _claim(2, "article"), _claim(3, "archive")]
    (fact,) = corroborate(claims, GRAPH, {})
    assert fact.origins == 1 and not fact.confirmed
    assert fact.suggestion == "not confirmed: one origin (3 claims repeat it)"


def test_two_independent_origins_confirm():
    claims = [_claim(1, "article"), _claim(2, "memoir")]
    (fact,) = corroborate(claims, GRAPH, {})
    assert fact.origins == 2 and fact.confirmed


def test_circular_reporting_is_flagged_and_never_confirms():
    claims = [_claim(1, "c"), _claim(2, "b"), _claim(3, "memoir")]
    (fact,) = corroborate(claims, GRAPH, {})
    assert fact.circular == ("a", "b")
    assert fact.origins == 2 and not fact.confirmed
    assert fact.suggestion.startswith("not confirmed: circular reporting")


def test_a_voice_quoted_in_two_sources_is_one_origin():
    claims = [
        _claim(1, "article", asserted_by="khrushchev"),
        _claim(2, "memoir", asserted_by="khrushchev"),
    ]
    (fact,) = corroborate(claims, GRAPH, {})
    assert {s.origin for s in fact.supports} == {VOICE + "khrushchev"}
    assert fact.origins == 1
    # Where the voice wrote a work the source read, that work is the origin.
    mapped = corroborate(claims, GRAPH, {("khrushchev", "article"): "report"})
    assert {s.origin for s in mapped[0].supports} == {"report", VOICE + "khrushchev"}


def test_a_cited_work_is_the_origin():
    claims = [_claim(1, "article", qualifiers={"cited_from": "memoir"}),
              _claim(2, "report")]  # fmt: skip
    (fact,) = corroborate(claims, GRAPH, {})
    assert fact.origins == 2


def test_a_denial_by_another_origin_disputes():
    claims = [_claim(1, "article"), _claim(2, "memoir", stance=Stance.DENIES)]
    (fact,) = corroborate(claims, GRAPH, {})
    assert len(fact.denials) == 1 and fact.suggestion.startswith("disputed")


def test_dates_that_cannot_meet_do_not_corroborate_each_other():
    claims = [
        _claim(1, "article", predicate="rehabilitated", date=Literal("date", "1956")),
        _claim(2, "memoir", predicate="rehabilitated", date=Literal("date", "1961-10")),
        _claim(3, "report", predicate="rehabilitated"),
    ]
    (fact,) = corroborate(claims, GRAPH, {})
    by_claim = {s.claim: s for s in fact.supports}
    assert by_claim["c1"].disputed_by == ("c2",)
    assert by_claim["c3"].disputed_by == ()
    assert by_claim["c1"].agreeing == 1  # itself; the undated c3 is its own line
    assert by_claim["c3"].agreeing == 2  # fits both dates, from two origins
    assert fact.suggestion.endswith("their dates disagree")


def test_transfers_between_different_holders_are_different_facts():
    claims = [
        _claim(1, "article", predicate="transferred",
               qualifiers={"from": "x", "to": "y"}),
        _claim(2, "memoir", predicate="transferred",
               qualifiers={"from": "y", "to": "z"}),
    ]  # fmt: skip
    assert len(corroborate(claims, GRAPH, {})) == 2
