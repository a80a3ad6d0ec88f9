"""Life-cycle events in a sentence: who was arrested, shot, rehabilitated, and when.

A rule is a predicate of the vocabulary and the words that state it. Its
person is the one named before the words (every one of them after "were"),
or the one after "the execution of"; its date is the date nearest the words
in the same sentence. The span runs from the first of these to the last.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kartoteka.extract.annotation import Annotation

_BE = r"\b(?:was|were|been|being)"
# "was recalled to Moscow and arrested", "were tried … on June 11, 1937, and
# shot": a second participle joined to a passive earlier in the clause.
_JOINED = r"\b(?:was|were|been)\b[^.;:“”\"]*?\band (?:then |later )?"
# An active verb with its person after it: "the Collegium rehabilitated Feldman".
_ACTIVE_OBJECT = r" (?=(?-i:[A-Z])|(?:my|his|her|our|their) )"
EVENT_RULES: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "en": tuple(
        (p, re.compile(words, re.IGNORECASE))
        for p, words in (
            (
                "executed",
                rf"{_BE} (?:executed|shot)\b|\bexecution of\b|\bdone away with\b"
                rf"|{_JOINED}(?:executed|shot)\b(?! (?:him|her)self)",
            ),
            ("purged", r"\b(?:fallen|fell) victim\b|\b(?:was|were|been) purged\b"),
            ("defected", r"\bdefected\b|\bdefection of\b"),
            (
                "arrested",
                rf"{_BE} arrested\b|\barrest of\b|\btaken into custody\b"
                rf"|{_BE} taken (?:away|from)\b"
                rf"|{_JOINED}arrested\b",
            ),
            (
                "rehabilitated",
                rf"{_BE} [“\"]?rehabilitated\b|\brehabilitation of\b"
                r"|\bverdicts? (?:\S+ ){0,6}(?:reversed|annulled|quashed|set aside)\b"
                rf"|\brehabilitated{_ACTIVE_OBJECT}",
            ),
            (
                "died",
                r"\bfound dead\b|\bdied\b|\bdead body\b"
                r"|\b(?:shot|hanged|killed) (?:him|her)self\b|\bcommitted suicide\b"
                r"|\btook (?:his|her) own life\b",
            ),
            (
                "tried",
                r"\b(?:was|were|been) tried\b|\btrial of\b"
                r"|\bafter (?:a|the) (?:secret |closed |show )?trial\b",
            ),
            ("sentenced", r"\b(?:was|were|been) sentenced\b"),
            (
                "confessed",
                r"\bconfessed\b|\bsigned (?:a |the |his |her )?confession\b",
            ),
            ("kidnapped", r"\b(?:was|were|been) kidnapped\b|\bkidnapping of\b"),
            (
                "assassinated",
                rf"{_BE} assassinated\b|\bassas+ination of\b"
                r"|(?P<after_name>\bassas+ination\b)(?! of)",
            ),
            ("exiled", r"\b(?:was|were|been) (?:exiled|deported|banished)\b"),
            (
                "imprisoned",
                r"\b(?:was|were|been) (?:imprisoned|jailed|interned)\b"
                r"|\bsent to (?:a |the )?(?:labou?r )?(?:camp|prison|gulag)\b",
            ),
            ("released", r"\b(?:was|were|been) released\b"),
            ("born", r"\b(?:was|were) born\b"),
        )
    ),
    "ru": tuple(
        (p, re.compile(words, re.IGNORECASE))
        for p, words in (
            ("arrested", r"\bарестован[аоы]?\b"),
            ("executed", r"\bрасстрелян[аоы]?\b"),
            ("sentenced", r"\bприговор[её]н[аоы]?\b|\bосужд[её]н[аоы]?\b"),
            ("rehabilitated", r"\bреабилитирован[аоы]?\b"),
            (
                "died",
                r"\bумер(?:ла|ли)?\b|\bскончал(?:ся|ась|ись)\b|\bпогиб\w*"
                r"|\bзастрелил(?:ся|ась)\b|\bпокончил[аи]? с собой\b",
            ),
            ("exiled", r"\bсослан[аоы]?\b|\bвыслан[аоы]?\b"),
            ("released", r"\bосвобожд[её]н[аоы]?\b"),
            ("born", r"\bродил(?:ся|ась)\b|\bрод\."),
        )
    ),
}
PRONOUNS = frozenset({"he", "she", "they", "он", "она", "они"})
# Words for two persons named before: "Both men were tried".
PAIR = frozenset({"both", "men", "two", "pair", "оба", "обоих"})
# Words that start another clause or event between a verb and a date.
_ANOTHER = re.compile(
    r"[;]|\b(?:and|but|while|after|before|then|и|но|после)\b", re.IGNORECASE
)
_PLURAL = re.compile(r"\b(?:were|были)\b|ы\b", re.IGNORECASE)


def sentence_events(
    sentence: tuple[int, int],
    text: str,
    lang: str,
    persons: Sequence[Annotation],
    dates: Sequence[Annotation],
    grammar: Callable[[int, int], list[tuple[int, int]]] | None = None,
) -> list[Annotation]:
    """The events one sentence states; ``text`` and every span are the
    original's (the sentence too). ``grammar`` gives the spans of the subjects
    of the words at a span, where a parse knows them. A sentence that names
    nobody ("Арестован 22 мая 1937 года", "He was shot") speaks of the person
    named last before it, with less confidence."""
    start, end = sentence
    inside = _within(persons, start, end)
    carried = not inside and not _names_after_colon(text, end, persons)
    before = bisect_left(persons, start, key=lambda p: p.start)
    earlier = _agreeing(
        [p for p in persons[max(0, before - 20) : before] if p.end <= start],
        text[start:end],
        lang,
    )
    if carried:
        inside = earlier
    when = _within(dates, start, end)
    found = []
    for predicate, words in EVENT_RULES[lang]:
        for m in words.finditer(text, start, end):
            if m.groupdict().get("after_name") and not _named_just_before(
                persons, text, m.start()
            ):
                continue  # "each assassination" is nobody's
            context = _Context(text, lang, inside, earlier, persons, carried)
            # "executed after a secret trial": the date is the execution's
            dated = not m.group(0).lower().startswith("after ")
            for person in _who(m, context, grammar):
                date = _date_of(text, when, m.start(), m.end()) if dated else None
                found.append(_event(m, context, predicate, person, date))
    return found


@dataclass(frozen=True)
class _Context:
    """What a sentence's rules read besides the words they matched."""

    text: str
    lang: str
    inside: Sequence[Annotation]  # the sentence's persons (or the one carried)
    earlier: list[Annotation]  # the person of the sentences before
    persons: Sequence[Annotation]  # every person of the text
    carried: bool  # the sentence names nobody


