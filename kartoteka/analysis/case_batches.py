"""Every person's case, a thousand at a time: what an export of millions
needs. Each batch is read with a handful of queries (the persons and their
names, every claim involving them, the entities those claims name, the
pieces of text their records stand in) and each case is put together by
``assemble_case``, as a case page's is — so the two never differ.

>>> # for case in cases_in_batches(store): ...
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
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store

BATCH = 1000


def cases_in_batches(store: Store, size: int = BATCH) -> Iterator[Case]:
    """The case of every person once (a merged person under its canonical
    id), in order of id, with memory bounded by the batch."""
    links = store.links()  # only the records linking joined: few of all
    members_of: dict[str, list[str]] = defaultdict(list)
    for member, head in links.items():
        if member != head:
            members_of[head].append(member)
    explanations = store.explanations()
    metas = {s.id: s for s, _ in store.source_metas()}
    for page in store.entity_id_pages(EntityKind.PERSON, size):
        heads = [i for i in page if links.get(i, i) == i]
        clusters = {h: [h, *sorted(members_of.get(h, ()))] for h in heads}
        ids = [m for cluster in clusters.values() for m in cluster]
        found = store.entities(ids)
        claims = store.claims_involving_any(ids)
        involving = _by_entity(claims, set(ids))
        read = []  # each cluster's members, claims and the entities they name
        for cluster in clusters.values():
            members = [found[m] for m in cluster]
            every = _claims(cluster, involving)
            read.append((members, every, case_entity_ids(members, every)))
        named = set().union(*(wanted for _, _, wanted in read))
        entities = {**store.entities(sorted(named - set(found))), **found}
        texts = _record_texts(store, [found[i] for i in ids])
        for members, every, wanted in read:
            yield assemble_case(
                merge_members(members),
                members,
                every,
                explanations,
                {i: entities[i] for i in sorted(wanted) if i in entities},
                {
                    s: metas[s]
                    for s in sorted({c.source for c in every if not c.proposed})
                },
                [texts[m.id] for m in members if m.id in texts],
            )


def _by_entity(claims: list[Claim], ids: set[str]) -> dict[str, list[Claim]]:
    """Each entity's claims, in the order given (source, offset, id)."""
    found: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        named = {c.subject, c.object, c.asserted_by, *c.qualifiers.values()}
        for i in ids & {n for n in named if isinstance(n, str)}:
            found[i].append(c)
    return found


def _claims(cluster: list[str], involving: dict[str, list[Claim]]) -> list[Claim]:
    """A cluster's claims as a case page reads them: member by member, each
    claim once."""
    every: dict[str, Claim] = {}
    for member in cluster:
        for c in involving.get(member, ()):
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
