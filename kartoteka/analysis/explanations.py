"""People's explanations, set beside the conflicts they explain."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from kartoteka.analysis.conflicts import Conflict, Explained
from kartoteka.storage import Store


def with_explanations(store: Store, conflicts: list[Conflict]) -> list[Conflict]:
    """The conflicts with people's explanations; a person's outranks a pattern's."""
    return explained(conflicts, store.explanations())


def explained(conflicts: list[Conflict], given: Mapping[str, tuple]) -> list[Conflict]:
    """The conflicts with the explanations given, by conflict id."""
    return [
        replace(c, explained=Explained(*given[c.id])) if c.id in given else c
        for c in conflicts
    ]
