"""The `pactgraph` command: a thin shell over the same functions the API calls.

Each command group lives in its own module and registers itself on ``app``.
"""

from __future__ import annotations

import typer

from cli import documents, ontology, query, serve, store

app = typer.Typer(
    name="pactgraph",
    help="Build, validate, store and serve the pactgraph knowledge graph.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)

for group in (ontology, documents, store, serve, query):
    group.register(app)
