"""A person's decision is never overwritten by a machine: re-imports, defaults."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka import settings
from kartoteka.interfaces.cli import cli
from kartoteka.storage import Store


def run(db: Path, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner(env=env).invoke(
        cli, ["--db", str(db), *args], obj={}, catch_exceptions=False
    )


@pytest.fixture
def petrov_db(tmp_path: Path, petrov_dir: Path) -> Path:
    db = tmp_path / "k.db"
    assert run(db, "import", "casefile", str(petrov_dir / "petrov.yaml")).exit_code == 0
    return db


def _claim(db: Path, predicate: str, **where: str):  # type: ignore[no-untyped-def]
    store = Store.open(db)
    try:
        return next(c for c in store.claims(predicate=predicate, **where))
    finally:
        store.close()


def test_a_review_survives_reimporting_the_unchanged_casefile(petrov_db, petrov_dir):
    arrest = _claim(petrov_db, "arrested")
    run(
        petrov_db,
        "--actor",
        "historian",
        "review",
        arrest.id,
        "rejected",
        "--reason",
        "the date is the warrant's, not the arrest's",
    )
    again = run(petrov_db, "import", "casefile", str(petrov_dir / "petrov.yaml"))
    assert "no changes" in again.output
    kept = _claim(petrov_db, "arrested")
    assert (str(kept.status), kept.reviewer) == ("rejected", "historian")
    reasons = [r.reason for r in Store.open(petrov_db).revisions(arrest.id)]
    assert reasons[-1] == "the date is the warrant's, not the arrest's"


def test_changed_content_asks_for_review_again_and_keeps_the_old_decision(
    petrov_db, petrov_dir
):
    arrest = _claim(petrov_db, "arrested")
    review = ["review", arrest.id, "rejected", "--reason", "misread"]
    run(petrov_db, "--actor", "historian", *review)
    casefile = petrov_dir / "petrov.yaml"
    casefile.write_text(
        casefile.read_text("utf-8").replace("date: 1938-03-03", "date: 1938-03-04"),
        "utf-8",
    )
    assert (
        "claim updated: 1" in run(petrov_db, "import", "casefile", str(casefile)).output
    )
    changed = _claim(petrov_db, "arrested")
    assert changed.id == arrest.id
    assert (str(changed.status), changed.date.value) == ("candidate", "1938-03-04")
    history = Store.open(petrov_db).revisions(arrest.id)
    assert [r.action for r in history] == ["create", "status", "edit"]
    assert history[1].after["status"] == "rejected"
    listing = run(petrov_db, "review", "claims").output
    assert arrest.id in listing
    assert "date changed: the review (rejected by historian) no longer applies" in (
        " ".join(listing.split())
    )


def test_a_claim_back_in_its_casefile_is_not_held_rejected_by_the_retraction(
    petrov_db, petrov_dir
):
    casefile = petrov_dir / "petrov.yaml"
    original = casefile.read_text("utf-8")
    shot = _claim(petrov_db, "executed")
    without = original.replace('    quote: "shot on 20 May 1938"\n', "").replace(
        "  - subject: petrov\n    predicate: executed\n    date: 1938-05-20\n"
        "    date_text: 20 May 1938\n    source: petrov-report\n",
        "",
    )
    assert without != original
    casefile.write_text(without, "utf-8")
    run(petrov_db, "import", "casefile", str(casefile))
    assert str(_claim(petrov_db, "executed").status) == "rejected"
    casefile.write_text(original, "utf-8")
    run(petrov_db, "import", "casefile", str(casefile))
    assert str(_claim(petrov_db, "executed").status) == str(shot.status) == "accepted"


def test_adding_a_file_again_changes_only_the_options_given(tmp_path):
    db, article = tmp_path / "k.db", tmp_path / "article.txt"
    article.write_text("He was shot on 20 May 1938.", encoding="utf-8")
    given = ["--title", "An article", "--date", "1964-23", "--reliability", "B"]
    first = run(
        db, "add-source", str(article), "--id", "art", *given, "--kind", "memoir"
    )
    assert first.exit_code == 0, first.output
    again = run(db, "add-source", str(article), "--id", "art", "--language", "en")
    assert again.exit_code == 0, again.output
    source = Store.open(db).source_meta("art")
    assert (source.title, source.published, source.reliability) == (
        "An article",
        "1964-23",
        "B",
    )
    assert (str(source.kind), source.language) == ("memoir", "en")


def test_the_same_file_under_another_id_is_refused_unless_asked(tmp_path):
    db, article = tmp_path / "k.db", tmp_path / "article.txt"
    article.write_text("He was shot on 20 May 1938.", encoding="utf-8")
    run(db, "add-source", str(article), "--id", "art")
    refused = run(db, "add-source", str(article), "--id", "copy")
    assert refused.exit_code == 1
    assert "already stored as source art" in refused.output
    assert "--again" in refused.output
    assert [s.id for s, _ in Store.open(db).source_metas()] == ["art"]
    without_id = run(db, "add-source", str(article), "--title", "Renamed")
    assert "source art" in without_id.output
    assert Store.open(db).source_meta("art").title == "Renamed"
    asked = run(db, "add-source", str(article), "--id", "copy", "--again")
    assert asked.exit_code == 0, asked.output
    assert [s.id for s, _ in Store.open(db).source_metas()] == ["art", "copy"]


def test_without_user_the_actor_is_the_systems_account_name(tmp_path):
    db, article = tmp_path / "k.db", tmp_path / "article.txt"
    article.write_text("He was shot on 20 May 1938.", encoding="utf-8")
    bare = {k: None for k in ("USER", "LOGNAME", "USERNAME", "KARTOTEKA_ACTOR")}
    run(db, "add-source", str(article), "--id", "art", env=bare)
    account = pwd.getpwuid(os.getuid()).pw_name
    assert [r.actor for r in Store.open(db).revisions("art")] == [account]
    assert account in run(db, "settings", env=bare).output


def test_settings_say_where_the_actor_came_from(monkeypatch, tmp_path):
    for variable in ("USER", "LOGNAME", "USERNAME", "KARTOTEKA_ACTOR"):
        monkeypatch.delenv(variable, raising=False)
    config = tmp_path / "kartoteka.toml"
    actor = {row[0]: row[1:3] for row in settings.describe(config)}["actor"]
    assert actor == (
        pwd.getpwuid(os.getuid()).pw_name,
        "the operating system's account",
    )
    monkeypatch.setenv("LOGNAME", "anna")
    assert settings.actor_and_origin(config=config) == ("anna", "$LOGNAME")
    monkeypatch.setenv("KARTOTEKA_ACTOR", "boris")
    assert settings.actor_and_origin(config=config) == ("boris", "KARTOTEKA_ACTOR")
    assert settings.actor_and_origin("vera", config=config) == (
        "vera",
        "command-line flag",
    )


def test_a_longer_quote_is_the_same_claim_edited_and_asks_for_review(
    petrov_db, petrov_dir
):
    shot = _claim(petrov_db, "executed")
    run(petrov_db, "--actor", "historian", "review", shot.id, "accepted",
        "--reason", "the report says so")  # fmt: skip
    casefile = petrov_dir / "petrov.yaml"
    casefile.write_text(
        casefile.read_text("utf-8").replace(
            'quote: "shot on 20 May 1938"',
            'quote: "by a troika on 14 May 1938 and shot on 20 May 1938"',
        ),
        "utf-8",
    )
    report = run(petrov_db, "import", "casefile", str(casefile)).output
    assert "claim updated: 1" in report and "now rejected" not in report
    edited = _claim(petrov_db, "executed")
    assert edited.id == shot.id and str(edited.status) == "candidate"
    assert edited.passage.text.startswith("by a troika")
    why = Store.open(petrov_db).reopened([shot.id])[shot.id]
    assert why.startswith("start, quote changed")
    assert "accepted by historian" in why
