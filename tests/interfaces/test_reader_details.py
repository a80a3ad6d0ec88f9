"""What a reader notices: dates in words, the language of text, UTF-8 JSON,
names in one script."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kartoteka.interfaces.cli import cli
from kartoteka.storage import Store

MOSCOW = (
    '<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; '
    'charset=windows-1251"></HEAD><BODY><p class=Street>Тестовая ул.</p><Table>'
    "<tr><td><p class=pers><B>Тухачевский Михаил Hиколаевич</B>, род. 1893, "
    "Смоленская губ., русский, б/п, маршал. Адрес: Тестовая ул., д.1. "
    "Рассстрелян 12.06.1937. Место захоронения: Москва.</p></td></tr>"
)


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], obj={})


def test_a_page_marks_russian_text_as_russian(demo_db):
    html = run(demo_db, "case", "Tukhachevsky", "--format", "html").output
    assert '<h1 lang="ru">Тухачевский Михаил Николаевич</h1>' in html
    assert '<td lang="en">Mikhail Tukhachevsky</td>' in html
    assert '<blockquote lang="en">On June 12, 1937' in html


def test_a_source_date_is_shown_in_words_with_its_edtf(demo_db):
    html = run(demo_db, "case", "Tukhachevsky", "--format", "html").output
    assert "(autumn 1964 (1964-23))" in html
    assert "(1964-23)" not in html.replace("autumn 1964 (1964-23)", "")


def test_json_output_is_utf8_not_escapes(demo_db):
    for args in (
        ("case", "Tukhachevsky", "--format", "json"),
        ("conflicts", "--format", "json"),
        ("names", "compare", "Тухачевский", "Tukhachevsky", "--json"),
    ):
        out = run(demo_db, *args).output
        assert "\\u04" not in out, args
        json.loads(out)
    assert (
        "Тухачевский" in run(demo_db, "case", "Tukhachevsky", "--format", "json").output
    )


def test_latin_look_alikes_in_a_registry_name_are_stored_as_cyrillic(tmp_path):
    page, db = tmp_path / "1.htm", tmp_path / "k.db"
    page.write_bytes(MOSCOW.encode("cp1251"))
    assert run(db, "import", "memorial-moscow", str(page)).exit_code == 0
    store = Store.open(db)
    (person,) = store.find_entities("Тухачевский Михаил Николаевич")
    assert person.name == "Тухачевский Михаил Николаевич"
    assert all("H" not in n.name for n in person.names)
    span = person.attributes["record"]
    assert "text" not in span  # stored once: in the list's text
    record = store.excerpt(span["source"], span["start"], span["end"])
    assert "Михаил Hиколаевич" in record  # the record's own words, verbatim
    assert store.verify().ok
