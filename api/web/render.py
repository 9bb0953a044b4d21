"""Turning a template and its data into a page, and any API error into an HTML error page.

Templates get two link helpers (``page`` for a node's page, ``evidence`` for
its highlighted quote) and whether uploads are on, so each page needs only
its own data.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates

from api.errors import ApiError, validation_message
from api.web import links

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(page_href=links.page, evidence_href=links.evidence)
templates.env.filters["compact"] = links.compact


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The page ``name`` filled with ``context``."""
    services = request.app.state.services
    context.setdefault("writable", services.settings.allow_writes)
    return templates.TemplateResponse(request, name, context, status_code=status)


class PageRoute(APIRoute):
    """A route whose API and validation errors become an HTML page with the same message."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def with_pages(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as invalid:
                error = ApiError(422, "invalid-request", validation_message(invalid))
            except ApiError as raised:
                error = raised
            return render(request, "error.html", error.status, error=error, title=error.code)

        return with_pages
