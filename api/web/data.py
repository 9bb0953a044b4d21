"""What the pages show, fetched through the JSON API's own queries and views.

Every function here builds its SPARQL with the resource helpers
(``api.pacts``, ``api.resources``, ``api.resource_queries``) and turns rows
into the same models the JSON endpoints return: a page never has a query
path of its own, so it shows exactly what the API answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDFS, URIRef

from api import resource_views
from api.deps import Services
from api.pacts import (
    AGREEMENT_HOPS,
    COMMITMENT_HOPS,
    COMMITMENT_INVERSE,
    agreement_selection,
    commitment_patterns,
)
from api.resource_common import describe, detail_query
from api.resource_models import Agency, Agreement, Commitment, Document, Nation, Ref
from api.resource_queries import Described, described_query, term, typed
from api.resources import AGENCY_HOPS, agency_selection
from graph.namespaces import OA, PG, document_iri, nation_iri

#: A document's text is read on its own (``api.documents.document_text``), not with its facts.
TEXT = (PG.textContent,)


async def agreements(
    services: Services, base: str, party: str | None = None, crime: str | None = None
) -> list[Agreement]:
    """The agreements ``GET /agreements?party=&crime=`` lists, all of them."""
    query = described_query(agreement_selection(party, crime), AGREEMENT_HOPS)
    return [resource_views.agreement(item, base) for item in await describe(services, query)]


async def agreement(services: Services, base: str, iri: URIRef) -> Agreement | None:
    """One agreement with its evidence, as ``GET /agreements/{key}/{n}`` answers it."""
    query = detail_query(iri, "?item a pg:Agreement .", (*AGREEMENT_HOPS, PG.evidence))
    items = await describe(services, query)
    return resource_views.agreement(items[0], base, detail=True) if items else None


async def commitments(services: Services, base: str, **filters: str) -> list[Commitment]:
    """The commitments ``GET /commitments`` lists for ``filters`` (party, crime, agency, ...)."""
    selection = typed(PG.Commitment, *commitment_patterns(**filters))
    query = described_query(selection, COMMITMENT_HOPS, inverse=COMMITMENT_INVERSE)
    return [resource_views.commitment(item, base) for item in await describe(services, query)]


@dataclass(frozen=True)
class Part:
    """A safeguard or national approach of an agreement, in document order."""

    iri: str
    label: str
    start: int | None
    actor: Ref | None = None
    aspect: str | None = None


def _part(item: Described) -> Part:
    starts = [item.of(selector, OA.start) for selector in item.all(PG.evidence)]
    actor = item.one(PG.actor)
    aspect = item.one(PG.aspect)
    return Part(
        iri=str(item.iri),
        label=item.text(RDFS.label) or "",
        start=min((int(str(s)) for s in starts if s is not None), default=None),
        actor=Ref(iri=str(actor), label=item.label_of(actor)) if actor is not None else None,
        aspect=item.label_of(aspect) if aspect is not None else None,
    )


async def agreement_parts(services: Services, iri: URIRef, link: URIRef) -> list[Part]:
    """The nodes ``iri`` links to by ``link`` (safeguards, approaches), in document order."""
    query = described_query(f"{term(iri)} {term(link)} ?item .", (PG.evidence, PG.actor, PG.aspect))
    parts = [_part(item) for item in await describe(services, query)]
    return sorted(parts, key=lambda p: (p.start is None, p.start or 0, p.iri))


async def nation(services: Services, base: str, code: str) -> Nation | None:
    """A nation as ``GET /nations/{code}`` answers it."""
    items = await describe(services, detail_query(nation_iri(code), "?item a pg:Nation .", ()))
    return resource_views.nation(items[0], base) if items else None


async def agency(services: Services, base: str, iri: URIRef) -> Agency | None:
    """An agency as ``GET /agencies/{owner}/{slug}`` answers it."""
    items = await describe(services, detail_query(iri, "?item a pg:Agency .", AGENCY_HOPS))
    return resource_views.agency(items[0], base) if items else None


async def document(services: Services, base: str, key: str) -> Document | None:
    """A document as ``GET /documents/{key}`` describes it (its text left out)."""
    query = detail_query(document_iri(key), "?item a pg:SourceDocument .", (), skip=TEXT)
    items = await describe(services, query)
    return resource_views.document(items[0], base) if items else None


async def documents(services: Services, base: str) -> list[Document]:
    """Every document, as ``GET /documents`` lists them."""
    query = described_query(typed(PG.SourceDocument), skip=TEXT)
    return [resource_views.document(item, base) for item in await describe(services, query)]


async def agencies(services: Services, base: str, owner: str) -> list[Agency]:
    """The agencies of a nation or organization, as ``GET /agencies?nation=`` lists them."""
    query = described_query(agency_selection(owner), AGENCY_HOPS)
    return [resource_views.agency(item, base) for item in await describe(services, query)]


async def described(services: Services, iri: URIRef, type_pattern: str) -> Described | None:
    """One node with its own properties, when it has the type pattern."""
    items = await describe(services, detail_query(iri, type_pattern, ()))
    return items[0] if items else None
