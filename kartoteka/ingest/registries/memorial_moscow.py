"""`memorial-moscow`: the pages of «Расстрелы в Москве» (mos.memo.ru).

windows-1251 HTML; one person per ``<p class=pers>``::

    <B>Surname Given Patronymic</B>, род. 1884, <birthplace…>, <nationality>,
    <party>, <occupation>. Адрес: <address>. [notes.] Рас(с)стрелян(а)
    17.05.1938. Место захоронения: Бутово.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import lxml.html

from kartoteka.ingest.registries.encoding import read_text
from kartoteka.ingest.registries.fields_ru import clean, is_party
from kartoteka.ingest.registries.names_ru import parse_name, split_top
from kartoteka.ingest.registries.records import (
    ParsedList,
    RecordName,
    RegistryRecord,
    Skipped,
)
from kartoteka.ingest.registries.ru_dates import find_date
from kartoteka.model.identifying import IdentifyingField

# Besides names, birth and death: the last address and the post
# (docs/linking.md).
IDENTIFYING = (
    IdentifyingField("address", "normalized"),
    IdentifyingField("occupation", "fuzzy"),
)

_BIRTH = re.compile(r"\s*,?\s*род\.\s*")
_ADDRESS = re.compile(r"\bАдрес:\s*")
_EXECUTED = re.compile(r"\bРас+трелян(а)?\b")
_BURIAL = re.compile(r"Место захоронения:\s*([^.]*(?:\.[^.\s][^.]*)*)")
_OTHER = re.compile(r"\s*\(по другим данным\s*[-–:]?\s*([^)]*)\)")
# A note after the address starts a sentence of its own: a date or a verb.
_NOTE_START = re.compile(
    r"\.\s+(?=(?:В|С|До|После|Ранее|Бывш\w*|Член|Арестов\w*|Осужд\w*|"
    r"Приговор\w*|Работал\w*|\d{1,2} [а-я]+ \d{4})\b)"
)


def _alternative(rec: RegistryRecord, text: str, at: int, predicate: str) -> int:
    """A "(по другим данным - …)" right at ``at``: a second reading; returns its end."""
    m = _OTHER.match(text, at)
    if not m:
        return at
    other = find_date(m.group(1))
    if other is not None:
        rec.event(
            predicate,
            m.start(),
            m.end(),
            date=other.edtf,
            date_text=other.text,
            alternative=True,
        )
    else:
        rec.event(
            predicate,
            m.start(),
            m.end(),
            qualifiers={"place": clean(m.group(1))},
            alternative=True,
        )
    return m.end()


def _is_nationality(part: str) -> bool:
    return " " not in part and part[:1].islower() and part.replace("-", "").isalpha()


def _profile(rec: RegistryRecord, text: str, at: int) -> None:
    """Birthplace, nationality, party and occupation: comma-separated, in order.
    ``at`` is where text starts in the record, for an alternative's span."""
    parts = split_top(text)
    party = next((i for i, p in enumerate(parts) if is_party(p)), None)
    if party is not None:
        rec.attributes["party"] = parts[party]
    before = parts[:party] if party is not None else parts
    nationality = next(
        (i for i in range(len(before) - 1, 0, -1) if _is_nationality(before[i])), None
    )
    if nationality is not None:
        rec.attributes["nationality"] = before[nationality]
    end = (
        nationality if nationality is not None else (party if party is not None else 1)
    )
    place = ", ".join(parts[:end])
    rest = parts[party + 1 :] if party is not None else parts[(nationality or 0) + 1 :]
    if rest and party is None and nationality is None:
        rest = parts[1:]
    if (other := _OTHER.search(place)) is not None:
        start = text.find(other.group(0)) + at
        rec.event(
            "born",
            start,
            start + len(other.group(0)),
            qualifiers={"place": clean(other.group(1))},
            alternative=True,
        )
        rec.attributes["birthplace_alternative"] = clean(other.group(1))
        place = place.replace(other.group(0), "")
    if place:
        rec.attributes["birthplace"] = clean(place)
    if rest:
        rec.attributes["occupation"] = ", ".join(rest)


