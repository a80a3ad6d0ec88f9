"""Preparing registry batches, in this process or in a second one."""

from __future__ import annotations

import functools
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import sqlalchemy as sa

from kartoteka.ingest.registries import csv_list, memorial_lists
from kartoteka.ingest.registries.importer import import_registry
from kartoteka.ingest.registries.prepare import FileHead, prepare, prepare_in_workers
from kartoteka.ingest.registries.rows import record_rows
from kartoteka.model import Claim, Entity, Name, Passage
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store
from kartoteka.storage.rows import claim_row, entity_row, name_row
from kartoteka.storage.schema import claims, entities, names
from tests.fresh_python import loaded_after

from .samples import LISTS, write_lists


def _table(store: Store, table: sa.Table) -> list[tuple]:
    # Without ``rev``: a file read in parts by two processes makes a batch (a
    # revision) of each part; the rows are the same, their batches not.
    columns = [c for c in table.c if c.name != "rev"]
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(sa.select(*columns)))


@pytest.mark.parametrize("worker", [False, True])
def test_both_ways_of_preparing_store_the_same_rows(tmp_path, worker):
    path = write_lists(tmp_path)
    store = Store.open(tmp_path / f"w{worker}.db")
    report = import_registry(store, "memorial-lists", [path], "test", worker=worker)
    assert report.ok and report.persons_created == 5
    assert store.verify().ok
    reference = Store.open(":memory:")
    import_registry(reference, "memorial-lists", [path], "test", worker=False)
    for table in (entities, names, claims):
        assert _table(store, table) == _table(reference, table)


def test_a_failure_in_the_parsing_process_is_raised_with_its_traceback(tmp_path):
    broken = functools.partial(csv_list.parse, mapping=None)  # no mapping: fails
    store = Store.open(tmp_path / "s.db")
    with pytest.raises(RuntimeError, match="parsing failed in the worker"):
        import_registry(
            store, "csv", [write_lists(tmp_path)], "test", parser=broken, worker=True
        )
    assert store.verify().ok


def test_registry_rows_have_the_shape_the_model_rows_have(tmp_path):
    parsed = memorial_lists.parse(write_lists(tmp_path))
    index = next(i for i, r in enumerate(parsed.records) if r.names and r.events)
    built = record_rows(parsed, index, "src", "memorial-lists")
    person = Entity(id="per_1", kind=EntityKind.PERSON, name="x")
    claim = Claim(
        id="c", subject="per_1", predicate="born", passage=Passage("s", 0, 1, "x")
    )
    assert list(built.entity) == list(entity_row(person))
    assert list(built.names[0]) == list(name_row("per_1", Name("x")))
    assert list(built.claims[0]) == list(claim_row(claim))


def test_ids_follow_the_order_of_the_records(tmp_path):
    items = list(
        prepare([write_lists(tmp_path)], "memorial-lists", memorial_lists.parse)
    )
    batch = items[1]
    assert batch.person_ids == sorted(batch.person_ids)
    claim_ids = [v[0] for v in batch.tables["claim"].values]
    assert claim_ids == sorted(claim_ids) and len(set(claim_ids)) == len(claim_ids)


def _shape(items) -> list[tuple[str, object]]:
    return [
        (
            type(i).__name__,
            i.path if isinstance(i, FileHead) else getattr(i, "label", ""),
        )
        for i in items
    ]


def _rows(items: list, kind: str) -> list[tuple]:
    return sorted(
        r for i in items if hasattr(i, "tables") for r in i.tables[kind].values
    )


