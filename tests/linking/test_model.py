"""The linkage model's blocking, comparisons and guard, on a few persons."""

from __future__ import annotations

from kartoteka.linking.feature_table import build_features
from kartoteka.linking.features import features_of, person_row
from kartoteka.linking.guard import disagree
from kartoteka.linking.score import score_persons


def _scores(
    people: dict[str, tuple[str, str | None]], died: dict[str, str] | None = None
) -> dict[frozenset, float]:
    features = build_features(
        (pid, [name], "M", None, birth, (died or {}).get(pid))
        for pid, (name, birth) in people.items()
    )
    pairs, _, _ = score_persons(features, floor=0.0)
    return {frozenset((a, b)): p for a, b, p, _ in pairs}


def test_a_misspelt_surname_is_still_compared():
    # no surname key, no birth year and no birth date in common: only the
    # rules on the surname's beginning or end bring the pairs together
    scores = _scores(
        {
            "a": ("Борткевич Капитон Васильевич", "1907"),
            "b": ("Бортевич Капитон Васильевич", "1906"),
            "c": ("Хашковский Давид Абрамович", "1886"),
            "d": ("Ташковский Давид Абрамович", "1885"),
            "e": ("Петров Давид Абрамович", "1884"),
        }
    )
    assert frozenset("ab") in scores and frozenset("cd") in scores
    assert frozenset("ce") not in scores  # nothing of the surname shared


def test_an_initial_counts_for_the_name_it_may_stand_for():
    scores = _scores(
        {
            "full": ("Асатуров Владимир Ефимович", "1909"),
            "initials": ("Асатуров В. Е.", "1909"),
            "other": ("Асатуров Виктор Ефимович", "1909"),
            "namesake": ("Асатуров Виктор Егорович", "1909"),
        }
    )
    by_initials = scores[frozenset(("full", "initials"))]
    # two full names that differ but share their first letters are evidence
    # against, not for (the guard keeps such a pair from a merge in any case)
    assert by_initials > 0.5
    assert by_initials - scores[frozenset(("full", "other"))] > 0.2
    # given name and patronymic both other: not even compared (a namesake)
    assert frozenset(("full", "namesake")) not in scores
    assert frozenset(("initials", "namesake")) in scores


def test_the_date_of_death_weighs_for_one_person_or_against():
    name = ("Асатуров Владимир Ефимович", "1909")
    people = {k: name for k in ("a", "same", "other", "unknown")}
    scores = _scores(
        people, died={"a": "1937-11-02", "same": "1937-11-02", "other": "1938-03-15"}
    )
    agree = scores[frozenset(("a", "same"))]
    assert (
        agree > scores[frozenset(("a", "unknown"))] > scores[frozenset(("a", "other"))]
    )


def _person(name: str, birth: str | None = "1900") -> dict:
    return features_of(person_row("x", [name], "M", None, birth))


def test_a_slip_in_a_long_patronymic_is_not_another_father():
    original = _person("Козляков Павел Васильевич")
    assert not disagree(original, _person("Козляков Павел Васильеич"))
    assert not disagree(
        _person("Георгиу Ида Федоровна"), _person("Георгиу Ида Феоровна")
    )
    assert disagree(
        _person("Козляков Павел Петрович"), _person("Козляков Павел Павлович")
    )


def test_a_letter_dropped_as_written_is_a_slip_even_where_the_keys_differ():
    # Владиир's doubled и makes one letter in its key: two slips from Владимир
    assert not disagree(
        _person("Маркин Владимир Андреевич"), _person("Маркин Владиир Андреевич")
    )
    assert not disagree(
        _person("Лосько Михаил Саимович"), _person("Лосько Миаил Саимович")
    )
    assert not disagree(
        _person("Зарин Николай Иванович"), _person("Зарин Николай Иваович")
    )
    assert disagree(_person("Зарин Иван Петрович"), _person("Зарин Иона Петрович"))
    assert disagree(_person("Зарин Иван В."), _person("Зарин Иван Петрович"))


def test_initials_of_different_vowels_are_different_names():
    # the keys read Ю. and И. (or Е. and И.) alike; the letters do not
    assert disagree(_person("Барков Ю. П."), _person("Барков Иван Павлович"))
    assert disagree(_person("Коровин Е. К."), _person("Коровин Иван Константинович"))
    assert not disagree(_person("Барков И. П."), _person("Барков Иван Павлович"))
    assert not disagree(_person("Петров Ёсиф П."), _person("Петров Е. П."))


