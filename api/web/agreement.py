"""The agreement page, assembled from SECTIONS so a later section is one more entry.

Each section names its template and a loader that adds what it needs to
the page's context; the page fetches the agreement and its commitments once
(through the same queries as ``GET /agreements/{key}/{n}`` and
``GET /commitments?agreement=``) and hands both to every loader.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse
from rdflib import URIRef

from api import tracking
from api.deps import Services, ServicesDep
from api.errors import ApiError
from api.resource_models import Agreement, Commitment
from api.web import data, svg_graph, svg_timeline
from api.web.data import Part
from api.web.render import PageRoute, render
from graph.namespaces import ID, PG, document_iri

PLEDGED = ID["status/pledged"]


@dataclass(frozen=True)
class Context:
    """What every section may read: the agreement and its commitments."""

    services: Services
    agreement: Agreement
    commitments: list[Commitment]
    #: Loaders share what they fetch (the status histories feed two sections).
    fetched: dict[str, Any] = field(default_factory=dict, compare=False)


Loader = Callable[[Context], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Section:
    """One part of the page: its anchor, heading, template and the data it loads."""

    id: str
    title: str
    template: str
    load: Loader


async def _nothing(context: Context) -> dict[str, Any]:
    return {}


async def _timeline(context: Context) -> dict[str, Any]:
    title = f"Timeline of the commitments of {context.agreement.label}"
    marks = _status_marks(context.agreement, await _histories(context))
    return {"timeline_svg": svg_timeline.draw(context.commitments, title, marks)}


def _status_marks(
    agreement: Agreement, histories: list[StatusHistory]
) -> dict[str, list[svg_timeline.StatusMark]]:
    """Reported statuses (not the pledge) placed by date, when the agreement has one."""
    if not agreement.date:
        return {}
    marks: dict[str, list[svg_timeline.StatusMark]] = {}
    for history in histories:
        for row in history.reports:
            if row["status"] == str(PLEDGED) or not row.get("date"):
                continue
            marks.setdefault(history.commitment.iri, []).append(
                svg_timeline.StatusMark(
                    months=svg_timeline.months_between(agreement.date, row["date"]),
                    status=row["status"].rsplit("/", 1)[-1],
                    label=row.get("statusLabel") or row["status"],
                    date=row["date"],
                    current=row.get("current") == "true",
                )
            )
    return marks


async def _graph(context: Context) -> dict[str, Any]:
    title = f"Commitments of {context.agreement.label} and their outcomes, agencies and crimes"
    return {"graph_svg": svg_graph.draw(context.commitments, title)}


async def _safeguards(context: Context) -> dict[str, Any]:
    iri = URIRef(context.agreement.iri)
    return {"safeguards": await data.agreement_parts(context.services, iri, PG.safeguardedBy)}


def side_by_side(approaches: list[Part]) -> tuple[list[str], list[tuple[str, list[list[Part]]]]]:
    """Approaches as a table: one column per actor, one row per aspect, in document order."""
    actors: dict[str, str] = {}
    rows: dict[str, dict[str, list[Part]]] = {}
    for part in approaches:
        if part.actor is None:
            continue
        actors.setdefault(part.actor.iri, part.actor.label or part.actor.iri)
        rows.setdefault(part.aspect or "—", {}).setdefault(part.actor.iri, []).append(part)
    columns = sorted(actors, key=lambda iri: actors[iri])
    table = [(aspect, [cells.get(iri, []) for iri in columns]) for aspect, cells in rows.items()]
    return [actors[iri] for iri in columns], table


async def _approaches(context: Context) -> dict[str, Any]:
    iri = URIRef(context.agreement.iri)
    parts = await data.agreement_parts(context.services, iri, PG.hasNationalApproach)
    columns, rows = side_by_side(parts)
    return {"approach_columns": columns, "approach_rows": rows}


@dataclass(frozen=True)
class StatusHistory:
    """What follow-ups reported of one commitment, oldest first (the pledge included)."""

    commitment: Commitment
    reports: list[dict[str, Any]]


def _commitment_key(iri: str) -> tuple[str, str]:
    """``…/document/{key}/commitment/{number}`` → (key, number)."""
    document, _, number = iri.rpartition("/commitment/")
    return document.rpartition("/document/")[2], number


async def _histories(context: Context) -> list[StatusHistory]:
    """Each commitment a follow-up reported on, with every status reported, through the same
    resource as ``GET /commitments/{key}/{n}/status-history``; fetched once per page."""
    if "histories" not in context.fetched:
        histories = []
        for commitment in context.commitments:
            key, number = _commitment_key(commitment.iri)
            rows = (await tracking.status_history(context.services, key, number))["items"]
            if any(row["status"] != str(PLEDGED) for row in rows):
                histories.append(StatusHistory(commitment, rows))
        context.fetched["histories"] = histories
    return context.fetched["histories"]


async def _status(context: Context) -> dict[str, Any]:
    return {"status_histories": await _histories(context)}


SECTIONS: list[Section] = [
    Section("summary", "Parties and crime categories", "agreement/summary.html", _nothing),
    Section("commitments", "Commitments", "agreement/commitments.html", _nothing),
    Section("timeline", "Timeline", "agreement/timeline.html", _timeline),
    Section("status", "Status reported by follow-ups", "agreement/status.html", _status),
    Section("graph", "Commitments, outcomes, agencies and crimes", "agreement/graph.html", _graph),
    Section("safeguards", "Safeguards", "agreement/safeguards.html", _safeguards),
    Section("approaches", "Approaches of each party", "agreement/approaches.html", _approaches),
]

router = APIRouter(route_class=PageRoute)


def _document_order(commitment: Commitment) -> list[int]:
    """Commitments numbered 1-2, 1-10 ... sort as the document lists them."""
    number = commitment.iri.rsplit("/", 1)[-1]
    return [int(part) if part.isdigit() else 0 for part in number.split("-")]


Key = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
Number = Annotated[str, Path(pattern=r"^[0-9][0-9-]*$")]


@router.get("/ui/agreements/{key}/{number}", response_class=HTMLResponse)
async def agreement_page(
    request: Request, services: ServicesDep, key: Key, number: Number
) -> HTMLResponse:
    base = str(request.base_url).rstrip("/")
    iri = URIRef(f"{document_iri(key)}/agreement/{number}")
    agreement = await data.agreement(services, base, iri)
    if agreement is None:
        raise ApiError(404, "not-found", f"no agreement {key}/{number} in the store")
    commitments = await data.commitments(services, base, agreement=str(iri))
    commitments.sort(key=_document_order)
    context = Context(services, agreement, commitments)
    page: dict[str, Any] = {}
    for section in SECTIONS:
        page.update(await section.load(context))
    return render(
        request,
        "agreement.html",
        title=agreement.label or "Agreement",
        agreement=agreement,
        commitments=commitments,
        sections=SECTIONS,
        **page,
    )
