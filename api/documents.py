"""Source documents: list, one with the evidence of every node, upload, removal.

An upload runs the same pipeline as `pactgraph load`: read → extract →
validate → store. A document that fails validation is refused whole (422
with the SHACL report) and the store stays as it was. Uploads and removals
need the write token.

Reading, extraction and validation run in a forked child with a deadline
(``document_timeout``): a document that would take minutes (megabytes of
prose, which the extractor reads at about 7 KB/s) is stopped and refused
instead of holding a worker, and at most ``upload_workers`` such children run
at once. Only the store write happens in the server process.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from threading import Lock, Semaphore
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Path, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field
from rdflib import RDF, Graph, Literal
from starlette.concurrency import run_in_threadpool

from api import openapi_docs, resource_views
from api.deps import Services, ServicesDep, WriteAccess
from api.errors import ApiError
from api.isolation import ChildLost, Overtime, run_isolated
from api.resource_common import (
    Limit,
    Offset,
    describe,
    detail_query,
    page,
    respond,
    select,
    single,
)
from api.resource_models import Document, NodeEvidence, Page
from api.resource_queries import described_query, evidence_query, text_query, typed
from api.resources import json_ld_variant
from graph.documents.intake import DocumentError
from graph.namespaces import PG, document_iri
from graph.pipeline import (
    DocumentRefused,
    ProcessedDocument,
    prepare_workers,
    process_upload,
    remove_document,
    store_document,
)

router = APIRouter(tags=["Documents"])

_SKIP = (PG.textContent,)
_WARMING = Lock()
Key = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", description="document key")]


class DocumentAdded(BaseModel):
    """What an upload added to the store."""

    status: str = Field(description="loaded, replaced or unchanged")
    key: str
    iri: str
    triples: int = Field(description="triples in the document's graph")
    nodes: dict[str, int] = Field(
        default_factory=dict, description="nodes added per pactgraph class, e.g. Commitment: 7"
    )
    warnings: list[dict[str, Any]] = Field(default_factory=list)
    links: dict[str, str] = Field(default_factory=dict)


@router.get(
    "/documents",
    response_model=Page[Document],
    summary="Source documents in the store",
    responses=json_ld_variant("A page of documents"),
)
async def documents(
    request: Request, services: ServicesDep, limit: Limit = 100, offset: Offset = 0
) -> Any:
    base = str(request.base_url).rstrip("/")
    return await page(
        request,
        services,
        lambda size, skip: described_query(
            typed(PG.SourceDocument), limit=size, offset=skip, skip=_SKIP
        ),
        lambda item: resource_views.document(item, base),
        limit,
        offset,
    )


def _evidence(rows: list[dict[str, Any]]) -> list[NodeEvidence]:
    """One entry per (node, quote), with all the node's types."""
    grouped: dict[tuple[str, int, int], NodeEvidence] = {}
    for row in rows:
        key = (str(row["node"]), int(row["start"]), int(row["end"]))
        entry = grouped.get(key)
        if entry is None:
            label = row.get("label")
            entry = NodeEvidence(
                iri=key[0],
                exact=str(row["exact"]),
                start=key[1],
                end=key[2],
                label=str(label) if isinstance(label, Literal) else None,
            )
            grouped[key] = entry
        if row.get("type") is not None and str(row["type"]) not in entry.types:
            entry.types.append(str(row["type"]))
    return sorted(grouped.values(), key=lambda e: (e.start, e.end, e.iri))


@router.get(
    "/documents/{key}",
    response_model=Document,
    summary="One document, with the evidence (quote and offsets) of every node drawn from it",
    responses=json_ld_variant("The document"),
)
async def document(request: Request, services: ServicesDep, key: Key) -> Any:
    iri = document_iri(key)
    query = detail_query(iri, "?item a pg:SourceDocument .", (), skip=_SKIP)
    item = single(await describe(services, query), "document", key)
    view = resource_views.document(item, str(request.base_url).rstrip("/"))
    view.evidence = await document_evidence(services, key)
    return respond(request, view)


async def document_evidence(services: Services, key: str) -> list[NodeEvidence]:
    """Every node drawn from the document ``key``, with its quote and offsets."""
    return _evidence(await select(services, evidence_query(document_iri(key))))


async def document_text(services: Services, key: str) -> str:
    """The stored text of the document ``key`` (evidence offsets count in it); 404 when absent."""
    rows = await select(services, text_query(document_iri(key)))
    texts = [str(row["text"]) for row in rows if row.get("text") is not None]
    if not texts:
        raise ApiError(404, "not-found", f"no text of a document {key} in the store")
    return texts[0]


