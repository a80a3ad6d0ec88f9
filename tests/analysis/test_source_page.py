"""A source's page: windows of its text cut at every claim's bounds, each
piece with the claims covering it, on each backend."""

from __future__ import annotations

import random

from kartoteka.analysis import source_page as pages
from kartoteka.analysis.source_page import source_page
from kartoteka.model import Claim, Entity, Passage, Source
from kartoteka.model.vocabulary import EntityKind, SourceKind, Status

LINE = "Запись {i}: Иванов Иван, расстрелян в 1937 году.\n"


def _fill(store, lines: int, claims: int, seed: int = 5) -> tuple[str, list[Claim]]:
    text = "".join(LINE.format(i=i) for i in range(lines))
    rng = random.Random(seed)
    made = []
    for n in range(claims):
        start = rng.randrange(0, len(text) - 200)
        end = start + rng.randrange(1, 200)  # passages overlap one another
        status = Status.REJECTED if n % 7 == 0 else Status.ACCEPTED
        made.append(
            Claim(id=f"clm_{n:04d}", subject="per_1", predicate="stated",
                  passage=Passage("list", start, end, text[start:end]), status=status)
        )  # fmt: skip
    with store.writing("test") as tx:
        tx.put_source(Source(id="list", kind=SourceKind.REGISTRY, title="L", text=text))
        tx.put_entity(Entity("per_1", EntityKind.PERSON, "Иванов Иван"))
        for claim in made:
            tx.put_claim(claim)
    return text, made


def test_every_piece_lists_exactly_the_claims_that_cover_it(fresh_store):
    text, made = _fill(fresh_store, lines=60, claims=80)
    page = source_page(fresh_store, "list")
    assert "".join(s.text for s in page.segments) == text[page.start : page.end]
    for piece in page.segments:
        covering = {
            c.id
            for c in made
            if c.status is not Status.REJECTED
            and c.passage.start < piece.end
            and c.passage.end > piece.start
        }
        assert set(piece.claims) == covering
        assert piece.text == text[piece.start : piece.end]


def test_windows_begin_on_a_line_and_follow_one_another(fresh_store, monkeypatch):
    monkeypatch.setattr(pages, "WINDOW", 500)
    text, _ = _fill(fresh_store, lines=200, claims=10)
    first = source_page(fresh_store, "list")
    second = source_page(fresh_store, "list", first.next)
    assert second.start == first.end and text[second.start - 1] == "\n"
    middle = source_page(fresh_store, "list", 3000)
    assert middle.start <= 3000 and text[middle.start - 1] == "\n"
    last = source_page(fresh_store, "list", 10**9)
    assert (last.start, last.end, last.next) == (len(text), len(text), None)


def test_a_changed_text_is_read_again_not_taken_from_memory(fresh_store):
    _fill(fresh_store, lines=5, claims=0)
    assert "Запись 0" in source_page(fresh_store, "list").segments[0].text
    changed = Source(
        id="list", kind=SourceKind.REGISTRY, title="L", text="Другой текст\n"
    )
    with fresh_store.writing("test") as tx:
        tx.put_source(changed)
    assert source_page(fresh_store, "list").segments[0].text == "Другой текст\n"
