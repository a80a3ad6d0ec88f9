"""The claims section of a casefile: each claim checked, its quote located."""

from __future__ import annotations

from typing import Any

from kartoteka.errors import DateError
from kartoteka.ingest import quotes
from kartoteka.ingest.casefile.context import Context
from kartoteka.ingest.casefile.yaml_lines import Mapping
from kartoteka.model import Claim, Literal, Passage
from kartoteka.model import dates as edtf
from kartoteka.model.ids import is_slug, make_id
from kartoteka.model.vocabulary import (
    ENTITY_QUALIFIERS,
    PREDICATES,
    Certainty,
    ObjectKind,
    Stance,
    Status,
)

CLAIM_FIELDS = frozenset(
    {
        "id",
        "subject",
        "predicate",
        "object",
        "date",
        "date_text",
        "calendar",
        "value",
        "value_text",
        "unit",
        "qualifiers",
        "source",
        "quote",
        "occurrence",
        "asserted_by",
        "stance",
        "certainty",
        "status",
        "reviewer",
        "note",
    }
)
_ENUMS: dict[str, type] = {"stance": Stance, "certainty": Certainty, "status": Status}
_ENUM_DEFAULTS = {"stance": "affirms", "certainty": "certain", "status": "candidate"}


class _Skip(Exception):
    """This claim has a problem already recorded; go on with the next."""


def _field(ctx: Context, item: Mapping, key: str) -> Any:
    value = item.get(key, ctx.defaults.get(key))
    if value is None:
        ctx.problem(item.line, f"a claim needs {key!r}")
        raise _Skip
    return value


def _entity(ctx: Context, item: Mapping, key: str, value: Any) -> str:
    found = ctx.entity(str(value))
    if found is None:
        ctx.problem(
            item.line_of(key),
            f"unknown entity {value!r} in {key!r}; define it under entities",
        )
        raise _Skip
    return found


def _enum(ctx: Context, item: Mapping, key: str) -> Any:
    value = item.get(key, ctx.defaults.get(key, _ENUM_DEFAULTS[key]))
    try:
        return _ENUMS[key](value)
    except ValueError:
        known = ", ".join(e.value for e in _ENUMS[key])
        ctx.problem(item.line_of(key), f"unknown {key} {value!r}; known: {known}")
        raise _Skip from None


def _passage(ctx: Context, item: Mapping) -> Passage:
    key = str(_field(ctx, item, "source"))
    source = ctx.source(key)
    if source is None:
        ctx.problem(item.line_of("source"), f"unknown source {key!r}")
        raise _Skip
    quote = str(_field(ctx, item, "quote"))
    found = quotes.locate(source.text, quote, int(item.get("occurrence", 1)))
    if found is None:
        near, alike = quotes.closest(source.text, quote)
        ctx.problem(
            item.line_of("quote"),
            f"quote not found verbatim in source {key}: {quote[:70]!r}; "
            f"closest passage ({alike:.0%} alike): {near!r}",
        )
        raise _Skip
    if item.get("occurrence") is None and quotes.count(source.text, quote) > 1:
        ctx.problem(
            item.line_of("quote"),
            f"quote occurs {quotes.count(source.text, quote)} "
            "times in the source; lengthen it or say which with 'occurrence'",
        )
        raise _Skip
    return Passage(key, found.start, found.end, quote)


def _date(ctx: Context, item: Mapping, quote: str) -> Literal | None:
    if item.get("date") is None:
        return None
    text = str(item["date"])
    calendar = item.get("calendar")
    if calendar is not None:  # an Old Style day may not exist in the Gregorian
        text = _in_gregorian(ctx, item, text, str(calendar))
    try:
        edtf.parse(text)
    except DateError as exc:
        ctx.problem(item.line_of("date"), str(exc))
        raise _Skip from None
    written = item.get("date_text")
    if written is not None and str(written) not in quote:
        ctx.problem(
            item.line_of("date_text"), f"date_text {written!r} is not in the quote"
        )
        raise _Skip
    return Literal(
        "date", text, as_written=str(written) if written is not None else None
    )


CALENDARS = ("gregorian", "julian", "julian+gregorian")


def _in_gregorian(ctx: Context, item: Mapping, text: str, calendar: str) -> str:
    """The claim's date in the Gregorian calendar: an Old Style date converted."""
    if calendar not in CALENDARS:
        ctx.problem(
            item.line_of("calendar"),
            f"calendar {calendar!r} must be one of {', '.join(CALENDARS)}",
        )
        raise _Skip
    if calendar != "julian":
        return text
    try:
        return edtf.from_old_style(text)
    except DateError as exc:
        ctx.problem(item.line_of("date"), str(exc))
        raise _Skip from None


