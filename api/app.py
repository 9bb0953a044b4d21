"""The app factory: one FastAPI app per store, its routers and its limits.

``create_app(settings, store)`` serves ``store`` (or opens the one the
settings name, and closes it on shutdown). The routers are thin: each
concern has its module, and all of them get the store, the query runner and
the settings through ``api.deps``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from api import (
    documents,
    errors,
    graph_store,
    health,
    ontology,
    pacts,
    queries,
    resources,
    sparql,
    tracking,
    web,
)
from api.body_limit import BodyLimit
from api.deps import Services
from api.execution import Answer, QueryRunner, RetireAfterWrites
from api.response_cache import ResponseCache
from api.result_cache import ResultCache
from api.settings import Settings
from graph import __version__
from graph.catalog import load_catalog
from graph.model_graph import ensure_model
from graph.store import open_store
from graph.store.base import Store, StoreError
from graph.store.embedded import EmbeddedStore

log = logging.getLogger("pactgraph.api")

DESCRIPTION = """\
A knowledge graph of who committed to what against which crime, built from
documents about security cooperation between states.

* **SPARQL 1.1 Protocol** at `/sparql` (queries) and `/update` (updates), the
  **Graph Store HTTP Protocol** at `/store`.
* **Named queries** at `/queries`, **resources** (nations, agencies,
  agreements, commitments, crime categories, documents) as JSON or JSON-LD.
* Read-only unless started with `--allow-writes` and a token; every write
  needs `Authorization: Bearer <token>`. Queries run with a time and row limit,
  and never reach outside the store.
"""


def _load_model(store: Store) -> None:
    """The model the resources and named queries join with; a store that refuses is logged."""
    try:
        if ensure_model(store):
            log.info("wrote the current model into %r", store)
    except StoreError as error:
        log.warning("could not write the model into %r: %s", store, error)


def _open(settings: Settings) -> Store:
    """The store the settings name; the API's guard does the reach checks (see api.guard)."""
    return open_store(
        settings.store,
        settings.endpoint,
        settings.update_endpoint,
        settings.store_endpoint,
        allow_external=True,
        memory_copy=settings.memory_copy,
    )


def _result_cache(settings: Settings, store: Store) -> ResultCache[Answer] | None:
    """A cache of answers for a store only this server writes: the embedded one."""
    if settings.result_cache_mb <= 0 or not isinstance(store, EmbeddedStore):
        return None
    return ResultCache(int(settings.result_cache_mb * 1024 * 1024))


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The pactgraph web API over ``store`` (opened from ``settings`` when None).

    ``api.guard`` checks every request's reach, so the store the settings name
    is opened with ``allow_external=True``; a store passed in with its own
    checks on (the default) adds them: FROM/USING then only name graphs it holds.
    """
    owned = store is None
    served = _open(settings) if store is None else store
    runner = QueryRunner(
        served,
        timeout=settings.timeout,
        max_rows=settings.max_rows,
        workers=settings.query_workers,
        cache=_result_cache(settings, served),
    )

    catalog = load_catalog(settings.queries_dir)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.load_model:
            await run_in_threadpool(_load_model, served)
        yield
        runner.close()
        app.state.services.close_extras()
        if owned:
            served.close()

    app = FastAPI(
        title="pactgraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.services = Services(settings=settings, store=served, runner=runner)
    errors.install(app)
    for router in (
        sparql.router,
        graph_store.router,
        queries.build_router(catalog),
        resources.router,
        pacts.router,
        tracking.router,
        documents.router,
        ontology.router,
        health.router,
    ):
        app.include_router(router)
    web.install(app, catalog)
    if runner.cache is not None:
        app.state.response_cache = ResultCache(runner.cache.max_bytes)
        app.add_middleware(ResponseCache, runner=runner, cache=app.state.response_cache)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes, timeout=settings.body_timeout)
    app.add_middleware(RetireAfterWrites, runner=runner)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            expose_headers=["Link", sparql.TRUNCATED_HEADER],
        )
    return app
