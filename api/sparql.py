"""SPARQL 1.1 Protocol: queries at /sparql, updates at /update.

A query is checked (nothing outside the store), given the protocol's
dataset, negotiated (406 before any work when no format fits), then run by
the QueryRunner under its time and row limits. GET /sparql without a query
returns the service description.
"""

from __future__ import annotations

from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api import guard, openapi_docs
from api.deps import Services, ServicesDep, WriteAccess
from api.errors import ApiError, from_store_error
from api.limits import check_sparql_text
from api.protocol import FORM, SPARQL_QUERY, SPARQL_UPDATE, ProtocolRequest, read_query, read_update
from api.service_description import RDFLIB_FORMATS, describe
from api.sparql_text import UPDATE_WORDS, shape, update_names_dataset, with_dataset, with_using
from graph.store.base import QuerySyntaxError, StoreError
from graph.store.media import choose_media_type

router = APIRouter(tags=["SPARQL"])

_KINDS = {"SELECT": "bindings", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}
TRUNCATED_HEADER = "Pactgraph-Truncated"

_DATASET_DOC = "IRI of a graph of this store (repeatable); graph names are never fetched"
_QUERY_FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "query": {"type": "string"},
        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["query"],
}
_UPDATE_FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "update": {"type": "string"},
        "using-graph-uri": {"type": "array", "items": {"type": "string"}},
        "using-named-graph-uri": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["update"],
}


def _body_doc(form_schema: dict[str, Any], direct: str) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                FORM: {"schema": form_schema},
                direct: {"schema": {"type": "string"}},
            },
        }
    }


def endpoint_iri(request: Request, path: str) -> str:
    """This server's IRI for ``path``, the base of relative IRIs in SPARQL text.

    It comes from the Host header, so it is checked to be one IRI: a crafted
    header must not be able to add SPARQL to the text it prefixes.
    """
    candidate = f"{str(request.base_url).rstrip('/')}/{path}"
    try:
        return ox.NamedNode(candidate).value
    except ValueError:
        return f"http://localhost/{path}"


def _kind(text: str) -> str:
    """The result kind of a query, from its form; updates are refused here."""
    form = shape(text).form
    if form in UPDATE_WORDS:
        raise ApiError(400, "update-on-query", f"{form} is an update: POST it to /update")
    return _KINDS.get(form or "", "bindings")


def run_query(
    services: Services, accept: str | None, request: ProtocolRequest, base: str | None = None
) -> Response:
    """Check, negotiate and run one query (blocking; call from a worker thread).

    ``base`` resolves relative IRIs in the query (the protocol lets the service choose it).
    """
    text = request.text
    check_sparql_text(text, "query")
    kind = _kind(text)
    guard.check_query(text, [*request.default, *request.named], services.store.graph_names)
    media_type = choose_media_type(kind, accept)
    sparql = text
    if request.default or request.named:
        sparql = with_dataset(text, request.default, request.named)
    answer = services.runner.run(sparql, kind=kind, media_type=media_type, source=text, base=base)
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers[TRUNCATED_HEADER] = f"max-rows={services.runner.max_rows}"
    return Response(answer.payload, media_type=answer.media_type, headers=headers)


def _service_description(services: Services, request: Request) -> Response:
    writable = services.settings.allow_writes
    graph = describe(
        endpoint_iri(request, "sparql"),
        endpoint_iri(request, "update") if writable else None,
        services.store.graph_names(),
    )
    media_type = choose_media_type("graph", request.headers.get("accept"))
    payload = graph.serialize(format=RDFLIB_FORMATS[media_type], encoding="utf-8")
    return Response(payload, media_type=media_type, headers={"Vary": "Accept"})


async def _query(services: Services, request: Request) -> Response:
    protocol = await read_query(request)
    accept = request.headers.get("accept")
    try:
        if protocol is None:
            return await run_in_threadpool(_service_description, services, request)
        base = endpoint_iri(request, "sparql")
        return await run_in_threadpool(run_query, services, accept, protocol, base)
    except StoreError as error:
        raise from_store_error(error) from error


