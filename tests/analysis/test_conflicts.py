from __future__ import annotations

from kartoteka.analysis.conflicts import find_conflicts
from kartoteka.model import Claim, Literal, Passage
from kartoteka.model.vocabulary import Stance, Status


def _claim(n: int, predicate: str, date: str | None = None, **kw) -> Claim:
    return Claim(
        id=f"c{n}",
        subject=kw.pop("subject", "p"),
        predicate=predicate,
        passage=Passage("s", n, n + 1, "x"),
        date=Literal("date", date) if date else None,
        **kw,
    )


def test_rehabilitation_dates_that_cannot_overlap_are_a_conflict():
    (conflict,) = find_conflicts(
        [_claim(1, "rehabilitated", "1956"), _claim(2, "rehabilitated", "1961-10")]
    )
    assert (conflict.kind, conflict.verdict) == ("date", "conflict")
    assert conflict.values == ("1956", "1961-10")
    assert set(conflict.claims) == {"c1", "c2"}


def test_a_year_and_a_day_within_it_agree():
    assert (
        find_conflicts(
            [_claim(1, "executed", "1937"), _claim(2, "executed", "1937-06-12")]
        )
        == []
    )


def test_an_approximate_date_next_to_another_is_undetermined():
    (conflict,) = find_conflicts(
        [_claim(1, "died", "1941-02~"), _claim(2, "died", "1941-01-31")]
    )
    assert conflict.verdict == "undetermined"


def test_two_arrests_on_different_dates_are_not_a_conflict():
    claims = [_claim(1, "arrested", "1931"), _claim(2, "arrested", "1937")]
    assert find_conflicts(claims) == []


def test_different_people_do_not_conflict():
    claims = [
        _claim(1, "born", "1893", subject="a"),
        _claim(2, "born", "1895", subject="b"),
    ]
    assert find_conflicts(claims) == []


def test_rejected_claims_take_no_part():
    claims = [
        _claim(1, "born", "1893"),
        _claim(2, "born", "1895", status=Status.REJECTED),
    ]
    assert find_conflicts(claims) == []


def test_one_source_affirming_what_another_denies_is_a_conflict():
    claims = [_claim(1, "confessed"), _claim(2, "confessed", stance=Stance.DENIES)]
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.verdict, conflict.values) == (
        "stance",
        "conflict",
        ("affirms", "denies"),
    )


def test_a_doubt_against_an_affirmation_is_undetermined():
    claims = [_claim(1, "tried"), _claim(2, "tried", stance=Stance.DOUBTS)]
    assert [c.verdict for c in find_conflicts(claims)] == ["undetermined"]


def test_denying_a_different_object_is_no_contradiction():
    claims = [
        _claim(1, "member_of", object="org_a"),
        _claim(2, "member_of", object="org_b", stance=Stance.DENIES),
    ]
    assert find_conflicts(claims) == []


def test_the_fixture_case_shows_both_kinds(petrov_store):
    conflicts = find_conflicts(petrov_store.claims())
    assert sorted((c.kind, c.predicate) for c in conflicts) == [
        ("date", "rehabilitated"),
        ("stance", "imprisoned"),
    ]


def test_one_day_written_old_style_and_new_style_is_no_conflict():
    claims = [_claim(1, "born", "1893-02-04"), _claim(2, "born", "1893-02-16")]
    assert find_conflicts(claims) == []


def test_days_apart_by_another_lag_still_conflict():
    claims = [_claim(1, "born", "1893-02-04"), _claim(2, "born", "1893-02-17")]
    assert [c.kind for c in find_conflicts(claims)] == ["date"]


def test_records_linking_joined_are_compared_as_one_person():
    claims = [
        _claim(1, "executed", "1938-05-20", subject="casefile-person"),
        _claim(2, "executed", "1938-05-21", subject="list-record"),
    ]
    assert find_conflicts(claims) == []
    (conflict,) = find_conflicts(claims, {"list-record": "casefile-person"})
    assert conflict.subject == "casefile-person"
    assert set(conflict.claims) == {"c1", "c2"}


def _record(n: int, predicate: str, date: str, text: str, **qualifiers) -> Claim:
    return Claim(
        id=f"c{n}",
        subject="p",
        predicate=predicate,
        passage=Passage("s", n, n + len(text), text),
        date=Literal("date", date),
        qualifiers=qualifiers,
        origin="registry:memorial-lists",
    )


def test_a_child_born_after_the_familys_deportation_is_a_kind_of_its_own():
    claims = [
        _record(1, "born", "1940", "Родилась в 1940 г."),
        _record(2, "sentenced", "1931", "Приговорена: в 1931 г.",
                sentence="раскулачена - Кемеровская обл."),
    ]  # fmt: skip
    (conflict,) = find_conflicts(claims)
    assert conflict.kind == "family_sentence"
    assert not conflict.is_open
    assert conflict.explained.reason == "family_record"
    assert "deported family" in conflict.explanation


def test_born_after_a_plain_sentence_stays_an_open_contradiction():
    claims = [
        _record(1, "born", "1971", "Родился в 1971 г."),
        _record(2, "sentenced", "1937-09-01", "Приговорен: тройкой 1 сентября 1937 г.",
                article="58-10"),
    ]  # fmt: skip
    (conflict,) = find_conflicts(claims)
    assert (conflict.kind, conflict.is_open) == ("order", True)


def test_a_conflicts_id_is_stable_and_names_its_claims():
    claims = [_claim(1, "died", "1941"), _claim(2, "died", "1942")]
    first, again = find_conflicts(claims)[0], find_conflicts(list(reversed(claims)))[0]
    assert first.id == again.id and first.id.startswith("cfl_")
    other = find_conflicts([_claim(1, "died", "1941"), _claim(3, "died", "1942")])[0]
    assert other.id != first.id
