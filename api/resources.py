"""Resources for applications that do not speak SPARQL: nations, agencies, crime categories.

JSON by default, JSON-LD with ``Accept: application/ld+json``; lists are
paged with ``limit``/``offset`` and a ``next`` link (also sent as a ``Link``
header).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from rdflib import Literal, URIRef
from rdflib.term import Node

from api import openapi_docs, resource_views
from api.deps import Services, ServicesDep
from api.resource_common import (
    JSON_LD,
    Limit,
    Offset,
    actors,
    describe,
    detail_query,
    page,
    respond,
    select,
    single,
)
from api.resource_models import Agency, CrimeCategory, CrimeTree, Nation, Page
from api.resource_queries import crime_tree_query, described_query, typed, values
from graph.namespaces import CRIME_SCHEME, ORG, PG, agency_iri, nation_iri

router = APIRouter(tags=["Resources"])

AGENCY_HOPS = (PG.agencyOf, ORG.subOrganizationOf, PG.agencyType)


def json_ld_variant(description: str) -> dict[int | str, dict[str, Any]]:
    """The 200 response's JSON-LD variant (same document, inline @context)."""
    return {
        200: {
            "description": description,
            "content": {JSON_LD: {"schema": {"type": "object"}}},
        },
        **openapi_docs.errors(404, 406, 422),
    }


@router.get(
    "/nations",
    response_model=Page[Nation],
    summary="Nations (ISO 3166-1), ordered by code",
    responses=json_ld_variant("A page of nations"),
)
async def nations(
    request: Request, services: ServicesDep, limit: Limit = 100, offset: Offset = 0
) -> Any:
    base = str(request.base_url).rstrip("/")
    return await page(
        request,
        services,
        lambda size, skip: described_query(typed(PG.Nation), limit=size, offset=skip),
        lambda item: resource_views.nation(item, base),
        limit,
        offset,
    )


@router.get(
    "/nations/{code}",
    response_model=Nation,
    summary="One nation by its ISO 3166-1 alpha-3 code",
    responses=json_ld_variant("The nation"),
)
async def nation(
    request: Request,
    services: ServicesDep,
    code: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="alpha-3 code, e.g. USA")],
) -> Any:
    iri = nation_iri(code)
    items = await describe(services, detail_query(iri, "?item a pg:Nation .", ()))
    item = single(items, "nation", code.upper())
    return respond(request, resource_views.nation(item, str(request.base_url).rstrip("/")))


def agency_selection(nation: str | None = None) -> str:
    """Agencies, of one nation or organization (code or IRI) when given; the web pages share it."""
    patterns = []
    if nation is not None:
        patterns.append(f"{values('owner', actors('nation', nation))} ?item pg:agencyOf ?owner .")
    return typed(PG.Agency, *patterns)


@router.get(
    "/agencies",
    response_model=Page[Agency],
    summary="Government agencies, optionally of one nation or organization",
    responses=json_ld_variant("A page of agencies"),
)
async def agencies(
    request: Request,
    services: ServicesDep,
    nation: Annotated[
        str | None, Query(description="code (USA, EU) or IRI of the nation or organization")
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    base = str(request.base_url).rstrip("/")
    selection = agency_selection(nation)
    return await page(
        request,
        services,
        lambda size, skip: described_query(selection, AGENCY_HOPS, limit=size, offset=skip),
        lambda item: resource_views.agency(item, base),
        limit,
        offset,
    )


@router.get(
    "/agencies/{owner}/{slug}",
    response_model=Agency,
    summary="One agency, by the code of the nation it serves and its slug",
    responses=json_ld_variant("The agency"),
)
async def agency(
    request: Request,
    services: ServicesDep,
    owner: Annotated[str, Path(pattern=r"^[A-Za-z]{2,12}$", description="e.g. USA")],
    slug: Annotated[
        str, Path(pattern=r"^[a-z0-9-]+$", description="e.g. drug-enforcement-administration")
    ],
) -> Any:
    iri = agency_iri(owner, slug)
    query = detail_query(iri, "?item a pg:Agency .", AGENCY_HOPS)
    item = single(await describe(services, query), "agency", f"{owner.upper()}/{slug}")
    return respond(request, resource_views.agency(item, str(request.base_url).rstrip("/")))


def _tree(rows: list[dict[str, Node | None]], base: str) -> list[CrimeCategory]:
    """Concepts under their broader ones; a concept with two parents appears under both."""
    concepts: dict[str, dict[str, Any]] = {}
    children: dict[str, set[str]] = {}
    has_parent: set[str] = set()
    for row in rows:
        iri = str(row["concept"])
        entry = concepts.setdefault(iri, {"iri": iri})
        for field in ("label", "notation", "definition"):
            if isinstance(row.get(field), Literal):
                entry[field] = str(row[field])
        if isinstance(row.get("broader"), URIRef):
            children.setdefault(str(row["broader"]), set()).add(iri)
            has_parent.add(iri)

    def build(iri: str, seen: frozenset[str]) -> CrimeCategory:
        code = iri.removeprefix(str(CRIME_SCHEME))
        below = sorted(children.get(iri, set()) - seen)
        return CrimeCategory(
            code=code,
            narrower=[build(child, seen | {child}) for child in below],
            links={"commitments": f"{base}/commitments?crime={code}"},
            **concepts[iri],
        )

    roots = sorted(iri for iri in concepts if iri not in has_parent)
    return [build(root, frozenset({root})) for root in roots]


async def crime_tree(services: Services, base: str) -> list[CrimeCategory]:
    """The crime scheme's top concepts with their narrower ones (the web pages share it)."""
    return _tree(await select(services, crime_tree_query(CRIME_SCHEME)), base)


@router.get(
    "/crime-categories",
    response_model=CrimeTree,
    summary="The crime category scheme as a tree (ICCS sections down to pactgraph categories)",
    responses=json_ld_variant("The tree of crime categories"),
)
async def crime_categories(request: Request, services: ServicesDep) -> Any:
    tree = CrimeTree(items=await crime_tree(services, str(request.base_url).rstrip("/")))
    return respond(request, tree)