_QUERY_RESPONSES = {
    **openapi_docs.query_results(
        "SPARQL results (SELECT, ASK) or an RDF graph (CONSTRUCT, "
        "DESCRIBE), in the format the Accept header asks for"
    ),
    **openapi_docs.errors(400, 406, 415, 503),
}


@router.get(
    "/sparql",
    summary="SPARQL query (GET), or the service description when no query is given",
    responses=_QUERY_RESPONSES,
)
async def sparql_get(
    request: Request,
    services: ServicesDep,
    query: Annotated[str | None, Query(description="the SPARQL query")] = None,
    default_graph_uri: Annotated[
        list[str] | None, Query(alias="default-graph-uri", description=_DATASET_DOC)
    ] = None,
    named_graph_uri: Annotated[
        list[str] | None, Query(alias="named-graph-uri", description=_DATASET_DOC)
    ] = None,
) -> Response:
    return await _query(services, request)


@router.post(
    "/sparql",
    summary="SPARQL query (URL-encoded form or application/sparql-query body)",
    responses=_QUERY_RESPONSES,
    openapi_extra=_body_doc(_QUERY_FORM_SCHEMA, SPARQL_QUERY),
)
async def sparql_post(
    request: Request,
    services: ServicesDep,
    default_graph_uri: Annotated[
        list[str] | None, Query(alias="default-graph-uri", description=_DATASET_DOC)
    ] = None,
    named_graph_uri: Annotated[
        list[str] | None, Query(alias="named-graph-uri", description=_DATASET_DOC)
    ] = None,
) -> Response:
    return await _query(services, request)


def run_update(services: Services, request: ProtocolRequest, base: str) -> None:
    """Check and run one update in this process (blocking; call from a worker thread).

    ``base`` resolves relative IRIs in the update.
    """
    text = request.text
    check_sparql_text(text, "update")
    guard.check_update(text, [*request.default, *request.named], services.store.graph_names)
    if (request.default or request.named) and update_names_dataset(text):
        raise ApiError(
            400,
            "dataset-conflict",
            "the update names its own dataset (USING or WITH) and the request adds "
            "using-graph-uri/using-named-graph-uri; the protocol allows one or the other",
        )
    sparql = f"BASE <{base}> {with_using(text, request.default, request.named)}"
    try:
        services.store.update(sparql)
    except QuerySyntaxError as error:
        raise from_store_error(_located(text, base, error), "update") from error
    except StoreError as error:
        raise from_store_error(error, "update") from error


def _located(text: str, base: str, error: QuerySyntaxError) -> QuerySyntaxError:
    """The syntax error positioned in the client's text (the API prefixed a BASE)."""
    try:
        ox.Store().update(text, base_iri=base)
    except SyntaxError as local:
        return QuerySyntaxError(str(local))
    except (OSError, ValueError, RuntimeError):
        return error
    return error


@router.post(
    "/update",
    summary="SPARQL update (URL-encoded form or application/sparql-update body)",
    status_code=204,
    responses={
        204: {"description": "The update ran (as one transaction on the embedded store)"},
        **openapi_docs.errors(400, 401, 403, 415),
    },
    dependencies=[WriteAccess],
    openapi_extra=_body_doc(_UPDATE_FORM_SCHEMA, SPARQL_UPDATE),
)
async def update(
    request: Request,
    services: ServicesDep,
    using_graph_uri: Annotated[
        list[str] | None, Query(alias="using-graph-uri", description=_DATASET_DOC)
    ] = None,
    using_named_graph_uri: Annotated[
        list[str] | None, Query(alias="using-named-graph-uri", description=_DATASET_DOC)
    ] = None,
) -> Response:
    protocol = await read_update(request)
    base = endpoint_iri(request, "update")
    await run_in_threadpool(run_update, services, protocol, base)
    return Response(status_code=204)