def parse_record(
    name_html: str, text: str, ref: str, line: int
) -> RegistryRecord | Skipped:
    """One ``<p class=pers>``: its name (the <B> text) and its whole text."""
    main, variants, aliases = parse_name(name_html)
    if not main:
        return Skipped(ref, "no name in <B>…</B>")
    executed = _EXECUTED.search(text)
    if executed is None:
        return Skipped(ref, "no execution date: an incomplete record (truncated file?)")
    rec = RegistryRecord(
        ref=ref, line=line, text=text, sex="F" if executed.group(1) else "M"
    )
    parts = main.split()
    if len(parts) >= 3:  # Surname Given Patronymic, as the list writes them
        rec.attributes.update(
            surname=parts[0], given_name=parts[1], patronymic=" ".join(parts[2:])
        )
    rec.names += [
        RecordName(main, "birth"),
        *(RecordName(v, "variant") for v in variants),
        *(RecordName(a, "alias") for a in aliases),
    ]
    after_name = text.find(name_html.strip()) + len(name_html.strip())
    birth = _BIRTH.match(text, after_name)
    profile_from = after_name
    if birth:
        date = find_date(text[: birth.end() + 30], birth.end())
        if (date and date.start == birth.end()) or (
            date and text[birth.end() : date.start].strip() in ("", "в")
        ):
            said = text.index("род.", birth.start())
            rec.event(
                "born",
                said,
                date.end,
                date=date.edtf,
                date_text=date.text,
                qualifiers=date.qualifiers,
            )
            profile_from = _alternative(rec, text, date.end, "born")
        else:
            profile_from = birth.end()
    address = _ADDRESS.search(text, profile_from)
    profile = text[profile_from : address.start() if address else executed.start()]
    _profile(
        rec,
        profile.strip(" ,."),
        profile_from + len(profile) - len(profile.lstrip(" ,.")),
    )
    if address:
        body = text[address.end() : executed.start()].strip()
        addr, *notes = _NOTE_START.split(body, maxsplit=1)
        other = _OTHER.search(addr)
        if other:
            rec.attributes["address_alternative"] = clean(other.group(1))
            addr = addr.replace(other.group(0), "")
        rec.attributes["address"] = clean(addr).rstrip(".")
        if notes:
            rec.attributes["notes"] = [clean(n) for n in notes]
    date = find_date(text, executed.end())
    sentence_end = text.find(".", date.end if date else executed.end())
    burial = _BURIAL.search(text, executed.end())
    qualifiers = {"place": clean(burial.group(1)).rstrip(".")} if burial else {}
    if burial:
        rec.attributes["burial_place"] = qualifiers["place"]
    rec.event(
        "executed",
        executed.start(),
        date.end if date else max(sentence_end, executed.end()),
        date=date.edtf if date else None,
        date_text=date.text if date else None,
        qualifiers={**qualifiers, **(date.qualifiers if date else {})},
    )
    if date:
        _alternative(rec, text, date.end, "executed")
    return rec


def parse(path: Path, progress: Callable[[int], None] | None = None) -> ParsedList:
    """Read one page; the source text is its records' texts, one a line."""
    html = read_text(path, expect=("Рас", "род."))
    document = lxml.html.document_fromstring(html)
    title = clean(document.findtext(".//title") or "") or "Расстрелы в Москве"
    parsed = ParsedList(
        str(path),
        title=f"{title} ({path.name})",
        text="",
        offsets=[],
        records=[],
        citation="Memorial, «Расстрелы в Москве» (mos.memo.ru)",
        url="http://mos.memo.ru/",
    )
    texts: list[str] = []
    offset = 0
    for p in document.iter("p"):
        if (p.get("class") or "").lower() != "pers":
            continue
        ref = f"{path.name}:{p.sourceline}"
        bold = p.find(".//b")
        text = clean(p.text_content())
        result = (
            parse_record(bold.text_content(), text, ref, p.sourceline or 0)
            if bold is not None
            else Skipped(ref, "no name in <B>…</B>")
        )
        if isinstance(result, Skipped):
            parsed.skipped.append(result)
            continue
        parsed.records.append(result)
        parsed.offsets.append(offset)
        texts.append(text)
        offset += len(text) + 1
        if progress:
            progress(1)
    parsed.text = "\n".join(texts)
    if not parsed.records and not parsed.skipped:
        parsed.skipped.append(
            Skipped(f"{path.name}:1", "no <p class=pers> records in this page")
        )
    return parsed
