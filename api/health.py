"""Liveness and version: cheap answers that never wait on a running query."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter

from api.deps import ServicesDep
from api.models import Health, Version
from graph import __version__
from graph.namespaces import PG

router = APIRouter(tags=["Service"])

API_VERSION = "1"


@router.get("/health", response_model=Health, summary="Whether the server and its store answer")
async def health(services: ServicesDep) -> Health:
    """Never queued behind queries: the store check runs on the loop's own small executor,
    not the request thread pool, and a store that does not answer in 5 s is reported."""
    try:
        await asyncio.wait_for(asyncio.to_thread(services.store.graph_names), 5)
        status = "ok"
    except (TimeoutError, Exception):
        status = "store-unavailable"
    return Health(
        status=status, store=repr(services.store), writable=services.settings.allow_writes
    )


@router.get("/version", response_model=Version, summary="Versions of pactgraph and of this API")
async def version() -> Version:
    return Version(name="pactgraph", version=__version__, ontology=str(PG), api=API_VERSION)
