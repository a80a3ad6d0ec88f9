"""Reading narrative sources: .txt, .md, .html and .pdf to verbatim text.

The stored text is what quotes are checked against, so it is kept exactly
as read (plain text) or as extracted (the main text of HTML, the text layer
of a PDF); nothing is re-flowed afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kartoteka.errors import InvalidSource


@dataclass(frozen=True)
class Document:
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # as the file states it, not yet EDTF


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InvalidSource(f"{path}: no such file")
    if not path.is_file():
        raise InvalidSource(f"{path}: not a file")
    data = path.read_bytes()
    if not data.strip():
        raise InvalidSource(f"{path}: the file is empty")
    return data


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidSource(
            f"{path}:{line}: not UTF-8 text (byte {exc.start}); convert it first, "
            "e.g. iconv -f WINDOWS-1251 -t UTF-8"
        ) from exc


def read_plain(path: Path) -> Document:
    text = _decode(path, _read_bytes(path))
    if "\x00" in text:
        raise InvalidSource(f"{path}: binary data, not text")
    return Document(text=text)


def read_html(path: Path) -> Document:
    import trafilatura

    html = _read_bytes(path)
    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    if not text or not text.strip():
        raise InvalidSource(f"{path}: no main text could be extracted from the HTML")
    meta = trafilatura.extract_metadata(html)
    return Document(
        text=text,
        title=meta.title if meta else None,
        authors=tuple(a.strip() for a in (meta.author or "").split(";") if a.strip())
        if meta
        else (),
        published=meta.date if meta else None,
    )


def read_pdf(path: Path) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = _read_bytes(path)
    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, OSError) as exc:
        raise InvalidSource(f"{path}: not a readable PDF ({exc})") from exc
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise InvalidSource(
            f"{path}: the PDF has no text layer (a scan?); run OCR on it first"
        )
    title = (reader.metadata or {}).get("/Title") if data else None
    return Document(text=text, title=str(title) if title else None)


READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".markdown": read_plain,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def read_document(path: Path) -> Document:
    """The verbatim text of a source file, by its extension."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InvalidSource(
            f"{path}: unknown file type {path.suffix!r}; known: {known}"
        )
    return reader(path)
