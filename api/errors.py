"""Every error the API sends: a JSON body that says what was wrong and where.

Handlers turn store errors (syntax, unsafe requests, unacceptable media
types) and request validation errors into the same ``ErrorBody`` shape;
SPARQL syntax errors carry the line and column the engine reported. A client
that accepts text/plain but not JSON gets the message as plain text.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.models import ErrorBody
from graph.store.base import NotAcceptableError, QuerySyntaxError, StoreError, UnsafeQueryError

log = logging.getLogger("pactgraph.api")

_POSITION = re.compile(
    r"(?:error at |line )(\d+)[:, ]+(?:between )?(?:columns? )?(\d+)", re.IGNORECASE
)
_PREFIX = re.compile(r"^(?:.*?refused the request: )?(?:\w+: )?error at \d+:\d+: ")
#: Parser messages list every token they expected; the start says enough.
MAX_REASON = 240


class ApiError(Exception):
    """An error with its HTTP status and a message for the client."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        headers: dict[str, str] | None = None,
        report: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.report = report
        self.status = status
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.headers = headers or {}


def syntax_position(message: str) -> tuple[int | None, int | None]:
    """(line, column) of a parser message such as 'error at 3:10: expected ...'."""
    match = _POSITION.search(message)
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def syntax_error(kind: str, message: str) -> ApiError:
    """A 400 for SPARQL text that does not parse, with its position when known."""
    line, column = syntax_position(message)
    where = f" at line {line}, column {column}" if line is not None else ""
    reason = _PREFIX.sub("", message, count=1)
    if len(reason) > MAX_REASON:
        reason = reason[:MAX_REASON] + " …"
    return ApiError(
        400,
        "syntax-error",
        f"the SPARQL {kind} does not parse{where}: {reason}",
        line=line,
        column=column,
    )


def from_store_error(error: StoreError, kind: str = "query") -> ApiError:
    """The HTTP meaning of a store error."""
    if isinstance(error, QuerySyntaxError):
        return syntax_error(kind, str(error))
    if isinstance(error, UnsafeQueryError):
        return ApiError(400, "refused", str(error))
    if isinstance(error, NotAcceptableError):
        return ApiError(406, "not-acceptable", str(error))
    return ApiError(502, "store-failed", f"the store could not answer: {error}")


def _wants_text(request: Request) -> bool:
    accept = request.headers.get("accept", "").lower()
    return "text/plain" in accept and "json" not in accept and "*/*" not in accept


def error_response(request: Request, error: ApiError) -> Response:
    """``error`` as JSON, or as plain text for clients that only read text."""
    body = ErrorBody(
        error=error.code,
        message=error.message,
        line=error.line,
        column=error.column,
        report=error.report,
    )
    if _wants_text(request):
        return PlainTextResponse(error.message, error.status, headers=error.headers)
    return JSONResponse(body.model_dump(exclude_none=True), error.status, headers=error.headers)


def validation_message(error: RequestValidationError) -> str:
    parts = []
    for issue in error.errors():
        where = ".".join(str(p) for p in issue.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where or 'request'}: {issue.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the ErrorBody shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        return error_response(request, error)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> Response:
        return error_response(request, from_store_error(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        body = ErrorBody(error="invalid-request", message=validation_message(error))
        content = body.model_dump(exclude_none=True)
        content["detail"] = [
            {"loc": list(i.get("loc", ())), "msg": i.get("msg", ""), "type": i.get("type", "")}
            for i in error.errors()
        ]
        return JSONResponse(content, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = {404: "not-found", 405: "method-not-allowed"}.get(error.status_code, "http-error")
        message = str(error.detail)
        if error.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if error.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        headers = dict(error.headers or {})
        return error_response(request, ApiError(error.status_code, code, message, headers=headers))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        failure = ApiError(500, "internal-error", f"internal error: {type(error).__name__}")
        return error_response(request, failure)
