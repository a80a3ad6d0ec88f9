"""kartoteka export in every format, and kartoteka copy, as a user runs them."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner
from prov.model import ProvDocument

from kartoteka.interfaces.cli import cli
from kartoteka.storage import Store
from tests.interfaces.test_cli import petrov_db, run  # noqa: F401


def test_each_format_writes_a_file_its_reader_opens(petrov_db, tmp_path):  # noqa: F811
    people = tmp_path / "persons.csv"
    done = run("export", "persons", "--format", "csv", "-o", str(people), db=petrov_db)
    assert done.exit_code == 0 and "wrote 2 persons" in done.output
    assert len(list(csv.DictReader(people.open(encoding="utf-8")))) == 2
    ftm = tmp_path / "archive.ftm.json"
    result = run("export", "ftm", "-o", str(ftm), db=petrov_db)
    lines = ftm.read_text(encoding="utf-8").splitlines()
    assert f"wrote {len(lines)} entities" in result.output
    assert {json.loads(line)["schema"] for line in lines} >= {"Person", "PlainText"}
    prov = tmp_path / "p.prov.json"
    run("export", "prov", "-o", str(prov), db=petrov_db)
    assert ProvDocument.deserialize(source=str(prov), format="json").get_records()


def test_a_format_that_does_not_fit_is_refused(petrov_db):  # noqa: F811
    result = CliRunner().invoke(
        cli, ["--db", str(petrov_db), "export", "ftm", "--format", "csv"], obj={}
    )
    assert result.exit_code != 0
    assert "format of its own" in result.output


def test_copy_then_copy_again_is_refused(petrov_db, tmp_path):  # noqa: F811
    target = tmp_path / "copy.db"
    first = run("copy", "--to", str(target), db=petrov_db)
    assert first.exit_code == 0, first.output
    assert "the same last revision" in first.output
    assert Store.open(target).verify().claims == 7
    again = CliRunner().invoke(
        cli, ["--db", str(petrov_db), "copy", "--to", str(target)], obj={}
    )
    assert again.exit_code != 0 and "not empty" in again.output


def test_estimates_as_json_and_markdown(tmp_path):
    from kartoteka.demo import run_demo

    db = tmp_path / "demo.db"
    store = Store.open(db)
    run_demo(store, actor="test")
    store.close()
    listed = json.loads(run("estimates", "--format", "json", db=db).output)
    values = {e["value"]: e["author"] for g in listed for e in g["estimates"]}
    assert values[35000.0] == "Dick Roberts"
    md = run("estimates", "imprisoned", "--format", "md", db=db).output
    assert "| 8,000,000 | imprisoned during the purges |  | Alexander Weissberg |" in md
    html = run("estimates", "--format", "html", db=db).output
    assert html.startswith("<!doctype html>") and "Alexander Weissberg" in html
    assert "Different measures, not compared" in html


def test_compact_gives_a_stores_free_pages_back(petrov_db):  # noqa: F811
    import sqlite3

    with sqlite3.connect(petrov_db) as conn:  # a megabyte written, then freed
        conn.execute("CREATE TABLE scratch (x TEXT)")
        conn.executemany("INSERT INTO scratch VALUES (?)", [("x" * 1000,)] * 1000)
    with sqlite3.connect(petrov_db) as conn:
        conn.execute("DROP TABLE scratch")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the pages into the file
    before = petrov_db.stat().st_size
    result = run("compact", db=petrov_db)
    assert result.exit_code == 0 and "compacted" in result.output
    assert petrov_db.stat().st_size < before - 500_000
    assert Store.open(petrov_db).verify().ok
