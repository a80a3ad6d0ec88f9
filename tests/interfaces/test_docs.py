"""The docs stay honest: every command has help, and the reference is current."""

from __future__ import annotations

from pathlib import Path

import click

from kartoteka.interfaces.cli import cli
from kartoteka.interfaces.cli_reference import reference

DOCS = Path(__file__).parents[2] / "docs"


def test_every_command_has_help_with_an_example():
    root = click.Context(cli, info_name="kartoteka")
    for name in cli.list_commands(root):
        command = cli.get_command(root, name)
        assert command.help and "Example:" in command.help, name


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
