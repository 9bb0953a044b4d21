"""CLI command: serve (the web API over the embedded store or a remote SPARQL server)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from api.settings import TOKEN_ENV, Settings
from graph.catalog import CatalogError
from graph.store.base import StoreError


def _settings(**options: object) -> Settings:
    try:
        return Settings(**options)
    except ValidationError as error:
        messages = "; ".join(e["msg"].removeprefix("Value error, ") for e in error.errors())
        raise typer.BadParameter(messages) from None


def interface_url(host: str, port: int) -> str:
    """The address a browser opens: the overview page of the served interface."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Embedded store folder (default $PACTGRAPH_STORE or ./pactgraph-data); "
            "':memory:' for a store in memory.",
        ),
    ] = None,
    endpoint: Annotated[
        str | None, typer.Option(help="Serve a remote store: its SPARQL query URL.")
    ] = None,
    update_endpoint: Annotated[
        str | None, typer.Option(help="The remote store's update URL (default: --endpoint).")
    ] = None,
    store_endpoint: Annotated[
        str | None, typer.Option(help="The remote store's Graph Store Protocol URL.")
    ] = None,
    allow_writes: Annotated[
        bool, typer.Option(help="Accept /update, /store writes and uploads (needs a token).")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(envvar=TOKEN_ENV, help="Bearer token every write must carry."),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run.")] = 30.0,
    max_rows: Annotated[int, typer.Option(help="Most rows (or triples) a query returns.")] = 10_000,
    workers: Annotated[int, typer.Option(help="Queries that may run at once.")] = 4,
    result_cache_mb: Annotated[
        float,
        typer.Option(
            help="Memory (MB) for answers of repeated queries, kept until the next write "
            "(embedded store only); 0 keeps none."
        ),
    ] = 64.0,
    memory_copy: Annotated[
        bool,
        typer.Option(
            help="Answer queries from a copy of the embedded store held in memory, written "
            "after the disk on every write: 2-10x faster queries at a million triples, "
            "for some 350 MB of memory per million triples."
        ),
    ] = True,
    max_upload: Annotated[int, typer.Option(help="Largest request body in bytes.")] = 20_000_000,
    body_timeout: Annotated[
        float, typer.Option(help="Seconds a request body may take to arrive in full.")
    ] = 30.0,
    document_timeout: Annotated[
        float, typer.Option(help="Seconds the extraction of one uploaded document may take.")
    ] = 120.0,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(help="Origin allowed by CORS (repeatable; none by default)."),
    ] = None,
    queries: Annotated[
        Path | None, typer.Option(help="Folder of named .rq queries (default: the packaged ones).")
    ] = None,
    load_model: Annotated[
        bool, typer.Option(help="Write the current ontology and gazetteers into the store first.")
    ] = True,
    access_log: Annotated[
        bool,
        typer.Option(
            help="Log a line for every request (some 0.3 ms each, a sixth of a light query)."
        ),
    ] = True,
) -> None:
    """Serve the SPARQL endpoint, the Graph Store, named queries and resources over HTTP."""
    import uvicorn

    from api.app import create_app

    settings = _settings(
        store=str(store) if store is not None else None,
        endpoint=endpoint,
        update_endpoint=update_endpoint,
        store_endpoint=store_endpoint,
        allow_writes=allow_writes,
        token=token,
        timeout=timeout,
        max_rows=max_rows,
        query_workers=workers,
        result_cache_mb=result_cache_mb,
        memory_copy=memory_copy,
        max_upload_bytes=max_upload,
        body_timeout=body_timeout,
        document_timeout=document_timeout,
        cors_origins=cors_origin or [],
        queries_dir=queries,
        load_model=load_model,
    )
    try:
        app = create_app(settings)
    except (StoreError, CatalogError) as error:
        typer.echo(f"pactgraph serve: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"pactgraph: the web interface is at {interface_url(host, port)}")
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=access_log)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("serve")(serve)
