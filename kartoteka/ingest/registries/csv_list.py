"""`csv`: any list as CSV, read through a small YAML column mapping.

See docs/csv-mapping.md. Each row becomes one record whose text is the row
written out as "column: value" lines, so every claim quotes its own cell.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

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
from kartoteka.model.identifying import IdentifyingField
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
    identifying: tuple[IdentifyingField, ...] = ()
    identifying_columns: dict[str, str] = field(default_factory=dict)  # own fields
    date_format: str | None = None  # strptime's, for cells that are not EDTF
    given_first: bool = False  # join name parts "given surname" (Western lists)
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
    identifying, identifying_columns = _identifying(data, known, problems)
    given_first = _name_order(data, problems)
    if problems:
        raise ConfigError(
            f"{path}: " + "; ".join(problems) + f". Fields: {', '.join(sorted(known))}"
        )
    return Mapping(
        identifying=identifying,
        identifying_columns=identifying_columns,
        date_format=data.get("date_format"),
        given_first=given_first,
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


def _name_order(data: dict[str, Any], problems: list[str]) -> bool:
    order = data.get("name_order", "surname-first")
    if order not in ("surname-first", "given-first"):
        problems.append(f"name_order is surname-first or given-first, not {order!r}")
    return order == "given-first"


def _identifying(
    data: dict[str, Any], known: set[str], problems: list[str]
) -> tuple[tuple[IdentifyingField, ...], dict[str, str]]:
    """The ``identifying`` section: a mapped field and how it compares
    (``address: normalized``), or a field of the list's own with its column
    (``passport: {column: Паспорт, compare: exact, own: true}``)."""
    fields, columns = [], {}
    mapped = data.get("columns") or {}
    for name, spec in (data.get("identifying") or {}).items():
        spec = spec if isinstance(spec, dict) else {"compare": spec}
        column = spec.get("column")
        if column is None and name not in mapped:
            problems.append(
                f"identifying {name!r}: map it under columns, or give its column"
            )
            continue
        if column is not None and name in known:
            problems.append(f"identifying {name!r} is a field: map it under columns")
            continue
        try:
            fields.append(
                IdentifyingField(
                    str(name), str(spec.get("compare")), bool(spec.get("own"))
                )
            )
        except ConfigError as exc:
            problems.append(str(exc))
            continue
        if column is not None:
            columns[str(name)] = str(column)
    return tuple(fields), columns


_ISO_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


def _is_iso_date(value: str) -> bool:
    """1937, 1937-02 or a real day such as 1937-02-28 (not 1937-02-30)."""
    if not _ISO_DATE.match(value):
        return False
    try:
        return len(value) < 10 or bool(date.fromisoformat(value))
    except ValueError:
        return False


def _date(
    value: str, date_format: str | None = None
) -> tuple[str | None, str | None, dict[str, str]]:
    """EDTF, the wording, and the calendar when the date is given both ways.
    The list's own format is tried first: the EDTF grammar takes some 12 ms
    to turn down a cell such as 19151111."""
    value = value.strip()
    if date_format:
        try:
            return datetime.strptime(value, date_format).date().isoformat(), value, {}
        except ValueError:
            pass
    if _is_iso_date(value) or edtf.is_valid(value):
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
    order = (
        ("given", "patronymic", "surname") if mapping.given_first else NAME_FIELDS[1:]
    )
    full = get.get("name") or " ".join(filter(None, (get.get(k) for k in order)))
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
    for name, column in mapping.identifying_columns.items():
        if value := (row.get(column) or "").strip():
            rec.attributes[name] = value
    for predicate in EVENT_FIELDS:
        column = mapping.columns.get(predicate)
        if not column or not get.get(predicate):
            continue
        date, wording, calendar = _date(get[predicate], mapping.date_format)
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
    wanted = [*mapping.columns.values(), *mapping.identifying_columns.values()]
    missing = [c for c in wanted if c not in (reader.fieldnames or [])]
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


def parser(mapping: Mapping) -> Callable[[Path], ParsedList]:
    """The list's parser with its mapping; picklable, for the parsing process."""
    return functools.partial(parse, mapping=mapping)
