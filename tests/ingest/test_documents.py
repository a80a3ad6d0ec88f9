from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka.errors import InvalidSource
from kartoteka.ingest.documents import read_document

from .pdf_maker import write_pdf

ARTICLE = """<html><head><title>The Petrov file</title></head><body>
<nav><a href="/">Home</a> | <a href="/about">About us</a> |
<a href="/donate">Donate</a></nav>
<article><h1>The Petrov file</h1>
<p>Ivan Petrov, a schoolteacher from Tula, was arrested on 3 March 1938 by the local
NKVD. The arrest was ordered by the district office.</p>
<p>He was sentenced to death by a troika on 14 May 1938 and shot on 20 May 1938,
according to the record kept in the regional archive.</p></article>
<footer>Copyright. All rights reserved. Contact the webmaster.</footer></body></html>"""


def test_plain_text_is_kept_byte_for_byte(tmp_path: Path):
    text = "Line one.\r\n  Indented “quote” – dash…\n\nЕщё строка.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_document(path).text == text


def test_markdown_is_read_as_its_own_text(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("# Title\n\n*Emphasis* stays as written.\n", encoding="utf-8")
    assert read_document(path).text.startswith("# Title")


def test_html_yields_the_main_text_without_navigation(tmp_path: Path):
    path = tmp_path / "a.html"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_document(path)
    assert "shot on 20 May 1938" in doc.text
    assert "Donate" not in doc.text and "webmaster" not in doc.text
    assert doc.title == "The Petrov file"


def test_pdf_yields_its_text_layer(tmp_path: Path):
    path = tmp_path / "a.pdf"
    write_pdf(path, ["Ivan Petrov was arrested in 1938.", "He was shot in May."])
    assert (
        read_document(path).text
        == "Ivan Petrov was arrested in 1938.\nHe was shot in May."
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"  \n", "empty"),
        ("cp1251.txt", "Тухачевский".encode("cp1251"), r"cp1251.txt:1: not UTF-8"),
        ("garbage.pdf", b"%PDF-1.4 not really", "not a readable PDF"),
        ("image.pdf", None, "no text layer"),
        ("data.xlsx", b"PK\x03\x04", "unknown file type"),
        ("binary.txt", b"abc\x00def", "binary data"),
    ],
)
def test_bad_files_are_clear_errors(tmp_path: Path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    elif name == "image.pdf":
        write_pdf(path, [])
    with pytest.raises(InvalidSource, match=message):
        read_document(path)
