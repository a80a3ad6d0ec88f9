"""Registry names with their bracketed variants and aliases.

>>> main, variants, aliases = parse_name(
...     "Восканов (Васканов, Восканян) Гаспар Карпович (Карапетович)")
>>> main, variants[0], variants[2]
('Восканов Гаспар Карпович', 'Васканов Гаспар Карпович', 'Восканов Гаспар Карапетович')
>>> parse_name("Потапенко Иван Иванович (Алешкевич Тит Михеевич)")
('Потапенко Иван Иванович', [], ['Алешкевич Тит Михеевич'])
"""

from __future__ import annotations

from rapidfuzz import fuzz

_SPELLING = 60  # rapidfuzz ratio at which a bracketed word is a spelling variant


def split_top(text: str, sep: str = ",") -> list[str]:
    """Split on sep outside parentheses."""
    parts: list[str] = []
    for piece in text.split(sep):
        if parts and parts[-1].count("(") > parts[-1].count(")"):
            parts[-1] += sep + piece  # still inside a bracket
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


def _tokens(text: str) -> list[tuple[str, list[str]]]:
    """Words, each with the bracket groups that follow it."""
    if "(" not in text:
        return [(word, []) for word in text.split()]
    tokens: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
        elif text[i] == "(":
            depth, j = 0, i
            while j < len(text):
                depth += text[j] == "("
                depth -= text[j] == ")"
                j += 1
                if depth == 0:
                    break
            if tokens:
                tokens[-1][1].append(text[i + 1 : j - 1])
            i = j
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] != "(":
                j += 1
            tokens.append((text[i:j], []))
            i = j
    return tokens


def parse_name(text: str) -> tuple[str, list[str], list[str]]:
    """(main name, variants, aliases): a bracket after a word holds other
    spellings of that word; one holding several words holds another name."""
    tokens = _tokens(" ".join(text.split()))
    words = [w for w, _ in tokens]
    variants: list[str] = []
    aliases: list[str] = []
    for index, (_, groups) in enumerate(tokens):
        for group in groups:
            for alternative in split_top(group):
                if len(alternative.split()) == 1 and "(" not in alternative:
                    name = " ".join([*words[:index], alternative, *words[index + 1 :]])
                    # Раевич (Суслов) is another name; Ифлянд (Инфлянд) a spelling;
                    # a bracketed patronymic is another reading of the same name.
                    alike = (
                        index > 0 or fuzz.ratio(alternative, words[index]) >= _SPELLING
                    )
                    (variants if alike else aliases).append(name)
                else:
                    main, more_variants, more_aliases = parse_name(alternative)
                    aliases += [main, *more_variants, *more_aliases]
    return " ".join(words), variants, aliases
