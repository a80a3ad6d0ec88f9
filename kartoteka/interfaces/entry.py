"""The ``kartoteka`` command's entry point.

The command's script is loaded again by every process an import starts to
parse its files (Python's ``spawn`` runs the parent's main script first);
the command line itself is imported only when the command runs, so that a
parsing process does not load it too (over a second each, at every import).
"""

from __future__ import annotations

from typing import Any


def main() -> Any:
    from kartoteka.interfaces.cli import main as command

    return command()
