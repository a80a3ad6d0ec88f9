"""The demo's second half: the reasoning over the seed's claims, in brief —
the conflicts by kind, the dossier's custody chains, the competing hypotheses
scored, corroboration and the estimates with their authors."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape

from kartoteka.analysis import ach
from kartoteka.analysis.conflicts import Conflict
from kartoteka.analysis.corroboration_list import corroboration
from kartoteka.analysis.custody import custody
from kartoteka.analysis.estimates import estimates
from kartoteka.analysis.hypotheses import weigh
from kartoteka.storage import Store

QUESTION, ARTIFACT = "dossier-origin", "forged-dossier"


def print_reasoning(store: Store, conflicts: list[Conflict], console: Console) -> None:
    say = lambda text: console.print(escape(text), highlight=False, soft_wrap=True)  # noqa: E731
    console.print("\n[bold]The reasoning[/]")
    kinds = Counter(c.kind for c in conflicts)
    say("conflicts: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    rehabilitation = [c for c in conflicts if c.predicate == "rehabilitated"]
    shown = rehabilitation[:1] + [c for c in conflicts if c.kind == "exclusive"]
    for c in shown:
        say(f"  {c.verdict}: {c.explanation}")
    found = custody(store, ARTIFACT)
    say(f"custody of {found.name(found.artifact)}:")
    for chain in found.chains:
        path = " → ".join(found.name(h) for h in chain.holders)
        sources = sorted(
            {
                found.claims[i].qualifiers.get("cited_from") or found.claims[i].source
                for s in chain.steps
                for i in s.claims
            }
        )
        say(f"  {found.name(chain.voice)}: {path} ({', '.join(sources)})")
    w = weigh(store, QUESTION)
    say(f"hypotheses: {w.question.text}")
    for scorer in ach.SCORERS:
        ranked = sorted(w.question.hypothesis_ids, key=lambda h: w.ranks[scorer][h])
        marks = ", ".join(f"{h} {w.scores[scorer][h]:.2f}" for h in ranked)
        say(f"  {scorer}: {marks}")
    flips = [d for d in w.linchpins if d.leader_changes]
    say(
        f"  linchpins: {len(flips)} of {len(w.linchpins)} items left out change "
        "the first place — " + "; ".join(f"{d.what} {d.key}" for d in flips)
    )
    facts = corroboration(store, several_only=True).facts
    say(
        f"corroboration: {sum(f.confirmed for f in facts)} of {len(facts)} facts "
        "told more than once have two or more independent origins"
    )
    for g in estimates(store):
        for e in g.estimates:
            if e.value and e.value >= 1000:
                say(f"estimate: {e.figure} {g.unit} ({e.counted}) — {e.author}")
    say(
        f"See `kartoteka hypotheses {QUESTION}`, `kartoteka custody {ARTIFACT}`, "
        "`kartoteka corroboration`, `kartoteka grades`, `kartoteka estimates`; "
        "in the browser, the Analysis menu."
    )
