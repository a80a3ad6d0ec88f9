"""docs/cli.md, generated from the commands' own --help.

Regenerate with ``python -m kartoteka.interfaces.cli_reference > docs/cli.md``;
a test fails when the file and the commands disagree.
"""

from __future__ import annotations

import click

from kartoteka.interfaces.cli import cli


def _help(command: click.Command, name: str, parent: click.Context | None) -> str:
    ctx = click.Context(
        command,
        info_name=name,
        parent=parent,
        terminal_width=88,
        **cli.context_settings,
    )
    return command.get_help(ctx)


def reference() -> str:
    root = click.Context(cli, info_name="kartoteka")
    parts = [
        "# Command-line reference",
        "",
        "Generated from `kartoteka --help`; do not edit by hand.",
        "",
        "```",
        _help(cli, "kartoteka", None),
        "```",
    ]
    for name in sorted(cli.list_commands(root)):
        command = cli.get_command(root, name)
        assert command is not None
        parts += [
            "",
            f"## kartoteka {name}",
            "",
            "```",
            _help(command, name, root),
            "```",
        ]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
