"""`kartoteka link`, `review links` and `unmerge` as a user runs them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kartoteka.interfaces.cli import cli
from kartoteka.storage import Store

from ..linking.people import write_people


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "people.db"
    store = Store.open(path)
    ids = write_people(store)
    store.close()
    return str(path), ids


def _run(db: str, *args: str, input: str | None = None) -> str:
    result = CliRunner().invoke(
        cli, ["--db", db, "--actor", "tester", *args], input=input, obj={}
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_link_reports_pairs_merges_and_the_queue(db):
    path, _ = db
    out = _run(path, "link")
    assert "pairs scored" in out and "5 persons joined" in out
    assert "review queue: 2 pairs" in out
    assert "done" in out  # the progress bar ran to its end


def test_link_refuses_more_pairs_than_max_pairs_and_says_how_to_allow_them(
    db, monkeypatch
):
    from kartoteka.linking import score

    monkeypatch.setattr(score, "BUDGET_FROM", 0)  # budget even a small store
    path, _ = db
    refused = CliRunner().invoke(
        cli, ["--db", path, "link", "--max-pairs", "1"], obj={}
    )
    assert refused.exit_code != 0
    assert "over the budget of 1 " in refused.output
    assert "--max-pairs" in refused.output
    assert "5 persons joined" in _run(path, "link", "--max-pairs", "1000")


def test_review_links_records_each_answer(db):
    path, _ = db
    _run(path, "link")
    out = _run(path, "review", "links", input="n\nq\n")
    assert "1 pairs decided" in out and "1 left" in out
    store = Store.open(path)
    assert list(store.judgements().values()) == ["not_same"]
    assert store.verify().ok
    store.close()


def test_unmerge_takes_a_record_out(db):
    path, ids = db
    _run(path, "link")
    out = _run(path, "unmerge", ids["b"], "--reason", "another man")
    assert f"unmerged {ids['b']}" in out
    store = Store.open(path)
    assert ids["b"] not in store.links()
    store.close()


def test_review_of_a_claim_still_works(db):
    path, ids = db
    store = Store.open(path)
    claim = store.claims(subject=ids["a"])[0]
    store.close()
    out = _run(path, "review", claim.id, "rejected", "--reason", "misread")
    assert "rejected" in out


def test_a_list_imported_as_csv_is_linked_to_the_persons_already_stored(db, tmp_path):
    path, ids = db
    (tmp_path / "list.csv").write_text(
        "ФИО,Пол,Год рождения,Место рождения,Дата расстрела\n"
        "Тухачевский Михаил Николаевич,м,1893,Александровское,12.06.1937\n"
        "Петрова Анна Ивановна,ж,1911,г. Курск,\n",
        encoding="utf-8",
    )
    (tmp_path / "list.yaml").write_text(
        "title: Книга памяти (проба)\n"
        "columns: {name: ФИО, sex: Пол, born: Год рождения,"
        " birthplace: Место рождения, executed: Дата расстрела}\n"
        "sex_values: {м: M, ж: F}\n",
        encoding="utf-8",
    )
    _run(
        path,
        "import",
        "csv",
        str(tmp_path / "list.csv"),
        "--mapping",
        str(tmp_path / "list.yaml"),
    )
    _run(path, "link")
    store = Store.open(path)
    new = {  # the list's persons, by name
        names[0]: person
        for person, names, *_ in store.persons_for_linking()
        if person not in ids.values()
    }
    links = store.links()
    store.close()
    listed = new["Тухачевский Михаил Николаевич"]
    assert listed in links and links[listed] == links[ids["a"]]
    assert new["Петрова Анна Ивановна"] not in links  # nobody's record but her own
