"""What became of each commitment (issue 12): status history, scorecard, overdue commitments.

The resources run the named queries of the same names (``queries/*.rq``), so the API and
SPARQL users see the same answers; they are shaped as plain JSON rows for applications
(the agreement page's status-history section among them).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query

from api import openapi_docs
from api.deps import ServicesDep
from api.pacts import Key, Number, Party
from api.resource_common import actors, select
from graph.catalog import NamedQuery, load_catalog
from graph.lexicon import lexicon
from graph.namespaces import document_iri

router = APIRouter(tags=["Follow-ups"])

Today = Annotated[
    date | None, Query(description="the day to judge overdue commitments on (default: today)")
]


@cache
def _queries() -> dict[str, NamedQuery]:
    return load_catalog()


def _plain(value: object) -> Any:
    if value is None:
        return None
    return str(value)


async def _rows(services: ServicesDep, name: str, values: dict[str, str]) -> dict[str, Any]:
    query = _queries()[name].bind(values)
    rows = await select(services, query)
    return {"items": [{k: _plain(v) for k, v in row.items()} for row in rows]}


def _today(today: date | None) -> dict[str, str]:
    return {"today": today.isoformat()} if today is not None else {}


@router.get(
    "/commitments/{key}/{number}/status-history",
    summary="Every status reported for a commitment, oldest first; the latest is current",
    responses=openapi_docs.errors(422),
)
async def status_history(services: ServicesDep, key: Key, number: Number) -> dict[str, Any]:
    commitment = f"{document_iri(key)}/commitment/{number}"
    return await _rows(services, "commitment-status-history", {"commitment": commitment})


@router.get(
    "/agreements/{key}/{number}/scorecard",
    summary="Each commitment of an agreement with its latest status, overdue ones flagged",
    responses=openapi_docs.errors(422),
)
async def scorecard(
    services: ServicesDep, key: Key, number: Number, today: Today = None
) -> dict[str, Any]:
    agreement = f"{document_iri(key)}/agreement/{number}"
    return await _rows(services, "agreement-scorecard", {"agreement": agreement, **_today(today)})


@router.get(
    "/overdue-commitments",
    summary="Commitments past their timeline and not fulfilled, across all agreements",
    responses=openapi_docs.errors(422),
)
async def overdue(services: ServicesDep, party: Party = None, today: Today = None) -> Any:
    values = _today(today)
    if party is not None:
        candidates = actors("party", party)
        known = lexicon().actors
        values["party"] = str(next((c for c in candidates if c in known), candidates[0]))
    return await _rows(services, "overdue-commitments", values)
