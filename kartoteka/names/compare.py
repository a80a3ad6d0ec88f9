"""Are two names one person's? A score, a verdict and the reasons.

Surname, given name and patronymic are compared part by part on their
skeleton keys (see ``phonetic``), over every reading of each name; a
typing slip is forgiven by a similarity ratio on the keys. Namesakes stay
apart: a patronymic or given name that both give and that differ, or names
of a man and a woman, make it no match whatever the surname says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from kartoteka.names.equivalents import baltic_stem, same_name
from kartoteka.names.keys import initial_keys, patronymic_keys, word_keys
from kartoteka.names.structure import NameParts, parse_name

WEIGHTS = {"surname": 0.6, "given": 0.25, "patronymic": 0.15}
SAME = 0.85  # a part this similar, or more, is the same
THRESHOLD = 0.85  # the overall score for a match
SHORT = 7  # keys shorter than this must agree exactly to be the same
# One name in two languages (Лев, Leon; Eidemanis, Эйдеман): the same, but
# weaker evidence than two spellings of one name.
EQUIVALENT = 0.9


@dataclass
class Comparison:
    score: float
    match: bool
    explanation: list[str] = field(default_factory=list)
    parts: int = 0  # how many parts both names give: surname, given, patronymic

    def as_dict(self) -> dict[str, object]:
        return {
            "score": round(self.score, 3),
            "match": self.match,
            "explanation": self.explanation,
        }


def _best(a: dict[str, str], b: dict[str, str]) -> tuple[float, str]:
    """The closest pair of keys: similarity and how it was reached."""
    best, why = 0.0, ""
    for key_a, how_a in a.items():
        for key_b, how_b in b.items():
            similarity = Levenshtein.normalized_similarity(key_a, key_b)
            if similarity < 1 and min(len(key_a), len(key_b)) < SHORT:
                similarity -= (
                    0.15  # Ежов and Ершов: in short names one letter is a name
                )
            if similarity > best:
                best = similarity
                read = f"{how_a} / {how_b}"
                why = (
                    f"same key {key_a!r} ({read})"
                    if similarity == 1
                    else f"keys {key_a!r} and {key_b!r} {similarity:.2f} alike ({read})"
                )
    return best, why


def _part(
    a: NameParts, b: NameParts, part: str, languages: bool = True
) -> tuple[float | None, str]:
    one, two = getattr(a, part), getattr(b, part)
    if not one or not two:
        given = "A" if one else "B" if two else None
        return None, (f"{part}: only {given} gives one" if given else "")
    label = f"{part}: {one} ~ {two}: "
    if a.is_initial(part) or b.is_initial(part):
        if initial_keys(one) & initial_keys(two):
            return 1.0, label + "the initial fits"
        return 0.0, label + "the initials differ"
    if part == "surname":
        similarity, why = _best(word_keys(one, True), word_keys(two, True))
    elif part == "patronymic":
        similarity, why = _best(patronymic_keys(one), patronymic_keys(two))
        return similarity, label + why
    else:
        similarity, why = _best(word_keys(one), word_keys(two))
    if similarity < SAME and languages:
        other = _other_language(one, two, part == "surname")
        if other:
            return EQUIVALENT, label + other
    return similarity, label + why


def _other_language(one: str, two: str, surname: bool) -> str | None:
    """Why two names that are spelt apart are one name in two languages."""
    if surname:
        for x, y in ((one, two), (two, one)):
            stem = baltic_stem(x)
            if stem and _best(word_keys(stem, True), word_keys(y, True))[0] == 1:
                return f"{x} is the Latvian or Lithuanian form of {y}"
    evidence = same_name(one, two)
    return f"one name in two languages ({evidence})" if evidence else None


def compare_parts(a: NameParts, b: NameParts, languages: bool = True) -> Comparison:
    explanation = []
    total = weight = 0.0
    verdict = True
    weakest = 1.0
    parts = 0
    for part, part_weight in WEIGHTS.items():
        similarity, why = _part(a, b, part, languages)
        if why:
            explanation.append(why)
        if similarity is None:
            if part == "surname":
                verdict = False  # a given name alone identifies nobody
            continue
        parts += 1
        total += part_weight * similarity
        weight += part_weight
        weakest = min(weakest, similarity)
    score = total / weight if weight else 0.0
    if weakest < SAME:  # a part both give and that differs: namesakes
        score *= weakest
        verdict = False
    if a.sex and b.sex and a.sex != b.sex:
        explanation.append(f"sex: {a.sex} and {b.sex}: not one person")
        score *= 0.5
        verdict = False
    return Comparison(score, verdict and score >= THRESHOLD, explanation, parts)


def compare(a: str, b: str, languages: bool = True) -> Comparison:
    """The best agreement between any reading of ``a`` and any of ``b``;
    with ``languages``, names that are one name in two languages agree too
    (see ``equivalents``)."""
    best: Comparison | None = None
    for one in parse_name(a):
        for two in parse_name(b):
            result = compare_parts(one, two, languages)
            if best is None or (result.match, result.score) > (best.match, best.score):
                best = result
    assert best is not None  # parse_name returns at least one reading
    return best
