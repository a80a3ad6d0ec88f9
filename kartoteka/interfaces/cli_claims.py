"""`kartoteka claim add`: one claim by hand, its quote found in the source."""

from __future__ import annotations

import click
from rich.markup import escape

from kartoteka.analysis.lookup import find_entity
from kartoteka.ingest.claim_entry import ClaimEntry, add_claim, qualifier_pairs
from kartoteka.interfaces.cli import _actor, _store, cli, console
from kartoteka.model.vocabulary import Certainty, Stance


@cli.group()
def claim() -> None:
    """Enter claims by hand, without a casefile.

    Example:

    \b
        kartoteka claim add roberts-1964 --quote "were executed after a secret trial" \\
            --subject Tukhachevsky --predicate executed --date 1937-06-12
    """


@claim.command("add")
@click.argument("source")
@click.option(
    "--quote",
    required=True,
    help="The source's words (stress marks, quotes and line breaks may differ).",
)
@click.option("--subject", required=True, help="Who or what: an id or any name.")
@click.option(
    "--predicate", required=True, help="From the vocabulary (docs/vocabulary.md)."
)
@click.option("--date", help="When, as EDTF: 1937-06-12, 1961-10, 1956?")
@click.option("--date-text", help="The source's words for the date, as in the quote.")
@click.option("--object", "object_", help="An entity: an id or any name.")
@click.option("--qualifier", "qualifiers", multiple=True, help="key=value; repeat.")
@click.option(
    "--stance",
    type=click.Choice([s.value for s in Stance]),
    default="affirms",
    show_default=True,
)
@click.option(
    "--certainty",
    type=click.Choice([c.value for c in Certainty]),
    default="certain",
    show_default=True,
)
@click.option(
    "--occurrence",
    type=int,
    default=1,
    show_default=True,
    help="Which occurrence of the quote.",
)
@click.pass_context
def claim_add(
    ctx: click.Context,
    source: str,
    subject: str,
    object_: str | None,
    qualifiers: tuple[str, ...],
    **given: str,
) -> None:
    """Add one claim of SOURCE: the quote is found in its stored text and kept
    verbatim; the claim is accepted by you, as a revision.

    Example:

    \b
        kartoteka claim add roberts-1964 --quote "were executed after a secret trial" \\
            --subject Tukhachevsky --predicate executed --date 1937-06-12
    """
    store = _store(ctx)
    entry = ClaimEntry(
        source=source,
        subject=find_entity(store, subject).id,
        object=find_entity(store, object_).id if object_ else None,
        qualifiers=qualifier_pairs(qualifiers),
        **given,  # type: ignore[arg-type]
    )
    made, change = add_claim(store, entry, _actor(ctx))
    console.print(
        escape(f"{change}: claim {made.id} — {made.predicate}, “{made.passage.text}”"),
        highlight=False,
        soft_wrap=True,
    )
