"""The conflicts of the store or of one person, with people's explanations.

>>> # listed = list_conflicts(store, ConflictFilter(person="Уборевич"))
"""

from __future__ import annotations

from dataclasses import dataclass

from kartoteka.analysis.conflicts import Conflict, find_conflicts
from kartoteka.analysis.explanations import with_explanations
from kartoteka.analysis.lookup import find_person
from kartoteka.errors import NotFound, VocabularyError
from kartoteka.model import Claim
from kartoteka.model.vocabulary import ExplanationReason
from kartoteka.storage import Store


@dataclass(frozen=True)
class ConflictFilter:
    """Which conflicts to list; every field left None lets all through."""

    person: str | None = None  # any name in any script, as `case` reads it
    kind: str | None = None
    source: str | None = None
    state: str | None = None  # "open" or "explained"


@dataclass
class ConflictList:
    conflicts: list[Conflict]
    claims: dict[str, Claim]  # every claim a listed conflict names, by id
    names: dict[str, str]  # each subject's preferred name


def list_conflicts(store: Store, wanted: ConflictFilter | None = None) -> ConflictList:
    """Conflicts over the claims of every person as linking resolved them."""
    wanted = wanted or ConflictFilter()
    if wanted.person:
        head = store.cluster_of(find_person(store, wanted.person).id)
        claims = [c for member in head for c in store.claims(subject=member)]
        same = {member: head[0] for member in head}
    else:
        claims, same = store.claims(), store.links()
    found = with_explanations(store, find_conflicts(claims, same))
    by_id = {c.id: c for c in claims}
    found = [c for c in found if _wanted(c, wanted, by_id)]
    names = {e.id: e.name for e in store.entities([c.subject for c in found]).values()}
    named = {i: by_id[i] for c in found for i in c.claims}
    return ConflictList(found, named, names)


def _wanted(conflict: Conflict, wanted: ConflictFilter, claims: dict) -> bool:
    if wanted.kind and conflict.kind != wanted.kind:
        return False
    if wanted.source and all(
        claims[i].source != wanted.source for i in conflict.claims
    ):
        return False
    if wanted.state == "open":
        return conflict.is_open
    if wanted.state == "explained":
        return not conflict.is_open
    return True


def explain_conflict(
    store: Store,
    conflict_id: str,
    reason: str,
    actor: str,
    note: str | None = None,
    person: str | None = None,
) -> Conflict:
    """Record a person's explanation of one conflict, as a revision."""
    try:
        why = ExplanationReason(reason)
    except ValueError:
        known = ", ".join(r.value for r in ExplanationReason)
        raise VocabularyError(f"unknown reason {reason!r}; known: {known}") from None
    found = list_conflicts(store, ConflictFilter(person=person)).conflicts
    conflict = next((c for c in found if c.id == conflict_id), None)
    if conflict is None:
        raise NotFound(
            f"no conflict {conflict_id!r}; `kartoteka conflicts` lists them with ids"
        )
    with store.writing(actor, reason=note or f"explained: {why}") as tx:
        tx.explain(conflict.id, conflict.subject, list(conflict.claims), str(why), note)
    return with_explanations(store, [conflict])[0]
