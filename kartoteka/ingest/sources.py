"""Adding one narrative source file to the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kartoteka.errors import InvalidSource, VocabularyError
from kartoteka.ingest.documents import read_document
from kartoteka.model import Source
from kartoteka.model import dates as edtf
from kartoteka.model.ids import is_slug, sha256_text
from kartoteka.model.vocabulary import RELIABILITY, Authenticity, SourceKind
from kartoteka.storage import Change, Store


@dataclass(frozen=True)
class SourceMeta:
    """What the researcher says about a source beside its text."""

    id: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    kind: str | None = None  # article when never said
    language: str | None = None
    citation: str | None = None
    url: str | None = None
    derived_from: tuple[str, ...] = ()
    authenticity: str | None = None  # unknown when never said
    reliability: str | None = None  # F (cannot be judged) when never said
    extra: dict[str, str] = field(default_factory=dict)

    def over(self, stored: Source) -> SourceMeta:
        """This metadata where it says something, the stored source's elsewhere:
        adding a file again changes only what was given."""
        kept = {
            "title": stored.title,
            "authors": stored.authors,
            "published": stored.published,
            "kind": str(stored.kind),
            "language": stored.language,
            "citation": stored.citation,
            "url": stored.url,
            "derived_from": stored.derived_from,
            "authenticity": str(stored.authenticity),
            "reliability": stored.reliability,
        }
        given = {k: v for k, v in vars(self).items() if v not in (None, ())}
        return SourceMeta(**{**kept, **given})


def _choice(enum: type, value: str, what: str) -> object:
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(str(e) for e in enum)
        raise VocabularyError(f"unknown {what} {value!r}; known: {known}") from None


def build_source(text: str, meta: SourceMeta, fallback_title: str) -> Source:
    """A Source from text and metadata, every field checked."""
    if meta.id is not None and not is_slug(meta.id):
        raise InvalidSource(
            f"source id {meta.id!r} must be lower-case letters, digits, '.', '-' or '_'"
        )
    if meta.published:
        edtf.parse(meta.published)
    reliability = meta.reliability or "F"
    if reliability not in RELIABILITY:
        raise VocabularyError(f"reliability {reliability!r} must be one of A–F")
    return Source(
        id=meta.id or Source.id_for_text(text),
        kind=_choice(SourceKind, meta.kind or "article", "source kind"),  # type: ignore[arg-type]
        title=meta.title or fallback_title,
        text=text,
        authors=meta.authors,
        published=meta.published,
        language=meta.language,
        citation=meta.citation,
        url=meta.url,
        derived_from=meta.derived_from,
        authenticity=_choice(  # type: ignore[arg-type]
            Authenticity, meta.authenticity or "unknown", "authenticity"
        ),
        reliability=reliability,
    )


def add_source(
    store: Store, path: Path, meta: SourceMeta, actor: str, again: bool = False
) -> tuple[Source, Change]:
    """Read a .txt/.md/.html/.pdf file and store it verbatim with its hash.

    Adding a stored file again changes only the metadata given; the same text
    under another id is refused unless ``again`` asks for a second source.

    >>> # add_source(store, Path("article.txt"), SourceMeta(title="…"), "me")
    """
    doc = read_document(path)
    meta = _same_text_as(store, doc.text, meta, path, again)
    if meta.id is not None and store.has_source(meta.id):
        meta = meta.over(store.source_meta(meta.id))
    filled = SourceMeta(
        **{
            **vars(meta),
            "title": meta.title or doc.title,
            "authors": meta.authors or doc.authors,
        }
    )
    source = build_source(doc.text, filled, fallback_title=path.stem)
    missing = [d for d in source.derived_from if not store.has_source(d)]
    if missing:
        raise InvalidSource(
            f"{path}: derived from unknown source(s) {', '.join(missing)}; "
            "add them first"
        )
    with store.writing(actor, reason=f"add source {path.name}") as tx:
        change = tx.put_source(source)
    return source, change


def _same_text_as(
    store: Store, text: str, meta: SourceMeta, path: Path, again: bool
) -> SourceMeta:
    """The metadata with the id of the source already holding this text: the
    stored one when no id was given; refused when another id was, unless again."""
    holders = store.sources_with_text(sha256_text(text))
    if not holders or meta.id in holders or again:
        return meta
    if meta.id is None:
        return SourceMeta(**{**vars(meta), "id": holders[0]})
    raise InvalidSource(
        f"{path}: this text is already stored as source {', '.join(holders)}; "
        f"use --id {holders[0]} to change that source, or --again to store "
        f"a second copy as {meta.id}"
    )
