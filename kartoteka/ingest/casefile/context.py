"""What parsing a casefile needs to know and collects: problems with lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kartoteka.errors import Problem
from kartoteka.ingest.casefile.yaml_lines import Mapping
from kartoteka.model import Source


@dataclass
class Context:
    """The casefile being read, what it has defined so far, and its problems."""

    path: Path
    resolve_file: Callable[[str, Path], Path]
    stored_source: Callable[[str], Source | None]
    stored_entity: Callable[[str], str | None]
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    entity_ids: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # source id → file instead
    named_claims: set[str] = field(default_factory=set)  # ids the curator gave

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(str(self.path), line, message))

    def source(self, key: str) -> Source | None:
        return self.sources.get(key) or self.stored_source(key)

    def entity(self, key: str) -> str | None:
        return self.entity_ids.get(key) or self.stored_entity(key)

    def check_keys(self, item: Mapping, allowed: frozenset[str], what: str) -> None:
        for key in item:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.problem(
                    item.line_of(key),
                    f"unknown field {key!r} in {what}; known: {known}",
                )
        for key, line in item.duplicates:
            self.problem(line, f"{key!r} given twice in {what}; the first is lost")

    def items(self, data: Mapping, section: str) -> list[Mapping]:
        """The mappings of a list section; anything else is a problem."""
        value = data.get(section) or []
        if not isinstance(value, list):
            self.problem(data.line_of(section), f"{section!r} must be a list")
            return []
        good = [v for v in value if isinstance(v, Mapping)]
        if len(good) != len(value):
            self.problem(
                data.line_of(section), f"every entry of {section!r} must be a mapping"
            )
        return good
