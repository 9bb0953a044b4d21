"""The document page: a source's stored text with the quotes of one fact highlighted.

``/ui/documents/{key}?node=IRI`` marks every quote of the node at its stored
offsets (``oa:start``/``oa:end`` count in ``pg:textContent``, which HTML and
PDF sources keep too), so any fact is checked in one click; without a node,
the page lists every fact drawn from the document, each linking to its quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from api.deps import ServicesDep
from api.documents import document_evidence, document_text
from api.errors import ApiError
from api.resource_models import NodeEvidence
from api.web import data
from api.web.render import PageRoute, render

router = APIRouter(route_class=PageRoute)

Key = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


@dataclass(frozen=True)
class Segment:
    """A run of the text; ``quote`` numbers it when it is highlighted (1, 2 ...)."""

    text: str
    quote: int | None = None


def spans(found: list[NodeEvidence], length: int) -> list[tuple[int, int]]:
    """The quotes' offsets within the text, in order, overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(0, e.start), min(length, e.end)) for e in found):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def segments(text: str, marked: list[tuple[int, int]]) -> list[Segment]:
    """``text`` cut at the marked spans, each span numbered from 1."""
    parts: list[Segment] = []
    position = 0
    for number, (start, end) in enumerate(marked, start=1):
        if start > position:
            parts.append(Segment(text[position:start]))
        parts.append(Segment(text[start:end], number))
        position = end
    if position < len(text):
        parts.append(Segment(text[position:]))
    return parts


def _kind(entry: NodeEvidence) -> str:
    names = [iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for iri in entry.types]
    preferred = [n for n in names if n not in ("Entity", "Actor", "Duration")]
    name = (preferred or names or ["Fact"])[0]
    return re.sub(
        r"(?<=[a-z])(?=[A-Z])", " ", name
    ).capitalize()  # NationalApproach → National approach


@router.get("/ui/documents/{key}", response_class=HTMLResponse)
async def document_page(
    request: Request,
    services: ServicesDep,
    key: Key,
    node: Annotated[str | None, Query(description="IRI of the fact to highlight")] = None,
) -> HTMLResponse:
    base = str(request.base_url).rstrip("/")
    document = await data.document(services, base, key)
    if document is None:
        raise ApiError(404, "not-found", f"no document {key} in the store")
    text = await document_text(services, key)
    evidence = await document_evidence(services, key)
    chosen = [entry for entry in evidence if entry.iri == node] if node else []
    if node and not chosen:
        raise ApiError(404, "not-found", f"no quote of {node} in the document {key}")
    mismatches = [e for e in chosen if text[e.start : e.end] != e.exact]
    facts = sorted({e.iri: e for e in evidence}.values(), key=lambda e: (e.start, e.iri))
    return render(
        request,
        "document.html",
        title=document.title or key,
        document=document,
        node=node,
        chosen=chosen,
        kind=_kind(chosen[0]) if chosen else None,
        segments=segments(text, spans(chosen, len(text))),
        mismatches=mismatches,
        facts=[(fact, _kind(fact)) for fact in facts],
    )
