"""Names that are one name in two languages: Лев = Leon, Евгений = Eugen.

Not a transliteration: Leon is what an English or French text calls a Лев.
The equivalences are rigour's name symbols (OpenSanctions, MIT; Wikidata's
given-name and surname items, CC0), and for what those lack, the reviewed
rows of ``equivalents.yaml``, each with its evidence. Two names sharing a
symbol are weaker evidence than two spellings of one name (see
``names.compare``), and the sex of a name is judged elsewhere.

rigour builds its tagger on first use (about 6 s and 400 MB), so it is
asked only of a Cyrillic name and a Latin one: a registry's Cyrillic names
never pay for it, nor do two Latin spellings, which the keys compare.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import yaml

from kartoteka.names.normalize import CYRILLIC_LETTER
from kartoteka.names.romanize import SCHEMES

TABLE = Path(__file__).with_name("equivalents.yaml")
# A Latvian or Lithuanian man's name ends in -s or -is: Augusts, Eidemanis.
_BALTIC_ENDINGS = ("is", "s")
_CONSONANTS = set("bcdfghjklmnpqrstvwxzčšžņļķģ")


def _fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """Each folded name of the table → the evidence of the rows holding it."""
    rows: dict[str, tuple[str, ...]] = {}
    for row in yaml.safe_load(TABLE.read_text(encoding="utf-8")):
        for name in row["names"]:
            key = _fold(name)
            rows[key] = (*rows.get(key, ()), " ".join(row["cited"].split()))
    return rows


def _unmarked(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def baltic_stem(word: str) -> str | None:
    """A Latvian or Lithuanian man's name without its ending (Augusts →
    August, Eidemanis → Eideman, Korks → Kork), or None."""
    lowered = word.casefold()
    for ending in _BALTIC_ENDINGS:
        stem = lowered[: -len(ending)]
        if lowered.endswith(ending) and len(stem) >= 3 and stem[-1] in _CONSONANTS:
            return word[: len(stem)]
    return None


def _forms(word: str) -> set[str]:
    """The word as written, without accents, romanized if Cyrillic (rigour
    knows Petr, not Петр), and without a Baltic ending."""
    forms = {word, _unmarked(word)}
    if CYRILLIC_LETTER.search(word):
        forms.add(SCHEMES["Wikipedia"].translate(word))
    else:
        stem = baltic_stem(word)
        if stem:
            forms.add(stem)
    return forms


@cache
def _analyzer():  # type: ignore[no-untyped-def]
    from rigour.names import NameTypeTag, SymbolCategory, analyze_names

    def symbols(word: str) -> set[str]:
        found = analyze_names(NameTypeTag.PER, [word], phonetics=False, numerics=False)
        return {
            f"Wikidata {symbol.id}"
            for name in found
            for symbol in name.symbols
            if symbol.category == SymbolCategory.NAME
        }

    return symbols


def warm() -> None:
    """Load the name symbols now (rigour builds them in about 7 s, once a
    process), so that the first comparison across languages does not wait."""
    symbols("Mikhail")


@lru_cache(maxsize=65536)
def symbols(word: str) -> frozenset[str]:
    """What this name is one of: Wikidata items and rows of the table."""
    found: set[str] = set()
    for form in _forms(word.strip(".")):
        found.update(_table().get(_fold(form), ()))
        found.update(_analyzer()(_fold(form)))
    return frozenset(found)


def same_name(a: str, b: str) -> str | None:
    """The evidence that ``a`` and ``b`` are one name in two languages, or
    None. Only one of them may be in Cyrillic letters."""
    if not a or not b:
        return None
    if bool(CYRILLIC_LETTER.search(a)) == bool(CYRILLIC_LETTER.search(b)):
        return None
    shared = symbols(a) & symbols(b)
    return min(shared) if shared else None
