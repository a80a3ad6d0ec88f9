"""One text → every proposal: entities, dates, events; persons resolved."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kartoteka.errors import ConfigError
from kartoteka.extract.annotation import Annotation
from kartoteka.extract.attribution import (
    estimate_subjects,
    one_stored,
    resolved_others,
    voiced,
)
from kartoteka.extract.citations import citations
from kartoteka.extract.dates_en import english_dates
from kartoteka.extract.dates_ru import russian_dates
from kartoteka.extract.english import english_entities
from kartoteka.extract.estimates import english_estimates, russian_estimates
from kartoteka.extract.events import sentence_events
from kartoteka.extract.kinship import kin_mentions
from kartoteka.extract.quotes import quotations
from kartoteka.extract.relative_dates import relative_dates
from kartoteka.extract.russian import russian_entities
from kartoteka.extract.text_view import TextView
from kartoteka.model.records import script_of
from kartoteka.model.vocabulary import EntityKind

if TYPE_CHECKING:
    from kartoteka.storage import Store

LANGUAGES = ("en", "ru")


def language_of(text: str) -> str:
    """ "ru" for mostly Cyrillic text, else "en"."""
    return "ru" if script_of(text[:20000]) == "Cyrl" else "en"


def extract_text(
    text: str, lang: str = "auto", store: Store | None = None
) -> list[Annotation]:
    """Every proposal for the text, in the order of the text; offsets are
    into ``text`` exactly as given (stress marks and all)."""
    lang = language_of(text) if lang == "auto" else lang
    if lang not in LANGUAGES:
        raise ConfigError(f"language {lang!r}: extraction reads {', '.join(LANGUAGES)}")
    view = TextView.of(text)
    if lang == "en":
        entities, sentences, grammar = english_entities(view, _known_surnames(store))
        found = english_dates(view.text)
    else:
        entities, sentences, grammar = russian_entities(view)
        found = russian_dates(view.text)
    persons = sorted(_named(entities, store), key=lambda a: a.start)
    found = sorted(found, key=lambda a: a.start)  # in the view, as its rules read
    found += relative_dates(view.text, found)
    dates = sorted((_mapped(view, d) for d in found), key=lambda a: a.start)
    # "my father" after "My father, Semyon Levin": for the events, not a name
    actors = sorted([*persons, *kin_mentions(text, persons)], key=lambda a: a.start)
    events = [
        e
        for first, last in sentences
        for e in sentence_events(
            view.span(first, last), text, lang, actors, dates, grammar
        )
    ]
    others = resolved_others([a for a in entities if a.kind != "person"], store)
    spoken = [_mapped(view, q) for q in quotations(view.text, _in_view(view, persons))]
    read_numbers = english_estimates if lang == "en" else russian_estimates
    numbers = [_mapped(view, e) for e in read_numbers(view.text)]
    numbers = estimate_subjects(numbers, others, text)
    notes = [_mapped(view, c) for c in citations(view.text)]
    every = voiced(
        [*persons, *others, *dates, *events, *spoken, *numbers, *notes], spoken
    )
    return sorted(every, key=lambda a: (a.start, a.kind))


def _in_view(view: TextView, found: list[Annotation]) -> list[Annotation]:
    """Spans of the original as spans of the view (for rules that read the view)."""
    spans = [view.in_view(a.start, a.end) for a in found]
    return [replace(a, start=s, end=e) for a, (s, e) in zip(found, spans, strict=True)]


def _mapped(view: TextView, found: Annotation) -> Annotation:
    first, last = view.span(found.start, found.end)
    return replace(found, start=first, end=last, text=view.original[first:last])


def _named(entities: list[Annotation], store: Store | None) -> list[Annotation]:
    """Each person's mention with the fullest name the text gives them, and
    the stored person it is. A bare surname is the person of that surname
    named in full last before it ("Tukhachevsky" → "Mikhail Tukhachevsky";
    "Yakir" after "Iona Yakir" is Iona, after "Sarra Yakir" Sarra)."""
    persons = sorted((a for a in entities if a.kind == "person"), key=lambda a: a.start)
    full: dict[str, list[tuple[int, str]]] = {}
    for p in persons:
        name = p.normalized or p.text
        if " " in name:
            full.setdefault(name.split()[-1], []).append((p.start, name))
    resolved: dict[str, str | None] = {}
    named = []
    for p in persons:
        name = p.normalized or p.text
        if " " not in name and name in full:
            earlier = [n for at, n in full[name] if at < p.start]
            name = earlier[-1] if earlier else full[name][0][1]
        if store is not None and name not in resolved:
            resolved[name] = _stored_person(store, name)
        who = {"name": name, "id": resolved.get(name)}
        named.append(replace(p, normalized=name, subject=who))
    return named


def _stored_person(store: Store, name: str) -> str | None:
    """The one stored person whose name this is, in any script; None when
    nobody or several are."""
    # Imported here: a text read without a store needs none of it (half a second).
    from kartoteka.analysis.lookup import entities_named

    return one_stored(store, entities_named(store, name, EntityKind.PERSON))


def _known_surnames(store: Store | None) -> list[str]:
    """Latin surnames of the persons a casefile put in the store: a gazetteer."""
    if store is None:
        return []
    return store.latin_surnames()
