"""Reading a registry file as text: detect its encoding, refuse mojibake.

A list is decoded with the first encoding in which it both decodes and reads
as Russian (its expected markers appear); UTF-8, then windows-1251, then
KOI8-R. A file that reads in none of them is refused rather than imported
as mojibake.
"""

from __future__ import annotations

import re
from pathlib import Path

from kartoteka.errors import InvalidSource

ENCODINGS = ("utf-8-sig", "windows-1251", "koi8-r")
_DECLARED = re.compile(rb"charset\s*=\s*[\"']?([\w-]+)", re.I)
# UTF-8 Cyrillic misread through a one-byte code page leaves pairs behind:
# Ð or Ñ (Latin-1), or Р or С (windows-1251) before a continuation byte's letter.
_CP1251_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore")
_MOJIBAKE = re.compile(
    rf"[ÐÑ][\x80-\xbf]|[ГРС][{re.escape(_CP1251_CONTINUATION)}]|\ufffd"
)
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def read_text(path: Path, expect: tuple[str, ...] = ()) -> str:
    """The file's text with newlines normalized, or InvalidSource with file:line.

    ``expect`` holds Russian words of which at least one must appear (none:
    any text that is not mojibake will do, as for a CSV list).
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidSource(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidSource(
            f"{path}: a folder, not a file; give the files in it ({path}/*)"
        ) from None
    if not data.strip():
        raise InvalidSource(f"{path}:1: the file is empty")
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InvalidSource(f"{path}:{line}: binary data, not a text list")
    declared = _DECLARED.search(data[:2048])
    order = (
        [declared.group(1).decode("ascii", "replace").lower()] if declared else []
    ) + list(ENCODINGS)
    for encoding in dict.fromkeys(order):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        readable = not expect or any(marker in text for marker in expect)
        if readable and not looks_like_mojibake(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    line = _first_suspect_line(data)
    raise InvalidSource(
        f"{path}:{line}: cannot read this as a Russian list in "
        f"{', '.join(ENCODINGS)} (wrong encoding, mojibake, or not this format); "
        "nothing was imported from it"
    )


def looks_like_mojibake(text: str, sample: int = 200_000) -> bool:
    """Misread text turns nearly every letter into such a pair; real Russian
    has a few by right ("Сёмкина": С before ё), so judge by their density."""
    head = text[:sample]
    pairs = len(_MOJIBAKE.findall(head))
    if not pairs:
        return False
    letters = len(_NOT_LETTERS.sub("", head))
    return pairs > 0.05 * max(letters, 1)


def _first_suspect_line(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if "\ufffd" in line or _MOJIBAKE.search(line):
            return number
    return 1