def _calendar_qualifiers(item: Mapping, date: Literal | None) -> dict[str, str]:
    """The calendar kept with the date: which one the source used, and the
    Old Style reading when the source gave it."""
    calendar = item.get("calendar")
    if date is None or calendar in (None, "gregorian"):
        return {}
    kept = {"calendar": str(calendar)}
    if calendar == "julian":
        kept["julian"] = str(item["date"])
    elif isinstance(date.value, str) and len(date.value) == 10:
        kept["julian"] = edtf.to_old_style(date.value)
    return kept


def _value(ctx: Context, item: Mapping) -> Literal | None:
    raw = item.get("value")
    if raw is None:
        return None
    unit, written = item.get("unit"), item.get("value_text")
    if isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, int | float):
        return Literal("quantity", float(raw), unit=unit, as_written=written)
    if isinstance(raw, dict) and set(raw) == {"low", "high"}:
        low, high = raw["low"], raw["high"]
        if (
            isinstance(low, int | float)
            and isinstance(high, int | float)
            and low <= high
        ):
            return Literal(
                "quantity",
                low=float(low),
                high=float(high),
                unit=unit,
                as_written=written,
            )
        ctx.problem(item.line_of("value"), "a range needs numbers with low <= high")
        raise _Skip
    if isinstance(raw, dict):
        ctx.problem(item.line_of("value"), "a value mapping must be {low: N, high: N}")
        raise _Skip
    return Literal("text", str(raw), as_written=written)


def _qualifiers(ctx: Context, item: Mapping) -> dict[str, Any]:
    raw = item.get("qualifiers") or {}
    if not isinstance(raw, dict):
        ctx.problem(item.line_of("qualifiers"), "qualifiers must be a mapping")
        raise _Skip
    resolved: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ENTITY_QUALIFIERS:
            resolved[key] = _entity(ctx, item, "qualifiers", value)
        else:  # agency, court, place…: an entity when a key names one, else text
            resolved[key] = ctx.entity(str(value)) or value
    return resolved


def parse_claim(ctx: Context, item: Mapping, casefile_id: str) -> Claim | None:
    """A Claim from one casefile entry, or None with the problems recorded."""
    ctx.check_keys(item, CLAIM_FIELDS, "a claim")
    try:
        return _build(ctx, item, casefile_id)
    except _Skip:
        return None


def _build(ctx: Context, item: Mapping, casefile_id: str) -> Claim:
    predicate = str(_field(ctx, item, "predicate"))
    if predicate not in PREDICATES:
        ctx.problem(
            item.line_of("predicate"),
            f"unknown predicate {predicate!r}; known: " + ", ".join(PREDICATES),
        )
        raise _Skip
    subject = _entity(ctx, item, "subject", _field(ctx, item, "subject"))
    kind = PREDICATES[predicate].object
    obj = None
    if item.get("object") is not None:
        obj = _entity(ctx, item, "object", item["object"])
    elif kind is ObjectKind.ENTITY:
        ctx.problem(item.line, f"predicate {predicate!r} needs an 'object' entity")
        raise _Skip
    passage = _passage(ctx, item)
    value = _value(ctx, item)
    if kind is ObjectKind.QUANTITY and (value is None or value.kind != "quantity"):
        ctx.problem(item.line, f"predicate {predicate!r} needs a numeric 'value'")
        raise _Skip
    date = _date(ctx, item, passage.text)
    asserted = item.get("asserted_by", ctx.defaults.get("asserted_by"))
    asserted_by = _entity(ctx, item, "asserted_by", asserted) if asserted else None
    stance, certainty, status = (
        _enum(ctx, item, k) for k in ("stance", "certainty", "status")
    )
    qualifiers = {**_qualifiers(ctx, item), **_calendar_qualifiers(item, date)}
    explicit = item.get("id")
    if explicit is not None and not is_slug(str(explicit)):
        ctx.problem(item.line_of("id"), f"claim id {explicit!r} must be a slug")
        raise _Skip
    if explicit is not None:
        ctx.named_claims.add(make_id("clm", "casefile", casefile_id, explicit))
    claim_id = (
        make_id("clm", "casefile", casefile_id, explicit)
        if explicit is not None
        else Claim.make_id(
            subject,
            predicate,
            passage,
            obj,
            date and date.value,
            value and vars(value),
            asserted_by,
            str(stance),
            qualifiers,
        )
    )
    return Claim(
        id=claim_id,
        subject=subject,
        predicate=predicate,
        passage=passage,
        object=obj,
        date=date,
        value=value,
        qualifiers=qualifiers,
        asserted_by=asserted_by,
        stance=stance,
        certainty=certainty,
        status=status,
        reviewer=item.get("reviewer", ctx.defaults.get("reviewer")),
        origin=f"casefile:{casefile_id}",
        note=item.get("note"),
    )