def _who(
    m: re.Match[str],
    c: _Context,
    grammar: Callable[[int, int], list[tuple[int, int]]] | None,
) -> list[Annotation]:
    """The persons the matched words are about."""
    at, stop = m.start(), m.end()
    spans = grammar(at, stop) if grammar else []
    chosen = _parsed(c.inside, spans)
    if not chosen and any(c.text[a:b].lower() in PRONOUNS for a, b in spans):
        # "he was tried": the subject of a clause before it in this sentence
        # ("Rakovsky received twenty years; he was shot"), else the person of
        # the sentence before ("Like Marshal Tukhachevsky, he was tried" speaks
        # of the man named before)
        named = [p for p in c.inside if p.end <= at and ";" in c.text[p.end : at]]
        chosen = (named[-1:] if not c.carried else []) or c.earlier
    if not chosen and any(c.text[a:b].lower() in PAIR for a, b in spans):
        chosen = _last_two(c.persons, at)
    colon = c.text.find(":", stop, stop + 30)
    if colon >= 0 and not any(ch in c.text[stop:colon] for ch in ".;"):
        # "reversed since 1956 [sic]: Tukhachevsky, Uborevich, Eideman …"
        # (the parser may end the sentence at the colon)
        until = c.text.find(".", colon)
        chosen = _within(c.persons, colon, len(c.text) if until < 0 else until)
    subjects = chosen or _subjects(c.inside, at, stop, m.group(0), c.lang)
    return _with_list(subjects, c.inside, c.text)


def _event(
    m: re.Match[str],
    c: _Context,
    predicate: str,
    person: Annotation,
    date: Annotation | None,
) -> Annotation:
    parts = [*([] if c.carried else [person]), *([date] if date else [])]
    first = min([m.start(), *(x.start for x in parts)])
    last = max([m.end(), *(x.end for x in parts)])
    return Annotation(
        "event",
        c.text[first:last],
        first,
        last,
        subject=person.subject
        or {"name": person.normalized or person.text, "id": None},
        predicate=predicate,
        date=date.normalized if date else None,
        confidence=0.4 if c.carried else 0.6,
        rule=f"event:{c.lang}:{predicate}"
        + (":person-of-an-earlier-sentence" if c.carried else ""),
    )


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+и\s+)")


