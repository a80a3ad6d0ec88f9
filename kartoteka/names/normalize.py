"""Cleaning a name before it is read: Unicode form, stress marks, case, titles.

Letters that carry meaning in a spelling convention (Czech and Polish č š ž
ł ż, German ü ö ä, Russian й ё) are kept; other diacritics and the stress
marks of Russian dictionaries go.
"""

from __future__ import annotations

import re
import unicodedata

STRESS = "\u0301\u0300"  # combining acute and grave: stress marks in Russian texts
# Latin letters whose marks a transliteration convention reads.
KEPT_MARKS = set("čšžřěďťňżźśćńłüöäëïéèêáíóúůýñçâûŝ")
# Soft and hard signs as romanizations write them (ISO 9, ALA-LC: ʹ ʺ).
_SIGNS = str.maketrans({c: "'" for c in "ʹʺʼ′″’`´"})

# Ranks, titles and forms of address that precede names in running text.
_TITLE_WORDS = """
general marshal marshall comrade commander komkor komandarm komdiv kombrig
admiral colonel major captain lieutenant professor prof dr mr mrs herr
monsieur citizen tov genl gen col capt lt
генерал маршал товарищ тов комкор командарм комдив комбриг комиссар адмирал
полковник майор капитан лейтенант профессор проф гражданин гражданка
"""
TITLES = frozenset(_TITLE_WORDS.split())

_SPACES = re.compile(r"\s+")
# Latin letters with marks, and combining marks.
_MARKS = "\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff"
_MARKED = re.compile(f"[{_MARKS}]")
_PUNCT = re.compile(r"[^\w\s.,'’\-]")


# What may hide a stress mark: combining marks, precomposed Latin letters,
# and ѐ ѝ (Cyrillic letters with a grave).
_MAY_BE_STRESSED = re.compile(f"[{_MARKS}\u0400\u040d\u0450\u045d]")
_LATIN_LETTER = re.compile("[A-Za-z]")
CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


def strip_stress(text: str) -> str:
    """Remove stress marks (U+0301, U+0300), keeping й and ё whole."""
    if not _MAY_BE_STRESSED.search(text):
        return text  # plain ASCII and Cyrillic: nothing to strip
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if c not in STRESS)
    )


def fold_latin_marks(text: str) -> str:
    """Drop the diacritics no convention reads (é → e, the ALA-LC tie in
    i͡a), keep those that one does."""
    if not _MARKED.search(text):
        return text  # plain ASCII and Cyrillic: the common case, left as it is
    out = []
    for char in text:
        if unicodedata.combining(char):
            continue  # a mark left over after NFC: a tie or a stray accent
        if char in KEPT_MARKS or char.isascii() or not char.isalpha():
            out.append(char)
            continue
        base = unicodedata.normalize("NFD", char)
        if unicodedata.name(base[0], "").startswith("LATIN"):
            out.append(base[0])
        else:
            out.append(char)  # Cyrillic and other scripts stay as they are
    return "".join(out)


# Latin letters that look Cyrillic, typed into Cyrillic words ("Hиколаевич").
_LATIN_LOOKALIKES = "aceopxyiABCEHKMOPTXI"
_LOOKALIKES = str.maketrans(_LATIN_LOOKALIKES, "асеорхуіАВСЕНКМОРТХІ")
_LOOKALIKE = f"[{_LATIN_LOOKALIKES}]"
# "H.", "H", or initials glued together: "M.H."
_LOOKALIKE_INITIALS = re.compile(
    f"(?:{_LOOKALIKE}{{1,2}}\\.){{1,3}}|{_LOOKALIKE}{{1,2}}"
)


def fix_lookalikes(word: str) -> str:
    """A word of a name written in Cyrillic: mostly Cyrillic with Latin
    look-alike letters, or an initial of look-alikes ("Hиколай" and "H."
    both for Николай) — all Cyrillic."""
    cyrillic = len(CYRILLIC_LETTER.findall(word))
    latin = sum(c.isascii() and c.isalpha() for c in word)
    if (cyrillic and latin and cyrillic >= latin) or (
        not cyrillic and _LOOKALIKE_INITIALS.fullmatch(word)
    ):
        return word.translate(_LOOKALIKES)
    return word


_NAME_WORD = re.compile(r"[^\s,;()]+")


def in_one_script(name: str) -> str:
    """A name as written, with Latin look-alike letters inside Cyrillic words
    made Cyrillic ("Михаил Hиколаевич" → "Михаил Николаевич"); spacing and
    every other letter kept.

    >>> in_one_script("Тухачевский Михаил Hиколаевич")
    'Тухачевский Михаил Николаевич'
    """
    if not (_LATIN_LETTER.search(name) and CYRILLIC_LETTER.search(name)):
        return name
    return _NAME_WORD.sub(lambda m: fix_lookalikes(m.group(0)), name)


def normalize(text: str) -> str:
    """NFKC, no stress marks, lower case, single spaces, typographic quotes
    and dashes made plain; punctuation other than . , ' - removed."""
    text = unicodedata.normalize("NFKC", text)
    if _LATIN_LETTER.search(text) and CYRILLIC_LETTER.search(text):
        text = " ".join(fix_lookalikes(w) for w in text.split())
    text = strip_stress(text).casefold()
    text = text.translate(_SIGNS).replace("‐", "-").replace("–", "-")
    text = fold_latin_marks(text)
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip(" ,")


def drop_titles(tokens: list[str]) -> list[str]:
    """Leading ranks and titles ("General Mueller" → ["mueller"])."""
    while len(tokens) > 1 and tokens[0].rstrip(".") in TITLES:
        tokens = tokens[1:]
    return tokens
