"""CLI commands over a whole store: `pactgraph export` and `pactgraph stats`."""

from __future__ import annotations

import json
import sys
from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer
from rdflib import URIRef
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cli.options import (
    AuthOption,
    EndpointOption,
    PasswordOption,
    StoreEndpointOption,
    StoreOption,
    UpdateEndpointOption,
    UserOption,
    store_from_options,
)
from graph.documents.intake import document_key
from graph.namespaces import document_iri
from graph.store import EXPORT_FORMATS, StoreError, dataset_dump
from graph.store.stats import StoreStats, store_stats


def _document(key: str) -> URIRef:
    """The graph of a document given by key ('un-pact-2024'), file name or full IRI."""
    if key.startswith(("http://", "https://")):
        return URIRef(key)
    return document_iri(document_key(key))


def export_command(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(EXPORT_FORMATS),
            help="trig and nq keep one named graph per document; ttl, nt and jsonld merge "
            "them (or hold the one --document); csv lists graph,subject,predicate,object.",
        ),
    ] = "trig",
    document: Annotated[
        str | None,
        typer.Option(
            "--document",
            "-d",
            metavar="KEY",
            help="Export one document's graph: its key, file name or IRI.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout."),
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    update_endpoint: UpdateEndpointOption = None,
    store_endpoint: StoreEndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    auth: AuthOption = "basic",
) -> None:
    """Export the store (or one document) as RDF or CSV."""
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    opened = store_from_options(
        store, endpoint, update_endpoint, store_endpoint, user, password, auth
    )
    with closing(opened):
        name = _document(document) if document else None
        if name is not None and name not in opened.graph_names():
            typer.echo(f"No document graph {name} in the store.", err=True)
            raise typer.Exit(code=1)
        try:
            data = dataset_dump(opened, name, fmt)
        except StoreError as error:
            typer.echo(f"Export failed: {error}", err=True)
            raise typer.Exit(code=1) from error
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)
        typer.echo(f"Wrote {len(data)} bytes to {output}", err=True)


def print_stats(stats: StoreStats, console: Console) -> None:
    """Two rich tables: the totals, then commitments per crime category."""
    totals = Table(title="Store", show_header=False)
    totals.add_column("what")
    totals.add_column("count", justify="right")
    for label, value in [
        ("documents", stats.documents),
        ("named graphs", stats.graphs),
        ("triples", stats.triples),
        ("agreements", stats.agreements),
        ("commitments", stats.commitments),
    ]:
        totals.add_row(label, f"{value:,}")
    console.print(totals)
    if not stats.by_crime:
        console.print("No commitment addresses a crime category yet.")
        return
    crimes = Table(title="Commitments per crime category")
    crimes.add_column("category")
    crimes.add_column("IRI", style="dim")
    crimes.add_column("commitments", justify="right")
    for row in stats.by_crime:
        crimes.add_row(escape(row.label), escape(row.crime), f"{row.commitments:,}")
    console.print(crimes)


def stats_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as JSON.")] = False,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    update_endpoint: UpdateEndpointOption = None,
    store_endpoint: StoreEndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    auth: AuthOption = "basic",
) -> None:
    """Count documents, triples, agreements, commitments and commitments per crime category."""
    opened = store_from_options(
        store, endpoint, update_endpoint, store_endpoint, user, password, auth
    )
    with closing(opened):
        try:
            stats = store_stats(opened)
        except StoreError as error:
            typer.echo(f"Could not read the store: {error}", err=True)
            raise typer.Exit(code=1) from error
    if as_json:
        typer.echo(json.dumps(stats.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_stats(stats, Console())


def register(app: typer.Typer) -> None:
    """Add `export` and `stats` to ``app``."""
    app.command("export")(export_command)
    app.command("stats")(stats_command)