def test_names_a_slip_apart_with_different_birthplaces_are_for_a_person_to_judge():
    def latvian(name: str, place: str) -> dict:
        return features_of(person_row("x", [name], "M", place, "1897", "1938-02-03"))

    smilten = latvian("Крузин Ян Янович", "Латвия, г. Смилтен")
    assert disagree(smilten, latvian("Крумин Ян Янович", "Латвия, г. Тукум"))
    assert not disagree(smilten, latvian("Крузин Ян Янович", "Латвия, г. Тукум"))
    assert not disagree(smilten, latvian("Крумин Ян Янович", "Латвия, г. Смилтен"))
    assert not disagree(smilten, latvian("Крумин Ян Янович", None))
    # places compare across scripts, as names do
    assert not disagree(smilten, latvian("Krumin Yan Yanovich", "Latviya, g. Smilten"))
    assert disagree(smilten, latvian("Krumin Yan Yanovich", "Latviya, g. Tukum"))


def test_different_surnames_are_for_a_person_to_judge():
    assert disagree(_person("Чекалов Лев Евтихиевич"), _person("Церс Лев Евтихиевич"))
    assert not disagree(
        _person("Языков Роберт Иванович"), _person("Языов Роберт Иванович")
    )


def test_names_written_the_other_way_round_are_compared_and_not_held_back():
    scores = _scores(
        {
            "a": ("Ivan Kuzmin", "1900"),
            "b": ("Kuzmin Ivan", "1901"),
            "c": ("Pyotr Kuzmin", "1901"),
        }
    )
    # no key and no birth year in common but the swapped ones
    assert frozenset("ab") in scores
    assert not disagree(_person("Ivan Kuzmin"), _person("Kuzmin Ivan"))
    assert disagree(_person("Ivan Kuzmin"), _person("Kuzmin Pyotr"))


def test_persons_without_a_patronymic_are_blocked_on_what_they_have():
    scores = _scores({"a": ("Озолс Янис", "1890"), "b": ("Озолс Я.", "1891")})
    assert frozenset("ab") in scores


def test_a_surname_and_birth_year_alone_pair_only_where_a_patronymic_is_missing():
    scores = _scores(
        {
            # a casefile's man in Latin script (no patronymic) and his record
            "a": ("Mikhail Tukhachevsky", "1893"),
            "b": ("Тухачевский Михаил Николаевич", "1893"),
            # brothers born the same year: nothing but the surname in common
            "c": ("Миних Константин Васильевич", "1909"),
            "d": ("Миних Борис Петрович", "1909"),
            # records of the lists that name one word only, a surname variant
            "e": ("Шмеркин", "1892"),
            "f": ("Шмеркин", "1892"),
        }
    )
    assert frozenset("ab") in scores and frozenset("ef") in scores
    assert frozenset("cd") not in scores


def test_namesakes_born_and_shot_in_different_places_and_days_are_apart():
    def record(place: str | None, died: str | None) -> dict:
        return features_of(
            person_row("x", ["Лац Давид Афанасьевич"], "M", place, "1899", died)
        )

    budapest = record("Венгрия, г. Будапешт", "1938-05-31")
    assert disagree(budapest, record("Польша, г. Вильно", "1937-10-08"))
    # one of the two differing is for the model to weigh, not the guard
    assert not disagree(budapest, record("Польша, г. Вильно", "1938-05-31"))
    assert not disagree(budapest, record("Венгрия, г. Будапешт", "1937-10-08"))
    assert not disagree(budapest, record(None, "1937-10-08"))


def test_a_detail_one_record_leaves_out_is_weighed_once_trained():
    from kartoteka.linking.model import comparisons

    for comparison in comparisons():
        spec = comparison.get_comparison("duckdb").as_dict()
        if spec["output_column_name"] not in ("birth", "death", "birthplace"):
            continue
        null, once = spec["comparison_levels"][:2]
        # neither record stating it says nothing; one stating it is a level
        # of its own, neutral until training gives it a weight
        assert null["is_null_level"] and " AND " in null["sql_condition"]
        assert not once.get("is_null_level") and " OR " in once["sql_condition"]
        assert once["m_probability"] == once["u_probability"]


