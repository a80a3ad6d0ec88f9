from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.errors import ConfigError
from kartoteka.ingest.registries.csv_list import load_mapping, parse
from kartoteka.interfaces.cli import cli

EXAMPLES = Path(__file__).parents[3] / "docs" / "examples"


def test_the_documented_example_imports(fresh_store, tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(tmp_path / "k.db"),
            "import",
            "csv",
            str(EXAMPLES / "book-of-memory.csv"),
            "--mapping",
            str(EXAMPLES / "book-of-memory.yaml"),
        ],
        obj={},
    )
    assert result.exit_code == 0, result.output
    assert "persons created: 2" in result.output


def test_rows_become_records_with_dates_sex_and_qualifiers():
    parsed = parse(
        EXAMPLES / "book-of-memory.csv", load_mapping(EXAMPLES / "book-of-memory.yaml")
    )
    orlov, lebedeva = parsed.records
    assert (orlov.names[0].name, orlov.sex, lebedeva.sex) == (
        "Орлов Семен Ильич",
        "M",
        "F",
    )
    events = {e.predicate: e for e in orlov.events}
    assert {p: e.date for p, e in events.items()} == {
        "born": "1899",
        "arrested": "1937-08-12",
        "sentenced": "1937-09-20",
        "executed": "1937-09-25",
        "rehabilitated": "1958-05",
    }
    assert events["sentenced"].qualifiers == {
        "agency": "тройка при УНКВД",
        "article": "58-10",
        "sentence": "ВМН",
    }
    quoted = orlov.text[events["executed"].start : events["executed"].end]
    assert quoted == "Дата расстрела: 25.09.1937"
    assert lebedeva.ref == "book-of-memory.csv:3"


def test_a_mapping_with_unknown_fields_says_which(tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns:\n  nmae: ФИО\n  executed: Дата\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown field 'nmae'"):
        load_mapping(mapping)


def test_a_mapping_naming_absent_columns_is_refused(tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns:\n  name: Фамилия\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="columns the file lacks: Фамилия"):
        parse(EXAMPLES / "book-of-memory.csv", load_mapping(mapping))


def test_csv_without_a_mapping_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(tmp_path / "k.db"),
            "import",
            "csv",
            str(EXAMPLES / "book-of-memory.csv"),
        ],
        obj={},
    )
    assert result.exit_code == 1 and "needs --mapping" in result.output


def test_identifying_fields_date_format_and_given_names_first(tmp_path):
    (tmp_path / "l.csv").write_text(
        "given,surname,dob,ssn,suburb\nmichaela,neumann,19151111,5304218,miami\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "name_order: given-first\ndate_format: '%Y%m%d'\n"
        "columns: {given: given, surname: surname, born: dob}\n"
        "identifying:\n"
        "  ssn: {column: ssn, compare: fuzzy, own: true}\n"
        "  suburb: {column: suburb, compare: fuzzy}\n",
        encoding="utf-8",
    )
    loaded = load_mapping(mapping)
    assert [(f.name, f.compare, f.own) for f in loaded.identifying] == [
        ("ssn", "fuzzy", True),
        ("suburb", "fuzzy", False),
    ]
    (record,) = parse(tmp_path / "l.csv", loaded).records
    assert record.names[0].name == "michaela neumann"
    assert [(e.predicate, e.date, e.date_text) for e in record.events] == [
        ("born", "1915-11-11", "19151111")
    ]
    assert record.attributes == {"ssn": "5304218", "suburb": "miami"}


def test_an_identifying_field_needs_a_column_and_a_comparison(tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "columns: {name: ФИО, address: Адрес}\nname_order: family-last\n"
        "identifying: {address: soundex, passport: exact, birthplace: {column: Место,"
        " compare: fuzzy}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as raised:
        load_mapping(mapping)
    message = str(raised.value)
    assert "compare is one of exact, normalized, fuzzy, date, not 'soundex'" in message
    assert "identifying 'passport': map it under columns, or give its column" in message
    assert "identifying 'birthplace' is a field" in message
    assert "name_order is surname-first or given-first" in message
