"""Agreements and commitments as resources, with the filters applications ask for.

``/commitments`` filters by party, crime category (narrower categories
included, through ``skos:broader*``), implementing agency, agreement,
frequency and how soon they are due (``pg:months`` ≤ N). A commitment
counts for a party or a crime when its agreement does.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from api import resource_views
from api.deps import ServicesDep
from api.resource_common import (
    Limit,
    Offset,
    absolute_iri,
    actors,
    describe,
    detail_query,
    invalid,
    keyed,
    page,
    respond,
    single,
)
from api.resource_models import Agreement, Commitment, Page
from api.resource_queries import described_query, term, typed, values
from api.resources import json_ld_variant
from graph.namespaces import PG, PROV, agency_iri, crime_iri, document_iri, frequency_iri

router = APIRouter(tags=["Resources"])

AGREEMENT_HOPS = (PG.party, PG.addresses, PG.hasCommitment, PROV.wasDerivedFrom)
COMMITMENT_HOPS = (
    PG.committedBy,
    PG.implementedBy,
    PG.addresses,
    PG.aimsAt,
    PG.hasTimeline,
    PG.hasFrequency,
    PROV.wasDerivedFrom,
)
COMMITMENT_INVERSE = (PG.hasCommitment,)

Party = Annotated[
    str | None, Query(description="code (USA, EU) or IRI of a party to the agreement")
]
Crime = Annotated[
    str | None,
    Query(description="crime category key (drug-trafficking, iccs-09) or IRI; narrower included"),
]


def _crime_pattern(value: str, subject: str) -> str:
    category = keyed("crime", value, crime_iri, "drug-trafficking")
    return (
        f"?crime skos:broader* {term(category)} . "
        f"{{ {subject} pg:addresses ?crime }} UNION "
        f"{{ ?crimeAgreement pg:hasCommitment {subject} ; pg:addresses ?crime }}"
    )


def _party_pattern(value: str, subject: str, via_commitment: bool) -> str:
    chosen = values("party", actors("party", value))
    if not via_commitment:
        return f"{chosen} {subject} pg:party ?party ."
    return (
        f"{chosen} {{ {subject} pg:committedBy ?party }} UNION "
        f"{{ ?partyAgreement pg:hasCommitment {subject} ; pg:party ?party }}"
    )


def agreement_selection(party: str | None = None, crime: str | None = None) -> str:
    """The agreements of ``party`` against ``crime`` (narrower included); the web pages share it."""
    patterns = []
    if party is not None:
        patterns.append(_party_pattern(party, "?item", via_commitment=False))
    if crime is not None:
        category = keyed("crime", crime, crime_iri, "drug-trafficking")
        patterns.append(f"?crime skos:broader* {term(category)} . ?item pg:addresses ?crime .")
    return typed(PG.Agreement, *patterns)


@router.get(
    "/agreements",
    response_model=Page[Agreement],
    summary="Agreements (pledges, treaties, joint announcements), optionally by party or crime",
    responses=json_ld_variant("A page of agreements"),
)
async def agreements(
    request: Request,
    services: ServicesDep,
    party: Party = None,
    crime: Crime = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    base = str(request.base_url).rstrip("/")
    selection = agreement_selection(party, crime)
    return await page(
        request,
        services,
        lambda size, skip: described_query(selection, AGREEMENT_HOPS, limit=size, offset=skip),
        lambda item: resource_views.agreement(item, base),
        limit,
        offset,
    )


Key = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", description="document key")]
Number = Annotated[str, Path(pattern=r"^[0-9][0-9-]*$", description="number within the document")]


@router.get(
    "/agreements/{key}/{number}",
    response_model=Agreement,
    summary="One agreement, with its evidence",
    responses=json_ld_variant("The agreement"),
)
async def agreement(request: Request, services: ServicesDep, key: Key, number: Number) -> Any:
    iri = URIRef(f"{document_iri(key)}/agreement/{number}")
    query = detail_query(iri, "?item a pg:Agreement .", (*AGREEMENT_HOPS, PG.evidence))
    item = single(await describe(services, query), "agreement", f"{key}/{number}")
    base = str(request.base_url).rstrip("/")
    return respond(request, resource_views.agreement(item, base, detail=True))


def _agency(value: str) -> URIRef:
    iri = absolute_iri(value)
    if iri is not None:
        return iri
    owner, _, slug = value.partition("/")
    if not re.fullmatch(r"[A-Za-z]{2,12}", owner) or not re.fullmatch(r"[a-z0-9-]+", slug):
        raise invalid(
            "agency",
            value,
            "an agency IRI or OWNER/slug such as USA/federal-bureau-of-investigation",
        )
    return agency_iri(owner, slug)


def commitment_patterns(
    party: str | None = None,
    crime: str | None = None,
    agency: str | None = None,
    agreement: str | None = None,
    frequency: str | None = None,
    due_within_months: Decimal | None = None,
) -> list[str]:
    """The filters of ``/commitments`` as patterns on ?item; the web pages share them."""
    patterns = []
    if party is not None:
        patterns.append(_party_pattern(party, "?item", via_commitment=True))
    if crime is not None:
        patterns.append(_crime_pattern(crime, "?item"))
    if agency is not None:
        patterns.append(f"?item pg:implementedBy {term(_agency(agency))} .")
    if agreement is not None:
        iri = absolute_iri(agreement)
        if iri is None:
            raise invalid("agreement", agreement, "the IRI of an agreement")
        patterns.append(f"{term(iri)} pg:hasCommitment ?item .")
    if frequency is not None:
        iri = keyed("frequency", frequency, frequency_iri, "monthly")
        patterns.append(f"?item pg:hasFrequency {term(iri)} .")
    if due_within_months is not None:
        horizon = Literal(str(due_within_months), datatype=XSD.decimal)
        patterns.append(f"?item pg:hasTimeline/pg:months ?due . FILTER(?due <= {term(horizon)})")
    return patterns


@router.get(
    "/commitments",
    response_model=Page[Commitment],
    summary="Commitments, filtered by party, crime (narrower included), agency, due date",
    responses=json_ld_variant("A page of commitments"),
)
async def commitments(
    request: Request,
    services: ServicesDep,
    party: Party = None,
    crime: Crime = None,
    agency: Annotated[
        str | None, Query(description="implementing agency: IRI or OWNER/slug, e.g. USA/...")
    ] = None,
    agreement: Annotated[str | None, Query(description="IRI of the agreement")] = None,
    frequency: Annotated[
        str | None, Query(description="frequency key (monthly, annual, ...) or IRI")
    ] = None,
    due_within_months: Annotated[
        Decimal | None,
        Query(ge=0, le=100_000, description="only commitments due within N months (pg:months)"),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    base = str(request.base_url).rstrip("/")
    patterns = commitment_patterns(party, crime, agency, agreement, frequency, due_within_months)
    selection = typed(PG.Commitment, *patterns)
    return await page(
        request,
        services,
        lambda size, skip: described_query(
            selection, COMMITMENT_HOPS, limit=size, offset=skip, inverse=COMMITMENT_INVERSE
        ),
        lambda item: resource_views.commitment(item, base),
        limit,
        offset,
    )


@router.get(
    "/commitments/{key}/{number}",
    response_model=Commitment,
    summary="One commitment, with its evidence",
    responses=json_ld_variant("The commitment"),
)
async def commitment(request: Request, services: ServicesDep, key: Key, number: Number) -> Any:
    iri = URIRef(f"{document_iri(key)}/commitment/{number}")
    hops = (*COMMITMENT_HOPS, PG.evidence)
    query = detail_query(iri, "?item a pg:Commitment .", hops, inverse=COMMITMENT_INVERSE)
    item = single(await describe(services, query), "commitment", f"{key}/{number}")
    base = str(request.base_url).rstrip("/")
    return respond(request, resource_views.commitment(item, base, detail=True))
