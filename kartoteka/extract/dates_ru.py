"""Russian date phrases in running text → EDTF, with the registries' rules:
"12 июня 1937 г.", "в 1957 году", "4 (16) февраля 1893" (both calendars)."""

from __future__ import annotations

from kartoteka.extract.annotation import Annotation
from kartoteka.ingest.registries.ru_dates import find_date


def russian_dates(text: str) -> list[Annotation]:
    found = []
    at = 0
    while (date := find_date(text, at)) is not None:
        rule = "date:ru:both-calendars" if date.calendar else "date:ru"
        found.append(
            Annotation(
                "date",
                date.text,
                date.start,
                date.end,
                date.edtf,
                confidence=0.9,
                rule=rule,
            )
        )
        at = date.end
    return found