@router.get(
    "/documents/{key}/text",
    summary="The document's text: the string every evidence offset (oa:start, oa:end) counts in",
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}}}, "description": "The text"},
        **openapi_docs.errors(404),
    },
)
async def text(services: ServicesDep, key: Key) -> PlainTextResponse:
    return PlainTextResponse(await document_text(services, key))


def _node_counts(graph: Graph) -> dict[str, int]:
    """How many nodes of each pactgraph class the document's graph holds."""
    counts = Counter(
        str(cls).removeprefix(str(PG)) for cls in graph.objects(None, RDF.type) if cls in PG
    )
    return dict(sorted(counts.items()))


def _read_upload(data: bytes, filename: str) -> ProcessedDocument | str:
    """The processed document, or why it cannot be read (run in the child)."""
    try:
        return process_upload(data, filename)
    except DocumentError as error:
        return str(error)


def _warm() -> None:
    """Read what extraction reads once in the server, so every child inherits it."""
    with _WARMING:
        prepare_workers()


def _process(services: Services, data: bytes, filename: str) -> ProcessedDocument:
    """Read, extract and validate in a child with a deadline; ApiError when refused."""
    settings = services.settings
    slots = services.extras.setdefault("upload-slots", Semaphore(settings.upload_workers))
    if not slots.acquire(timeout=settings.document_timeout):
        raise ApiError(
            503,
            "busy",
            f"{settings.upload_workers} uploads are being extracted; try again later",
            headers={"Retry-After": "10"},
        )
    try:
        _warm()
        result = run_isolated(partial(_read_upload, data, filename), settings.document_timeout)
    except Overtime:
        raise ApiError(
            422,
            "document-too-slow",
            f"{filename}: extraction took longer than {settings.document_timeout:g} s and was "
            "stopped; nothing was stored: split the document",
        ) from None
    except ChildLost:
        raise ApiError(
            500, "extraction-failed", f"{filename}: the extraction process ended without an answer"
        ) from None
    finally:
        slots.release()
    if isinstance(result, str):
        raise ApiError(422, "unreadable-document", result)
    return result


def add_document(
    services: Services, data: bytes, filename: str, base: str
) -> tuple[int, DocumentAdded]:
    """Read, extract, validate and store one upload (blocking); 422 with the reason when refused."""
    processed = _process(services, data, filename)
    try:
        outcome = store_document(services.store, processed)
    except DocumentRefused as refused:
        raise ApiError(
            422,
            "invalid-document",
            f"{refused.name}: refused, {len(refused.report.violations)} SHACL violation(s); "
            "nothing was stored",
            report=refused.report.to_dict(),
        ) from None
    added = DocumentAdded(
        status=outcome.status,
        key=processed.key,
        iri=str(processed.iri),
        triples=processed.triples,
        nodes=_node_counts(processed.graph),
        warnings=[finding.to_dict() for finding in processed.report.warnings],
        links={
            "self": f"{base}/documents/{processed.key}",
            "graph": f"{base}/store?{urlencode({'graph': str(processed.iri)})}",
        },
    )
    return (201 if outcome.status == "loaded" else 200), added


@router.post(
    "/documents",
    summary="Upload a document (text, Markdown, HTML or PDF): extract, validate, store",
    status_code=201,
    response_model=DocumentAdded,
    responses={
        200: {"model": DocumentAdded, "description": "The document replaced (or equals) one"},
        **openapi_docs.errors(400, 401, 403, 413, 422),
    },
    dependencies=[WriteAccess],
)
async def upload(
    request: Request,
    services: ServicesDep,
    file: Annotated[UploadFile, File(description="the document; its name gives its key")],
) -> Any:
    data = await file.read()
    base = str(request.base_url).rstrip("/")
    status, added = await run_in_threadpool(
        add_document, services, data, file.filename or "upload", base
    )
    return JSONResponse(added.model_dump(mode="json"), status_code=status)


@router.delete(
    "/documents/{key}",
    summary="Remove a document's graph from the store",
    status_code=204,
    responses={
        204: {"description": "The document's graph was removed"},
        **openapi_docs.errors(401, 403, 404),
    },
    dependencies=[WriteAccess],
)
async def delete(services: ServicesDep, key: Key) -> Response:
    if not await run_in_threadpool(remove_document, services.store, key):
        raise ApiError(404, "not-found", f"no document {key} in the store")
    return Response(status_code=204)
