"""The stable vocabulary: predicates, stances, statuses, kinds — declared once.

A new predicate is one new line in ``PREDICATES``; everything else (casefile
validation, timelines, conflicts, exports) reads this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Group(StrEnum):
    LIFECYCLE = "lifecycle"
    RELATION = "relation"
    DOCUMENT = "document"
    NUMBER = "number"


class ObjectKind(StrEnum):
    """What a claim's object is, for this predicate."""

    NONE = "none"  # the event itself; a date or qualifiers may come with it
    ENTITY = "entity"
    QUANTITY = "quantity"
    TEXT = "text"


@dataclass(frozen=True)
class Predicate:
    name: str
    group: Group
    meaning: str
    object: ObjectKind = ObjectKind.NONE
    # A repeatable event may truly happen twice (two arrests); two disjoint
    # dates for it are then not by themselves a contradiction.
    repeatable: bool = False


_L, _R, _D, _N = Group.LIFECYCLE, Group.RELATION, Group.DOCUMENT, Group.NUMBER
_E = ObjectKind.ENTITY

PREDICATES: dict[str, Predicate] = {
    p.name: p
    for p in (
        Predicate("born", _L, "came into the world"),
        Predicate(
            "purged",
            _L,
            "fell victim to a purge; the source does not say by what means",
            repeatable=True,
        ),
        Predicate("arrested", _L, "was taken into custody", repeatable=True),
        Predicate("charged", _L, "was formally accused", repeatable=True),
        Predicate("tried", _L, "stood trial (court; open or secret)", repeatable=True),
        Predicate("confessed", _L, "confessed to the charges", repeatable=True),
        Predicate("sentenced", _L, "received a sentence", repeatable=True),
        Predicate("imprisoned", _L, "was held in prison or camp", repeatable=True),
        Predicate("exiled", _L, "was deported or exiled", repeatable=True),
        Predicate("released", _L, "was set free", repeatable=True),
        Predicate("defected", _L, "broke with and left a state or service", _E),
        Predicate("kidnapped", _L, "was abducted (by whom: qualifier 'by')"),
        Predicate("executed", _L, "was put to death by sentence or order"),
        Predicate("assassinated", _L, "was murdered (by whom: qualifier 'by')"),
        Predicate("died", _L, "died (any cause; body found, date of death)"),
        Predicate("rehabilitated", _L, "was cleared: organ, basis, full or partial"),
        Predicate("member_of", _R, "belonged to an organization", _E),
        Predicate("held_position", _R, "held an office (qualifier 'position')", _E),
        Predicate("family_of", _R, "is kin of (qualifier 'relation')", _E),
        Predicate("associate_of", _R, "worked or conspired with", _E),
        Predicate("agent_of", _R, "acted for an organization or state", _E),
        Predicate("framed", _R, "fabricated the case against someone", _E),
        Predicate("authored", _D, "wrote or issued a document", _E),
        Predicate("forged", _D, "fabricated a document", _E),
        Predicate("transferred", _D, "passed an artifact on (qualifiers from, to)"),
        Predicate("received", _D, "came into possession of a document", _E),
        Predicate(
            "stated",
            _D,
            "said or wrote the words of the passage (the subject is the speaker)",
            repeatable=True,
        ),
        Predicate(
            "estimate",
            _N,
            "a number: quantity or range, unit, what is counted",
            ObjectKind.QUANTITY,
        ),
    )
}

LIFECYCLE_ORDER: tuple[str, ...] = tuple(
    name for name, p in PREDICATES.items() if p.group is Group.LIFECYCLE
)


class Stance(StrEnum):
    AFFIRMS = "affirms"
    DENIES = "denies"
    DOUBTS = "doubts"


class Certainty(StrEnum):
    """How firmly the source itself puts the assertion ("perhaps" → possible)."""

    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"


class Status(StrEnum):
    CANDIDATE = "candidate"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ExplanationReason(StrEnum):
    """Why two claims that disagree need not both be wrong; or that they do."""

    DIFFERENT_CALENDARS = "different_calendars"  # Old Style and New Style
    TRANSCRIPTION_ERROR = "transcription_error"  # a copyist's or a typist's slip
    DIFFERENT_DEFINITION = "different_definition"  # counted or dated otherwise
    TRANSLATION = "translation"  # lost or changed in translation
    FAMILY_RECORD = "family_record"  # a relative listed under a family's record
    COERCION_OR_FALSIFICATION = "coercion_or_falsification"  # forced or forged
    UNRESOLVED = "unresolved"  # looked at; still open


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    ARTIFACT = "artifact"  # a document or object: the forged dossier
    EVENT = "event"  # a trial, a decree, a congress


class NameKind(StrEnum):
    BIRTH = "birth"
    VARIANT = "variant"
    ALIAS = "alias"
    TRANSLITERATION = "transliteration"
    PSEUDONYM = "pseudonym"
    MISSPELLING = "misspelling"


class Authenticity(StrEnum):
    """Is the document what it claims to be? A forged dossier is FORGED."""

    AUTHENTIC = "authentic"
    DISPUTED = "disputed"
    FORGED = "forged"
    UNKNOWN = "unknown"


class SourceKind(StrEnum):
    ARTICLE = "article"
    BOOK = "book"
    SPEECH = "speech"
    ARCHIVAL_FILE = "archival-file"
    REGISTRY = "registry"
    MEMOIR = "memoir"
    WEB_PAGE = "web-page"
    NEWSPAPER = "newspaper"
    DOCUMENT = "document"


# Admiralty source reliability; F means "cannot be judged", not "worst".
RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

# Qualifiers whose value must name an entity; others (agency, court, place)
# may name one or be free text as the source words it.
ENTITY_QUALIFIERS: frozenset[str] = frozenset({"from", "to", "via", "by"})