def test_without_a_plausible_training_a_detail_in_one_record_weighs_nothing():
    from kartoteka.linking.training import _once_neutral

    level = {"label_for_charts": "birthplace in one record only"}
    model = {
        "comparisons": [
            {
                "comparison_levels": [
                    level | {"m_probability": 0.1, "u_probability": 0.02},
                    {"label_for_charts": "exact", "m_probability": 0.6},
                ]
            }
        ]
    }
    once, exact = _once_neutral(model)["comparisons"][0]["comparison_levels"]
    assert once["m_probability"] == once["u_probability"] == 0.02
    assert exact["m_probability"] == 0.6


def test_a_misspelt_surname_pairs_only_persons_near_in_age():
    scores = _scores(
        {
            "a": ("Борткевич Капитон Васильевич", "1907"),
            "b": ("Бортевич Капитон Васильевич", "1906"),
            # a slip away, and born seventeen years before: the guard would
            # never let them merge, so blocking does not pair them
            "c": ("Бортевич Капитон Васильевич", "1890"),
            "d": ("Бортевич Капитон Васильевич", None),
        }
    )
    assert frozenset("ab") in scores and frozenset("ad") in scores
    assert frozenset("ac") not in scores
    assert frozenset("bc") in scores  # the same surname: compared as ever


def test_initials_pair_persons_near_in_age_and_three_names_any_age():
    scores = _scores(
        {
            "a": ("Гайдучек Константин Петрович", "1904"),
            "b": ("Гайдучек Константин Петрович", "1890"),  # for review
            "c": ("Гайдучек К. П.", "1891"),
            "d": ("Гайдучек К. П.", "1880"),  # initials, eleven years apart
            "e": ("Гайдучек Кирилл Павлович", "1889"),
        }
    )
    assert {frozenset("ab"), frozenset("bc"), frozenset("ce")} <= set(scores)
    assert frozenset("ad") not in scores and frozenset("ac") not in scores
    assert frozenset("ae") not in scores  # initials alike, names not, far apart


def test_initials_pair_a_surname_across_scripts_near_in_age():
    # no birth year in common and no patronymic key: only the surname's keys
    # in any reading, and both initials, bring the two together
    scores = _scores(
        {
            "a": ("Тухачевский Михаил Николаевич", "1893"),
            "b": ("M. N. Tuchatschewski", "1894"),
        }
    )
    assert frozenset("ab") in scores


def test_a_given_name_in_another_language_is_not_another_name():
    assert not disagree(_person("Троцкий Лев Давидович"), _person("Leon Trotsky"))
    assert not disagree(_person("Миллер Евгений Карлович"), _person("Eugen Miller"))
    assert disagree(_person("Троцкий Лев Давидович"), _person("Sergei Trotsky"))


def test_strangers_born_in_one_town_and_year_and_shot_on_one_day_are_not_paired():
    day, town = "1937-10-02", "Варшава"
    features = build_features(
        [
            ("a", ["Миних Константин Васильевич"], "M", town, "1890", day),
            ("b", ["Миних Борис Васильевич"], "M", town, "1890", day),  # a brother
            ("c", ["Петров Игнат Семенович"], "M", town, "1890", day),  # a stranger
            ("d", [], None, town, "1890", day),  # a record naming nobody
        ]
    )
    pairs = {frozenset((a, b)) for a, b, _, _ in score_persons(features, 0.0)[0]}
    assert {frozenset(p) for p in ("ab", "ad", "bd", "cd")} <= pairs
    assert frozenset("ac") not in pairs and frozenset("bc") not in pairs


def test_a_surname_wholly_other_is_no_slip():
    # given name, patronymic, birth year and the surname's first letter
    # agree; only a surname alike enough to be a slip is compared
    scores = _scores(
        {
            "a": ("Лобанов Юрий Владимирович", "1911"),
            "slip": ("Лабанов Юрий Владимирович", "1911"),
            "other": ("Лер Юрий Владимирович", "1911"),
        }
    )
    assert frozenset(("a", "slip")) in scores
    assert frozenset(("a", "other")) not in scores
