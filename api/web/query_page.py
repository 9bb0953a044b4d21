"""The query page: a SPARQL editor pre-filled from the named queries, results as a table.

The editor holds a named query's file, header included, so its ``# param:``
lines give the typed inputs shown beside it and bind exactly as
``GET /queries/{name}`` binds them; an edited header binds what it declares.
Queries run through ``api.sparql.run_query`` (the /sparql endpoint's checks,
limits and errors), so a syntax error comes back with the line and column
the API reports. The page works as a plain form; ``query.js`` adds the
highlighting editor and Ctrl+Enter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from api.deps import Services, ServicesDep
from api.errors import ApiError, from_store_error
from api.protocol import ProtocolRequest
from api.sparql import TRUNCATED_HEADER, endpoint_iri, run_query
from api.sparql_text import shape
from api.web import prefixes
from api.web.render import PageRoute, render
from graph.catalog import CatalogError, NamedQuery, Parameter, ParameterError, parse_query
from graph.store.base import StoreError
from graph.store.media import CSV, N_TRIPLES, SPARQL_JSON, TSV

EDITOR = Path("editor.rq")
PARAM = "param-"
DOWNLOADS = {"csv": CSV, "tsv": TSV, "json": SPARQL_JSON}
#: The HTML input each parameter type gets.
INPUTS = {
    "iri": "text",
    "string": "text",
    "integer": "number",
    "decimal": "number",
    "date": "date",
    "boolean": "checkbox",
}


@dataclass(frozen=True)
class Outcome:
    """What running the editor's text gave: a table, a boolean, triples or an error."""

    text: str
    columns: list[str] | None = None
    rows: list[list[dict[str, str] | None]] | None = None
    boolean: bool | None = None
    triples: str | None = None
    truncated: bool = False
    error: ApiError | None = None


def parameters_of(text: str) -> list[Parameter]:
    """The typed parameters the text's header declares (none when it declares none or is bad)."""
    try:
        return parse_query(text, EDITOR, require_name=False).parameters
    except CatalogError:
        return []


def bound(text: str, values: dict[str, str]) -> str:
    """The text with its header's parameters bound to ``values`` (422 on a bad value)."""
    try:
        query = parse_query(text, EDITOR, require_name=False)
    except CatalogError:
        return text
    if not query.parameters:
        return text
    try:
        return query.bind(values)
    except ParameterError as error:
        raise ApiError(422, "invalid-parameter", str(error)) from None


def _accept(text: str, wanted: str) -> str:
    """The format to ask for: ``wanted``, or N-Triples for a query that answers a graph."""
    if shape(text).form in ("CONSTRUCT", "DESCRIBE"):
        return N_TRIPLES
    return wanted


def execute(services: Services, text: str, accept: str, base: str) -> Response:
    """Run ``text`` as GET /sparql would (blocking: call from a worker thread)."""
    try:
        return run_query(services, _accept(text, accept), ProtocolRequest(text=text), base)
    except StoreError as error:
        raise from_store_error(error) from error


def _outcome(text: str, response: Response) -> Outcome:
    truncated = TRUNCATED_HEADER in response.headers
    payload = bytes(response.body)
    if response.media_type == N_TRIPLES:
        return Outcome(text, triples=payload.decode("utf-8"), truncated=truncated)
    document = json.loads(payload)
    if "boolean" in document:
        return Outcome(text, boolean=bool(document["boolean"]))
    columns = list(document.get("head", {}).get("vars", []))
    rows = [[row.get(c) for c in columns] for row in document["results"]["bindings"]]
    return Outcome(text, columns=columns, rows=rows, truncated=truncated)


async def run(services: Services, text: str, base: str) -> Outcome:
    """The outcome of the editor's text; API errors become part of the page."""
    try:
        response = await run_in_threadpool(execute, services, text, SPARQL_JSON, base)
    except ApiError as error:
        return Outcome(text, error=error)
    return _outcome(text, response)


def _values(request: Request) -> dict[str, str]:
    return {
        key.removeprefix(PARAM): value
        for key, value in request.query_params.items()
        if key.startswith(PARAM)
    }


def build_router(catalog: dict[str, NamedQuery]) -> APIRouter:
    """The query page and its downloads; ``catalog`` fills the picker."""
    router = APIRouter(route_class=PageRoute)

    @router.get("/ui/query", response_class=HTMLResponse)
    async def query_page(
        request: Request,
        services: ServicesDep,
        name: Annotated[str | None, Query()] = None,
        query: Annotated[str | None, Query()] = None,
        run_it: Annotated[bool, Query(alias="run")] = False,
    ) -> HTMLResponse:
        chosen = catalog.get(name) if name else None
        if name and chosen is None:
            raise ApiError(404, "not-found", f"no named query {name!r}")
        text = query if query is not None else (chosen.text if chosen else "")
        values = _values(request)
        outcome: Outcome | None = None
        added: list[str] = []
        if run_it and text.strip():
            text, added = prefixes.declared(text)
            base = endpoint_iri(request, "sparql")
            try:
                outcome = await run(services, bound(text, values), base)
            except ApiError as error:
                outcome = Outcome(text, error=error)
        context: dict[str, Any] = {
            "nav": "query",
            "title": "Query",
            "catalog": list(catalog.values()),
            "chosen": chosen,
            "text": text,
            "parameters": parameters_of(text),
            "values": values,
            "inputs": INPUTS,
            "outcome": outcome,
            "added_prefixes": added,
            "known_prefixes": prefixes.KNOWN,
            "downloads": list(DOWNLOADS),
        }
        return render(request, "query.html", **context)

    @router.get("/ui/query/download")
    async def download(
        request: Request,
        services: ServicesDep,
        query: Annotated[str, Query(min_length=1)],
        chosen: Annotated[str, Query(alias="format", pattern="^(csv|tsv|json)$")] = "csv",
    ) -> Response:
        base = endpoint_iri(request, "sparql")
        answer = await run_in_threadpool(execute, services, query, DOWNLOADS[chosen], base)
        extension = "nt" if answer.media_type == N_TRIPLES else chosen
        answer.headers["Content-Disposition"] = f'attachment; filename="results.{extension}"'
        return answer

    return router
