"""Responses to repeated reads of the SPARQL endpoint and the named queries, replayed until
the store changes.

The runner's cache (``api.result_cache``) spares a repeated query its worker, but each
request still pays FastAPI's routing, the protocol's parsing and the reach checks: about a
millisecond of the one core a Python server's event loop has. A read of ``/sparql`` or of
a named query depends only on the request and on the store, so this middleware, in front
of the routes, keeps each successful response as it was sent (status, headers, body) and
replays it for the same request (method, path, query string, body, and the headers that
change an answer: Accept, Content-Type, Origin) until the store changes: it files
responses under the runner's generation, which every write advances (``QueryRunner.retire``),
and a response that began before a write finished is never kept.

It is installed only where the runner has a cache, that is for the embedded store, which
this server alone writes. Errors, writes and every other path pass through untouched.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.execution import QueryRunner
from api.result_cache import ResultCache

#: The request headers that change a response of the cached routes.
_VARYING = (b"accept", b"content-type", b"origin", b"accept-encoding")


@dataclass(frozen=True)
class KeptResponse:
    """A response as sent: its status, headers and body (``payload``)."""

    status: int
    headers: list[tuple[bytes, bytes]]
    payload: bytes


def _cached_route(scope: Scope) -> bool:
    path, method = scope["path"], scope["method"]
    if path == "/sparql":
        return method in ("GET", "POST")
    return method == "GET" and path.startswith("/queries/")


class ResponseCache:
    """ASGI middleware replaying kept responses of reads (see the module's docstring)."""

    def __init__(self, app: ASGIApp, runner: QueryRunner, cache: ResultCache[KeptResponse]) -> None:
        self.app = app
        self.runner = runner
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _cached_route(scope):
            await self.app(scope, receive, send)
            return
        messages = await _body(receive)
        if messages is None:  # the client left mid-body: nothing to answer
            return
        body = b"".join(m.get("body", b"") for m in messages)
        generation = self.runner.generation
        key = (generation, *_request_key(scope, body))
        kept = self.cache.get(key)
        if kept is not None:
            await _replay(kept, send)
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        start: Message | None = None
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, replay, keep)
        if start is not None and start["status"] == 200 and generation == self.runner.generation:
            headers = list(start.get("headers", []))
            self.cache.put(key, KeptResponse(200, headers, b"".join(chunks)))


def _request_key(scope: Scope, body: bytes) -> tuple[object, ...]:
    """What makes a read what it is. The query string and the body (a query may be
    megabytes) enter as a digest, so a kept response costs its own bytes, which the
    cache's budget counts, and not those of a client's request as well."""
    headers = dict(scope.get("headers", []))
    request = hashlib.sha256(scope.get("query_string", b""))
    request.update(b"\0" + body)
    return (
        scope["method"],
        scope["path"],
        request.digest(),
        *(headers.get(name, b"") for name in _VARYING),
    )


async def _body(receive: Receive) -> list[Message] | None:
    """Every message of the request body (already bounded by ``api.body_limit``)."""
    messages: list[Message] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        messages.append(message)
        if not message.get("more_body", False):
            return messages


async def _replay(kept: KeptResponse, send: Send) -> None:
    await send({"type": "http.response.start", "status": kept.status, "headers": kept.headers})
    await send({"type": "http.response.body", "body": kept.payload})
