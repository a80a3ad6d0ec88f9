"""A source's text in pieces, each kept compressed.

After the claims, a registry list's text is the largest thing in a
registry store. zlib at level 3 keeps the Memorial lists' 33 MB of UTF-8 in
5 MB (6.6 : 1) and gives a piece of 65,536 characters back in a quarter of a
millisecond; the higher levels gain little more and compress three times
slower, on the import's path.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

from kartoteka.errors import StorageError
from kartoteka.storage.schema import PIECE

LEVEL = 3


def pack(text: str) -> bytes:
    """A piece's text as stored."""
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack(packed: bytes) -> str:
    """A stored piece's text; a damaged piece is a StorageError."""
    try:
        return zlib.decompress(packed).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as e:
        raise StorageError(
            f"a stored piece of a source's text is damaged ({e}); "
            "`kartoteka verify` names the source"
        ) from e


@lru_cache(maxsize=64)
def unpack_kept(packed: bytes) -> str:
    """``unpack``, the last 64 pieces kept by their stored bytes: pages of an
    export or a case read the same pieces again and again (a list's pieces
    hold the records of many pages), and a piece's bytes are its text, so
    an edited text is never read from what was kept (about 10 MB)."""
    return unpack(packed)


def piece_rows(source_id: str, text: str) -> list[dict[str, object]]:
    """The rows of ``source_pieces`` that hold ``text``."""
    return [
        {"source_id": source_id, "n": n, "packed": pack(text[at : at + PIECE])}
        for n, at in enumerate(range(0, len(text), PIECE))
    ]
