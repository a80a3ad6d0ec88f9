from __future__ import annotations

from kartoteka.ingest.registries.names_ru import parse_name, split_top


def test_bracketed_spellings_of_a_surname_are_variants():
    main, variants, aliases = parse_name(
        "Восканов (Васканов, Восканян) Гаспар Карпович (Карапетович)"
    )
    assert main == "Восканов Гаспар Карпович"
    assert variants == [
        "Васканов Гаспар Карпович",
        "Восканян Гаспар Карпович",
        "Восканов Гаспар Карапетович",
    ]
    assert aliases == []


def test_a_bracketed_full_name_is_an_alias():
    assert parse_name("Потапенко Иван Иванович (Алешкевич Тит Михеевич)") == (
        "Потапенко Иван Иванович",
        [],
        ["Алешкевич Тит Михеевич"],
    )


def test_an_unlike_bracketed_surname_is_another_name():
    assert parse_name("Раевич (Суслов) Константин Трифонович")[2] == [
        "Суслов Константин Трифонович"
    ]


def test_nested_brackets_give_variants_of_the_alias():
    _, _, aliases = parse_name(
        "Немов Александр Семенович (Немой Исаак-Илья (Ичхок-Элья) Симонович)"
    )
    assert aliases == ["Немой Исаак-Илья Симонович", "Немой Ичхок-Элья Симонович"]


def test_commas_inside_brackets_do_not_split():
    assert split_top("a (b, c), d, e (f (g, h)), i") == [
        "a (b, c)",
        "d",
        "e (f (g, h))",
        "i",
    ]
