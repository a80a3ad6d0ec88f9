"""Corroboration over the store: the facts of a person, a source, or every
narrative source, each with its independent origins.

>>> # report = corroboration(store, person="Tukhachevsky")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import networkx as nx

from kartoteka.analysis.conflicts import as_one_person
from kartoteka.analysis.corroboration import (
    VOICE,
    Fact,
    corroborate,
    cycles,
    derivation_graph,
)
from kartoteka.analysis.lookup import find_person
from kartoteka.model import Claim, Source
from kartoteka.model.vocabulary import SourceKind
from kartoteka.names.normalize import normalize as fold_name
from kartoteka.storage import Store

ENTITY_ID = re.compile(r"\b(?:per|org|plc|art|evt)_[0-9a-f]{16}\b")


@dataclass
class CorroborationReport:
    facts: list[Fact]
    names: dict[str, str]  # entity id → preferred name
    titles: dict[str, str]  # source id → title
    derivations: dict[str, tuple[str, ...]]  # source id → what it derives from
    loops: list[list[str]]  # every loop of derivations in the store
    claims: dict[str, Claim] = field(default_factory=dict)  # those the facts cite

    def describe(self, fact: Fact) -> str:
        """The fact in words: "Skoblin — transferred — …; from Gestapo to Beneš"."""
        detail = ENTITY_ID.sub(lambda m: self.names.get(m[0], m[0]), fact.detail)
        parts = [self.names.get(fact.subject, fact.subject), fact.predicate]
        if fact.object:
            parts.append(self.names.get(fact.object, fact.object))
        return " — ".join(parts) + (f" ({detail})" if detail else "")

    def origin_label(self, origin: str) -> str:
        if origin.startswith(VOICE):
            key = origin.removeprefix(VOICE)
            return f"{self.names.get(key, key)} (reported)"
        return origin


def source_graph(store: Store) -> tuple[nx.DiGraph, dict[str, Source]]:
    """The derivation graph of every stored source, and the sources' metadata."""
    metas = {s.id: s for s, _length in store.source_metas()}
    return derivation_graph({i: s.derived_from for i, s in metas.items()}), metas


def voice_origins(
    store: Store, claims: list[Claim], graph: nx.DiGraph, metas: dict[str, Source]
) -> dict[tuple[str, str], str]:
    """Where each reported voice's words come from, by (voice, source): the
    source itself when the voice wrote it; else the one work the voice wrote
    among those the source derives from (Khrushchev quoted by Roberts is
    Khrushchev's speech, which Roberts cites)."""
    pairs = {(c.asserted_by, c.source) for c in claims if c.asserted_by}
    voices = sorted({v for v, _ in pairs})
    spellings = {
        e.id: {fold_name(n.name) for n in e.names} | {fold_name(e.name)}
        for e in store.entities(voices).values()
    }

    def wrote(voice: str, source: str) -> bool:
        meta = metas.get(source)
        authors = {fold_name(a) for a in meta.authors} if meta else set()
        return bool(spellings.get(voice, set()) & authors)

    found = {}
    for voice, source in pairs:
        if wrote(voice, source):
            found[voice, source] = source
            continue
        read = nx.descendants(graph, source) if source in graph else set()
        works = sorted(w for w in read if wrote(voice, w))
        if len(works) == 1:
            found[voice, source] = works[0]
    return found


def corroboration(
    store: Store,
    person: str | None = None,
    source: str | None = None,
    several_only: bool = False,
) -> CorroborationReport:
    """Facts with their independent origins: a person's (every record linking
    joined into them), a source's, or else every narrative source's (registry
    lists are left out unless asked for by ``source``: each record is its
    own fact). For a source, the facts it reports or is the origin of.
    ``several_only`` keeps facts that more than one claim makes."""
    graph, metas = source_graph(store)
    if person:
        head = store.cluster_of(find_person(store, person).id)
        claims = [c for member in head for c in store.claims(subject=member)]
        claims = as_one_person(claims, {member: head[0] for member in head})
    else:
        claims = [
            c
            for s in metas.values()
            if s.kind is not SourceKind.REGISTRY or s.id == source
            for c in store.claims(source_id=s.id)
        ]
    facts = corroborate(claims, graph, voice_origins(store, claims, graph, metas))
    if source:
        facts = [
            f
            for f in facts
            if any(source in (s.source, s.origin) for s in (*f.supports, *f.denials))
        ]
    if several_only:
        facts = [f for f in facts if len(f.supports) + len(f.denials) > 1]
    facts.sort(key=lambda f: (-f.origins, f.subject, f.predicate, f.detail))
    ids = {i for f in facts for i in (f.subject, f.object) if i}
    ids |= {
        s.origin.removeprefix(VOICE)
        for f in facts
        for s in (*f.supports, *f.denials)
        if s.origin.startswith(VOICE)
    }
    ids |= {i for f in facts for i in ENTITY_ID.findall(f.detail)}
    names = {i: e.name for i, e in store.entities(sorted(ids)).items()}
    return CorroborationReport(
        facts=facts,
        names=names,
        titles={i: s.title for i, s in metas.items()},
        derivations={i: s.derived_from for i, s in metas.items() if s.derived_from},
        loops=cycles(graph),
        claims={c.id: c for c in claims},
    )
