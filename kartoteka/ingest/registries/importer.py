"""Importing registry lists: parse each file, then write its records in batches.

Each batch is one transaction and one revision, so an interrupted import
leaves whole batches behind and a re-run writes only what is missing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kartoteka.errors import InvalidSource
from kartoteka.ingest.registries import memorial_lists, memorial_moscow
from kartoteka.ingest.registries.records import ParsedList, Skipped
from kartoteka.ingest.registries.rows import record_rows
from kartoteka.model import Source
from kartoteka.model.ids import make_id, sha256_text
from kartoteka.model.vocabulary import SourceKind
from kartoteka.storage import Store

Progress = Callable[[int], None]
Parser = Callable[[Path], ParsedList]

PARSERS: dict[str, Parser] = {
    "memorial-lists": memorial_lists.parse,
    "memorial-moscow": memorial_moscow.parse,
}
BATCH = 5000  # records per transaction and revision


@dataclass
class RegistryReport:
    fmt: str
    files: int = 0
    records: int = 0
    persons_created: int = 0
    persons_present: int = 0
    claims_created: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # whole files, with the reason
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed

    def summary(self) -> str:
        rate = self.records / self.seconds if self.seconds else 0
        lines = [
            f"{self.fmt}: {self.files} files, {self.records:,} records read in "
            f"{self.seconds:.1f} s ({rate:,.0f} records/s)",
            f"  persons created: {self.persons_created:,}; already present: "
            f"{self.persons_present:,}; claims created: {self.claims_created:,}",
        ]
        if self.skipped:
            lines.append(f"  records skipped: {len(self.skipped):,}")
            lines += [f"    {s}" for s in self.skipped[:50]]
            if len(self.skipped) > 50:
                lines.append(f"    … and {len(self.skipped) - 50:,} more")
        lines += [f"  file not imported: {f}" for f in self.failed]
        return "\n".join(lines)


def list_source(parsed: ParsedList, fmt: str) -> Source:
    """The Source that a list file is: its record texts, verbatim, by their hash."""
    return Source(
        id=make_id(fmt, sha256_text(parsed.text)).replace("_", "-"),
        kind=SourceKind.REGISTRY,
        title=parsed.title,
        text=parsed.text,
        authors=("Memorial",),
        language="ru",
        citation=parsed.citation,
        url=parsed.url,
    )


def _write(
    store: Store,
    parsed: ParsedList,
    source: Source,
    fmt: str,
    actor: str,
    report: RegistryReport,
    progress: Progress | None,
) -> None:
    for first in range(0, len(parsed.records), BATCH):
        indices = range(first, min(first + BATCH, len(parsed.records)))
        built = [record_rows(parsed, i, source.id, fmt) for i in indices]
        label = f"{source.id}:{first}-{indices[-1]}"
        with store.writing(
            actor, reason=f"import {fmt} {Path(parsed.path).name}"
        ) as tx:
            new = tx.missing("entity", [b.person_id for b in built])
            fresh = [b for b in built if b.person_id in new]
            tx.write_batch(
                label,
                {
                    "entity": [b.entity for b in fresh],
                    "name": [n for b in fresh for n in b.names],
                    "claim": [c for b in fresh for c in b.claims],
                },
                search=[b.search for b in fresh],
                refs=[b.ref for b in fresh],
            )
        report.persons_created += len(fresh)
        report.persons_present += len(built) - len(fresh)
        report.claims_created += sum(len(b.claims) for b in fresh)
        if progress:
            progress(len(built))


def import_registry(
    store: Store,
    fmt: str,
    paths: Sequence[Path],
    actor: str,
    progress: Progress | None = None,
    on_file: Callable[[Path, int], None] | None = None,
    parser: Parser | None = None,
) -> RegistryReport:
    """Import list files in a registered format; a bad file or record is
    reported with file:line and the rest goes on."""
    report = RegistryReport(fmt)
    began = time.perf_counter()
    for path in paths:
        try:
            parsed = (parser or PARSERS[fmt])(path)
        except InvalidSource as exc:
            report.failed.append(str(exc))
            continue
        report.files += 1
        report.records += len(parsed.records)
        report.skipped += parsed.skipped
        if on_file:
            on_file(path, len(parsed.records))
        if not parsed.records:
            continue
        source = list_source(parsed, fmt)
        with store.writing(actor, reason=f"import {fmt} {path.name}") as tx:
            tx.put_source(source, index_text=False)  # records are indexed one by one
        _write(store, parsed, source, fmt, actor, report, progress)
    report.seconds = time.perf_counter() - began
    return report
