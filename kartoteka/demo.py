"""The demo: the seed article and its curated casefile, as the first case study."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kartoteka import settings
from kartoteka.analysis.cases import Case, build_case
from kartoteka.analysis.conflicts import Conflict, find_conflicts
from kartoteka.ingest.casefile import ImportReport, import_casefile
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store

CASEFILE = Path(__file__).with_name("casefiles") / "roberts-1964.yaml"
SEED = "seeds/roberts-1964-purge-and-rehabilitation.txt"
SEED_SOURCE = "roberts-1964"
DEMO_PERSON = "tukhachevsky"


@dataclass
class DemoResult:
    report: ImportReport
    counts: dict[str, int]
    persons: int
    conflicts: list[Conflict]
    case: Case


def run_demo(store: Store, actor: str, seed: Path | None = None) -> DemoResult:
    """Import the seed casefile (idempotently) and build the demo case."""
    seed_path = seed or settings.shared_path(SEED)
    report = import_casefile(store, CASEFILE, actor, files={SEED_SOURCE: seed_path})
    return DemoResult(
        report=report,
        counts=store.counts(),
        persons=store.entity_count(EntityKind.PERSON),
        # The casefile's own disagreements: a registry in the same store has
        # millions of claims, and `kartoteka conflicts` lists all of them.
        conflicts=find_conflicts(store.claims(origin=f"casefile:{CASEFILE.stem}")),
        case=build_case(store, DEMO_PERSON),
    )
