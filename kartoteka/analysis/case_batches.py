"""The cases of a page of persons at once: what an export of millions
needs. A page is read with a handful of queries (the persons of a range of
ids and their names, the claims about them, the entities those claims name,
the pieces of text their records stand in) and each case is put together
by ``assemble_case``, as a case page's is — so the two never differ in what
an export writes (``kartoteka.exports.person_pages`` pages through them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from kartoteka.analysis.cases import (
    Case,
    RecordText,
    assemble_case,
    case_entity_ids,
    merge_members,
)
from kartoteka.model import Claim, Entity
from kartoteka.storage import Store

BATCH = 1000


class CaseReader:
    """What the cases of every page need, read once: the links, the
    explanations, the sources; and the entities claims name, as met."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.links = store.links()  # only the records linking joined: few of all
        self.members_of: dict[str, list[str]] = defaultdict(list)
        for member, head in self.links.items():
            if member != head:
                self.members_of[head].append(member)
        self.explanations = store.explanations()
        self.metas = {s.id: s for s, _ in store.source_metas()}
        self.known: dict[str, Entity] = {}  # the entities claims name: a list's few

    def cases(
        self, found: dict[str, Entity], about: dict[str, list[Claim]]
    ) -> Iterator[Case]:
        """The cases of a page's persons (``found``, with the claims about
        them), each merged person once, under its canonical id."""
        heads = [i for i in found if self.links.get(i, i) == i]
        clusters = {h: [h, *sorted(self.members_of.get(h, ()))] for h in heads}
        elsewhere = sorted({m for c in clusters.values() for m in c} - set(found))
        if elsewhere:  # merged records beyond this page
            found = {**found, **self.store.entities(elsewhere)}
            about = {**about, **self.store.claims_about(elsewhere)}
        read = []  # each cluster's members, claims and the entities they name
        for cluster in clusters.values():
            members = [found[m] for m in cluster]
            every = _claims(cluster, about)
            read.append((members, every, case_entity_ids(members, every)))
        named = set().union(*(wanted for _, _, wanted in read)) - set(found)
        if unknown := sorted(named - set(self.known)):
            self.known.update(self.store.entities(unknown))
        entities = {**self.known, **found}
        texts = _record_texts(self.store, list(found.values()))
        for members, every, wanted in read:
            yield assemble_case(
                merge_members(members),
                members,
                every,
                self.explanations,
                {i: entities[i] for i in sorted(wanted) if i in entities},
                {
                    s: self.metas[s]
                    for s in sorted({c.source for c in every if not c.proposed})
                },
                [texts[m.id] for m in members if m.id in texts],
            )


def _claims(cluster: list[str], about: dict[str, list[Claim]]) -> list[Claim]:
    """A cluster's own claims in the order a case page reads them: member by
    member, the claims involving each (in order of source and offset), each
    claim once."""
    if len(cluster) == 1:
        return about.get(cluster[0], [])
    own = sorted(
        (c for member in cluster for c in about.get(member, ())),
        key=lambda c: (c.source, c.passage.start, c.id),
    )
    every: dict[str, Claim] = {}
    for member in cluster:
        for c in own:
            if member in {c.subject, c.object, c.asserted_by, *c.qualifiers.values()}:
                every.setdefault(c.id, c)
    return list(every.values())


def _record_texts(store: Store, persons: list[Entity]) -> dict[str, RecordText]:
    """The records of a batch, their words read together from their lists."""
    spans = {
        p.id: r for p in persons if isinstance(r := p.attributes.get("record"), dict)
    }
    # Older imports kept the words with the record.
    unread = [pid for pid, r in spans.items() if "text" not in r]
    texts = store.excerpts(
        [(spans[i]["source"], spans[i]["start"], spans[i]["end"]) for i in unread]
    )
    words = {
        **{i: r["text"] for i, r in spans.items() if "text" in r},
        **dict(zip(unread, texts, strict=True)),
    }
    return {
        pid: RecordText(r["source"], r["ref"], words[pid], r["start"], r["end"])
        for pid, r in spans.items()
    }
