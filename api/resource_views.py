"""Described graph nodes → the resource models clients read.

Each view reads the core vocabulary's terms from a ``Described`` item and
adds API links built from the item's IRI (the IRI scheme is stable, so the
links are too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlencode

from rdflib import RDFS, Literal, URIRef
from rdflib.term import Node

from api.resource_models import (
    Agency,
    Agreement,
    Commitment,
    Document,
    Evidence,
    Frequency,
    Nation,
    Ref,
    Timeline,
)
from api.resource_queries import Described
from graph.namespaces import DCTERMS, ID, OA, ORG, PG, PROV, SKOS, TIME

_ROUTES = (
    (re.compile(r"nation/([A-Z]{3})$"), "/nations/{0}"),
    (re.compile(r"agency/([A-Za-z0-9-]+)/([a-z0-9-]+)$"), "/agencies/{0}/{1}"),
    (re.compile(r"document/([A-Za-z0-9._-]+)/agreement/([A-Za-z0-9-]+)$"), "/agreements/{0}/{1}"),
    (re.compile(r"document/([A-Za-z0-9._-]+)/commitment/([A-Za-z0-9-]+)$"), "/commitments/{0}/{1}"),
    (re.compile(r"document/([A-Za-z0-9._-]+)$"), "/documents/{0}"),
)


Routes = tuple[tuple[re.Pattern[str], str], ...]


def routed(iri: Node | str, routes: Routes) -> str | None:
    """The path the first route whose pattern matches ``iri`` (after ``id/``) gives; else None."""
    text = str(iri)
    if not text.startswith(str(ID)):
        return None
    local = text[len(str(ID)) :]
    for pattern, path in routes:
        match = pattern.match(local)
        if match:
            return path.format(*match.groups())
    return None


def href(iri: Node | str, base: str) -> str | None:
    """The API URL serving ``iri``, when its IRI follows the pactgraph scheme."""
    path = routed(iri, _ROUTES)
    return base + path if path is not None else None


def local_key(iri: Node, prefix: str) -> str:
    """The part of ``iri`` after ``ID + prefix`` ('crime/' → 'drug-trafficking')."""
    return str(iri).removeprefix(f"{ID}{prefix}")


def _texts(values: Iterable[Node]) -> list[str]:
    return sorted({str(v) for v in values})


def _ref(item: Described, node: Node, base: str) -> Ref:
    return Ref(iri=str(node), label=item.label_of(node), href=href(node, base))


def _refs(item: Described, predicate: URIRef, base: str) -> list[Ref]:
    return [_ref(item, node, base) for node in item.all(predicate) if isinstance(node, URIRef)]


def _first_ref(item: Described, predicate: URIRef, base: str) -> Ref | None:
    refs = _refs(item, predicate, base)
    return refs[0] if refs else None


def _number(value: Node | None) -> float | None:
    if isinstance(value, Literal):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def evidence(item: Described) -> list[Evidence]:
    """The item's evidence selectors, in document order."""
    found = []
    for selector in item.all(PG.evidence):
        exact, start, end = (item.of(selector, p) for p in (OA.exact, OA.start, OA.end))
        if exact is None or start is None or end is None:
            continue
        source = item.of(selector, OA.hasSource)
        found.append(
            Evidence(
                iri=str(selector),
                exact=str(exact),
                start=int(start),
                end=int(end),
                source=str(source) if source is not None else None,
            )
        )
    return sorted(found, key=lambda e: (e.start, e.end))


def nation(item: Described, base: str) -> Nation:
    code = item.text(DCTERMS.identifier) or local_key(item.iri, "nation/")
    return Nation(
        iri=str(item.iri),
        code=code,
        label=item.text(RDFS.label) or item.text(SKOS.prefLabel),
        alpha2=item.text(PG.alpha2),
        officialName=item.text(PG.officialName),
        altLabels=_texts(item.all(SKOS.altLabel)),
        demonyms=_texts(item.all(PG.demonym)),
        links={
            "self": f"{base}/nations/{code}",
            "agencies": f"{base}/agencies?nation={code}",
            "agreements": f"{base}/agreements?party={code}",
            "commitments": f"{base}/commitments?party={code}",
        },
    )


