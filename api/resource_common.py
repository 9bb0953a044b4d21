"""What every resource endpoint shares: JSON or JSON-LD, paging, and reading filter values.

Filters accept what a client has at hand — a code (USA), a key
(drug-trafficking) or a full IRI — and turn it into IRIs, or answer 422 with
what was expected; they never reach the SPARQL text as raw strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from rdflib import URIRef
from rdflib.term import Node
from starlette.concurrency import run_in_threadpool

from api.deps import Services
from api.errors import ApiError
from api.resource_models import CONTEXT, Page
from api.resource_queries import Described, collect, described_query
from graph.namespaces import nation_iri, organization_iri

JSON = "application/json"
JSON_LD = "application/ld+json"
MAX_PAGE = 200
#: Rows an internal resource query may return (pages are bounded by MAX_PAGE).
INTERNAL_ROWS = 200_000

_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*$")
_CODE = re.compile(r"[A-Za-z]{2,12}$")

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]


def _preferences(accept: str) -> list[tuple[float, str]]:
    ranked = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if fields[0] and quality > 0:
            ranked.append((-quality, position, fields[0].lower()))
    return [(q, media) for q, _, media in sorted(ranked)]


def negotiate(accept: str | None) -> str:
    """JSON, or JSON-LD when the client prefers it; 406 when it accepts neither."""
    if not accept or not accept.strip():
        return JSON
    for _, media in _preferences(accept):
        if media == JSON_LD:
            return JSON_LD
        if media in (JSON, "*/*", "application/*"):
            return JSON
    raise ApiError(
        406, "not-acceptable", f"resources are served as {JSON} or {JSON_LD}, not {accept!r}"
    )


def respond(request: Request, model: BaseModel, headers: dict[str, str] | None = None) -> Any:
    """``model`` as JSON, or as JSON-LD with the inline context.

    A JSON-LD page keeps only its items (as the document's default graph); the
    next page stays in the Link header.
    """
    media = negotiate(request.headers.get("accept"))
    data = model.model_dump(mode="json", exclude_none=True)
    if isinstance(model, Page):
        data["next"] = model.next
    if media == JSON_LD:
        if isinstance(model, Page):
            data = {"items": data["items"]}
        data = {"@context": CONTEXT, **data}
    return JSONResponse(data, media_type=media, headers={"Vary": "Accept", **(headers or {})})


def next_url(request: Request, limit: int, offset: int) -> str:
    return str(request.url.include_query_params(limit=limit, offset=offset + limit))


async def select(services: Services, query: str) -> list[dict[str, Node | None]]:
    """Rows of one of the resource queries (run in a worker process, like every query)."""
    return await run_in_threadpool(services.runner.select, query, INTERNAL_ROWS)


async def describe(services: Services, query: str) -> list[Described]:
    """Items described by a ``described_query``."""
    return collect(await select(services, query))


async def page(
    request: Request,
    services: Services,
    build: Callable[[int, int], str],
    view: Callable[[Described], BaseModel],
    limit: int,
    offset: int,
) -> Any:
    """One page of items: ``build(limit, offset)`` gives the query, ``view`` the model."""
    items = await describe(services, build(limit + 1, offset))
    more = len(items) > limit
    following = next_url(request, limit, offset) if more else None
    body = Page[Any](
        items=[view(item) for item in items[:limit]], limit=limit, offset=offset, next=following
    )
    headers = {"Link": f'<{following}>; rel="next"'} if following else None
    return respond(request, body, headers)


def invalid(name: str, value: str, expected: str) -> ApiError:
    return ApiError(422, "invalid-parameter", f"{name}={value!r} is not {expected}")


def absolute_iri(value: str) -> URIRef | None:
    """``value`` as an IRI when it is an absolute one, else None."""
    if ":" not in value:
        return None
    try:
        return URIRef(ox.NamedNode(value).value)
    except ValueError:
        return None


def actors(name: str, value: str) -> list[URIRef]:
    """A nation or organization given by IRI or code (USA, EU): the IRIs it may be."""
    iri = absolute_iri(value)
    if iri is not None:
        return [iri]
    if not _CODE.match(value):
        raise invalid(name, value, "an actor IRI or a nation/organization code such as USA or EU")
    return [nation_iri(value), organization_iri(value)]


def keyed(name: str, value: str, make: Callable[[str], URIRef], example: str) -> URIRef:
    """An IRI given in full or by its key in a scheme (``make`` mints it from the key)."""
    iri = absolute_iri(value)
    if iri is not None:
        return iri
    if not _KEY.match(value):
        raise invalid(name, value, f"an IRI or a key such as {example}")
    return make(value)


def not_found(kind: str, what: str) -> ApiError:
    return ApiError(404, "not-found", f"no {kind} {what} in the store")


def single(items: list[Described], kind: str, what: str) -> Described:
    if not items:
        raise not_found(kind, what)
    return items[0]


def one_item(iri: URIRef, type_pattern: str) -> str:
    """A selection of the single item ``iri``, if it has the type pattern."""
    return f"VALUES ?item {{ {ox.NamedNode(str(iri))} }} {type_pattern}"


def detail_query(iri: URIRef, type_pattern: str, hops: tuple[URIRef, ...], **options: Any) -> str:
    return described_query(one_item(iri, type_pattern), hops, **options)
