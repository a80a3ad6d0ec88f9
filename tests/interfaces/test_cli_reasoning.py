"""The reasoning commands on the demo store: each format, and the writes."""

from __future__ import annotations

import json
import shutil

import pytest

from kartoteka.storage import Store
from tests.interfaces.test_cli import run


@pytest.fixture
def db(demo_db, tmp_path):
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    return copy


def test_every_analysis_answers_in_every_format(db):
    commands = [
        ("hypotheses", "dossier-origin"),
        ("custody", "forged-dossier"),
        ("corroboration",),
        ("grades",),
        ("conflicts",),
        ("estimates",),
    ]
    for command in commands:
        table = run(*command, db=db)
        assert table.exit_code == 0, (command, table.output)
        md = run(*command, "--format", "md", db=db).output
        assert md.startswith("# "), command
        html = run(*command, "--format", "html", db=db).output
        assert html.startswith("<!doctype html>") and "</html>" in html, command
        json.loads(run(*command, "--format", "json", db=db).output)


def test_the_matrix_has_every_scorer_and_the_linchpins(db):
    data = json.loads(
        run("hypotheses", "dossier-origin", "--format", "json", db=db).output
    )
    assert set(data["scores"]) == {"inconsistency", "weighted", "bayesian"}
    assert data["ranks"]["bayesian"]["stalin"] == 1
    dropped = {(d["what"], d["key"]) for d in data["linchpins"] if d["leader_changes"]}
    assert ("origin", "alexandrov-1960") in dropped
    md = run("hypotheses", "dossier-origin", "--format", "md", db=db).output
    assert "## Linchpins" in md and "posterior, equal priors" in md


def test_custody_draws_svg_and_png(db, tmp_path):
    svg, png = tmp_path / "c.svg", tmp_path / "c.png"
    out = run("custody", "forged-dossier", "--svg", str(svg), "--png", str(png), db=db)
    assert out.exit_code == 0, out.output
    assert "<svg" in svg.read_text() and "Gestapo" in svg.read_text()
    assert png.read_bytes()[:4] == b"\x89PNG"
    html = run("custody", "forged-dossier", "--format", "html", db=db).output
    assert "<svg" in html


def test_a_question_and_a_rating_from_the_command_line(db):
    asked = run(
        "question",
        "kirov-murder",
        "Who had Kirov killed?",
        "-H",
        "nikolaev=Nikolaev acted alone",
        "-H",
        "stalin=On Stalin's order",
        db=db,
    )
    assert asked.exit_code == 0, asked.output
    store = Store.open(db)
    claim = next(c.id for c in store.claims() if c.predicate == "assassinated")
    store.close()
    rated = run(
        "--actor",
        "historian",
        "rate",
        "kirov-murder",
        "stalin",
        claim,
        "C",
        "--why",
        "the article ties it to Stalin's purge",
        db=db,
    )
    assert rated.exit_code == 0, rated.output
    data = json.loads(
        run("hypotheses", "kirov-murder", "--format", "json", db=db).output
    )
    (row,) = data["rows"]
    assert row["cells"]["stalin"]["by"] == "historian"
    bad = run("rate", "kirov-murder", "nobody", claim, "C", db=db)
    assert bad.exit_code != 0 and "no hypothesis 'nobody'" in bad.output


def test_a_grade_from_the_command_line_is_kept_with_its_reason(db):
    out = run(
        "--actor",
        "historian",
        "grade",
        "aragon-1964",
        "reliability",
        "E",
        "--why",
        "the official line",
        db=db,
    )
    assert out.exit_code == 0, out.output
    data = json.loads(
        run("grades", "--source", "aragon-1964", "--format", "json", db=db).output
    )
    (aragon,) = data["sources"]
    assert aragon["reliability"]["value"] == "E"
    assert aragon["reliability"]["rationale"] == "the official line"
    assert aragon["reliability"]["suggested"] == "D"


def test_network_and_timeline_from_the_command_line(db, tmp_path):
    table = run("network", "Tukhachevsky", "--hops", "1", db=db)
    assert table.exit_code == 0 and "Ежов" in table.output
    data = json.loads(run("network", "Tukhachevsky", "--format", "json", db=db).output)
    assert data["hops"] == 2 and any(n["hop"] == 2 for n in data["nodes"])
    out = tmp_path / "n.graphml"
    written = run(
        "network", "Tukhachevsky", "--format", "graphml", "-o", str(out), db=db
    )
    assert written.exit_code == 0 and "<graphml" in out.read_text()
    neither = run("network", db=db)
    assert neither.exit_code != 0 and "one of them" in neither.output
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    drawn = run("timeline", "Tukhachevsky", "--svg", str(svg), "--png", str(png), db=db)
    assert drawn.exit_code == 0, drawn.output
    assert "rehabilitated (disputed)" in svg.read_text()
    assert "aragon-1964: 1956" in svg.read_text()
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_html_documents_escape_the_words_they_quote(petrov_dir, tmp_path):
    path = petrov_dir / "petrov.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: NKVD", "name: <b>NKVD</b>"), encoding="utf-8")
    db = tmp_path / "k.db"
    assert run("import", "casefile", str(path), db=db).exit_code == 0
    for args in (
        ("case", "Petrov", "--format", "html"),
        ("conflicts", "--format", "html"),
    ):
        page = run(*args, db=db).output
        assert "<b>NKVD</b>" not in page, args
    case = run("case", "Petrov", "--format", "html", db=db).output
    assert "&lt;b&gt;NKVD&lt;/b&gt;" in case
    markdown = run("case", "Petrov", "--format", "md", db=db).output
    assert "&lt;" not in markdown  # Markdown is left as written