def agency(item: Described, base: str) -> Agency:
    owner = _first_ref(item, PG.agencyOf, base) or _first_ref(item, ORG.subOrganizationOf, base)
    links = {"commitments": f"{base}/commitments?{urlencode({'agency': str(item.iri)})}"}
    own = href(item.iri, base)
    if own:
        links["self"] = own
    if owner is not None and owner.href:
        links["owner"] = owner.href
    return Agency(
        iri=str(item.iri),
        label=item.text(RDFS.label),
        acronym=item.text(PG.acronym),
        owner=owner,
        agencyType=_first_ref(item, PG.agencyType, base),
        altLabels=_texts(item.all(SKOS.altLabel)),
        links=links,
    )


def _self_links(item: Described, base: str) -> dict[str, str]:
    own = href(item.iri, base)
    return {"self": own} if own else {}


def agreement(item: Described, base: str, *, detail: bool = False) -> Agreement:
    date = item.one(DCTERMS.date)
    return Agreement(
        iri=str(item.iri),
        label=item.text(RDFS.label),
        date=str(date) if date is not None else None,
        document=_first_ref(item, PROV.wasDerivedFrom, base),
        parties=_refs(item, PG.party, base),
        addresses=_refs(item, PG.addresses, base),
        commitments=_refs(item, PG.hasCommitment, base),
        evidence=evidence(item) if detail else None,
        links={
            **_self_links(item, base),
            "commitments": f"{base}/commitments?{urlencode({'agreement': str(item.iri)})}",
        },
    )


def _timeline(item: Described) -> Timeline | None:
    node = item.one(PG.hasTimeline)
    if node is None:
        return None
    unit = item.of(node, TIME.unitType)
    label = item.label_of(node)
    return Timeline(
        iri=str(node),
        months=_number(item.of(node, PG.months)),
        value=_number(item.of(node, TIME.numericDuration)),
        unit=str(unit) if unit is not None else None,
        label=label,
    )


def _frequency(item: Described, base: str) -> Frequency | None:
    ref = _first_ref(item, PG.hasFrequency, base)
    if ref is None:
        return None
    interval = _number(item.of(URIRef(ref.iri), PG.intervalMonths))
    return Frequency(**ref.model_dump(), intervalMonths=interval)


def commitment(item: Described, base: str, *, detail: bool = False) -> Commitment:
    agreements = item.inverse(PG.hasCommitment)
    agreement_ref = None
    if agreements:
        agreement_ref = Ref(iri=str(agreements[0]), href=href(agreements[0], base))
    return Commitment(
        iri=str(item.iri),
        label=item.text(RDFS.label),
        description=item.text(DCTERMS.description),
        agreement=agreement_ref,
        document=_first_ref(item, PROV.wasDerivedFrom, base),
        committedBy=_refs(item, PG.committedBy, base),
        implementedBy=_refs(item, PG.implementedBy, base),
        addresses=_refs(item, PG.addresses, base),
        outcomes=_refs(item, PG.aimsAt, base),
        timeline=_timeline(item),
        frequency=_frequency(item, base),
        evidence=evidence(item) if detail else None,
        links=_self_links(item, base),
    )


def document(item: Described, base: str) -> Document:
    key = item.text(PG.documentKey) or local_key(item.iri, "document/")
    date = item.one(DCTERMS.date)
    media = item.one(DCTERMS.format)
    return Document(
        iri=str(item.iri),
        key=key,
        title=item.text(DCTERMS.title),
        date=str(date) if date is not None else None,
        sha256=item.text(PG.contentSha256),
        format=str(media) if media is not None else None,
        sourceName=item.text(PG.sourceName),
        links={
            "self": f"{base}/documents/{key}",
            "graph": f"{base}/store?graph={item.iri}",
        },
    )
