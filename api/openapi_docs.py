"""OpenAPI fragments shared by the routers: error responses and RDF/SPARQL media types.

Routers that write bytes themselves (SPARQL results, RDF) declare here what
they may send, so the schema a client (or schemathesis) reads matches what
comes back.
"""

from __future__ import annotations

from typing import Any

from api.models import ErrorBody
from graph.store.media import MEDIA_TYPES

_ERROR_TEXT = {
    400: "The request is malformed or refused (syntax error, unsafe target)",
    401: "A write without 'Authorization: Bearer <token>'",
    403: "Writes are disabled, or the token is wrong",
    404: "No such resource",
    406: "None of the accepted media types can be produced",
    413: "The request body is larger than the server accepts",
    415: "The request body has a media type or charset this endpoint does not read",
    422: "A parameter or document is invalid; the body says which and why",
    503: "The query ran out of time, or all query workers are busy",
}

_JSON_OBJECT: dict[str, Any] = {"type": "object"}
_JSON_ANY: dict[str, Any] = {"anyOf": [{"type": "object"}, {"type": "array"}]}
_TEXT: dict[str, Any] = {"type": "string"}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Response entries for the given error statuses, all with the ErrorBody shape."""
    return {code: {"model": ErrorBody, "description": _ERROR_TEXT[code]} for code in codes}


def _schema(media: str) -> dict[str, Any]:
    if media == "application/ld+json":
        return _JSON_ANY
    if media.endswith("json"):
        return _JSON_OBJECT
    return _TEXT


def content(media_types: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """An OpenAPI ``content`` map for raw payloads in these media types."""
    return {media: {"schema": _schema(media)} for media in media_types}


RESULT_MEDIA = tuple(dict.fromkeys(MEDIA_TYPES["bindings"] + MEDIA_TYPES["graph"]))
RDF_MEDIA = MEDIA_TYPES["graph"]
GRAPH_MEDIA = MEDIA_TYPES["graph"][:4]


def query_results(description: str) -> dict[int | str, dict[str, Any]]:
    """A 200 carrying SPARQL results or an RDF graph, negotiated by Accept."""
    return {200: {"description": description, "content": content(RESULT_MEDIA)}}


def rdf_document(description: str, media: tuple[str, ...] = GRAPH_MEDIA) -> dict[str, Any]:
    return {"description": description, "content": content(media)}
