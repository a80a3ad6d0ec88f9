"""`memorial-lists`: record bodies of the all-Russia list (lists.memo.ru).

Records are separated by a line ``---``. Each line of a body starts with a
marker (Родился, Проживал, Арестован, Приговорен, Приговор, Расстрелян,
Реабилитирован, Место захоронения, варианты фамилии …); a line without one
is the occupation (the first) or a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from kartoteka.ingest.registries.encoding import read_text
from kartoteka.ingest.registries.fields_ru import (
    article_of,
    basis_of,
    clean,
    is_party,
    sex_of_line,
)
from kartoteka.ingest.registries.records import (
    ParsedList,
    RecordName,
    RegistryRecord,
    Skipped,
)
from kartoteka.ingest.registries.ru_dates import FoundDate, find_date
from kartoteka.model.identifying import IdentifyingField

# Besides names, birth and death: the last address, the post, the day of
# arrest (docs/linking.md).
IDENTIFYING = (
    IdentifyingField("address", "normalized"),
    IdentifyingField("occupation", "fuzzy"),
    IdentifyingField("arrested", "date"),
)

SEPARATOR = "---"
# A rehabilitation line that says there is nothing to say.
NO_INFORMATION = re.compile(r"сведений\b.*\bнет|не реабилитирован", re.IGNORECASE)
_LINE = re.compile(
    r"^(?:(?P<born>Родил(?:ся|ась)|Род\.)"
    r"|(?P<residence>Проживал[а]?|Прож\.)\s*:"
    r"|(?P<arrested>Арестован[а]?|Арест\.)"
    r"|(?P<sentenced>Приговорен[а]?|Осужден[а]?)\s*:"
    r"|(?P<sentence>Приговор)\s*:"
    r"|(?P<executed>Рас+трелян[а]?)"
    r"|(?P<died>Умер(?:ла)?|Погиб(?:ла)?)"
    r"|(?P<released>Освобожден[а]?)"
    r"|(?P<rehabilitated>Реабилитирован[а]?)"
    r"|(?P<burial>Место захоронения)\s*[-–:]"
    r"|(?P<variants>\(варианты))"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ALTERNATIVE = re.compile(r"\(по другим данным\s*[-–:]?\s*([^)]*)\)")


def _line_event(
    rec: RegistryRecord,
    predicate: str,
    line: str,
    at: int,
    date: FoundDate | None,
    qualifiers: dict[str, object],
) -> None:
    """An event stated by a whole line of the record, with its date if any."""
    rec.event(
        predicate,
        at,
        at + len(line),
        date=date.edtf if date else None,
        date_text=date.text if date else None,
        qualifiers={
            **{k: v for k, v in qualifiers.items() if v},
            **(date.qualifiers if date else {}),
        },
    )


def _dated(rec: RegistryRecord, predicate: str, line: str, at: int, body: int) -> None:
    """An event stated by a whole line, dated by the first date after its marker;
    what follows the date is the arresting organ, or a detail of the event."""
    date = find_date(line, body)
    rest = clean(_ALTERNATIVE.sub("", line[date.end if date else body :])).rstrip(".")
    q = {"agency" if predicate == "arrested" else "details": rest}
    _line_event(rec, predicate, line, at, date, q)
    for alt in _ALTERNATIVE.finditer(line):
        other = find_date(alt.group(1))
        if other:
            rec.event(
                predicate,
                at,
                at + len(line),
                date=other.edtf,
                date_text=other.text,
                alternative=True,
            )


def _born(rec: RegistryRecord, line: str, at: int, body: int) -> None:
    first, *rest = line[body:].split(";")
    date = find_date(first)
    place = clean(first[date.end :] if date else first)
    _line_event(rec, "born", line, at, date, {"place": place})
    if place:
        rec.attributes["birthplace"] = place
    for segment in (clean(s) for s in rest):
        if not segment:
            continue
        if segment.lower().startswith("образование"):
            rec.attributes["education"] = segment
        elif is_party(segment):
            rec.attributes["party"] = segment
        elif "nationality" not in rec.attributes and len(segment.split()) <= 2:
            rec.attributes["nationality"] = segment
        else:
            rec.attributes.setdefault("notes", []).append(segment)


def _sentenced(rec: RegistryRecord, line: str, at: int, body: int) -> None:
    head, _, charge = line[body:].partition("обв.:")
    date = find_date(head)
    agency = clean(head[: date.start] if date else head)
    charge = clean(charge).rstrip(".")
    article = article_of(charge) if charge else None
    _line_event(
        rec,
        "sentenced",
        line,
        at,
        date,
        {"agency": agency, "charge": charge, "article": article},
    )
    if article:
        rec.attributes.setdefault("article", article)
    if charge:
        rec.attributes.setdefault("charge", charge)


def _rehabilitated(rec: RegistryRecord, line: str, at: int, body: int) -> None:
    if NO_INFORMATION.search(line[body:]):
        # "Реабилитирован  сведений о реабилитации нет": the field is empty.
        rec.attributes.setdefault("rehabilitation", clean(line[body:]).rstrip("."))
        return
    date = find_date(line, body)
    if date and date.start > body + 3:  # a decree's date further on is not the date
        date = None
    rest = clean(line[date.end :] if date else line[body:]).rstrip(".")
    basis = basis_of(rest)
    agency = clean(rest.replace(basis, "")) if basis else rest
    _line_event(
        rec,
        "rehabilitated",
        line,
        at,
        date,
        {"agency": agency, "basis": basis},
    )


def _variants(rec: RegistryRecord, line: str) -> None:
    for part in line.strip("() ").split(";"):
        label, _, values = part.partition(":")
        for value in (clean(v) for v in values.split(",")):
            if value and "фамил" in label:
                rec.names.append(RecordName(value, "variant"))
            elif value:
                rec.attributes.setdefault(clean(label), []).append(value)


def _read_line(rec: RegistryRecord, line: str, at: int) -> None:
    m = _LINE.match(line)
    kind = m.lastgroup if m else None
    body = m.end() if m else 0
    rec.sex = rec.sex or sex_of_line(line)
    if kind == "born":
        _born(rec, line, at, body)
    elif kind == "sentenced":
        _sentenced(rec, line, at, body)
    elif kind == "rehabilitated":
        _rehabilitated(rec, line, at, body)
    elif kind in ("arrested", "executed", "died", "released"):
        _dated(rec, kind, line, at, body)
    elif kind == "residence":
        rec.attributes["address"] = clean(line[body:])
    elif kind == "sentence":
        rec.attributes["sentence"] = clean(line[body:])
    elif kind == "burial":
        place = re.sub(r"^место захоронения\s*-\s*", "", clean(line[body:]), flags=re.I)
        rec.attributes["burial_place"] = place
    elif kind == "variants":
        _variants(rec, line)
    elif "occupation" not in rec.attributes and not rec.events[1:]:
        rec.attributes["occupation"] = clean(line).rstrip(".")
    else:
        rec.attributes.setdefault("notes", []).append(clean(line))


def _attach_sentence(rec: RegistryRecord) -> None:
    """The sentence text qualifies the sentencing; alone, it is the sentencing."""
    sentence = rec.attributes.get("sentence")
    if not sentence or rec.qualify("sentenced", sentence=sentence):
        return
    start = rec.text.find("Приговор:")
    end = rec.text.find("\n", start)
    rec.event(
        "sentenced",
        start,
        len(rec.text) if end < 0 else end,
        qualifiers={"sentence": sentence},
    )


def _attach_burial(rec: RegistryRecord) -> None:
    """The burial place qualifies the execution, as in the Moscow list."""
    if place := rec.attributes.get("burial_place"):
        rec.qualify("executed", place=place.rstrip("."))


def parse_record(text: str, ref: str, line: int) -> RegistryRecord | Skipped:
    """One record body → a RegistryRecord, or Skipped with the reason."""
    if _CONTROL.search(text):
        return Skipped(ref, "binary data, not a record")
    rec = RegistryRecord(ref=ref, line=line, text=text)
    at = 0
    for raw in text.split("\n"):
        stripped = raw.rstrip()
        if stripped:
            _read_line(rec, stripped, at)
        at += len(raw) + 1
    if not rec.events and not rec.attributes and not rec.names:
        return Skipped(ref, "no recognizable field in the record")
    _attach_sentence(rec)
    _attach_burial(rec)
    return rec


def _add(
    parsed: ParsedList,
    path: Path,
    chunk: str,
    offset: int,
    line: int,
    progress: Callable[[int], None] | None,
) -> None:
    lead = len(chunk) - len(chunk.lstrip("\n"))
    body = chunk.strip("\n")
    if not body.strip():
        return
    at_line = line + chunk[:lead].count("\n")
    result = parse_record(body, f"{path.name}:{at_line}", at_line)
    if isinstance(result, Skipped):
        parsed.skipped.append(result)
        return
    parsed.records.append(result)
    parsed.offsets.append(offset + lead)
    if progress:
        progress(1)


def parse(
    path: Path,
    progress: Callable[[int], None] | None = None,
    part: tuple[int, int] | None = None,
) -> ParsedList:
    """Read a records file; each record's offset is where its text starts.

    ``part`` (k, n): only the k-th of n runs of records (counted by their
    separators), for processes that read one large file side by side."""
    text = read_text(path, expect=("Родил", "Приговор", "Арестован", "Реабилитирован"))
    parsed = ParsedList(
        str(path),
        title=f"Жертвы политического террора в СССР: {path.name}",
        text=text,
        offsets=[],
        records=[],
        citation="Memorial, «Жертвы политического террора в СССР» (lists.memo.ru)",
    )
    # Split on separator lines, however many follow each other (the real
    # list has doubled ones), keeping each record's offset and first line.
    chunks = []  # (start, end, first line) of each record's text
    start = at = 0
    first_line = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip() == SEPARATOR:
            chunks.append((start, at, first_line))
            start, first_line = at + len(raw) + 1, number + 1
        at += len(raw) + 1
    chunks.append((start, len(text), first_line))
    if part is not None:
        k, n = part
        chunks = chunks[len(chunks) * k // n : len(chunks) * (k + 1) // n]
    for start, end, first_line in chunks:
        _add(parsed, path, text[start:end], start, first_line, progress)
    return parsed
