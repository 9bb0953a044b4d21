"""Actor pages: a nation, an international organization or an agency, with the agreements it
is party to and the commitments it leads.

A nation or organization leads a commitment through one of its agencies
(``pg:implementedBy`` an agency that is ``pg:agencyOf`` it); an agency leads
the commitments that name it. Lists come from the same queries as
``/agreements?party=``, ``/agencies?nation=`` and ``/commitments?agency=``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse
from rdflib import RDFS

from api.deps import Services, ServicesDep
from api.errors import ApiError
from api.resource_models import Agency, Agreement, Commitment
from api.web import data
from api.web.render import PageRoute, render
from graph.namespaces import DCTERMS, agency_iri, organization_iri

router = APIRouter(route_class=PageRoute)

Code = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{2,12}$")]


def _agreements_of(commitments: list[Commitment], agreements: list[Agreement]) -> list[Agreement]:
    wanted = {c.agreement.iri for c in commitments if c.agreement}
    return [agreement for agreement in agreements if agreement.iri in wanted]


async def _party_page(
    request: Request, services: Services, iri: str, code: str, facts: dict[str, Any]
) -> HTMLResponse:
    """The page of a party (nation or organization): its agreements, agencies and their lead."""
    base = str(request.base_url).rstrip("/")
    agreements = await data.agreements(services, base, party=iri)
    agencies = await data.agencies(services, base, owner=iri)
    own = {agency.iri for agency in agencies}
    commitments = [
        commitment
        for commitment in await data.commitments(services, base, party=iri)
        if any(ref.iri in own for ref in commitment.implementedBy)
    ]
    return render(
        request,
        "actor.html",
        title=facts["label"],
        facts=facts,
        code=code,
        agreements=agreements,
        agencies=agencies,
        commitments=commitments,
        all_agreements={a.iri: a for a in await data.agreements(services, base)},
    )


@router.get("/ui/nations/{code}", response_class=HTMLResponse)
async def nation_page(request: Request, services: ServicesDep, code: Code) -> HTMLResponse:
    nation = await data.nation(services, str(request.base_url).rstrip("/"), code)
    if nation is None:
        raise ApiError(404, "not-found", f"no nation {code.upper()} in the store")
    facts = {
        "kind": "Nation",
        "label": nation.label or nation.code,
        "Code": f"{nation.code} ({nation.alpha2})" if nation.alpha2 else nation.code,
        "Official name": nation.officialName,
        "Also called": ", ".join(nation.altLabels) or None,
        "json": nation.links.get("self"),
    }
    return await _party_page(request, services, nation.iri, nation.code, facts)


@router.get("/ui/organizations/{code}", response_class=HTMLResponse)
async def organization_page(request: Request, services: ServicesDep, code: Code) -> HTMLResponse:
    iri = organization_iri(code)
    item = await data.described(services, iri, "?item a pg:InternationalOrganization .")
    if item is None:
        raise ApiError(404, "not-found", f"no international organization {code} in the store")
    facts = {
        "kind": "International organization",
        "label": item.text(RDFS.label) or code.upper(),
        "Code": item.text(DCTERMS.identifier) or code.upper(),
    }
    return await _party_page(request, services, str(iri), code.upper(), facts)


@router.get("/ui/agencies/{owner}/{slug}", response_class=HTMLResponse)
async def agency_page(
    request: Request,
    services: ServicesDep,
    owner: Code,
    slug: Annotated[str, Path(pattern=r"^[a-z0-9-]+$")],
) -> HTMLResponse:
    base = str(request.base_url).rstrip("/")
    agency: Agency | None = await data.agency(services, base, agency_iri(owner, slug))
    if agency is None:
        raise ApiError(404, "not-found", f"no agency {owner.upper()}/{slug} in the store")
    commitments = await data.commitments(services, base, agency=agency.iri)
    everything = await data.agreements(services, base)
    facts = {
        "kind": "Agency",
        "label": agency.label or slug,
        "Acronym": agency.acronym,
        "Serves": agency.owner,
        "Type": agency.agencyType.label if agency.agencyType else None,
        "Also called": ", ".join(agency.altLabels) or None,
        "json": agency.links.get("self"),
    }
    return render(
        request,
        "actor.html",
        title=facts["label"],
        facts=facts,
        agreements=_agreements_of(commitments, everything),
        agencies=[],
        commitments=commitments,
        all_agreements={a.iri: a for a in everything},
    )
