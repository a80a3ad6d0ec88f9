"""`csv`: any list as CSV, read through a small YAML column mapping.

See docs/csv-mapping.md. Each row becomes one record whose text is the row
written out as "column: value" lines, so every claim quotes its own cell.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kartoteka.errors import ConfigError
from kartoteka.ingest.registries.encoding import read_text
from kartoteka.ingest.registries.records import (
    ParsedList,
    RecordName,
    RegistryRecord,
    Skipped,
)
from kartoteka.ingest.registries.ru_dates import find_date
from kartoteka.model import dates as edtf
from kartoteka.model.vocabulary import PREDICATES, Group

NAME_FIELDS = ("name", "surname", "given", "patronymic")
ATTRIBUTE_FIELDS = (
    "birthplace", "nationality", "party", "occupation", "address", "burial_place",
    "article", "charge", "sentence", "education", "notes",
)  # fmt: skip
EVENT_FIELDS = tuple(p for p, d in PREDICATES.items() if d.group is Group.LIFECYCLE)


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, str]  # our field → the CSV column
    qualifiers: dict[str, dict[str, str]] = field(default_factory=dict)
    sex_values: dict[str, str] = field(default_factory=dict)
    delimiter: str = ","
    title: str | None = None
    citation: str | None = None
    url: str | None = None


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; every mistake in one ConfigError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the mapping: {exc}") from exc
    columns = data.get("columns") or {}
    known = set(NAME_FIELDS) | set(ATTRIBUTE_FIELDS) | set(EVENT_FIELDS) | {"sex"}
    problems = [f"unknown field {k!r}" for k in columns if k not in known]
    problems += [
        f"qualifiers for {k!r}, which is not a mapped event"
        for k in data.get("qualifiers") or {}
        if k not in columns
    ]
    if not any(k in columns for k in NAME_FIELDS) and not any(
        k in columns for k in EVENT_FIELDS
    ):
        problems.append("map at least a name column or an event column")
    if problems:
        raise ConfigError(
            f"{path}: " + "; ".join(problems) + f". Fields: {', '.join(sorted(known))}"
        )
    return Mapping(
        columns={k: str(v) for k, v in columns.items()},
        qualifiers={
            k: {q: str(c) for q, c in v.items()}
            for k, v in (data.get("qualifiers") or {}).items()
        },
        sex_values={str(k): str(v) for k, v in (data.get("sex_values") or {}).items()},
        delimiter=str(data.get("delimiter", ",")),
        title=data.get("title"),
        citation=data.get("citation"),
        url=data.get("url"),
    )


def _date(value: str) -> tuple[str | None, str | None, dict[str, str]]:
    """EDTF, the wording, and the calendar when the date is given both ways."""
    value = value.strip()
    if edtf.is_valid(value):
        return value, value, {}
    found = find_date(value)
    return (found.edtf, found.text, found.qualifiers) if found else (None, None, {})


def _record(
    row: dict[str, str], mapping: Mapping, ref: str, line: int
) -> RegistryRecord | Skipped:
    cells = [(column, (row.get(column) or "").strip()) for column in row if column]
    text = "\n".join(f"{c}: {v}" for c, v in cells if v)
    if not text:
        return Skipped(ref, "empty row")
    rec = RegistryRecord(ref=ref, line=line, text=text)
    where: dict[str, tuple[int, int]] = {}
    at = 0
    for column, value in cells:
        if value:
            where[column] = (at, at + len(column) + 2 + len(value))
            at = where[column][1] + 1
    get = {f: (row.get(c) or "").strip() for f, c in mapping.columns.items()}
    full = get.get("name") or " ".join(
        filter(None, (get.get(k) for k in NAME_FIELDS[1:]))
    )
    if full:
        rec.names.append(RecordName(" ".join(full.split()), "birth"))
    sex = get.get("sex")
    rec.sex = (
        mapping.sex_values.get(sex, sex)
        if sex in mapping.sex_values or sex in ("M", "F")
        else None
    )
    for name in ATTRIBUTE_FIELDS:
        if get.get(name):
            rec.attributes[name] = get[name]
    for predicate in EVENT_FIELDS:
        column = mapping.columns.get(predicate)
        if not column or not get.get(predicate):
            continue
        date, wording, calendar = _date(get[predicate])
        qualifiers = {
            q: (row.get(c) or "").strip()
            for q, c in mapping.qualifiers.get(predicate, {}).items()
        }
        start, end = where[column]
        rec.event(
            predicate,
            start,
            end,
            date=date,
            date_text=wording,
            qualifiers={**{k: v for k, v in qualifiers.items() if v}, **calendar},
        )
    if not rec.names and not rec.events:
        return Skipped(ref, "no name and no event in the mapped columns")
    return rec


def parse(
    path: Path, mapping: Mapping, progress: Callable[[int], None] | None = None
) -> ParsedList:
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text), delimiter=mapping.delimiter)
    missing = [
        c for c in mapping.columns.values() if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise ConfigError(
            f"{path}:1: the mapping names columns the file lacks: {', '.join(missing)}"
        )
    parsed = ParsedList(
        str(path),
        title=mapping.title or path.stem,
        text="",
        offsets=[],
        records=[],
        citation=mapping.citation,
        url=mapping.url,
    )
    texts: list[str] = []
    offset = 0
    for row in reader:
        line = reader.line_num
        result = _record(row, mapping, f"{path.name}:{line}", line)
        if isinstance(result, Skipped):
            parsed.skipped.append(result)
            continue
        parsed.records.append(result)
        parsed.offsets.append(offset)
        texts.append(result.text)
        offset += len(result.text) + len("\n---\n")
    parsed.text = "\n---\n".join(texts)
    return parsed


def parser(mapping_path: Path) -> Callable[[Path], ParsedList]:
    """The list's parser with its mapping; picklable, for the parsing process."""
    return functools.partial(parse, mapping=load_mapping(mapping_path))
