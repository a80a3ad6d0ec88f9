"""The guard: do two persons' features say they are different people?

A pair that disagrees is never merged by `kartoteka link`, however high it
scores; it goes to review. Namesakes are told apart here: different
surnames (a woman's surname changed at marriage is for a person to judge),
given names, patronymics, Cyrillic initials, sexes, birth years more than
three apart, names that differ at all with birthplaces that differ too, or
birthplaces and dates of death that both differ. A given name in another
language (Лев, Leon) is no other given name. Names that differ yield to
conclusive evidence besides them with a birth or an own number among it;
what relatives share (an address, a birthplace, a day of execution) never
outweighs them. A record that names nobody joins another only on three
facts or more, one of them particular (a day, a flat, an own number).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from functools import lru_cache
from typing import Any, NamedTuple

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from kartoteka.linking.features import PLACE_WORD
from kartoteka.linking.identifying import agree, has_number
from kartoteka.model.identifying import IdentifyingField
from kartoteka.names.equivalents import same_name
from kartoteka.names.keys import word_keys

# Birth years further apart than this are two people's (blocking, too,
# pairs a misspelt surname only within it).
MAX_YEARS_APART = 3


def _alike(x: str, y: str) -> bool:
    """One slip of the pen apart (a letter added, dropped, changed or two
    swapped), or 85 % alike. A long key may be two apart: its vowels are
    reduced, so one letter dropped from Федоровна takes two from its key."""
    slips = OSA.distance(x, y)
    if slips <= 1 or (slips == 2 and min(len(x), len(y)) >= 7):
        return True
    return Levenshtein.normalized_similarity(x, y) >= 0.85


def _similar(a: list[str] | None, b: list[str] | None) -> bool:
    """Keys of two readings alike enough (any reading of each), or not given."""
    if not a or not b or not set(a).isdisjoint(b):
        return True
    return any(_alike(x, y) for x in a for y in b)


def _surnames_alike(a: list[str] | None, b: list[str] | None) -> bool:
    """Surname keys alike as other keys are, or Jaro-Winkler ≥ 0.9: a slip
    in a surname is no change of surname (which is for a person to judge,
    as a woman's at marriage)."""
    return _similar(a, b) or any(
        JaroWinkler.similarity(x, y) >= 0.9 for x in a or () for y in b or ()
    )


_NAME_KEYS = ("surname_key", "given_key", "patronymic_key")


def _names_differ(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return any(a[k] != b[k] for k in _NAME_KEYS)


@lru_cache(maxsize=65536)
def _place_words(place: str) -> tuple[frozenset[str], ...]:
    """The keys of each word of four letters or more ("г." and "д." go), so
    that places compare across scripts as names do."""
    return tuple(
        frozenset(key for key in word_keys(word) if key) or frozenset((word,))
        for word in PLACE_WORD.findall(place)
        if len(word) >= 4
    )


def _named_in(word: frozenset[str], keys: set[str]) -> bool:
    """Does a place word appear among these keys: the same first five
    letters (Борисове, Борисов), one slip apart, or one the other's
    abbreviation (Моск., Московская)?"""
    return any(
        k[:5] == o[:5]
        or OSA.distance(k, o) <= 1
        or (min(len(k), len(o)) >= 3 and (k.startswith(o) or o.startswith(k)))
        for k in word
        for o in keys
    )


def _places_differ(x: str | None, y: str | None) -> bool:
    """Two birthplaces, both given, each naming something the other does not
    (Латвия, г. Смилтен and Латвия, г. Тукум; not в Борисове and
    Белорусская ССР, г. Борисов)."""
    if not (x and y):
        return False
    a, b = _place_words(x), _place_words(y)
    in_a, in_b = set().union(*a), set().union(*b)
    return any(not _named_in(w, in_b) for w in a) and any(
        not _named_in(w, in_a) for w in b
    )


def _dates_differ(x: str | None, y: str | None) -> bool:
    return bool(x and y and x != y)


class Verdict(Enum):
    """What the guard makes of a pair, whatever its score."""

    FREE = "free"  # nothing tells them apart: merged if the score says so
    UNSURE = "unsure"  # too little evidence to merge: to review at most
    APART = "apart"  # different people, unless a person judges otherwise
    # two records that name nobody and share nothing particular: neither
    # merged nor put to a person, who would have no more to judge by
    UNTOLD = "untold"


# The rest of the evidence (without the names) is conclusive from here: a
# person's own number, a full birth date and an address agreeing outweigh a
# given name a copyist replaced or dropped.
CONCLUSIVE = 0.95
# Fields that must agree before the names are outweighed, or before a
# record that names nobody is merged: one or two (a birth year, a day of
# execution) are shared by too many.
AGREEING_AT_LEAST = 3


def verdict(
    a: dict[str, Any],
    b: dict[str, Any],
    fields: Sequence[IdentifyingField] = (),
    rest: float | None = None,
) -> Verdict:
    """The guard's verdict on two persons' features; ``rest``: the
    probability that the evidence besides the names gives, when scored.

    Conclusive evidence besides the names outweighs names that differ only
    with a fact of the person's own among it — a birth, an own number — not
    with what relatives share (an address, a birthplace, the day they were
    shot together); and a birth year far off only with an own number."""
    return _judge(a, b, fields, rest)[0]


def _judge(
    a: dict[str, Any],
    b: dict[str, Any],
    fields: Sequence[IdentifyingField],
    rest: float | None,
) -> tuple[Verdict, Shared]:
    shared = _shared(a, b, fields)
    conclusive = (
        rest is not None and rest >= CONCLUSIVE and shared.count >= AGREEING_AT_LEAST
    )
    if _differ_as_persons(a, b, years_may_differ=conclusive and shared.own):
        return Verdict.APART, shared
    if not (named(a) and named(b)):
        if _contradict(a, b):
            return Verdict.APART, shared
        if not shared.particular and not (named(a) or named(b)):
            # a year, a village, a sentence: a whole deported village reads so
            return Verdict.UNTOLD, shared
        if shared.count < AGREEING_AT_LEAST or not shared.particular:
            return Verdict.UNSURE, shared
        return Verdict.FREE, shared
    if not _differ_in_names(a, b) or (conclusive and shared.personal):
        return Verdict.FREE, shared
    return Verdict.APART, shared


_KEPT_APART = (Verdict.APART, Verdict.UNTOLD)


def disagree(
    a: dict[str, Any],
    b: dict[str, Any],
    fields: Sequence[IdentifyingField] = (),
    rest: float | None = None,
) -> bool:
    """Do two persons' features say they are different people (or say too
    little of two records that name nobody)?"""
    return verdict(a, b, fields, rest) in _KEPT_APART


def apart_in_a_cluster(
    a: dict[str, Any],
    b: dict[str, Any],
    fields: Sequence[IdentifyingField] = (),
    rest: float | None = None,
) -> bool:
    """May two persons not end in one cluster through others? As
    ``disagree``, except that names which differ do not keep apart two
    records sharing a day of birth or an own number and two more facts (nor
    birth years far apart, with the own number): each was joined to the
    others on conclusive evidence (a copy that garbled both its name and
    its address, beside one that replaced the surname), and namesakes
    rarely share a birthday."""
    found, shared = _judge(a, b, fields, rest)
    if found not in _KEPT_APART:
        return False
    enough = shared.count >= AGREEING_AT_LEAST
    if not (named(a) and named(b)) or _differ_as_persons(a, b, shared.own and enough):
        return True
    birthday = bool(a["birth_date"]) and a["birth_date"] == b["birth_date"]
    return not ((birthday or shared.own) and enough)


# A person's features that name them: without any, a record names nobody.
NAME_COLUMNS = ("surname_key", "given_key", "given_initial")


def named(f: dict[str, Any]) -> bool:
    """Does a person's record name them at all?"""
    return any(f[c] for c in NAME_COLUMNS)


def _contradict(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """A record that names nobody and another, giving one fact otherwise: a
    birth year, a birth date, a date of death (a slip that names would
    outweigh is here all there is)."""
    return any(
        a[k] is not None and b[k] is not None and a[k] != b[k]
        for k in ("birth_year", "birth_date", "death_year", "death_date")
    )


def agreeing(
    a: dict[str, Any], b: dict[str, Any], fields: Sequence[IdentifyingField] = ()
) -> int:
    """How many facts besides the names two persons share: birth (the full
    date, or the year where a date is not given by both), the date of
    death, the birthplace (one naming nothing the other does not), and each
    identifying field that agrees."""
    return _shared(a, b, fields).count


class Shared(NamedTuple):
    """What two persons' facts besides their names have in common."""

    count: int  # ``agreeing``
    # one of them particular: a day (of birth, death, arrest), a person's own
    # number, an address or file number with a number in it (a house, a
    # flat); a year, a village, a post alone are shared by many
    particular: bool
    personal: bool  # the birth, or an own number: not what relatives share
    own: bool  # an own number


def _shared(
    a: dict[str, Any], b: dict[str, Any], fields: Sequence[IdentifyingField]
) -> Shared:
    both = a["birth_date"] and b["birth_date"]
    birth_day = bool(both) and a["birth_date"] == b["birth_date"]
    birth = birth_day or (
        not both and a["birth_year"] is not None and a["birth_year"] == b["birth_year"]
    )
    death_day = bool(a["death_date"]) and a["death_date"] == b["death_date"]
    place = bool(a["place"] and b["place"]) and not _places_differ(
        a["place"], b["place"]
    )
    count, particular, own = birth + death_day + place, birth_day or death_day, False
    for field in fields:
        columns = field.columns()
        found = agree(field, tuple(a[c] for c in columns), tuple(b[c] for c in columns))
        count += found
        own |= found and field.own
        particular |= found and (
            field.own
            or field.compare == "date"
            or (field.compare == "normalized" and has_number(a[columns[0]]))
        )
    return Shared(int(count), particular, bool(birth) or own, own)


def _differ_as_persons(
    a: dict[str, Any], b: dict[str, Any], years_may_differ: bool = False
) -> bool:
    """Sexes, birth years more than three apart (unless ``years_may_differ``),
    or birthplaces that differ with names or dates of death that differ
    too."""
    if a["sex"] and b["sex"] and a["sex"] != b["sex"]:
        return True
    if (
        not years_may_differ
        and a["birth_year"]
        and b["birth_year"]
        and abs(a["birth_year"] - b["birth_year"]) > MAX_YEARS_APART
    ):
        return True
    # Two Latvians named Ян Янович, born 1897, shot on the same day of 1938,
    # one Крузин from Смилтен, one Крумин from Тукум: mass operations make
    # every other agreement common. And namesakes in all three names, each
    # born and shot elsewhere: a record of both (naming neither place nor
    # day) must not join the two.
    differ = _names_differ(a, b) or _dates_differ(a["death_date"], b["death_date"])
    return differ and _places_differ(a["place"], b["place"])


def _differ_in_names(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Surnames, given names, patronymics or their initials that differ."""
    names_a = (a["surname_key"], a["given_key"])
    swapped = bool(a["surname_key"]) and names_a == (b["given_key"], b["surname_key"])
    if not swapped and not _surnames_alike(a["surname_keys"], b["surname_keys"]):
        return True
    for part in ("patronymic",) if swapped else ("given", "patronymic"):
        written = a[f"{part}_word"], b[f"{part}_word"]
        one_slip = all(written) and OSA.distance(*written) <= 1
        if (
            not one_slip
            and not _similar(a[f"{part}_keys"], b[f"{part}_keys"])
            # Лев and Leon (names of one script are never asked)
            and not (part == "given" and all(written) and same_name(*written))
        ):
            return True
        initial_a, initial_b = a[f"{part}_initial"], b[f"{part}_initial"]
        if initial_a and initial_b and initial_a != initial_b:
            return True
        letter_a, letter_b = a[f"{part}_letter"], b[f"{part}_letter"]
        if letter_a and letter_b and letter_a != letter_b:
            return True
    return False
