"""The ontology and its vocabularies over HTTP: Turtle, JSON-LD, RDF/XML, N-Triples or HTML.

The model (ontology, concept schemes, gazetteers) is one graph parsed from
``ontology/*.ttl``; each serialization is written once per process and kept.
Browsers (``Accept: text/html``) are sent to the HTML documentation, which
``graph.ontology.docs`` renders on first request into a folder the app owns.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api import openapi_docs, rdf_io
from api.deps import ServicesDep
from api.errors import ApiError
from graph.ontology.files import model_graph
from graph.store.media import choose_media_type

router = APIRouter(tags=["Ontology"])

_PAGE = re.compile(r"[a-z0-9][a-z0-9._-]*\.html$")


class OntologyFiles:
    """Serializations and HTML pages of the model, made once and kept for the app's life."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._payloads: dict[str, bytes] = {}
        self._docs: Path | None = None

    def payload(self, media_type: str) -> bytes:
        with self._lock:
            if media_type not in self._payloads:
                triples = rdf_io.from_rdflib(model_graph())
                self._payloads[media_type] = rdf_io.write(triples, media_type)
            return self._payloads[media_type]

    def docs(self) -> Path | None:
        """The folder of HTML pages, rendered on first use; None when docs cannot be made."""
        with self._lock:
            if self._docs is None:
                try:
                    from graph.ontology.docs import write_docs
                except ImportError:
                    return None
                folder = Path(tempfile.mkdtemp(prefix="pactgraph-docs-"))
                write_docs(folder)
                self._docs = folder
            return self._docs

    def close(self) -> None:
        if self._docs is not None:
            shutil.rmtree(self._docs, ignore_errors=True)


def _files(services: ServicesDep) -> OntologyFiles:
    files = services.extras.get("ontology")
    if not isinstance(files, OntologyFiles):
        files = OntologyFiles()
        services.extras["ontology"] = files
    return files


def _wants_html(accept: str | None) -> bool:
    first = (accept or "").split(",")[0].split(";")[0].strip().lower()
    return first in ("text/html", "application/xhtml+xml")


@router.get(
    "/ontology",
    summary="The ontology, vocabularies and gazetteers (Turtle, JSON-LD, RDF/XML, N-Triples)",
    responses={
        200: openapi_docs.rdf_document("The whole model as one graph", openapi_docs.RDF_MEDIA),
        303: {"description": "Browsers are sent to the HTML documentation"},
        **openapi_docs.errors(406),
    },
)
async def ontology(request: Request, services: ServicesDep) -> Response:
    accept = request.headers.get("accept")
    if _wants_html(accept):
        return RedirectResponse(str(request.url_for("ontology_page", page="index.html")), 303)
    media_type = choose_media_type("graph", accept)
    payload = await run_in_threadpool(_files(services).payload, media_type)
    return Response(payload, media_type=media_type, headers={"Vary": "Accept"})


@router.get(
    "/ontology/docs/{page}",
    name="ontology_page",
    summary="A page of the HTML documentation of the ontology",
    responses={
        200: {
            "description": "An HTML page",
            "content": {"text/html": {"schema": {"type": "string"}}},
        },
        **openapi_docs.errors(404),
    },
)
async def ontology_page(
    services: ServicesDep,
    page: Annotated[str, PathParam(description="page file name, e.g. index.html")],
) -> Response:
    folder = await run_in_threadpool(_files(services).docs)
    target = folder / page if folder is not None and _PAGE.match(page) else None
    if target is None or not target.is_file():
        raise ApiError(404, "not-found", f"no documentation page {page!r}")
    return FileResponse(target, media_type="text/html")
