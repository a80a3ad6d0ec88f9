"""What every rendering of a case shows, computed once for all formats."""

from __future__ import annotations

from dataclasses import dataclass

from kartoteka.analysis.cases import Case, Event, RecordText
from kartoteka.analysis.conflicts import Conflict
from kartoteka.model import Claim, Name, dates
from kartoteka.model.records import is_entity_id, script_of
from kartoteka.model.vocabulary import EntityKind


@dataclass(frozen=True)
class ClaimLine:
    id: str
    source: str  # "Title (id)"
    source_id: str
    asserted_by: str | None
    stance: str
    status: str
    certainty: str
    quote: str
    detail: str  # object, value and qualifiers, in words
    conflict: str | None  # the explanation, when the claim is in a conflict
    lang: str = "und"  # the language of the quote, for pages and screen readers


@dataclass(frozen=True)
class EventLine:
    heading: str
    date: str
    predicate: str
    conflicted: bool
    claims: tuple[ClaimLine, ...]
    notes: tuple[str, ...] = ()  # why claims of other dates are one event


OPENING_QUOTES = '“"«„'


def in_quotes(words: str) -> str:
    """The words between quotation marks, unless they bring their own (a
    quotation's passage starts with its mark)."""
    return words if words[:1] in OPENING_QUOTES else f"“{words}”"


def _detail(case: Case, claim: Claim, with_predicate: bool) -> str:
    parts = []
    if with_predicate:
        parts.append(
            f"{case.label(claim.subject)} — {claim.predicate.replace('_', ' ')}"
        )
    if claim.object:
        parts.append(case.label(claim.object))
    if claim.value:
        parts.append(claim.value.display())
    if claim.date and with_predicate:
        parts.append(dated(claim.date.value, claim.date.as_written or ""))  # type: ignore[arg-type]
    for key, value in claim.qualifiers.items():
        if key == "cited_from":
            continue
        if key == "alternative":
            parts.append("another reading in the same source («по другим данным»)")
            continue
        parts.append(f"{key}: {case.label(value) if is_entity_id(value) else value}")
    return "; ".join(str(p) for p in parts if p)


def _voice(case: Case, claim: Claim) -> str | None:
    """Whose words these are, unless simply the source's own author's."""
    voice = case.label(claim.asserted_by) or None
    source = case.sources.get(claim.source)
    return None if source and voice in source.authors else voice


def claim_line(case: Case, claim: Claim, with_predicate: bool = False) -> ClaimLine:
    conflict = case.conflict_of(claim.id)
    cited = claim.qualifiers.get("cited_from")
    return ClaimLine(
        id=claim.id,
        source=f"{claim.source}, citing {cited}" if cited else claim.source,
        source_id=claim.source,
        asserted_by=_voice(case, claim),
        stance=str(claim.stance),
        status=str(claim.status) + (f" by {claim.reviewer}" if claim.reviewer else ""),
        certainty=str(claim.certainty),
        quote=" ".join(claim.passage.text.split()),
        detail=_detail(case, claim, with_predicate),
        conflict=_conflict_text(conflict) if conflict else None,
        lang=lang(claim.passage.text, _source_language(case, claim.source)),
    )


def _source_language(case: Case, source_id: str) -> str | None:
    source = case.sources.get(source_id)
    return source.language if source else None


def _conflict_text(conflict: Conflict) -> str:
    if conflict.is_open:
        return conflict.explanation
    who, note = _explained(conflict)
    return f"{conflict.explanation} (explained: {who}{note})"


def conflict_heading(conflict: Conflict) -> str:
    """DISPUTED / UNDETERMINED / EXPLAINED, the disagreement, and who explained it."""
    if conflict.is_open:
        return f"{conflict.verdict.upper()}: {conflict.explanation}"
    who, note = _explained(conflict)
    return f"EXPLAINED ({who}): {conflict.explanation}{note}"


def _explained(conflict: Conflict) -> tuple[str, str]:
    """The reason with who gave it ("transcription_error by anna"), and
    " — their note" or nothing."""
    x = conflict.explained
    assert x is not None
    by = f" by {x.by}" if x.by else ""
    return f"{x.reason}{by}", f" — {x.note}" if x.note else ""


def dated(edtf: str | None, written: str = "") -> str:
    """A date for people: the EDTF with the source's words, or with words."""
    if not edtf:
        return "undated"
    if written and written != edtf:
        return f"{edtf} ({written})"
    words = dates.human(edtf)
    return f"{words} ({edtf})" if words != edtf else edtf


def event_line(case: Case, event: Event) -> EventLine:
    date = event.date or "undated"
    heading = dated(event.date, ", ".join(event.date_texts))
    return EventLine(
        heading=heading,
        date=date,
        predicate=event.predicate.replace("_", " "),
        conflicted=event.conflicted,
        claims=tuple(claim_line(case, c) for c in event.claims),
        notes=event.notes,
    )


def subtitle(case: Case) -> str:
    """The id, the sex of a person or the kind of anything else, and the
    proposals that wait for review (they are not in the file until decided)."""
    entity = case.person
    if entity.kind is EntityKind.PERSON:
        what = {"M": "male", "F": "female"}.get(entity.sex or "", "sex not stated")
    else:
        what = str(entity.kind)
    waiting = (
        f" · {case.proposals} proposed by extraction, awaiting review "
        "(kartoteka review candidates)"
        if case.proposals
        else ""
    )
    return f"{entity.id} · {what}{waiting}"


def lang(text: str, default: str | None = None) -> str:
    """The language tag to mark text with: Russian for Cyrillic text."""
    script = script_of(text)
    if script == "Cyrl":
        return "ru"
    return default or ("en" if script == "Latn" else "und")


def names(case: Case) -> list[Name]:
    """The preferred name first, then the others by script, kind and spelling."""
    first, *rest = case.person.names or (Name(case.person.name),)
    return [first, *sorted(rest, key=lambda n: (n.script, str(n.kind), n.name))]


def timeline(case: Case) -> list[EventLine]:
    return [event_line(case, e) for e in case.events]


def conflict_lines(case: Case) -> list[tuple[str, list[ClaimLine]]]:
    by_id = {c.id: c for e in case.events for c in e.claims}
    by_id |= {c.id: c for c in case.relations}
    return [
        (
            conflict_heading(c),
            [
                claim_line(case, by_id[i], with_predicate=True)
                for i in c.claims
                if i in by_id
            ],
        )
        for c in case.conflicts
    ]


def attribute_lines(case: Case) -> list[tuple[str, str]]:
    """The person's attributes as (name, text); the record reference apart."""
    lines = []
    for key, value in case.person.attributes.items():
        if key == "record":
            continue
        text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
        lines.append((key.replace("_", " "), text))
    return lines


def record_lines(case: Case) -> list[RecordText]:
    """The registry records resolved into this person, each in full."""
    return case.records
