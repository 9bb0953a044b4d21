"""The store options every command that touches a store shares, and the store they open.

One definition keeps the flags, their help and their defaults identical
across `load`, `remove`, `export`, `stats` and `serve`. Usage::

    def command(store: StoreOption = None, endpoint: EndpointOption = None, ...):
        with closing(store_from_options(store, endpoint, ...)) as opened: ...
"""

from __future__ import annotations

from typing import Annotated

import typer

from graph.store import Store, StoreError, open_store

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        metavar="PATH",
        help="Embedded store folder (default $PACTGRAPH_STORE or ./pactgraph-data); "
        "':memory:' for a store in memory.",
    ),
]
EndpointOption = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        metavar="URL",
        help="Use a remote store instead: its SPARQL query URL.",
    ),
]
UpdateEndpointOption = Annotated[
    str | None,
    typer.Option(
        "--update-endpoint",
        metavar="URL",
        help="The remote store's SPARQL update URL (default: --endpoint).",
    ),
]
StoreEndpointOption = Annotated[
    str | None,
    typer.Option(
        "--store-endpoint",
        metavar="URL",
        help="The remote store's Graph Store Protocol URL (faster uploads; optional).",
    ),
]
UserOption = Annotated[
    str | None,
    typer.Option("--user", envvar="PACTGRAPH_USER", help="User name for the remote store."),
]
PasswordOption = Annotated[
    str | None,
    typer.Option(
        "--password",
        envvar="PACTGRAPH_PASSWORD",
        help="Password for the remote store (better: set $PACTGRAPH_PASSWORD).",
    ),
]
AuthOption = Annotated[
    str,
    typer.Option(
        "--auth",
        metavar="basic|digest",
        help="HTTP authentication of the remote store (Virtuoso's /sparql-auth uses digest).",
    ),
]


def store_from_options(
    store: str | None = None,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    store_endpoint: str | None = None,
    user: str | None = None,
    password: str | None = None,
    auth: str = "basic",
) -> Store:
    """The store the options name; a usage error (exit 2) when it cannot be opened."""
    if auth not in ("basic", "digest"):
        raise typer.BadParameter("use 'basic' or 'digest'", param_hint="--auth")
    if endpoint is None and (update_endpoint or store_endpoint):
        raise typer.BadParameter("needs --endpoint as well", param_hint="--update-endpoint")
    try:
        return open_store(
            store,
            endpoint,
            update_endpoint,
            store_endpoint,
            user,
            password,
            auth=auth,
        )
    except StoreError as error:
        raise typer.BadParameter(str(error), param_hint="--store") from error