def _with_list(
    chosen: list[Annotation], persons: Sequence[Annotation], text: str
) -> list[Annotation]:
    """The chosen persons with those listed beside them: "Zinoviev, Kamenev,
    Pyatakov, and Radek had fallen victim" is four persons, not Radek alone."""
    if not chosen:
        return chosen
    found = list(chosen)
    ordered = sorted(persons, key=lambda p: p.start)
    at = ordered.index(chosen[0]) if chosen[0] in ordered else -1
    while at > 0 and _LIST_GAP.fullmatch(text[ordered[at - 1].end : ordered[at].start]):
        at -= 1
        if ordered[at] not in found:
            found.insert(0, ordered[at])
    return found


def _last_two(persons: Sequence[Annotation], at: int) -> list[Annotation]:
    """The last two different persons named before ``at``."""
    found: dict[str, Annotation] = {}
    for person in reversed([p for p in persons if p.end <= at]):
        found.setdefault(person.normalized or person.text, person)
        if len(found) == 2:
            break
    return sorted(found.values(), key=lambda p: p.start)


def _agreeing(
    earlier: Sequence[Annotation], sentence: str, lang: str
) -> list[Annotation]:
    """The person a sentence naming nobody speaks of: the last named before
    it, or in Russian the last whose sex the verb agrees with ("Реабилитирован"
    is a man's: the entry's subject, not his wife named just before)."""
    if lang != "ru" or not earlier:
        return list(earlier[-1:])
    verb = next(
        (m.group(0) for _, w in EVENT_RULES["ru"] for m in [w.search(sentence)] if m),
        "",
    )
    sex = "F" if verb.lower().endswith("а") else "M" if verb else None
    for person in reversed(earlier[-20:]):
        if sex is None or _sex(person.normalized or person.text) in (sex, None):
            return [person]
    return list(earlier[-1:])


def _sex(name: str) -> str | None:
    """A Russian name's sex, by its patronymic."""
    for word in name.lower().split():
        if word.endswith(("вич", "ьич", "ич")):
            return "M"
        if word.endswith(("вна", "чна")):
            return "F"
    return None


def _named_just_before(persons: Sequence[Annotation], text: str, at: int) -> bool:
    """Does a person's name stand right before ``at`` ("the Kirov
    assassination", "Kirov’s assassination")?"""
    return any(
        re.fullmatch(r"(?:’s|'s)?\s", text[p.end : at]) for p in persons if p.end < at
    )


def _names_after_colon(text: str, end: int, persons: Sequence[Annotation]) -> bool:
    """Does the sentence end at a colon that a list of persons follows?"""
    if not text[:end].rstrip().endswith(":"):
        return False
    nxt = bisect_left(persons, end, key=lambda p: p.start)
    return nxt < len(persons) and persons[nxt].start - end < 5


def _within(spans: Sequence[Annotation], start: int, end: int) -> list[Annotation]:
    """The spans inside [start, end); ``spans`` are in the order of the text."""
    first = bisect_left(spans, start, key=lambda a: a.start)
    last = bisect_left(spans, end, key=lambda a: a.start)
    return [a for a in spans[first:last] if a.end <= end]


def _parsed(
    persons: Sequence[Annotation], spans: list[tuple[int, int]]
) -> list[Annotation]:
    """The persons whose mentions hold a grammatical subject's word."""
    return [p for p in persons if any(p.start <= a and b <= p.end for a, b in spans)]


def _subjects(
    persons: Sequence[Annotation], at: int, stop: int, words: str, lang: str
) -> list[Annotation]:
    after = [p for p in persons if p.start >= stop]
    if words.lower().endswith(" of") or words.endswith(" "):  # its object
        return after[:1]
    before = [p for p in persons if p.end <= at]
    if _PLURAL.search(words):
        # Russian puts the persons after the verb as often as before it.
        return [*before, *after] if lang == "ru" else before or after[:1]
    return before[-1:] or after[:1]


def _date_of(
    text: str, when: Sequence[Annotation], at: int, stop: int
) -> Annotation | None:
    """The date the words go with: the first after them in their clause ("was
    arrested in October 1938 and died … on November 9, 1938"), else the nearest."""
    for date in when:
        if stop <= date.start < stop + 80 and not _ANOTHER.search(
            text[stop : date.start]
        ):
            return date
    return min(when, key=lambda d: _distance(d, at, stop), default=None)


def _distance(date: Annotation, at: int, stop: int) -> int:
    return max(at - date.end, date.start - stop, 0)
