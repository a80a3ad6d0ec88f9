"""`kartoteka names`: how the matcher reads, romanizes and compares names."""

from __future__ import annotations

import json

import click
from rich.table import Table

from kartoteka.interfaces.cli import cli, console
from kartoteka.names import compare, name_keys, parse_name, romanize
from kartoteka.names.phonetic import is_cyrillic


@cli.group()
def names() -> None:
    """Compare names across scripts and spellings; show their matching keys.

    Example:

    \b
        kartoteka names compare Тухачевского Tuchatschewski
    """


@names.command("compare")
@click.argument("a")
@click.argument("b")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def compare_command(a: str, b: str, as_json: bool) -> None:
    """Whether two names can be one person's: a score from 0 to 1, a verdict
    and the reasons. Either script, any order of the parts.

    Example:

    \b
        kartoteka names compare "Тухачевский Михаил" "M. N. Tukhachevsky" --json
    """
    result = compare(a, b)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    verdict = "[green]match[/]" if result.match else "[red]no match[/]"
    console.print(f"{verdict}  score {result.score:.3f}")
    for line in result.explanation:
        console.print(f"  {line}", markup=False)


@names.command("key")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the keys as JSON.")
def key_command(name: str, as_json: bool) -> None:
    """The readings of a name (surname, given name, patronymic), its
    romanizations and the keys it is matched and blocked by.

    Example:

    \b
        kartoteka names key "Тухачевского Михаила Николаевича"
    """
    parsed = parse_name(name)
    readings = [p.describe() for p in parsed]
    keys = name_keys(name).as_dict()
    # The nominative, as the first reading has it: Тухачевского → Tukhachevskiy.
    first = parsed[0]
    nominative = " ".join(
        w.title() for w in (first.surname, first.given, first.patronymic) if w
    )
    latin = romanize(nominative) if is_cyrillic(name) else {}
    if as_json:
        out = {"readings": readings, "keys": keys, "romanizations": latin}
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    for i, reading in enumerate(readings, start=1):
        parts = ", ".join(f"{k}: {v}" for k, v in reading.items() if v)
        console.print(f"reading {i}: {parts}", markup=False)
    table = Table("key", "values")
    for label, values in keys.items():
        table.add_row(label, " ".join(values))
    console.print(table)
    if latin:
        schemes = Table("scheme", "romanization")
        for scheme, text in latin.items():
            schemes.add_row(scheme, text)
        console.print(schemes)
