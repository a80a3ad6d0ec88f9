"""Names as sounds: Cyrillic and Latin spellings read into one phonetic alphabet.

Latin spellings of Russian names follow conventions that disagree about the
same letters: ``ch`` is ч in English and х in German and Polish; ``j`` is ж in
French and й in German; ``z`` is з in English and ц in German; ``w`` is в in
German and Polish. A Latin name is therefore read once per convention, and
every reading is kept. The phonetic alphabet is Latin with č š ž for ч ш ж,
c for ц, h for х, j for the glide (й, and the y of я ю е ё).

A *skeleton* then folds what spellings do not agree on: vowels into three
classes (a/o, e/i/y/ё and the glide, u), soft signs away, ж/ш and з/с
together, щ into ш, doubled letters into one, and feminine surname endings
into the masculine.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kartoteka.names.normalize import CYRILLIC_LETTER

CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "jo",
    "ж": "ž", "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
    # Ukrainian and Belarusian letters that appear in registry names
    "і": "i", "ї": "ji", "є": "je", "ґ": "g", "ў": "v",
}  # fmt: skip

# Letters every convention reads alike (after the convention's own rules).
_COMMON = {
    "a": "a", "b": "b", "d": "d", "e": "e", "f": "f", "g": "g", "i": "i",
    "k": "k", "l": "l", "m": "m", "n": "n", "o": "o", "p": "p", "r": "r",
    "s": "s", "t": "t", "u": "u", "v": "v", "x": "ks", "q": "k", "h": "h",
    "č": "č", "š": "š", "ž": "ž", "ř": "rž", "ł": "l", "ż": "ž", "ź": "ž",
    "ś": "š", "ć": "č", "ń": "n", "ü": "ju", "ö": "jo", "ä": "e", "ë": "jo",
    "ě": "je", "ý": "y", "ů": "u", "ď": "d", "ť": "t", "ň": "n", "ç": "s",
    "é": "e", "è": "e", "ê": "e", "á": "a", "í": "i", "ó": "o", "ú": "u",
    "ï": "i", "ñ": "n", "'": "", "-": "", ".": "",
    "â": "ja", "û": "ju", "ŝ": "šč",  # ISO 9 я ю щ
}  # fmt: skip

# Each convention: its multi-letter rules first, then single letters that
# differ from _COMMON. Longest match wins.
CONVENTIONS: dict[str, dict[str, str]] = {
    "english": {
        "shch": "šč", "sch": "š", "tch": "č", "zh": "ž", "kh": "h", "ch": "č",
        "sh": "š", "ts": "c", "tz": "c", "ya": "ja", "yu": "ju", "ye": "je",
        "ia": "ja", "iu": "ju",
        "yo": "jo", "iy": "ij", "y": "y", "j": "dž", "w": "v", "c": "k",
        "ck": "k", "ph": "f", "ee": "i", "oo": "u", "z": "z",
    },
    "german": {
        "schtsch": "šč", "tsch": "č", "dsch": "dž", "sch": "š", "ch": "h",
        "tz": "c", "z": "c", "ss": "s", "ß": "s", "w": "v", "v": "f",
        "j": "j", "ja": "ja", "ju": "ju", "jo": "jo", "ie": "i", "ue": "ju",
        "oe": "jo", "ae": "e", "y": "y", "c": "k", "ck": "k", "ph": "f",
    },
    "french": {
        "chtch": "šč", "tch": "č", "dj": "dž", "kh": "h", "ch": "š", "ou": "u",
        "j": "ž", "y": "j", "ia": "ja", "iou": "ju", "ie": "je", "ï": "j",
        "gu": "g", "qu": "k", "ph": "f", "c": "k", "ce": "se", "ci": "si",
        "ss": "s", "w": "v", "z": "z", "ts": "c",
    },
    "polish": {
        "szcz": "šč", "cz": "č", "sz": "š", "rz": "ž", "dż": "dž", "ch": "h",
        "w": "v", "j": "j", "y": "y", "ie": "je", "ia": "ja", "iu": "ju",
        "io": "jo", "c": "c", "z": "z",
    },
    "scholarly": {  # ISO 9, Czech, ALA-LC without its ligatures
        "šč": "šč", "ch": "h", "c": "c", "j": "j", "ja": "ja", "ju": "ju",
        "je": "je", "y": "y", "z": "z", "w": "v", "ts": "c", "ia": "ja",
        "iu": "ju", "x": "h",
    },
}  # fmt: skip


def _reader(rules: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(set(rules) | set(_COMMON), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys)))


_READERS = {
    name: (_reader(rules), {**_COMMON, **rules}) for name, rules in CONVENTIONS.items()
}


def is_cyrillic(token: str) -> bool:
    return CYRILLIC_LETTER.search(token) is not None


def from_cyrillic(token: str) -> str:
    return "".join(CYRILLIC.get(c, c if c.isalpha() else "") for c in token)


def from_latin(token: str, convention: str) -> str:
    pattern, table = _READERS[convention]
    if convention == "french" and _MUTE_E.search(token):
        token = token[:-1]  # Boukharine, Toukhatchevskaïa: the final e is mute
    out, at = [], 0
    for match in pattern.finditer(token):
        out.append(token[at : match.start()])  # letters no rule knows, as they are
        out.append(table[match.group()])
        at = match.end()
    out.append(token[at:])
    return "".join(out)


@lru_cache(maxsize=65536)
def readings(token: str) -> dict[str, str]:
    """The phonetic readings of one normalized token: convention → reading."""
    if is_cyrillic(token):
        return {"cyrillic": from_cyrillic(token)}
    found: dict[str, str] = {}
    for convention in CONVENTIONS:
        found.setdefault(from_latin(token, convention), convention)
    return {convention: reading for reading, convention in found.items()}


# What gives a convention away in a whole Latin name, and how strongly. A
# Russian name in English letters has no j (Yakov, not Jakov), so a j
# points to the others; č š ž and the soft sign ʹ to the scholarly ones.
_CUES: dict[str, tuple[tuple[re.Pattern[str], int], ...]] = {
    name: tuple((re.compile(pattern), weight) for pattern, weight in cues)
    for name, cues in {
        # (the sh and ch of German sch and tsch are none of English's)
        "english": (("zh|kh|(?<![cs])sh|ts(?!ch)|y[aeuo]", 2), ("(?<![st])ch", 1)),
        "scholarly": (("[čšžŝâûʹ]", 3), ("j", 1)),
        "german": (("sch", 3), ("w", 1), ("j", 1)),
        "polish": (("cz|sz|rz|[żł]", 3), ("w", 1), ("j", 1)),
        "french": (("ou|tch|dj", 3),),
    }.items()
}


def convention_of(text: str) -> str | None:
    """The convention a whole Latin name is likeliest spelt in ("Jakow
    Iwanowitsch": German), None without a clue or for Cyrillic. Ties go to
    the earlier of english, scholarly, german, polish, french."""
    low = text.lower()
    if is_cyrillic(low):
        return None
    scores = {
        name: sum(weight * len(cue.findall(low)) for cue, weight in cues)
        for name, cues in _CUES.items()
    }
    best = max(scores, key=scores.__getitem__)  # the first of the highest
    return best if scores[best] else None


_MUTE_E = re.compile(r"[^aeiouy]e$")
_SOFT_O = re.compile(r"(?<=[^aeiouyj])jo")
# ю я after a consonant: often plain u, a in Latin (Blucher, Lubov).
_SOFT_VOWEL = re.compile(r"(?<=[^aeiouy])i([au])")
_HUSHED_O = re.compile(r"(?<=[šžč])o")
_VOWEL_CLASS = str.maketrans(
    {"o": "a", "e": "i", "y": "i", "j": "i", "ž": "š", "z": "s"}
)
_FEMININE = (
    ("skaia", "ski"),
    ("ckaia", "cki"),
    ("ska", "ski"),
    ("cka", "cki"),
    ("aia", "ai"),
)
_FEMININE_SHORT = (("ava", "av"), ("iva", "iv"), ("ina", "in"))


def skeleton(reading: str, surname: bool = False) -> str:
    """What survives every spelling of a reading (see the module's docstring)."""
    # ё after a consonant is mostly printed е, and romanized from either;
    # after ш ж ч щ it is romanized o as often (Хрущёв: Khrushchev, Chruschtschow).
    text = _SOFT_O.sub("e", reading.replace("šč", "š"))
    text = _HUSHED_O.sub("e", text).translate(_VOWEL_CLASS)
    folded = []
    for char in text:
        if not folded or folded[-1] != char:
            folded.append(char)
    text = _SOFT_VOWEL.sub(r"\1", "".join(folded))
    if surname and len(text) > 4:
        for ending, masculine in (*_FEMININE, *_FEMININE_SHORT):
            if text.endswith(ending):
                return text[: -len(ending)] + masculine
    return text


def consonants(skeleton_text: str) -> str:
    """The coarsest key: the skeleton's consonants only."""
    return "".join(c for c in skeleton_text if c not in "aiu")
