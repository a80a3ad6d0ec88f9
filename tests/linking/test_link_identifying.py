"""`kartoteka link` on a list's identifying fields: a copy whose given name
was replaced joins on its own number, birth and address; a father and son
in one flat stay apart; a record that names nobody joins the man whose
facts it gives, day by day."""

from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka.errors import ConfigError
from kartoteka.ingest import importers
from kartoteka.linking.run import link_store
from kartoteka.model.identifying import IdentifyingField

MAPPING = """\
title: Список
columns: {name: ФИО, born: Родился, executed: Расстрелян, address: Адрес,
          occupation: Работа}
identifying:
  passport: {column: Паспорт, compare: exact, own: true}
  address: normalized
  occupation: fuzzy
"""
ROWS = [
    "ФИО,Родился,Расстрелян,Адрес,Работа,Паспорт",
    # one man, the copy's given name replaced by a copyist
    "Неуман Михаил Иванович,1915-11-11,,ул. Стенли д. 8 кв. 3,токарь,5304218",
    "Неуман Тихон Иванович,1915-11-11,,ул. Стенли д. 8 кв. 3,токарь,5304218",
    # a father and son in one flat, shot on one day
    "Колесников Иван Михайлович,1875,1938-02-03,ул. Авиамоторная д. 4 кв. 19,"
    "пенсионер,1111111",
    "Колесников Петр Иванович,1905,1938-02-03,ул. Авиамоторная д. 4 кв. 19,"
    "слесарь,2222222",
    # a record that names nobody, and the man it describes
    ",1900,1938-04-03,Москва ул. Огарева д. 1/12 кв. 70,майор Генштаба РККА,",
    "Грозовский Айзик Герцевич,1900,1938-04-03,ул. Огарева д. 1/12 кв. 70,"
    "майор Генштаба РККА,",
]


def _import(store, tmp_path: Path, mapping: str = MAPPING):
    (tmp_path / "list.csv").write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text(mapping, encoding="utf-8")
    options = importers.ImportOptions(mapping=tmp_path / "list.yaml")
    return importers.run(store, "csv", [tmp_path / "list.csv"], "test", options)


def _person_at(store, line: int) -> str:
    (found,) = [
        e.id
        for e in store.entities().values()
        if e.attributes.get("record", {}).get("ref") == f"list.csv:{line}"
    ]
    return found


def test_identifying_fields_are_declared_and_linked_on(fresh_store, tmp_path):
    store = fresh_store
    assert _import(store, tmp_path).ok
    assert store.identifying_fields() == [
        IdentifyingField("address", "normalized"),
        IdentifyingField("occupation", "fuzzy"),
        IdentifyingField("passport", "exact", own=True),
    ]
    report = link_store(store, "test")
    links = store.links()

    def one(a: int, b: int) -> bool:
        x, y = _person_at(store, a), _person_at(store, b)
        return links.get(x, x) == links.get(y, y)

    assert one(2, 3)  # the replaced given name: own number, birth, address
    assert not one(4, 5)  # father and son
    assert one(6, 7)  # the record that names nobody
    # whose person goes by the man's name, not "запись list.csv:6"
    assert links[_person_at(store, 6)] == _person_at(store, 7)
    assert report.unnamed == 1
    assert store.verify().ok


def test_a_field_compared_otherwise_by_another_list_is_refused(fresh_store, tmp_path):
    _import(fresh_store, tmp_path)
    other = MAPPING.replace("compare: exact, own: true", "compare: fuzzy")
    with pytest.raises(ConfigError, match="'passport' is compared as exact"):
        _import(fresh_store, tmp_path, other)
    # the same mapping again declares nothing new and imports nothing new
    again = _import(fresh_store, tmp_path)
    assert again.persons_created == 0 and len(fresh_store.identifying_fields()) == 3
