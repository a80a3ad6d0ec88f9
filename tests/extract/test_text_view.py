from __future__ import annotations

from kartoteka.extract.text_view import TextView


def test_stress_marks_are_gone_from_the_view_and_offsets_point_into_the_original():
    original = "Тухаче́вский Михаи́л арестован"
    view = TextView.of(original)
    assert view.text == "Тухачевский Михаил арестован"
    start = view.text.index("Михаил")
    first, last = view.span(start, start + len("Михаил"))
    assert original[first:last] == "Михаи́л"


def test_typographic_apostrophes_are_plain_in_the_view_at_the_same_offsets():
    view = TextView.of("Khrushchev’s speech")
    assert view.text == "Khrushchev's speech"
    assert view.span(0, 10) == (0, 10)
