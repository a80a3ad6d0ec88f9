"""Persons, organizations and places in Russian text, with natasha.

natasha's models ship inside the package: nothing is fetched. The model
reads the text without stress marks (with them it breaks names: "Михаи");
every span is mapped back into the text as stored. A person's name is given
in the nominative (Тухачевского → Тухачевский), without a rank before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from kartoteka.extract.annotation import Annotation
from kartoteka.extract.text_view import TextView, persons_by_pattern

KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}
RANKS = frozenset(
    {
        *("маршал", "маршала", "маршалу", "маршалом", "командарм", "командарма"),
        *("комкор", "комкора", "комдив", "комдива", "комбриг", "генерал"),
        *("генерала", "полковник", "полковника", "товарищ", "товарища"),
        *("нарком", "наркома", "председатель", "председателя"),
    }
)


@dataclass(frozen=True)
class _Natasha:
    segmenter: Any
    ner: Any
    morph: Any
    vocab: Any


@cache
def _natasha() -> _Natasha:
    """natasha's segmenter, tagger and dictionary, loaded once."""
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return _Natasha(
        Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), MorphVocab()
    )


def russian_entities(
    view: TextView,
) -> tuple[list[Annotation], list[tuple[int, int]], None]:
    """Entity mentions (offsets into the original) and the sentences (spans of
    the view); no grammar of subjects yet (None)."""
    from natasha import Doc

    parts = _natasha()
    doc = Doc(view.text)
    doc.segment(parts.segmenter)
    doc.tag_ner(parts.ner)
    doc.tag_morph(parts.morph)
    found = []
    for span in doc.spans:
        kind = KINDS.get(span.type)
        if kind is None:
            continue
        span.normalize(parts.vocab)
        start, words, normal = span.start, span.text.split(" "), span.normal.split(" ")
        while len(words) > 1 and words[0].lower() in RANKS:
            start += len(words[0]) + 1
            words, normal = words[1:], normal[1:]
        if kind == "person" and _FULL_NAME.fullmatch(" ".join(words)):
            normal = words  # a full name with its patronymic: the nominative already
        first, last = view.span(start, span.stop)
        found.append(
            Annotation(
                kind,
                view.original[first:last],
                first,
                last,
                normalized=" ".join(map(_with_yo, normal, words))
                if kind == "person"
                else span.normal,
                confidence=0.8,
                rule="natasha:" + span.type,
            )
        )
    found = _joined(view, found)
    found += persons_by_pattern(
        view, _FULL_NAME, found, "pattern:surname-given-patronymic"
    )
    sentences = [(s.start, s.stop) for s in doc.sents]
    return sorted(found, key=lambda a: a.start), sentences, None


def _joined(view: TextView, found: list[Annotation]) -> list[Annotation]:
    """Two person spans a space apart are one name: the model cuts "Сарра
    Лазаревна Якир" into "Сарра" and "Лазаревна Якир"."""
    joined: list[Annotation] = []
    for a in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.kind == a.kind == "person"
            and view.original[last.end : a.start] == " "
        ):
            text = view.original[last.start : a.end]
            normal = f"{last.normalized} {a.normalized}"
            joined[-1] = replace(last, text=text, end=a.end, normalized=normal)
        else:
            joined.append(a)
    return joined


def _with_yo(normal: str, written: str) -> str:
    """The normal form with the ё the text wrote (natasha gives е: Пётр → Петр)."""
    if "ё" in written.lower() and normal.lower() == written.lower().replace("ё", "е"):
        return written
    return normal


# "Тухачевский Михаил Николаевич": surname, given name, patronymic, as an
# encyclopedia heads its entry; the model misses a name that opens a text.
_FULL_NAME = re.compile(
    r"\b[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)? [А-ЯЁ][а-яё]+ "
    r"[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)\b"
)
