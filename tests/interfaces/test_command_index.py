"""Each command loads only its own module; the index names every command."""

from __future__ import annotations

import click

from kartoteka.interfaces import case_document, cli, command_index
from tests.fresh_python import loaded_after, printed


def _registered(group: click.Group) -> dict[str, str]:
    """What the group holds once every module is imported: name → module."""
    context = click.Context(group)
    for name in group.list_commands(context):
        group.get_command(context, name)  # imports the module that registers it
    return {
        name: command.callback.__module__.rsplit(".", 1)[1]
        for name, command in group.commands.items()
        if command.callback
    }


def test_the_index_names_the_module_of_every_command_outside_the_cli():
    for group, index in (
        (cli.cli, command_index.COMMANDS),
        (cli.review, command_index.REVIEW_COMMANDS),
    ):
        registered = _registered(group)
        elsewhere = {n: m for n, m in registered.items() if m != "cli"}
        assert elsewhere == index
        # and what the CLI defines itself is not indexed to another module
        assert not {n for n, m in registered.items() if m == "cli"} & set(index)


def test_a_command_is_found_before_its_module_was_imported():
    script = (
        "import sys\n"
        "import click\n"
        "from kartoteka.interfaces.cli import cli, review\n"
        "before = 'kartoteka.interfaces.cli_links' in sys.modules\n"
        "ctx = click.Context(cli)\n"
        "names = cli.list_commands(ctx)\n"
        "link = cli.get_command(ctx, 'link')\n"
        "queue = review.get_command(click.Context(review), 'links')\n"
        "print(before, 'link' in names, link.name, queue.name)\n"
    )
    assert printed(script).split() == ["False", "True", "link", "links"]


def test_importing_a_list_loads_neither_linking_nor_the_web_app_nor_cases():
    script = (
        "from click.testing import CliRunner\n"
        "from kartoteka.interfaces.cli import cli\n"
        "CliRunner().invoke(cli, ['import', '--help'], catch_exceptions=False)\n"
    )
    heavy = ("splink", "fastapi", "jinja2", "networkx", "kartoteka.analysis.cases",
             "kartoteka.interfaces.cli_export")  # fmt: skip
    assert loaded_after(script, heavy) == []


def test_the_case_formats_offered_are_the_ones_written():
    assert cli.CASE_FORMATS == case_document.FORMATS
