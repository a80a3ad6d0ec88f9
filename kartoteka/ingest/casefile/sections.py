"""The sources and entities sections of a casefile, checked and built."""

from __future__ import annotations

from pathlib import Path

from kartoteka.errors import KartotekaError
from kartoteka.ingest.casefile.context import Context
from kartoteka.ingest.casefile.yaml_lines import Mapping
from kartoteka.ingest.documents import read_document
from kartoteka.ingest.sources import SourceMeta, build_source
from kartoteka.model import Entity, Name
from kartoteka.model.ids import is_slug
from kartoteka.model.vocabulary import EntityKind, NameKind

SOURCE_FIELDS = frozenset(
    {
        "id",
        "file",
        "kind",
        "title",
        "authors",
        "published",
        "language",
        "citation",
        "url",
        "derived_from",
        "authenticity",
        "reliability",
        "note",
    }
)
ENTITY_FIELDS = frozenset(
    {
        "id",
        "kind",
        "name",
        "name_kind",
        "names",
        "sex",
        "external_ids",
        "attributes",
        "note",
    }
)
NAME_FIELDS = frozenset({"name", "kind", "source", "language", "note"})


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def parse_source(ctx: Context, item: Mapping) -> None:
    ctx.check_keys(item, SOURCE_FIELDS, "a source")
    key = str(item.get("id", ""))
    if not is_slug(key):
        ctx.problem(item.line, f"source id {key!r} must be a slug such as roberts-1964")
        return
    text = ""
    if item.get("file") or key in ctx.files:
        try:
            path = ctx.files.get(key) or ctx.resolve_file(
                str(item["file"]), ctx.path.parent
            )
            text = read_document(Path(path)).text
        except KartotekaError as exc:
            ctx.problem(item.line_of("file"), f"source {key}: {exc}")
            return
    meta = SourceMeta(
        id=key,
        title=item.get("title"),
        authors=_strings(item.get("authors")),
        published=str(item["published"]) if item.get("published") is not None else None,
        kind=str(item.get("kind", "article")),
        language=item.get("language"),
        citation=item.get("citation"),
        url=item.get("url"),
        derived_from=_strings(item.get("derived_from")),
        authenticity=str(item.get("authenticity", "unknown")),
        reliability=str(item.get("reliability", "F")),
    )
    try:
        ctx.sources[key] = build_source(text, meta, fallback_title=key)
    except KartotekaError as exc:
        ctx.problem(item.line, f"source {key}: {exc}")


def check_derivations(ctx: Context, items: list[Mapping]) -> None:
    for item in items:
        for parent in _strings(item.get("derived_from")):
            if ctx.source(parent) is None:
                ctx.problem(
                    item.line_of("derived_from"),
                    f"unknown source {parent!r} in derived_from",
                )


def _name(ctx: Context, raw: object, line: int) -> Name | None:
    if isinstance(raw, str):
        raw = {"name": raw}
    if not isinstance(raw, dict) or not raw.get("name"):
        ctx.problem(line, "a name must be a string or a mapping with 'name'")
        return None
    if isinstance(raw, Mapping):
        ctx.check_keys(raw, NAME_FIELDS, "a name")
        line = raw.line
    source = raw.get("source", ctx.defaults.get("source"))
    if source is not None and ctx.source(source) is None:
        ctx.problem(line, f"unknown source {source!r} for name {raw['name']!r}")
        return None
    try:
        kind = NameKind(raw.get("kind", "variant"))
    except ValueError:
        ctx.problem(
            line,
            f"unknown name kind {raw.get('kind')!r}; known: "
            + ", ".join(k.value for k in NameKind),
        )
        return None
    return Name(
        name=str(raw["name"]), kind=kind, language=raw.get("language"), source=source
    )


def _default_kind(kind: EntityKind) -> str:
    return "birth" if kind is EntityKind.PERSON else "variant"


def parse_entity(ctx: Context, item: Mapping) -> Entity | None:
    ctx.check_keys(item, ENTITY_FIELDS, "an entity")
    key = str(item.get("id", ""))
    if not is_slug(key):
        ctx.problem(item.line, f"entity id {key!r} must be a slug such as tukhachevsky")
        return None
    if key in ctx.entity_ids:
        ctx.problem(item.line, f"entity {key!r} is defined twice")
        return None
    try:
        kind = EntityKind(item.get("kind", "person"))
    except ValueError:
        ctx.problem(
            item.line_of("kind"),
            f"unknown entity kind {item.get('kind')!r}; "
            "known: person, organization, place, artifact",
        )
        return None
    if not item.get("name"):
        ctx.problem(item.line, f"entity {key} has no 'name'")
        return None
    sex = item.get("sex")
    if sex not in (None, "M", "F"):
        ctx.problem(item.line_of("sex"), f"sex must be M or F, not {sex!r}")
    preferred = _name(
        ctx,
        {
            "name": str(item["name"]),
            "source": None,
            "kind": item.get("name_kind", _default_kind(kind)),
        },
        item.line,
    )
    raw_names = item.get("names") or []
    line = item.line_of("names")
    names = tuple(n for raw in raw_names if (n := _name(ctx, raw, line)) is not None)
    entity = Entity(
        id=Entity.make_id(kind, "casefile", key),
        kind=kind,
        name=str(item["name"]),
        names=(preferred, *names) if preferred else names,
        external_ids=(f"casefile:{key}", *_strings(item.get("external_ids"))),
        attributes=dict(item.get("attributes") or {}),
        sex=sex,
    )
    ctx.entity_ids[key] = entity.id
    return entity
