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

# "was arrested", "were posthumously rehabilitated", "had been fully cleared".
_BE = r"\b(?:was|were|been|being)(?: \w+ly)?"
# "was recalled to Moscow and arrested", "were tried … on June 11, 1937, and
# shot", "was arrested on 20 November 1937, sentenced to ten years": a
# participle joined to a passive earlier in the clause.
# A dictionary's telegraphic sentence starts with its participle: "Arrested
# on August 6, 1940.", "Rehabilitated in 1955.", "Born in Moscow".
_HEADS_SENTENCE = r"(?<![\w,;] )(?<![\w,;])(?-i:(?=[A-Z]))"
_JOINED = (
    rf"(?:\b(?:was|were|been)\b|{_HEADS_SENTENCE}\w+ed\b)"
    r"[^.;:“”\"]*?(?:\band|,) (?:then |later |re)?"
)
# An active verb with its person after it: "the Collegium rehabilitated Feldman",
# "a troika sentenced him".
_ACTIVE_OBJECT = r" (?=(?-i:[A-Z])|(?:my|his|her|our|their|him|her|them)\b)"


def _passive(participles: str) -> str:
    """The words of a passive: "was shot", "was later shot", or a participle
    joined to one ("was tried and shot")."""
    return (
        rf"{_BE} (?:{participles})\b|{_JOINED}(?:{participles})\b"
        rf"|{_HEADS_SENTENCE}(?:{participles})\b"
    )


EVENT_RULES: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "en": tuple(
        (p, re.compile(words, re.IGNORECASE))
        for p, words in (
            (
                "executed",
                rf"(?:{_passive('executed|shot')})(?! (?:him|her)self)"
                r"|\bexecution of\b|\bdone away with\b",
            ),
            ("purged", r"\b(?:fallen|fell) victim\b|\b(?:was|were|been) purged\b"),
            ("defected", r"\bdefected\b|\bdefection of\b"),
            (
                "arrested",
                _passive("(?:re-?)?arrested|detained|picked up|taken into custody")
                + r"|\b(?:re-?)?arrest of\b|\btaken into custody\b"
                rf"|{_BE} taken (?:away|from)\b",
            ),
            (
                "rehabilitated",
                _passive('[“"]?rehabilitated|exonerated|cleared of')
                + r"|\brehabilitation of\b"
                r"|\bverdicts? (?:\S+ ){0,6}(?:reversed|annulled|quashed|set aside)\b"
                rf"|\b(?:rehabilitated|exonerated){_ACTIVE_OBJECT}",
            ),
            (
                "died",
                r"\bfound dead\b|\bdied\b|\bdead body\b"
                r"|\b(?:shot|hanged|killed) (?:him|her)self\b|\bcommitted suicide\b"
                r"|\btook (?:his|her) own life\b",
            ),
            (
                "tried",
                _passive("tried")
                + r"|\btrial of\b|\bafter (?:a|the) (?:secret |closed |show )?trial\b",
            ),
            ("sentenced", _passive("sentenced") + rf"|\bsentenced{_ACTIVE_OBJECT}"),
            (
                "confessed",
                r"\bconfessed\b|\bsigned (?:a |the |his |her )?confession\b",
            ),
            ("kidnapped", _passive("kidnapped") + r"|\bkidnapping of\b"),
            (
                "assassinated",
                _passive("assassinated")
                + r"|\bassas+ination of\b|(?P<after_name>\bassas+ination\b)(?! of)",
            ),
            ("exiled", _passive("exiled|deported|banished")),
            (
                "imprisoned",
                _passive("imprisoned|jailed|interned")
                + r"|\bsent to (?:a |the )?(?:labou?r )?(?:camp|prison|gulag)\b",
            ),
            ("released", _passive("released|freed")),
            ("born", _passive("born")),
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
# Words for the last persons named before, and how many: "Both men were
# tried". ("All three" is left alone: the last three names of a text are
# too often a wife or a colleague rather than the three meant.)
GROUP = {"both": 2, "men": 2, "two": 2, "pair": 2, "оба": 2, "обоих": 2}
_RESPECTIVELY = re.compile(r"\b(?:respectively|соответственно)\b", re.IGNORECASE)
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
    if lang == "en" and _TELEGRAPHIC.match(text, start):
        # no subject but the entry's: a name after the participle is another's
        earlier = _entry_head(persons[max(0, before - 20) : before], text) or earlier
        inside, carried = earlier, True
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
            persons_of = _who(m, context, grammar)
            each = _respective(text, when, m.end(), end, len(persons_of))
            for i, person in enumerate(persons_of):
                date = _date_of(text, when, m.start(), m.end()) if dated else None
                found.append(_event(m, context, predicate, person, each[i] or date))
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
    group = next((GROUP[w] for a, b in spans if (w := c.text[a:b].lower()) in GROUP), 0)
    if not chosen and group:
        chosen = _last(c.persons, at, group)
    if not chosen and c.text[stop : stop + 5].lower().split()[:1] in (["him"], ["her"]):
        # "a troika sentenced him": the man named before in the sentence, or
        # in the sentences before
        chosen = [p for p in c.inside if p.end <= at][-1:] or c.earlier
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


def _last(persons: Sequence[Annotation], at: int, count: int) -> list[Annotation]:
    """The last ``count`` different persons named before ``at``."""
    found: dict[str, Annotation] = {}
    for person in reversed([p for p in persons if p.end <= at]):
        found.setdefault(person.normalized or person.text, person)
        if len(found) == count:
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


_TELEGRAPHIC = re.compile(
    r"\s*(?:Born|(?:Re-?)?[Aa]rrested|Detained|Tried|Sentenced|Shot|Executed"
    r"|Exiled|Deported|Imprisoned|Released|Rehabilitated|Died)\b"
)


def _entry_head(earlier: Sequence[Annotation], text: str) -> list[Annotation]:
    """The person a telegraphic sentence ("Arrested in February 1941.") speaks
    of: the last one named at the head of a sentence, as a dictionary's entry
    names its subject first ("Georgy Karpechenko (1899–1941), a colleague of
    Vavilov." is Karpechenko's, not Vavilov's)."""
    for person in reversed(earlier):
        if re.search(
            r"(?:\A|[.!?]\s+|\n\s*)\Z", text[max(0, person.start - 4) : person.start]
        ):
            return [person]
    return []


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
    assassination", "Kirov’s assassination")? Only the last mentions
    before it can (``persons`` are in the order of the text)."""
    last = bisect_left(persons, at, key=lambda p: p.start)
    return any(
        re.fullmatch(r"(?:’s|'s)?\s", text[p.end : at])
        for p in persons[max(0, last - 3) : last]
        if p.end < at
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


def _respective(
    text: str, when: Sequence[Annotation], stop: int, end: int, count: int
) -> list[Annotation | None]:
    """One date for each of ``count`` persons when the words are followed by
    as many dates and "respectively" ("rehabilitated in 1958 and 1989
    respectively"), else none."""
    after = [d for d in when if d.start >= stop]
    said = _RESPECTIVELY.search(text, stop, end)
    if count > 1 and said and len([d for d in after if d.end <= said.start()]) == count:
        return list(after[:count])
    return [None] * count


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