def test_one_file_read_in_parts_gives_the_rows_and_report_of_the_whole(tmp_path):
    # A record of binary data among them: skipped, and the numbering of the
    # second part's records still counts only the records read.
    text = LISTS + "Родился \x01\x02 в 1900 г.\n---\n" + LISTS
    path = write_lists(tmp_path, text)
    whole = memorial_lists.parse(path)
    halves = [memorial_lists.parse(path, part=(k, 2)) for k in range(2)]
    assert [r.ref for h in halves for r in h.records] == [r.ref for r in whole.records]
    assert [s.ref for h in halves for s in h.skipped] == [s.ref for s in whole.skipped]
    assert whole.skipped and all(h.records for h in halves)

    alone = list(prepare([path], "memorial-lists", memorial_lists.parse))
    apart = list(
        prepare_in_workers([path], "memorial-lists", memorial_lists.parse, workers=2)
    )
    heads = [i for i in apart if isinstance(i, FileHead)]
    assert [h.part for h in heads] == [0, 1]  # two processes, a part each
    assert sum(h.records for h in heads) == len(whole.records)
    for kind in ("entity", "name", "claim"):  # whichever process numbered them
        assert _rows(apart, kind) == _rows(alone, kind)

    store = Store.open(tmp_path / "parts.db")
    report = import_registry(store, "memorial-lists", [path], "test", worker=True)
    assert (report.files, report.records) == (1, len(whole.records))
    assert len(report.skipped) == len(whole.skipped)
    assert store.verify().ok
    again = import_registry(store, "memorial-lists", [path], "test", worker=True)
    assert again.persons_created == 0 and again.persons_present == len(whole.records)


def test_files_parsed_at_once_come_in_the_order_of_the_files(tmp_path):
    paths = []
    for copies in (1, 3, 2):
        folder = tmp_path / str(copies)
        folder.mkdir()
        paths.append(write_lists(folder, (LISTS.rstrip("\n") + "\n---\n") * copies))
    parse = memorial_lists.parse
    alone = list(prepare(paths, "memorial-lists", parse))
    together = list(prepare_in_workers(paths, "memorial-lists", parse, workers=2))
    assert _shape(together) == _shape(alone)
    assert [i.path for i in together if isinstance(i, FileHead)] == paths
    batches = [(i.label, i.digest) for i in alone if hasattr(i, "digest")]
    assert [(i.label, i.digest) for i in together if hasattr(i, "digest")] == batches


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_the_parsing_process_ends_when_the_importer_is_killed(tmp_path):
    # Five records a copy: several batches, more than the queue holds, so
    # the parsing process waits to hand one over when its importer dies.
    path = write_lists(tmp_path, (LISTS.rstrip("\n") + "\n---\n") * 1400)
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from kartoteka.ingest.registries import memorial_lists\n"
        "from kartoteka.ingest.registries.prepare import prepare_in_workers\n"
        "if __name__ == '__main__':\n"
        "    items = prepare_in_workers([Path(sys.argv[1])] * 2, 'memorial-lists',"
        " memorial_lists.parse, 2)\n"
        "    next(items)\n"
        "    print('started', flush=True)\n"
        "    time.sleep(120)\n"
    )
    importer = subprocess.Popen(
        [sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert importer.stdout.readline().strip() == "started"
    workers = _children(importer.pid)
    assert workers
    importer.kill()
    importer.wait()
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)


def test_a_parsing_process_loads_neither_the_command_line_nor_sqlalchemy():
    # What a parsing process imports: the script of the command that started
    # it where processes are spawned (not on Linux, where they are forked),
    # then the parsers and the packing.
    script = (
        "import kartoteka.interfaces.entry\n"
        "import kartoteka.ingest.registries.prepare\n"
        "import kartoteka.ingest.registries.memorial_lists\n"
        "import kartoteka.ingest.registries.memorial_moscow\n"
        "import kartoteka.ingest.registries.csv_list\n"
    )
    watched = ("click", "rich", "sqlalchemy", "kartoteka.interfaces.cli")
    assert loaded_after(script, watched) == []
    # and the command's script is the one whose module defers the CLI
    root = Path(__file__).parents[3]
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["scripts"]["kartoteka"] == "kartoteka.interfaces.entry:main"
