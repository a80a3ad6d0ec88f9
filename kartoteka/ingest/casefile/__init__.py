"""Curated casefiles: plain-text YAML that researchers keep in git.

See docs/casefile-format.md. Reading collects every problem (file:line)
before anything is written; importing is one transaction and idempotent.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from kartoteka import settings
from kartoteka.errors import CasefileError, InvalidSource
from kartoteka.ingest.casefile.argument import parse_question
from kartoteka.ingest.casefile.claims import parse_claim
from kartoteka.ingest.casefile.context import Context
from kartoteka.ingest.casefile.sections import (
    check_derivations,
    parse_entity,
    parse_source,
)
from kartoteka.ingest.casefile.yaml_lines import Mapping, load
from kartoteka.model import Claim, Entity, Source
from kartoteka.model.argument import CellRating, Question
from kartoteka.model.ids import is_slug
from kartoteka.model.vocabulary import Status
from kartoteka.storage import Change, Store
from kartoteka.storage.arguments import KEPT

FORMAT_VERSION = 1
TOP_FIELDS = frozenset(
    {
        "casefile",
        "id",
        "title",
        "description",
        "curator",
        "defaults",
        "sources",
        "entities",
        "claims",
        "hypotheses",
    }
)
# Sections that later versions will read; accepted now so files stay valid.
RESERVED_SECTIONS = frozenset({"custody", "estimates"})


@dataclass
class Casefile:
    path: Path
    id: str
    title: str
    sources: list[Source]
    entities: list[Entity]
    claims: list[Claim]
    not_read: list[str] = field(default_factory=list)
    named_claims: set[str] = field(default_factory=set)  # ids given in the file
    questions: list[Question] = field(default_factory=list)
    ratings: list[CellRating] = field(default_factory=list)


@dataclass
class ImportReport:
    casefile: str
    changes: Counter[str] = field(default_factory=Counter)
    retracted: int = 0
    not_read: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{kind} {change}: {n}"
            for (kind, change), n in sorted(self.changes.items())
        ]
        changed = sum(
            n for (_, c), n in self.changes.items() if c not in (Change.UNCHANGED, KEPT)
        )
        head = f"casefile {self.casefile}: " + (
            "no changes" if not changed else f"{changed} changes"
        )
        lines = [head, *(f"  {p}" for p in parts)]
        if kept := sum(n for (_, c), n in self.changes.items() if c == KEPT):
            lines.append(f"  kept as people changed them since (not rewritten): {kept}")
        if self.retracted:
            lines.append(
                f"  claims no longer in the casefile, now rejected: {self.retracted}"
            )
        lines += [f"  section {s!r} is not read by this version" for s in self.not_read]
        return "\n".join(lines)


def resolve_file(given: str, base: Path) -> Path:
    """'shared:seeds/x.txt' inside the shared folder; otherwise relative to base."""
    if given.startswith("shared:"):
        return settings.shared_path(given.removeprefix("shared:"))
    path = (base / given).resolve()
    if not path.exists():
        raise InvalidSource(f"no such file {path}")
    return path


def read_casefile(
    path: Path, store: Store | None = None, files: dict[str, Path] | None = None
) -> Casefile:
    """Parse and check a casefile; raise CasefileError listing every problem.

    ``files`` puts another file in place of a source's own (by source id).
    """
    ctx = Context(
        path,
        resolve_file,
        _stored_source(store),
        _stored_entity(store),
        files=dict(files or {}),
    )
    data = load(path)
    if not isinstance(data, Mapping):
        raise CasefileError([*ctx.problems, *_top_problem(ctx)])
    ctx.check_keys(data, TOP_FIELDS | RESERVED_SECTIONS, "the casefile")
    if data.get("casefile") != FORMAT_VERSION:
        ctx.problem(
            data.line_of("casefile"), f"first line must be 'casefile: {FORMAT_VERSION}'"
        )
    case_id = str(data.get("id", ""))
    if not is_slug(case_id):
        ctx.problem(data.line_of("id"), f"casefile id {case_id!r} must be a slug")
    defaults = data.get("defaults") or {}
    ctx.defaults = {"reviewer": data.get("curator"), **defaults}
    source_items = ctx.items(data, "sources")
    for item in source_items:
        parse_source(ctx, item)
    check_derivations(ctx, source_items)
    entities = [
        e for item in ctx.items(data, "entities") if (e := parse_entity(ctx, item))
    ]
    claims = [
        c
        for item in ctx.items(data, "claims")
        if (c := parse_claim(ctx, item, case_id))
    ]
    _check_unique_claims(ctx, claims)
    argued = [
        q
        for item in ctx.items(data, "hypotheses")
        if (q := parse_question(ctx, item, case_id))
    ]
    if ctx.problems:
        raise CasefileError(ctx.problems)
    return Casefile(
        path=path,
        id=case_id,
        title=str(data.get("title", case_id)),
        sources=list(ctx.sources.values()),
        entities=entities,
        claims=claims,
        not_read=sorted(RESERVED_SECTIONS & set(data)),
        named_claims=ctx.named_claims,
        questions=[q for q, _ in argued],
        ratings=[r for _, rated in argued for r in rated],
    )


def _top_problem(ctx: Context) -> list:
    ctx.problem(1, "a casefile must be a YAML mapping that starts with 'casefile: 1'")
    return ctx.problems[-1:]


def _check_unique_claims(ctx: Context, claims: list[Claim]) -> None:
    seen: set[str] = set()
    for claim in claims:
        if claim.id in seen:
            ctx.problem(
                None,
                f"two claims are the same ({claim.predicate}, quote "
                f"{claim.passage.text[:50]!r}); give one a distinct 'id'",
            )
        seen.add(claim.id)


def _stored_source(store: Store | None):  # type: ignore[no-untyped-def]
    def lookup(key: str) -> Source | None:
        if store is None or not store.has_source(key):
            return None
        return store.source(key)

    return lookup


def _stored_entity(store: Store | None):  # type: ignore[no-untyped-def]
    def lookup(key: str) -> str | None:
        if store is None:
            return None
        found = store.find_entities(f"casefile:{key}")
        return found[0].id if len(found) == 1 else None

    return lookup


def _keep_stored_ids(casefile: Casefile, stored: list[Claim]) -> list[Claim]:
    """The casefile's claims, each edited one under its stored id.

    A claim's id hashes its content, so an edited date or quote gives a new
    id. Where one new claim and one stored claim no longer in the casefile
    share subject, predicate and source, the new one is that claim edited:
    it keeps the id, and with it the history and any review of it. A claim
    the curator named with an ``id`` keeps that name.
    """
    claims = casefile.claims
    ids, stored_ids = {c.id for c in claims}, {s.id for s in stored}
    new: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.id not in stored_ids and c.id not in casefile.named_claims:
            new[c.subject, c.predicate, c.source].append(c)
    gone: dict[tuple, list[Claim]] = defaultdict(list)
    for s in stored:
        if s.id not in ids:
            gone[s.subject, s.predicate, s.source].append(s)
    renamed = {
        group[0].id: gone[k][0].id
        for k, group in new.items()
        if len(group) == 1 and len(gone.get(k, ())) == 1
    }
    return [replace(c, id=renamed.get(c.id, c.id)) for c in claims]


def import_casefile(
    store: Store, path: Path, actor: str, files: dict[str, Path] | None = None
) -> ImportReport:
    """Check a casefile, then write it in one transaction. Idempotent."""
    casefile = read_casefile(path, store, files)
    report = ImportReport(casefile.id, not_read=casefile.not_read)
    origin = f"casefile:{casefile.id}"
    with store.writing(actor, reason=f"import casefile {casefile.id}") as tx:
        for source in casefile.sources:
            report.changes["source", tx.put_source(source)] += 1
        for entity in casefile.entities:
            report.changes["entity", tx.put_entity(entity)] += 1
        stored = tx.claims(origin=origin)
        claims = _keep_stored_ids(casefile, stored)
        for claim in claims:
            report.changes["claim", tx.put_claim(claim)] += 1
        for question in casefile.questions:
            report.changes["question", tx.put_question(question)] += 1
        for rating in casefile.ratings:
            report.changes["rating", tx.put_rating(rating)] += 1
        current = {c.id for c in claims}
        # A claim gone from the casefile was not written above: its status is
        # still the one read before.
        live = {c.id for c in stored if c.status is not Status.REJECTED}
        for stale in sorted(live - current):
            tx.set_status(
                stale,
                Status.REJECTED,
                reviewer=actor,
                reason=f"no longer in casefile {casefile.id}",
                action="retract",
            )
            report.retracted += 1
    return report
