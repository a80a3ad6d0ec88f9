"""`kartoteka network` and `kartoteka timeline`: who was within reach of a
person or an address, and a life drawn with its uncertain dates as ranges."""

from __future__ import annotations

from pathlib import Path

import click

from kartoteka.analysis.network import address_network, network
from kartoteka.interfaces.cli import _store, cli, console, output_option
from kartoteka.interfaces.cli_report import drawing_options, emit, write_drawings
from kartoteka.interfaces.network_view import network_file, network_report


@cli.command("network")
@click.argument("who", required=False)
@click.option(
    "--address", help="Start from everyone at an address holding these words."
)
@click.option("--hops", type=click.IntRange(1, 6), default=2, show_default=True)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(["table", "md", "html", "json", "gexf", "graphml"]),
    help="Tables, or the graph as GEXF or GraphML for Gephi or Cytoscape.",
)
@output_option
@click.pass_context
def network_command(
    ctx: click.Context,
    who: str | None,
    address: str | None,
    hops: int,
    fmt: str,
    output: Path | None,
) -> None:
    """Everyone and everything within HOPS associations of a person (or an
    entity, or an address): relations the claims state, the agents an event
    names (executed by, kidnapped by), the organizations, the people at one
    address. Each association keeps the claim and words that make it.

    Example:

    \b
        kartoteka network Tukhachevsky --hops 2
        kartoteka network --address "Авиамоторная ул., д.4" --format gexf -o house.gexf
    """
    if bool(who) == bool(address):
        raise click.UsageError("give a person (WHO) or --address, one of them")
    store = _store(ctx)
    net = network(store, who, hops) if who else address_network(store, address, hops)
    if fmt in ("gexf", "graphml"):
        data = network_file(net, fmt)
        if output:
            output.write_bytes(data)
            console.print(
                f"{len(net.graph)} nodes written to {output}", highlight=False
            )
        else:
            click.echo(data.decode("utf-8"), nl=False)
        return
    plain = {
        "start": net.start,
        "hops": net.hops,
        "truncated": net.truncated,
        "nodes": [{"id": n, **d} for n, d in net.graph.nodes(data=True)],
        "edges": [{"a": a, "b": b, **d} for a, b, d in net.graph.edges(data=True)],
    }
    emit(fmt, network_report(net), plain)


@cli.command("timeline")
@click.argument("who")
@drawing_options
@click.pass_context
def timeline_command(
    ctx: click.Context, who: str, svg: Path | None, png: Path | None
) -> None:
    """Draw a case's dated events on a time axis, each claim's date as the
    range it can mean ("1937" a whole year, "1940-08~" wider and paler),
    disputed events in red, each bar with its source.

    Example:

    \b
        kartoteka timeline Tukhachevsky --svg tukhachevsky.svg
        kartoteka timeline Krivitsky --png krivitsky.png
    """
    from kartoteka.analysis.cases import build_case
    from kartoteka.interfaces.timeline_diagram import timeline_drawing

    if not (svg or png):
        raise click.UsageError("give --svg FILE or --png FILE (or both)")
    case = build_case(_store(ctx), who)
    write_drawings({"svg": svg, "png": png}, lambda f: timeline_drawing(case, f))
    events = sum(1 for e in case.events if e.date)
    console.print(f"{case.person.name}: {events} dated events drawn", highlight=False)
