"""The nominative of Russian name words met in running text (Тухачевского →
Тухачевский), with pymorphy3 and its dictionary shipped on PyPI."""

from __future__ import annotations

from functools import lru_cache

NAME_TAGS = ("Surn", "Name", "Patr")


@lru_cache(maxsize=1)
def _analyzer():  # type: ignore[no-untyped-def]
    import pymorphy3  # about 0.2 s to load: only when a Cyrillic name needs it

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def analyse(token: str) -> tuple[str, str | None, str | None]:
    """(nominative, role, sex) of one lower-case Cyrillic token.

    A token that can be a nominative is kept as written: registry records
    name people in the nominative, and Иванова is a woman's name before it is
    the genitive of Иванов. Only words the dictionary knows as names are
    changed. Role is "surname", "given", "patronymic" or None;
    sex is "M", "F" or None, as far as the word form tells.
    """
    parses = _analyzer().parse(token)
    named = [
        p for p in parses if "sing" in p.tag and any(t in p.tag for t in NAME_TAGS)
    ]
    if not named:
        # Not a name's singular form: Гамарников is a surname of its own
        # before it is the genitive plural of Гамарник; kept as written.
        return token, None, None
    nominative = [p for p in named if "nomn" in p.tag]
    best = nominative[0] if nominative else named[0]
    form = token
    if not nominative:
        # Inflected to the nominative keeps the sex: Петровны → Петровна.
        inflected = best.inflect({"nomn", "sing"})
        form = inflected.word if inflected else best.normal_form
    role = None
    for tag, name in (("Surn", "surname"), ("Name", "given"), ("Patr", "patronymic")):
        if tag in best.tag:
            role = name
            break
    sex = {"masc": "M", "femn": "F"}.get(best.tag.gender or "")
    return form, role, sex


@lru_cache(maxsize=4096)
def word_forms(word: str, most: int = 64) -> tuple[str, ...]:
    """Every form of a Russian word, for a search that finds any of them
    (Тухачевского finds Тухачевский; расстрелян finds расстреляна). A word
    that is not Cyrillic is its own only form."""
    token = word.lower()
    if not any("а" <= ch <= "я" or ch == "ё" for ch in token):
        return (word,)
    forms = dict.fromkeys([token])
    for parse in _analyzer().parse(token)[:3]:
        forms.update(dict.fromkeys(f.word for f in parse.lexeme))
    return tuple(forms)[:most]
