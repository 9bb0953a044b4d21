"""Named queries: the catalog of ``queries/*.rq`` as HTTP endpoints.

``GET /queries`` lists them with their parameters (from each file's
header); ``GET /queries/{name}`` runs one with typed parameters (422 naming
the parameter and the type it expects) and answers in the negotiated
format. Each query gets its own route too, so OpenAPI lists its parameters
with their types.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api import openapi_docs
from api.deps import Services, ServicesDep
from api.errors import ApiError
from api.sparql import TRUNCATED_HEADER, endpoint_iri
from api.sparql_text import shape
from graph.catalog import NamedQuery, ParameterError
from graph.store.media import choose_media_type

_KINDS = {"SELECT": "bindings", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}
_SCHEMAS: dict[str, dict[str, Any]] = {
    "iri": {"type": "string", "format": "iri"},
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "date": {"type": "string", "format": "date"},
    "boolean": {"type": "boolean"},
}


class QueryParameter(BaseModel):
    name: str
    type: str = Field(description="iri, string, integer, decimal, date or boolean")
    default: str | None = None
    required: bool
    description: str


class QueryInfo(BaseModel):
    name: str
    description: str
    parameters: list[QueryParameter]
    links: dict[str, str] = Field(default_factory=dict)


class QueryList(BaseModel):
    items: list[QueryInfo]


def info(query: NamedQuery, base: str) -> QueryInfo:
    return QueryInfo(
        name=query.name,
        description=query.description,
        parameters=[
            QueryParameter(
                name=p.name,
                type=p.type,
                default=p.default,
                required=p.required,
                description=p.description,
            )
            for p in query.parameters
        ],
        links={"self": f"{base}/queries/{query.name}"},
    )


def _values(request: Request) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in values:
            raise ApiError(422, "invalid-parameter", f"parameter {key!r} is given twice")
        values[key] = value
    return values


async def _run(
    services: Services, query: NamedQuery, values: dict[str, str], request: Request
) -> Any:
    """Bind and run a named query. Its text is the catalog's, so reading it is quick and
    safe on the event loop, which then awaits the worker's answer with no thread between."""
    try:
        text = query.bind(values)
    except ParameterError as error:
        raise ApiError(422, "invalid-parameter", str(error)) from None
    kind = _KINDS.get(shape(text).form or "", "bindings")
    media_type = choose_media_type(kind, request.headers.get("accept"))
    answer = await services.runner.run_async(
        text, kind=kind, media_type=media_type, base=endpoint_iri(request, "sparql")
    )
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers[TRUNCATED_HEADER] = f"max-rows={services.runner.max_rows}"
    return Response(answer.payload, media_type=answer.media_type, headers=headers)


def _parameters_doc(query: NamedQuery) -> list[dict[str, Any]]:
    return [
        {
            "name": p.name,
            "in": "query",
            "required": p.required,
            "description": p.description,
            "schema": _SCHEMAS[p.type],
        }
        for p in query.parameters
    ]


_RESULTS = {
    **openapi_docs.query_results("The query's results, in the format the Accept header asks for"),
    **openapi_docs.errors(404, 406, 422, 503),
}


def build_router(catalog: dict[str, NamedQuery]) -> APIRouter:
    """Routes for the catalog: the list, one route per query, and the generic one."""
    router = APIRouter(tags=["Named queries"])

    @router.get("/queries", response_model=QueryList, summary="The named queries")
    async def list_queries(request: Request) -> QueryList:
        base = str(request.base_url).rstrip("/")
        return QueryList(items=[info(q, base) for q in catalog.values()])

    def add(query: NamedQuery) -> None:
        async def run_named(request: Request, services: ServicesDep) -> Any:
            return await _run(services, query, _values(request), request)

        router.add_api_route(
            f"/queries/{query.name}",
            run_named,
            methods=["GET"],
            summary=query.description or query.name,
            responses=_RESULTS,
            openapi_extra={"parameters": _parameters_doc(query)},
            operation_id=f"query_{query.name.replace('-', '_')}",
        )

    for query in catalog.values():
        add(query)

    @router.get(
        "/queries/{name}",
        summary="Run a named query (parameters as query-string values)",
        responses=_RESULTS,
    )
    async def run_query(name: str, request: Request, services: ServicesDep) -> Any:
        query = catalog.get(name)
        if query is None:
            raise ApiError(404, "not-found", f"no named query {name!r}; GET /queries lists them")
        return await _run(services, query, _values(request), request)

    return router
