"""The overview at ``/``: what the store holds, and its agreements filtered by party and crime."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from api.deps import ServicesDep
from api.resource_models import Agreement, Ref
from api.web import data
from api.web.render import PageRoute, render


def _choices(agreements: list[Agreement], field: str) -> list[Ref]:
    """The distinct parties or crime categories of ``agreements``, by label."""
    found = {ref.iri: ref for agreement in agreements for ref in getattr(agreement, field)}
    return sorted(found.values(), key=lambda ref: ((ref.label or ref.iri).lower(), ref.iri))


def build_router() -> APIRouter:
    router = APIRouter(route_class=PageRoute)

    @router.get("/", response_class=HTMLResponse)
    async def overview(
        request: Request,
        services: ServicesDep,
        party: Annotated[str | None, Query()] = None,
        crime: Annotated[str | None, Query()] = None,
    ) -> HTMLResponse:
        base = str(request.base_url).rstrip("/")
        party, crime = party or None, crime or None
        everything = await data.agreements(services, base)
        shown = everything
        if party or crime:
            shown = await data.agreements(services, base, party=party, crime=crime)
        counts = {
            "documents": len(await data.documents(services, base)),
            "agreements": len(everything),
            "parties": len(_choices(everything, "parties")),
            "commitments": sum(len(agreement.commitments) for agreement in everything),
        }
        by_label = sorted(shown, key=lambda a: (a.label or "").lower())
        shown = sorted(by_label, key=lambda a: a.date or "", reverse=True)  # newest; undated last
        return render(
            request,
            "overview.html",
            nav="overview",
            title="Overview",
            counts=counts,
            agreements=shown,
            parties=_choices(everything, "parties"),
            crimes=_choices(everything, "addresses"),
            party=party,
            crime=crime,
        )

    return router
