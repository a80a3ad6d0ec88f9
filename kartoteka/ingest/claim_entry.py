"""One claim entered by hand: its quote found in the stored source, no YAML.

>>> # add_claim(store, ClaimEntry("roberts-1964", "were executed after a secret
>>> #     trial", subject="per_…", predicate="executed", date="1937-06-12"), "me")
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kartoteka.errors import ConfigError, InvalidSource, VocabularyError
from kartoteka.ingest.quotes import closest, count, locate, locate_loosely
from kartoteka.model import Claim, Literal, Passage
from kartoteka.model import dates as edtf
from kartoteka.model.vocabulary import PREDICATES, Certainty, Stance, Status
from kartoteka.storage import Change, Store


@dataclass(frozen=True)
class ClaimEntry:
    """What a person says a source says, and the words that say it."""

    source: str
    quote: str
    subject: str  # an entity id
    predicate: str
    date: str | None = None  # EDTF
    date_text: str | None = None  # the source's words for the date, in the quote
    object: str | None = None  # an entity id
    qualifiers: dict[str, Any] = field(default_factory=dict)
    stance: str = "affirms"
    certainty: str = "certain"
    occurrence: int = 1
    start: int | None = None  # the quote's offset, when the reader selected it


def qualifier_pairs(texts: Iterable[str]) -> dict[str, str]:
    """ "key=value" texts as a dict; ConfigError naming one without "="."""
    found = {}
    for text in texts:
        key, sep, value = text.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"qualifier {text!r}: write key=value, e.g. place=Moscow")
        found[key.strip()] = value.strip()
    return found


def find_passage(text: str, quote: str, occurrence: int = 1) -> Passage:
    """Where the quote stands in the text, verbatim or but for stress marks,
    typographic quotes, dashes and line breaks; InvalidSource naming the
    closest passage when it is nowhere."""
    found = locate(text, quote, occurrence) or locate_loosely(text, quote, occurrence)
    if found is not None:
        if occurrence == 1 and count(text, found.text) > 1:
            raise InvalidSource(
                f"the quote occurs {count(text, found.text)} times; "
                "say which with --occurrence"
            )
        return found
    near, alike = closest(text, quote)
    raise InvalidSource(
        f"the quote is not in the source; the closest passage ({alike:.0%} alike) "
        f"is: {near!r}"
    )


def _at_offset(text: str, quote: str, start: int) -> Passage:
    """The passage selected at ``start``: it must be the quote exactly."""
    end = start + len(quote)
    if not quote.strip() or start < 0 or text[start:end] != quote:
        raise InvalidSource(
            f"the selected words are not the source's at offset {start}: "
            f"{text[start:end]!r} is there"
        )
    return Passage("", start, end, quote)


def add_claim(store: Store, entry: ClaimEntry, actor: str) -> tuple[Claim, Change]:
    """Check the entry, find its quote, and store the claim as accepted by the
    person who entered it (a revision with them as actor)."""
    if entry.predicate not in PREDICATES:
        known = ", ".join(sorted(PREDICATES))
        raise VocabularyError(f"unknown predicate {entry.predicate!r}; known: {known}")
    if entry.date:
        edtf.parse(entry.date)
    store.entities([entry.subject, *([entry.object] if entry.object else [])])
    source = store.source(entry.source)
    if entry.start is not None:
        found = _at_offset(source.text, entry.quote, entry.start)
    else:
        found = find_passage(source.text, entry.quote, entry.occurrence)
    passage = Passage(source.id, found.start, found.end, found.text)
    if entry.date_text and entry.date_text not in passage.text:
        raise InvalidSource(
            f"the date's words {entry.date_text!r} are not in the quote"
        )
    date = (
        Literal("date", entry.date, as_written=entry.date_text) if entry.date else None
    )
    claim = Claim(
        id=Claim.make_id(
            entry.subject, entry.predicate, passage, entry.object, entry.date,
            entry.stance, entry.qualifiers,
        ),
        subject=entry.subject,
        predicate=entry.predicate,
        passage=passage,
        object=entry.object,
        date=date,
        qualifiers=dict(entry.qualifiers),
        stance=Stance(entry.stance),
        certainty=Certainty(entry.certainty),
        status=Status.ACCEPTED,
        reviewer=actor,
        origin="manual",
    )  # fmt: skip
    with store.writing(actor, reason=f"claim entered by hand from {source.id}") as tx:
        change = tx.put_claim(claim)
    return claim, change
