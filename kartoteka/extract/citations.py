"""Footnote markers and the reference each points to: "[1]" in the text and
"1. This is the considered estimate of …" in the notes at its end."""

from __future__ import annotations

import re

from kartoteka.extract.annotation import Annotation

MARKER = re.compile(r"\[(\d{1,3})\]")
NOTE = re.compile(r"^(\d{1,3})\.\s+(\S.*)$", re.MULTILINE)


def citations(text: str) -> list[Annotation]:
    """Each marker with its note's text; a note whose marker is missing is
    still proposed, as a reference of the text."""
    notes = {m.group(1): m for m in NOTE.finditer(text)}
    found = []
    for m in MARKER.finditer(text):
        note = notes.get(m.group(1))
        found.append(
            Annotation(
                "citation",
                m.group(0),
                m.start(),
                m.end(),
                normalized=note.group(2).strip() if note else None,
                confidence=0.8 if note else 0.4,
                rule="citation:marker",
            )
        )
    for number, note in notes.items():
        if not any(a.text == f"[{number}]" for a in found):
            found.append(
                Annotation(
                    "citation",
                    note.group(0),
                    note.start(),
                    note.end(),
                    normalized=note.group(2).strip(),
                    confidence=0.5,
                    rule="citation:note",
                )
            )
    return found
