"""A Rich progress bar for long imports: records done, records per second."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from kartoteka.ingest.importers import ImportOptions


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} records/s" if speed else "", style="cyan")


@contextmanager
def import_progress(console: Console) -> Iterator[ImportOptions]:
    """Advance a bar as records are written; each file adds its records."""
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("importing", total=0)

        def on_file(path: Path, records: int) -> None:
            bar.update(
                task, description=path.name, total=(bar.tasks[0].total or 0) + records
            )

        yield ImportOptions(advance=lambda n: bar.advance(task, n), on_file=on_file)


@contextmanager
def steps(console: Console, total: int = 4) -> Iterator[Callable[[str], None]]:
    """A bar over the steps of a long job; each call names the next step."""
    with Progress(
        TextColumn("[bold]{task.description:<40}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("starting", total=total)
        started = [False]

        def step(label: str) -> None:
            if started[0]:
                bar.advance(task)
            started[0] = True
            bar.update(task, description=label)

        yield step
        bar.update(task, completed=total, description="done")
