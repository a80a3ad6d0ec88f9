"""The command line, as a researcher uses it, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from kartoteka.interfaces.cli import cli
from kartoteka.storage import Store
from kartoteka.storage.schema import claims

FIXTURES = Path(__file__).parent.parent / "fixtures"


def run(*args: str, db: Path | None = None) -> object:
    prefix = ["--db", str(db)] if db else []
    return CliRunner().invoke(cli, [*prefix, *args], obj={}, catch_exceptions=False)


@pytest.fixture
def petrov_db(tmp_path: Path, petrov_dir: Path) -> Path:
    db = tmp_path / "k.db"
    result = run("import", "casefile", str(petrov_dir / "petrov.yaml"), db=db)
    assert result.exit_code == 0, result.output
    return db


def test_import_reports_what_it_created(tmp_path, petrov_dir):
    result = run(
        "import", "casefile", str(petrov_dir / "petrov.yaml"), db=tmp_path / "k.db"
    )
    assert "claim created: 7" in result.output


def test_case_prints_names_timeline_and_disagreements(petrov_db):
    out = run("case", "Ivan Petrov", db=petrov_db).output
    for expected in (
        "Петров Иван Сергеевич",
        "Timeline",
        "1938-05-20 (20 May 1938)",
        "shot on 20 May 1938",
        "DISPUTED",
        "Disagreements",
        "petrov-memoir",
    ):
        assert expected in out


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_case_documents_are_written_to_a_file(petrov_db, tmp_path, fmt):
    out = tmp_path / f"case.{fmt}"
    result = run("case", "petrov", "--format", fmt, "-o", str(out), db=petrov_db)
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Петров Иван Сергеевич" in text and "shot on 20 May 1938" in text
    if fmt == "json":
        assert json.loads(text)["events"][0]["type"] == "arrested"


def test_conflicts_lists_each_with_its_claims(petrov_db):
    out = run("conflicts", db=petrov_db).output
    assert "rehabilitated dated 1957 vs 1989" in out and "2 conflicts" in out
    assert "[1957 (in 1957)] petrov-report" in out and "[denies] petrov-memoir" in out


def test_export_writes_json_lines(petrov_db, tmp_path):
    out = tmp_path / "persons.jsonl"
    run("export", "persons", "--format", "jsonl", "-o", str(out), db=petrov_db)
    records = [
        json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == 2


def test_verify_passes_then_fails_after_tampering(petrov_db):
    ok = run("verify", db=petrov_db)
    assert ok.exit_code == 0 and ok.output.startswith("verified ")
    store = Store.open(petrov_db)
    with store.engine.begin() as conn:
        conn.execute(
            sa.update(claims).where(claims.c.predicate == "executed").values(end=5)
        )
    store.close()
    bad = run("verify", db=petrov_db)
    assert bad.exit_code == 1
    assert "FAIL" in bad.output and "quote not found verbatim" in bad.output


def test_add_source_stores_a_file_once(tmp_path):
    db = tmp_path / "k.db"
    args = (
        "add-source",
        str(FIXTURES / "petrov-report.txt"),
        "--id",
        "report",
        "--author",
        "A. Clerk",
        "--date",
        "1991",
        "--kind",
        "archival-file",
    )
    assert run(*args, db=db).output.startswith("created: source report")
    assert run(*args, db=db).output.startswith("unchanged: source report")
    assert "report" in run("sources", db=db).output
    assert "died of [heart]" in run("search", "heart", db=db).output


def test_review_changes_a_status_with_a_reason(petrov_db):
    store = Store.open(petrov_db)
    candidate = next(c for c in store.claims() if c.status.value == "candidate")
    store.close()
    result = run(
        "--actor",
        "historian",
        "review",
        candidate.id,
        "accepted",
        "--reason",
        "checked against the file",
        db=petrov_db,
    )
    assert result.exit_code == 0 and "is accepted" in result.output
    assert run("verify", db=petrov_db).exit_code == 0


def test_entities_and_settings_are_listed(petrov_db):
    assert "NKVD" in run("entities", "--kind", "organization", db=petrov_db).output
    assert "db" in run("settings").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add-source", "no-such-file.txt"), "no such file"),
        (
            ("add-source", str(FIXTURES / "petrov-report.txt"), "--date", "June 1991"),
            "or [1956,1961] (one of)",
        ),
        (("import", "casefile", "no-such.yaml"), "no such file"),
        (("case", "Sidorov"), "no entity named 'Sidorov'"),
        (("review", "clm_0000000000000000", "accepted", "--reason", "x"), "no claim"),
    ],
)
def test_bad_input_gets_one_clear_line_and_no_traceback(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), *args], obj={})
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_a_casefile_with_a_yaml_error_names_its_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("casefile: 1\nid: x\nclaims:\n  - subject: [a\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "k.db"), "import", "casefile", str(bad)], obj={}
    )
    assert result.exit_code == 1 and f"{bad}:5: YAML error" in result.output


def test_a_casefile_with_a_wrong_quote_and_predicate_lists_both_cleanly(
    tmp_path, petrov_dir
):
    path = petrov_dir / "petrov.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('"shot on 20 May 1938"', '"shot on 21 May 1938"')
    text = text.replace("predicate: died", "predicate: perished")
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "k.db"), "import", "casefile", str(path)], obj={}
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "2 problems found" in result.output
    assert (
        "quote not found verbatim" in result.output
        and "'shot on 20 May 1938'" in result.output
    )
    assert "unknown predicate 'perished'" in result.output
    assert Store.open(tmp_path / "k.db").counts()["claims"] == 0


def test_the_demo_says_clearly_when_the_shared_folder_is_missing(tmp_path):
    result = CliRunner().invoke(
        cli,
        ["--db", str(tmp_path / "k.db"), "--shared", str(tmp_path / "nowhere"), "demo"],
        obj={},
        env={"KARTOTEKA_SHARED": ""},
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "shared material folder is missing" in result.output
