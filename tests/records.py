"""Petrov in a biography (a casefile) and in a list record: one man, two records."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kartoteka.interfaces.cli import cli

BIOGRAPHY = "Ivan Petrov was born on 16 February 1893 and was shot on 20 May 1938.\n"
CASEFILE = """\
casefile: 1
id: petrov-bio
title: Petrov, a short biography (test)
curator: test curator
defaults: {status: accepted, source: bio}
sources:
  - {id: bio, file: bio.txt, title: A short biography, language: en}
entities:
  - id: petrov
    name: Петров Иван Сергеевич
    sex: M
    names: [{name: Ivan Petrov, source: bio}]
claims:
  - {subject: petrov, predicate: born, date: 1893-02-16,
     quote: "born on 16 February 1893"}
  - {subject: petrov, predicate: executed, date: 1938-05-20,
     quote: "shot on 20 May 1938"}
"""
LIST = (
    '<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; '
    'charset=windows-1251"></HEAD><BODY><p class=Street>Тестовая ул.</p><Table>'
    "<tr><td><p class=pers><B>Петров Иван Сергеевич</B>, род. 4.02.1893, г. Тула, "
    "русский, б/п, учитель. Адрес: Тестовая ул., д.1. Рассстрелян 21.05.1938. "
    "Место захоронения: Бутово.</p></td></tr>"
)


def petrov_in_two_records(folder: Path) -> Path:
    """A store holding both records, not yet known to be one man."""
    (folder / "bio.txt").write_text(BIOGRAPHY, encoding="utf-8")
    (folder / "petrov.yaml").write_text(CASEFILE, encoding="utf-8")
    (folder / "1.htm").write_bytes(LIST.encode("cp1251"))
    db = folder / "k.db"
    for args in (
        ("import", "casefile", str(folder / "petrov.yaml")),
        ("import", "memorial-moscow", str(folder / "1.htm")),
    ):
        result = CliRunner().invoke(cli, ["--db", str(db), *args], obj={})
        assert result.exit_code == 0, result.output
    return db
