"""Reading SPARQL 1.1 Protocol requests: where the query is, and which dataset it names.

The protocol allows exactly three ways to send a query (GET with ``query=``,
POST of a URL-encoded form, POST of ``application/sparql-query``) and two to
send an update; anything else — two queries, a body without its media type,
a charset other than UTF-8 — is a client error, refused here with a message
that names the rule broken.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from fastapi import Request

from api.errors import ApiError

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class ProtocolRequest:
    """The SPARQL text of a request and the dataset its parameters name."""

    text: str
    default: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)


def _content_type(request: Request) -> tuple[str, dict[str, str]]:
    raw = request.headers.get("content-type", "")
    media, *params = [part.strip() for part in raw.split(";")]
    options = {}
    for param in params:
        key, _, value = param.partition("=")
        options[key.strip().lower()] = value.strip().strip('"')
    return media.lower(), options


def _require_utf8(options: dict[str, str], media: str) -> None:
    charset = options.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(
            415,
            "unsupported-charset",
            f"{media} bodies must be UTF-8 (the protocol allows no other charset), not {charset}",
        )


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(
            400, "bad-encoding", f"the {what} is not valid UTF-8 (byte {error.start})"
        ) from None


def _form(body: bytes) -> list[tuple[str, str]]:
    try:
        return parse_qsl(_decode(body, "form body"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as error:
        raise ApiError(400, "bad-encoding", f"a form value is not UTF-8: {error}") from None


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [value for key, value in params if key == name]
    if len(values) > 1:
        raise ApiError(
            400,
            f"multiple-{name}",
            f"the request holds {len(values)} '{name}' parameters; send one",
        )
    return values[0] if values else None


def _all(params: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in params if key == name]


def _wrong_media(media: str, direct: str, operation: str) -> ApiError:
    sent = f"'{media}'" if media else "no Content-Type"
    return ApiError(
        415,
        "unsupported-media-type",
        f"a SPARQL {operation} is POSTed as {FORM} (with '{operation}=') or as {direct}; "
        f"this request has {sent}",
    )


async def read_query(request: Request) -> ProtocolRequest | None:
    """The query of a /sparql request; None for a GET without one (service description)."""
    url_params = list(request.query_params.multi_items())
    if _one(url_params, "update") is not None:
        raise ApiError(400, "update-on-query", "updates go to POST /update, not to /sparql")
    if request.method == "GET":
        text = _one(url_params, "query")
        if text is None:
            return None
        params = url_params
    else:
        media, options = _content_type(request)
        body = await request.body()
        if media == FORM:
            _require_utf8(options, media)
            params = url_params + _form(body)
            text = _one(params, "query")
        elif media == SPARQL_QUERY:
            _require_utf8(options, media)
            params = url_params
            if _one(params, "query") is not None:
                raise ApiError(400, "multiple-query", "the query is in the body; drop 'query='")
            text = _decode(body, "query")
        else:
            raise _wrong_media(media, SPARQL_QUERY, "query")
        if text is None:
            raise ApiError(400, "missing-query", "the form holds no 'query' parameter")
    return ProtocolRequest(text, _all(params, "default-graph-uri"), _all(params, "named-graph-uri"))


async def read_update(request: Request) -> ProtocolRequest:
    """The update of a POST /update request."""
    url_params = list(request.query_params.multi_items())
    media, options = _content_type(request)
    body = await request.body()
    if media == FORM:
        _require_utf8(options, media)
        params = url_params + _form(body)
        text = _one(params, "update")
        if text is None:
            raise ApiError(400, "missing-update", "the form holds no 'update' parameter")
    elif media == SPARQL_UPDATE:
        _require_utf8(options, media)
        params = url_params
        if _one(params, "update") is not None:
            raise ApiError(400, "multiple-update", "the update is in the body; drop 'update='")
        text = _decode(body, "update")
    else:
        raise _wrong_media(media, SPARQL_UPDATE, "update")
    if _one(params, "query") is not None:
        raise ApiError(400, "query-on-update", "queries go to /sparql, not to /update")
    return ProtocolRequest(
        text, _all(params, "using-graph-uri"), _all(params, "using-named-graph-uri")
    )
