"""What routers get injected: the app's services, and the write check.

Writes are refused unless the server was started with writes enabled, and
then need ``Authorization: Bearer <token>`` compared in constant time.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.errors import ApiError
from api.execution import WROTE, QueryRunner
from api.settings import Settings
from graph.store.base import Store

bearer = HTTPBearer(auto_error=False, description="the token given to `pactgraph serve`")


@dataclass
class Services:
    """Everything a request handler needs, built once per app."""

    settings: Settings
    store: Store
    runner: QueryRunner
    extras: dict[str, object] = field(default_factory=dict)

    def close_extras(self) -> None:
        """Release what routers keep for the app's life (rendered pages, caches)."""
        for extra in self.extras.values():
            close = getattr(extra, "close", None)
            if callable(close):
                close()


async def get_services(request: Request) -> Services:
    """The app's services. A coroutine only so that FastAPI calls it on the event loop:
    a plain function dependency is sent to the threadpool, a hop on every request."""
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]


def require_write(
    request: Request,
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """403 when writes are off; 401 without a bearer token, 403 with a wrong one.

    An accepted write retires the query workers now and again as its response starts
    (``api.execution.RetireAfterWrites``): workers see the store as it was when forked.
    """
    settings = services.settings
    if not settings.allow_writes or not settings.token:
        raise ApiError(
            403,
            "writes-disabled",
            "this server is read-only; start it with --allow-writes and a token to accept writes",
        )
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(
            401,
            "unauthorized",
            "this write needs an 'Authorization: Bearer <token>' header",
            headers={"WWW-Authenticate": 'Bearer realm="pactgraph"'},
        )
    given = credentials.credentials.encode("utf-8")
    if not hmac.compare_digest(given, settings.token.encode("utf-8")):
        raise ApiError(403, "forbidden", "the bearer token is not the one this server accepts")
    setattr(request.state, WROTE, True)
    services.runner.retire()


WriteAccess = Depends(require_write)
