"""The one exception tree of kartoteka.

::

    KartotekaError                 anything kartoteka knows how to explain
    ├── ConfigError                a setting, path or option is wrong
    ├── InvalidSource              a source file cannot be read or is empty
    ├── RecordError                one or more records of an input are wrong
    │   └── CasefileError          a curated casefile has problems (file:line each)
    ├── StorageError               the store cannot be opened or is inconsistent
    │   └── NotFound               no such person, source or claim
    ├── VocabularyError            unknown predicate, stance, status or kind
    ├── DateError                  a date is not valid EDTF
    └── MissingDependency          an optional extra is not installed

Messages say what went wrong, where, and what to do next. Validation collects
every problem before raising, so one run shows all of them.
"""

from __future__ import annotations

from dataclasses import dataclass


class KartotekaError(Exception):
    """Base of every error the command line turns into a clean message."""


class ConfigError(KartotekaError):
    """A setting, path or option is wrong."""


class InvalidSource(KartotekaError):
    """A source file is missing, unreadable, empty or of an unknown type."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input, with where it is."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class RecordError(KartotekaError):
    """One or more records of an input are wrong; all problems are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class CasefileError(RecordError):
    """A curated casefile has problems; each names its file and line."""


class StorageError(KartotekaError):
    """The store cannot be opened, migrated or is inconsistent."""


class NotFound(StorageError):
    """No person, source or claim matches what was asked for."""


class VocabularyError(KartotekaError):
    """An unknown predicate, stance, status, certainty or kind."""


class DateError(KartotekaError):
    """A date is not valid EDTF."""


class MissingDependency(KartotekaError):
    """An optional part is needed but its extra is not installed."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this needs the Python package {package!r}, which is not installed; "
            f"run: pip install 'kartoteka[{extra}]'"
        )
