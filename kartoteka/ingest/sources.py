"""Adding one narrative source file to the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kartoteka.errors import InvalidSource, VocabularyError
from kartoteka.ingest.documents import read_document
from kartoteka.model import Source
from kartoteka.model import dates as edtf
from kartoteka.model.ids import is_slug
from kartoteka.model.vocabulary import RELIABILITY, Authenticity, SourceKind
from kartoteka.storage import Change, Store


@dataclass(frozen=True)
class SourceMeta:
    """What the researcher says about a source beside its text."""

    id: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    kind: str = "article"
    language: str | None = None
    citation: str | None = None
    url: str | None = None
    derived_from: tuple[str, ...] = ()
    authenticity: str = "unknown"
    reliability: str = "F"
    extra: dict[str, str] = field(default_factory=dict)


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
    if meta.reliability not in RELIABILITY:
        raise VocabularyError(f"reliability {meta.reliability!r} must be one of A–F")
    return Source(
        id=meta.id or Source.id_for_text(text),
        kind=_choice(SourceKind, meta.kind, "source kind"),  # type: ignore[arg-type]
        title=meta.title or fallback_title,
        text=text,
        authors=meta.authors,
        published=meta.published,
        language=meta.language,
        citation=meta.citation,
        url=meta.url,
        derived_from=meta.derived_from,
        authenticity=_choice(Authenticity, meta.authenticity, "authenticity"),  # type: ignore[arg-type]
        reliability=meta.reliability,
    )


def add_source(
    store: Store, path: Path, meta: SourceMeta, actor: str
) -> tuple[Source, Change]:
    """Read a .txt/.md/.html/.pdf file and store it verbatim with its hash.

    >>> # add_source(store, Path("article.txt"), SourceMeta(title="…"), "me")
    """
    doc = read_document(path)
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
