"""The router of every page: each page's module adds its routes, this one gathers them."""

from __future__ import annotations

from fastapi import APIRouter

from api.web import actors, agreement, crimes, evidence, overview, query_page, upload_page
from graph.catalog import NamedQuery


def build_router(catalog: dict[str, NamedQuery]) -> APIRouter:
    """All pages; the named queries feed the overview's counts and the query page."""
    router = APIRouter(include_in_schema=False)
    router.include_router(overview.build_router())
    router.include_router(agreement.router)
    router.include_router(evidence.router)
    router.include_router(crimes.router)
    router.include_router(actors.router)
    router.include_router(query_page.build_router(catalog))
    router.include_router(upload_page.router)
    return router
