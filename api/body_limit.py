"""Request bodies are bounded in size and in time while they stream in.

An ASGI middleware in front of every route: a body larger than the limit is
refused with 413 as soon as the declared length or the bytes received pass
it, before any handler buffers or parses it; a body that does not finish
arriving within the time limit (a client dripping a byte a second to hold a
connection and a worker) is refused with 408. Either way the handler never
runs, so nothing is stored.
"""

from __future__ import annotations

import json

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_BODYLESS = ("GET", "HEAD", "OPTIONS")


class BodyLimit:
    """At most ``limit`` bytes per request body, all of it within ``timeout`` seconds."""

    def __init__(self, app: ASGIApp, limit: int, timeout: float) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _BODYLESS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send, 413, "too-large", self._size_message())
            return
        messages: list[Message] | None = None
        with anyio.move_on_after(self.timeout):
            messages = await self._body(receive)
        if messages is None:
            message = f"the request body did not arrive within {self.timeout:g} s"
            await self._refuse(send, 408, "body-timeout", message)
            return
        if not messages:
            await self._refuse(send, 413, "too-large", self._size_message())
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _body(self, receive: Receive) -> list[Message]:
        """Every message of the body; [] as soon as it passes the size limit."""
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages
            size += len(message.get("body", b""))
            if size > self.limit:
                return []
            if not message.get("more_body", False):
                return messages

    def _size_message(self) -> str:
        return f"the request body is larger than the {self.limit} bytes this server accepts"

    @staticmethod
    async def _refuse(send: Send, status: int, code: str, message: str) -> None:
        body = json.dumps({"error": code, "message": message}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
