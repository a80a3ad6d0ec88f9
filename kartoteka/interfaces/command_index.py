"""Which module holds each command, so that a command loads only its own.

Importing every command's module (linking, the web app, reports) took over a
second before any command ran; a group here imports a command's module the
first time the command is asked for, and lists every command for --help.
"""

from __future__ import annotations

import importlib
from typing import ClassVar

import click

# Command name → the module (in kartoteka.interfaces) whose import registers it.
COMMANDS = {
    "claim": "cli_claims",
    "compact": "cli_export",
    "conflicts": "cli_conflicts",
    "copy": "cli_export",
    "corroboration": "cli_corroboration",
    "custody": "cli_custody",
    "entities": "cli_browse",
    "estimates": "cli_estimates",
    "explain": "cli_conflicts",
    "export": "cli_export",
    "extract": "cli_extract",
    "grade": "cli_corroboration",
    "grades": "cli_corroboration",
    "hypotheses": "cli_hypotheses",
    "link": "cli_links",
    "links": "cli_merges",
    "names": "cli_names",
    "network": "cli_network",
    "question": "cli_hypotheses",
    "rate": "cli_hypotheses",
    "rehabilitation": "cli_rehabilitation",
    "search": "cli_browse",
    "serve": "cli_web",
    "settings": "cli_browse",
    "sources": "cli_browse",
    "stats": "cli_browse",
    "timeline": "cli_network",
    "unmerge": "cli_links",
    "users": "cli_web",
}
REVIEW_COMMANDS = {"candidates": "cli_candidates", "links": "cli_links"}


class LazyGroup(click.Group):
    """A group whose commands beyond its own module are imported when asked for."""

    lazy: ClassVar[dict[str, str]] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy:
            importlib.import_module(f"kartoteka.interfaces.{self.lazy[name]}")
        return super().get_command(ctx, name)
