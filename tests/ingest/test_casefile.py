from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka.errors import CasefileError
from kartoteka.ingest.casefile import import_casefile, read_casefile
from kartoteka.model.vocabulary import Stance, Status
from kartoteka.storage import Change


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(path: Path) -> list[str]:
    with pytest.raises(CasefileError) as caught:
        read_casefile(path)
    return [str(p) for p in caught.value.problems]


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_a_casefile_imports_its_sources_entities_and_claims(petrov_store):
    counts = petrov_store.counts()
    assert (counts["sources"], counts["entities"], counts["claims"]) == (2, 3, 7)


def test_every_quote_is_stored_at_offsets_computed_by_the_importer(petrov_store):
    for claim in petrov_store.claims():
        text = petrov_store.source(claim.source).text
        assert text[claim.passage.start : claim.passage.end] == claim.passage.text


def test_claims_keep_the_dates_wording_and_qualifiers_given(petrov_store):
    (arrest,) = petrov_store.claims(predicate="arrested")
    assert (arrest.date.value, arrest.date.as_written) == ("1938-03-03", "3 March 1938")
    nkvd = petrov_store.find_entities("nkvd")[0]
    assert arrest.qualifiers == {"agency": nkvd.id}
    assert arrest.status is Status.ACCEPTED and arrest.reviewer == "test curator"
    assert arrest.origin == "casefile:petrov-test"


def test_stance_and_asserted_by_are_kept(petrov_store):
    denial = next(
        c
        for c in petrov_store.claims(predicate="imprisoned")
        if c.stance is Stance.DENIES
    )
    assert petrov_store.entity(denial.asserted_by).name == "Петрова Анна Ивановна"


def test_importing_the_same_casefile_again_changes_nothing(petrov_store, petrov_dir):
    before = petrov_store.counts()
    report = import_casefile(petrov_store, petrov_dir / "petrov.yaml", actor="test")
    assert petrov_store.counts() == before
    assert set(report.changes) <= {
        (k, Change.UNCHANGED) for k in ("source", "entity", "claim")
    }
    assert "no changes" in report.summary()


def test_a_claim_removed_from_the_casefile_is_rejected_not_deleted(
    petrov_store, petrov_dir
):
    path = petrov_dir / "petrov.yaml"
    _edit(
        path,
        'quote: "shot on 20 May 1938"',
        'quote: "shot on 20 May 1938"\n    id: shot',
    )
    report = import_casefile(petrov_store, path, actor="editor")
    assert report.retracted == 1
    statuses = sorted(c.status.value for c in petrov_store.claims(predicate="executed"))
    assert statuses == ["accepted", "rejected"]
    rejected = next(
        c
        for c in petrov_store.claims(predicate="executed")
        if c.status is Status.REJECTED
    )
    assert (
        petrov_store.revisions(rejected.id)[-1].reason
        == "no longer in casefile petrov-test"
    )
    assert petrov_store.verify().ok


def test_a_claim_with_an_explicit_id_is_edited_in_place(petrov_store, petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(
        path,
        'quote: "shot on 20 May 1938"',
        'quote: "shot on 20 May 1938"\n    id: shot',
    )
    import_casefile(petrov_store, path, actor="editor")
    _edit(path, "    id: shot", "    id: shot\n    certainty: probable")
    report = import_casefile(petrov_store, path, actor="editor")
    assert report.changes["claim", Change.UPDATED] == 1
    live = [
        c
        for c in petrov_store.claims(predicate="executed")
        if c.status is Status.ACCEPTED
    ]
    assert [c.certainty.value for c in live] == ["probable"]


def test_a_quote_not_in_the_source_names_the_line_and_the_closest_passage(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(path, '"shot on 20 May 1938"', '"shot on 21 May 1938"')
    (problem,) = _problems(path)
    assert problem.startswith(
        f"{path}:{_line_of(path, '21 May 1938')}: quote not found verbatim"
    )
    assert "closest passage" in problem and "shot on 20 May 1938" in problem


def test_a_yaml_syntax_error_names_file_and_line(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(
        path,
        "  - subject: petrov\n    predicate: arrested",
        "  - subject: [petrov\n    predicate: arrested",
    )
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}:") and "YAML error" in problem


def test_an_unknown_predicate_lists_the_known_ones(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(path, "predicate: executed", "predicate: shot")
    (problem,) = _problems(path)
    assert f":{_line_of(path, 'predicate: shot')}: unknown predicate 'shot'" in problem
    assert "executed" in problem


def test_an_invalid_edtf_date_is_reported_with_its_line(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(path, "date: 1938-05-20", "date: 20 May 1938")
    (problem,) = _problems(path)
    assert (
        f":{_line_of(path, 'date: 20 May 1938')}: '20 May 1938' is not a valid EDTF"
        in problem
    )


def test_every_problem_is_reported_at_once(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(path, "predicate: executed", "predicate: shot")
    _edit(path, 'date: "1957"', 'date: "1957-13"')
    _edit(
        path,
        "subject: petrov\n    predicate: died",
        "subject: sidorov\n    predicate: died",
    )
    _edit(
        path,
        "    source: petrov-report\n    qualifiers: {agency",
        "    sourse: petrov-report\n    qualifiers: {agency",
    )
    problems = "\n".join(_problems(path))
    for expected in (
        "unknown predicate",
        "not a valid EDTF",
        "unknown entity 'sidorov'",
        "unknown field 'sourse'",
    ):
        assert expected in problems


def test_the_date_wording_must_be_in_the_quote(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(path, "date_text: 20 May 1938", "date_text: May 20th")
    assert "date_text 'May 20th' is not in the quote" in _problems(path)[0]


def test_an_ambiguous_quote_must_say_which_occurrence(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(path, 'quote: "in a camp in 1943"', 'quote: "1938"')
    assert "occurs 3 times" in _problems(path)[0]
    _edit(path, 'quote: "1938"', 'quote: "1938"\n    occurrence: 3')
    assert read_casefile(path).claims


def test_a_key_given_twice_is_not_silently_lost(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(
        path, "    date: 1938-05-20\n", "    date: 1938-05-20\n    date: 1938-05-21\n"
    )
    assert "'date' given twice" in "\n".join(_problems(path))


def test_a_missing_source_file_is_reported(petrov_dir):
    (petrov_dir / "petrov-memoir.txt").unlink()
    problems = "\n".join(_problems(petrov_dir / "petrov.yaml"))
    assert "source petrov-memoir: no such file" in problems


def test_a_missing_casefile_is_a_clear_error(tmp_path):
    assert _problems(tmp_path / "nothing.yaml") == [
        f"{tmp_path / 'nothing.yaml'}: no such file"
    ]


def test_the_format_version_is_required(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(path, "casefile: 1", "casefile: 7")
    assert "first line must be 'casefile: 1'" in _problems(path)[0]


def test_sections_of_later_versions_are_accepted_and_reported_unread(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    with path.open("a", encoding="utf-8") as f:
        f.write("custody:\n  - artifact: the file\n")
    assert read_casefile(path).not_read == ["custody"]


def test_anchors_and_merge_keys_make_repeated_claims_for_other_subjects(petrov_dir):
    path = petrov_dir / "petrov.yaml"
    _edit(
        path,
        "  - subject: petrov\n    predicate: executed",
        "  - &shot\n    subject: petrov\n    predicate: executed",
    )
    with path.open("a", encoding="utf-8") as f:
        f.write("  - {<<: *shot, subject: petrova}\n")
    casefile = read_casefile(path)
    assert len([c for c in casefile.claims if c.predicate == "executed"]) == 2
