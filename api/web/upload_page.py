"""The upload page: drop a document, see what was extracted or the report that refused it.

Shown only when the server accepts writes; the form carries the write token
(checked exactly as a bearer token on ``POST /documents``) and the upload
runs ``api.documents.add_document``, the same pipeline as the API and
`pactgraph load`. A refusal leaves the store as it was and the page shows
the reason and, for a validation failure, every violation.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials
from starlette.concurrency import run_in_threadpool

from api.deps import ServicesDep, require_write
from api.documents import add_document
from api.errors import ApiError
from api.web.render import PageRoute, render

router = APIRouter(route_class=PageRoute)


def _writes_on(request: Request) -> None:
    if not request.app.state.services.settings.allow_writes:
        raise ApiError(
            403,
            "writes-disabled",
            "this server is read-only; start it with --allow-writes and a token to upload",
        )


@router.get("/ui/upload", response_class=HTMLResponse)
async def upload_form(request: Request) -> HTMLResponse:
    _writes_on(request)
    return render(request, "upload.html", nav="upload", title="Upload")


@router.post("/ui/upload", response_class=HTMLResponse)
async def upload(
    request: Request,
    services: ServicesDep,
    document: Annotated[UploadFile, File()],
    token: Annotated[str, Form()] = "",
) -> HTMLResponse:
    _writes_on(request)
    base = str(request.base_url).rstrip("/")
    try:
        given = HTTPAuthorizationCredentials(scheme="Bearer", credentials=token) if token else None
        require_write(request, services, given)
        data = await document.read()
        status, added = await run_in_threadpool(
            add_document, services, data, document.filename or "upload", base
        )
    except ApiError as error:
        return render(
            request, "upload.html", error.status, nav="upload", title="Upload refused", error=error
        )
    return render(request, "upload.html", status, nav="upload", title="Uploaded", added=added)
