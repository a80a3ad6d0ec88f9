"""The docs stay honest: every command has help, and the reference is current."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from kartoteka.interfaces.cli import cli
from kartoteka.interfaces.cli_reference import reference

DOCS = Path(__file__).parents[2] / "docs"


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    context = click.Context(group, info_name="kartoteka")
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_every_command_has_help_with_an_example():
    for path, command in _commands(cli):
        assert command.help and "Example:" in command.help, path


def test_examples_show_as_written_one_command_a_line():
    runner = CliRunner()
    for path, command in _commands(cli):
        if isinstance(command, click.Group):
            continue
        shown = runner.invoke(cli, [*path, "--help"]).output
        example = shown.split("Example:", 1)[1]
        assert "\\b" not in shown, path  # a marker printed, not obeyed
        assert "\n      kartoteka " in example, (path, example)


def test_the_cli_reference_is_generated_from_the_commands():
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == reference(), (
        "run: python -m kartoteka.interfaces.cli_reference > docs/cli.md"
    )


def test_the_casefile_format_documents_every_field():
    from kartoteka.ingest.casefile import TOP_FIELDS
    from kartoteka.ingest.casefile.claims import CLAIM_FIELDS
    from kartoteka.ingest.casefile.sections import ENTITY_FIELDS, SOURCE_FIELDS

    text = (DOCS / "casefile-format.md").read_text(encoding="utf-8")
    for field in TOP_FIELDS | CLAIM_FIELDS | ENTITY_FIELDS | SOURCE_FIELDS:
        assert f"`{field}`" in text, field


def test_the_vocabulary_is_documented():
    from kartoteka.model.vocabulary import PREDICATES

    text = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
    for name in PREDICATES:
        assert f"`{name}`" in text, name
