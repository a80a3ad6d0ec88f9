"""Words quoted from someone: the quotation and, where the text says, whose.

A quotation is the text between typographic quotes (“…”, «…», or plain
"…"), across paragraphs when each opens with a quote mark again. Scare
quotes of a few words ("rehabilitated") are not quotations. The speaker is
a person named just before it ("Khrushchev accomplished this act …:") or
named with a verb of saying just after it ("…,” Trotsky wrote in 1937).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kartoteka.extract.annotation import Annotation

QUOTED = re.compile(r"“([^”]{20,4000})”|«([^»]{20,4000})»|\"([^\"\n]{20,2000})\"")
MIN_WORDS = 5
SAYING = re.compile(
    r"^[\s,.]*(?:\S+\s+){0,2}?(?:wrote|writes|said|says|declared|stated|added|"
    r"commented|asserted|insisted|told|recalled|писал|сказал|заявил|отмечал)\b",
    re.IGNORECASE,
)
BEFORE = 120  # characters before a quotation in which its speaker is looked for


def quotations(text: str, persons: Sequence[Annotation]) -> list[Annotation]:
    found = []
    for m in QUOTED.finditer(text):
        words = next(g for g in m.groups() if g is not None)
        if len(words.split()) < MIN_WORDS:
            continue
        speaker = _speaker(text, m.start(), m.end(), persons)
        found.append(
            Annotation(
                "quote",
                m.group(0),
                m.start(),
                m.end(),
                subject=speaker.subject if speaker else None,
                confidence=0.7 if speaker else 0.4,
                rule="quote:" + ("attributed" if speaker else "unattributed"),
            )
        )
    return found


def _speaker(
    text: str, start: int, end: int, persons: Sequence[Annotation]
) -> Annotation | None:
    after = [p for p in persons if end <= p.start <= end + 40]
    for person in after:
        if SAYING.match(text[person.end : person.end + 40]) or SAYING.match(
            text[end : person.start]
        ):
            return person
    before = [p for p in persons if start - BEFORE <= p.end <= start]
    if before and text[before[-1].end : start].rstrip().endswith((":", ",")):
        return before[-1]
    return None
