"""SPARQL 1.1 Graph Store HTTP Protocol at /store: ``?graph=IRI`` or ``?default``.

GET/HEAD read a graph in the negotiated RDF syntax, PUT replaces it (one
transaction), POST adds to it, DELETE drops it. Writes need the token.
The default graph is read as the triples that are in no named graph (the
store's query view is the union of all graphs).
"""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from rdflib import URIRef
from starlette.concurrency import run_in_threadpool

from api import openapi_docs, rdf_io
from api.deps import Services, ServicesDep, WriteAccess
from api.errors import ApiError
from api.sparql import endpoint_iri
from graph.store.base import Store
from graph.store.embedded import EmbeddedStore
from graph.store.media import N_TRIPLES, choose_media_type

router = APIRouter(tags=["Graph Store"])

_DEFAULT_GRAPH = (
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
)


class Target:
    """The graph a /store request is about: a named graph, or the default graph (name None)."""

    def __init__(
        self,
        graph: Annotated[str | None, Query(description="IRI of a named graph")] = None,
        default: Annotated[
            str | None, Query(description="present (empty) to address the default graph")
        ] = None,
    ) -> None:
        if (graph is None) == (default is None):
            raise ApiError(
                400,
                "no-target",
                "name exactly one graph: ?graph=<IRI> for a named graph or ?default",
            )
        self.name: URIRef | None = None
        if graph is not None:
            try:
                self.name = URIRef(ox.NamedNode(graph).value)
            except ValueError as error:
                raise ApiError(
                    400, "bad-graph-iri", f"graph {graph!r} is not an absolute IRI: {error}"
                ) from None

    def __str__(self) -> str:
        return f"<{self.name}>" if self.name is not None else "the default graph"


TargetDep = Annotated[Target, Depends()]


def _exists(store: Store, name: URIRef | None) -> bool:
    return name is None or name in set(store.graph_names())


def _read(store: Store, name: URIRef | None, media_type: str) -> bytes:
    if name is None:
        result = store.query(_DEFAULT_GRAPH, media_type=N_TRIPLES).payload
        return rdf_io.write(
            (q.triple for q in ox.parse(result, format=ox.RdfFormat.N_TRIPLES)), media_type
        )
    if isinstance(store, EmbeddedStore):
        return store.dump(media_type, name)
    return rdf_io.write(rdf_io.from_rdflib(store.get_graph(name)), media_type)


def _get(services: Services, target: Target, accept: str | None) -> Response:
    media_type = choose_media_type("graph", accept)
    if not _exists(services.store, target.name):
        raise ApiError(404, "no-such-graph", f"the store holds no graph {target}")
    payload = _read(services.store, target.name, media_type)
    return Response(payload, media_type=media_type, headers={"Vary": "Accept"})


_READ_RESPONSES = {
    200: openapi_docs.rdf_document("The graph's triples", openapi_docs.RESULT_MEDIA[4:]),
    **openapi_docs.errors(400, 404, 406),
}


@router.get("/store", summary="Read a graph", responses=_READ_RESPONSES)
async def get_graph(request: Request, services: ServicesDep, target: TargetDep) -> Response:
    return await run_in_threadpool(_get, services, target, request.headers.get("accept"))


@router.head("/store", summary="Headers of a graph read", responses=_READ_RESPONSES)
async def head_graph(request: Request, services: ServicesDep, target: TargetDep) -> Response:
    full = await run_in_threadpool(_get, services, target, request.headers.get("accept"))
    return Response(status_code=full.status_code, headers=dict(full.headers))


def _write(services: Services, target: Target, triples: list[ox.Triple], replace: bool) -> int:
    """Replace or extend the target graph; 201 when it is new, else 204."""
    store = services.store
    created = not _exists(store, target.name)
    if target.name is not None and replace:
        store.replace_graph(target.name, rdf_io.to_rdflib(triples))
    else:
        body = rdf_io.ntriples(triples)
        data = f"GRAPH <{target.name}> {{ {body} }}" if target.name is not None else body
        clear = "DROP SILENT DEFAULT ;\n" if replace else ""
        store.update(f"{clear}INSERT DATA {{ {data} }}")
    return 201 if created and triples else 204


async def _upload(request: Request, services: Services, target: Target, replace: bool) -> Response:
    base = str(target.name) if target.name is not None else endpoint_iri(request, "store")
    data = await request.body()
    triples = rdf_io.parse_upload(data, request.headers.get("content-type"), base)
    status = await run_in_threadpool(_write, services, target, triples, replace)
    return Response(status_code=status)


_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": openapi_docs.content(rdf_io.UPLOAD_MEDIA),
    }
}
_WRITE_RESPONSES = {
    201: {"description": "The graph did not exist and was created"},
    204: {"description": "The graph was replaced or extended"},
    **openapi_docs.errors(400, 401, 403, 413, 415),
}


@router.put(
    "/store",
    summary="Replace a graph with the body (one transaction)",
    status_code=204,
    responses=_WRITE_RESPONSES,
    dependencies=[WriteAccess],
    openapi_extra=_BODY_DOC,
)
async def put_graph(request: Request, services: ServicesDep, target: TargetDep) -> Response:
    return await _upload(request, services, target, replace=True)


@router.post(
    "/store",
    summary="Add the body's triples to a graph",
    status_code=204,
    responses=_WRITE_RESPONSES,
    dependencies=[WriteAccess],
    openapi_extra=_BODY_DOC,
)
async def post_graph(request: Request, services: ServicesDep, target: TargetDep) -> Response:
    return await _upload(request, services, target, replace=False)


def _delete(services: Services, target: Target) -> None:
    if target.name is None:
        services.store.update("CLEAR SILENT DEFAULT")
        return
    if not services.store.remove_graph(target.name):
        raise ApiError(404, "no-such-graph", f"the store holds no graph {target}")


@router.delete(
    "/store",
    summary="Drop a graph",
    status_code=204,
    responses={
        204: {"description": "The graph was dropped"},
        **openapi_docs.errors(400, 401, 403, 404),
    },
    dependencies=[WriteAccess],
)
async def delete_graph(services: ServicesDep, target: TargetDep) -> Response:
    await run_in_threadpool(_delete, services, target)
    return Response(status_code=204)
