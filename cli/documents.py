"""CLI commands for documents: extract (no store), load, remove."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer
from rdflib import Dataset, Graph
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
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
from graph.model_graph import MODEL_GRAPH, model_subset
from graph.namespaces import PREFIXES
from graph.pipeline import (
    Outcome,
    ProcessedDocument,
    expand_paths,
    load_paths,
    process_many,
    remove_document,
)
from graph.store.base import StoreError

console = Console(stderr=True)
_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld"}

StorePath = Annotated[
    Path | None,
    typer.Option(
        "--store", help="On-disk store folder (default $PACTGRAPH_STORE or ./pactgraph-data)."
    ),
]


def _dataset(processed: list[ProcessedDocument]) -> Dataset:
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    graphs = [p.graph for p in processed]
    for document, graph in zip(processed, graphs, strict=True):
        named = dataset.graph(document.iri)
        for triple in graph:
            named.add(triple)
    context = dataset.graph(MODEL_GRAPH)
    for triple in model_subset(graphs):
        context.add(triple)
    return dataset


def _write(dataset: Dataset, output: Path) -> None:
    fmt = _FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise typer.BadParameter(
            f"{output.name}: use one of {', '.join(_FORMATS)}", param_hint="-o"
        )
    if fmt in ("turtle", "nt", "json-ld"):
        merged = Graph()
        for prefix, namespace in PREFIXES.items():
            merged.bind(prefix, namespace)
        for quad in dataset.quads():
            merged.add(quad[:3])
        merged.serialize(destination=output, format=fmt)
    else:
        dataset.serialize(destination=output, format=fmt)


def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Documents or folders of documents.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="OUT.ttl, .trig, .nq, .nt or .jsonld")
    ],
) -> None:
    """Extract documents into an RDF file, without a store (for trying and for scoring)."""
    paths = expand_paths(files)
    accepted: list[ProcessedDocument] = []
    refused = 0
    for path, result in process_many(paths):
        if isinstance(result, str):
            console.print(f"[red]refused[/red] {result}")
            refused += 1
        elif not result.report.conforms:
            console.print(f"[red]refused[/red] {path.name}:")
            for violation in result.report.violations:
                console.print(f"  - {violation}")
            refused += 1
        else:
            accepted.append(result)
    _write(_dataset(accepted), output)
    console.print(f"{len(accepted)} document(s) written to {output}, {refused} refused")
    if refused:
        raise typer.Exit(1)


def _summary(outcomes: list[Outcome]) -> Table:
    table = Table(title="pactgraph load")
    for column in ("document", "status", "triples", "warnings", "message"):
        table.add_column(column)
    for outcome in outcomes:
        colour = "red" if outcome.status == "refused" else "green"
        table.add_row(
            outcome.name,
            f"[{colour}]{outcome.status}[/{colour}]",
            str(outcome.triples),
            str(outcome.warnings),
            (outcome.message or "")[:300],
        )
    counts = {
        s: sum(o.status == s for o in outcomes)
        for s in ("loaded", "replaced", "unchanged", "refused")
    }
    table.caption = ", ".join(f"{n} {s}" for s, n in counts.items()) + (
        f"; {sum(o.triples for o in outcomes if o.status in ('loaded', 'replaced'))} triples added"
    )
    return table


def load_command(
    paths: Annotated[list[Path], typer.Argument(help="Documents or folders of documents.")],
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    update_endpoint: UpdateEndpointOption = None,
    store_endpoint: StoreEndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    auth: AuthOption = "basic",
) -> None:
    """Load documents into the store: each is validated and stored whole, or refused whole."""
    files = expand_paths(paths)
    target = store_from_options(
        store, endpoint, update_endpoint, store_endpoint, user, password, auth
    )
    with (
        closing(target),
        Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console
        ) as progress,
    ):
        task = progress.add_task("extracting and loading", total=len(files))
        outcomes: list[Outcome] = []

        def done(outcome: Outcome) -> None:
            outcomes.append(outcome)
            progress.advance(task)

        try:
            load_paths(target, files, on_outcome=done)
        except StoreError as error:
            failed = error
        else:
            failed = None
    console.print(_summary(outcomes))
    if failed is not None:
        console.print(
            f"[red]pactgraph load: the store failed after {len(outcomes)} of {len(files)} "
            f"document(s):[/red] {failed}\nThe documents listed as loaded, replaced or unchanged "
            "are stored whole; each other one is stored whole or not at all. Run the same "
            "load again to finish."
        )
        raise typer.Exit(1)
    if any(o.status == "refused" for o in outcomes):
        raise typer.Exit(1)


def remove_command(
    keys: Annotated[list[str], typer.Argument(help="Document keys (or file names) to remove.")],
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    update_endpoint: UpdateEndpointOption = None,
    store_endpoint: StoreEndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    auth: AuthOption = "basic",
) -> None:
    """Remove documents' named graphs from the store."""
    missing = 0
    target = store_from_options(
        store, endpoint, update_endpoint, store_endpoint, user, password, auth
    )
    with closing(target):
        for key in keys:
            removed = remove_document(target, document_key(key))
            console.print(f"{'removed' if removed else '[yellow]not found[/yellow]'} {key}")
            missing += not removed
    if missing:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("extract")(extract_command)
    app.command("load")(load_command)
    app.command("remove")(remove_command)
