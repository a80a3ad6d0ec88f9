"""YAML that remembers lines: every mapping knows its line and its keys' lines.

Timestamps are not resolved, so ``date: 1937-06-12`` stays the string an
EDTF parser expects; duplicate keys are recorded instead of silently lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kartoteka.errors import CasefileError, Problem

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class Mapping(dict):  # type: ignore[type-arg]
    """A dict with the line it starts on and the line of each key (1-based)."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[Any, int] = {}
        self.duplicates: list[tuple[Any, int]] = []

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    # Keys written twice in this mapping are mistakes; a key that overrides
    # one merged in with `<<: *anchor` is not.
    own: set[object] = set()
    for key_node, _ in node.value:
        if key_node.tag != "tag:yaml.org,2002:merge":
            key = loader.construct_object(key_node, deep=True)
            if key in own:
                mapping.duplicates.append((key, key_node.start_mark.line + 1))
            own.add(key)
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def load(path: Path) -> Any:
    """Parse a YAML file; a syntax error becomes a CasefileError with file:line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CasefileError([Problem(str(path), None, "no such file")]) from None
    except UnicodeDecodeError as exc:
        raise CasefileError(
            [Problem(str(path), None, f"not UTF-8 text ({exc.reason})")]
        ) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise CasefileError(
            [Problem(str(path), line, f"YAML error: {reason}")]
        ) from None
