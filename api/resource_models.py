"""The JSON of the resource endpoints, and the JSON-LD context that makes it RDF.

Every resource carries its stable IRI (``iri``) and API links (``href``,
``links``); the JSON-LD variant is the same document with ``CONTEXT``
inline, which maps ``iri`` to ``@id``, ``type`` to ``@type`` and every field
to its term of the pactgraph vocabulary (links and paging fields stay
unmapped, so a JSON-LD processor ignores them).
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from graph.namespaces import DCTERMS, OA, PG, PROV, SKOS, TIME

T = TypeVar("T")


class Ref(BaseModel):
    """A node another resource points at."""

    iri: str = Field(description="the node's stable IRI")
    label: str | None = None
    href: str | None = Field(None, description="where the API serves it, when it does")


class Frequency(Ref):
    """A recurrence; ``intervalMonths`` is the time between two occurrences (none: continuous)."""

    intervalMonths: float | None = None


class Evidence(BaseModel):
    """Where a node comes from: the exact source text and its character offsets."""

    iri: str
    exact: str
    start: int
    end: int
    source: str | None = Field(None, description="the source document's IRI")


class Nation(BaseModel):
    iri: str
    type: str = "Nation"
    code: str = Field(description="ISO 3166-1 alpha-3")
    label: str | None = None
    alpha2: str | None = None
    officialName: str | None = None
    altLabels: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    links: dict[str, str] = Field(default_factory=dict)


class Agency(BaseModel):
    iri: str
    type: str = "Agency"
    label: str | None = None
    acronym: str | None = None
    owner: Ref | None = Field(None, description="the nation or organization it serves")
    agencyType: Ref | None = None
    altLabels: list[str] = Field(default_factory=list)
    links: dict[str, str] = Field(default_factory=dict)


class Agreement(BaseModel):
    iri: str
    type: str = "Agreement"
    label: str | None = None
    date: str | None = None
    document: Ref | None = None
    parties: list[Ref] = Field(default_factory=list)
    addresses: list[Ref] = Field(default_factory=list)
    commitments: list[Ref] = Field(default_factory=list)
    evidence: list[Evidence] | None = None
    links: dict[str, str] = Field(default_factory=dict)


class Timeline(BaseModel):
    iri: str
    months: float | None = None
    value: float | None = None
    unit: str | None = None
    label: str | None = None


class Commitment(BaseModel):
    iri: str
    type: str = "Commitment"
    label: str | None = None
    description: str | None = None
    agreement: Ref | None = None
    document: Ref | None = None
    committedBy: list[Ref] = Field(default_factory=list)
    implementedBy: list[Ref] = Field(default_factory=list)
    addresses: list[Ref] = Field(default_factory=list)
    outcomes: list[Ref] = Field(default_factory=list)
    timeline: Timeline | None = None
    frequency: Frequency | None = None
    evidence: list[Evidence] | None = None
    links: dict[str, str] = Field(default_factory=dict)


class NodeEvidence(BaseModel):
    """A node extracted from a document, with its quote and offsets."""

    iri: str
    types: list[str] = Field(default_factory=list)
    label: str | None = None
    exact: str
    start: int
    end: int


class Document(BaseModel):
    iri: str
    type: str = "SourceDocument"
    key: str
    title: str | None = None
    date: str | None = None
    sha256: str | None = None
    format: str | None = None
    sourceName: str | None = None
    evidence: list[NodeEvidence] | None = None
    links: dict[str, str] = Field(default_factory=dict)


class CrimeCategory(BaseModel):
    iri: str
    type: str = "CriminalActivityCategory"
    code: str = Field(description="the key in the crime scheme, e.g. drug-trafficking")
    label: str | None = None
    notation: str | None = None
    definition: str | None = None
    narrower: list[CrimeCategory] = Field(default_factory=list)
    links: dict[str, str] = Field(default_factory=dict)


class Page(BaseModel, Generic[T]):
    """One page of a list; ``next`` is the URL of the following page, null on the last."""

    items: list[T]
    limit: int
    offset: int
    next: str | None = None


class CrimeTree(BaseModel):
    items: list[CrimeCategory] = Field(description="top concepts, each with its narrower ones")


def _id(term: str, datatype: str | None = None) -> dict[str, str]:
    entry = {"@id": term}
    if datatype:
        entry["@type"] = datatype
    return entry


XSD = "http://www.w3.org/2001/XMLSchema#"

#: The inline JSON-LD context of every resource document.
CONTEXT: dict[str, Any] = {
    "pg": str(PG),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "oa": str(OA),
    "time": str(TIME),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "iri": "@id",
    "type": "@type",
    "items": "@graph",
    "Nation": "pg:Nation",
    "Agency": "pg:Agency",
    "Agreement": "pg:Agreement",
    "Commitment": "pg:Commitment",
    "SourceDocument": "pg:SourceDocument",
    "CriminalActivityCategory": "pg:CriminalActivityCategory",
    "label": "rdfs:label",
    "code": "dcterms:identifier",
    "alpha2": "pg:alpha2",
    "officialName": "pg:officialName",
    "altLabels": "skos:altLabel",
    "demonyms": "pg:demonym",
    "acronym": "pg:acronym",
    "owner": "pg:agencyOf",
    "agencyType": "pg:agencyType",
    "date": _id("dcterms:date", "xsd:date"),
    "document": "prov:wasDerivedFrom",
    "parties": "pg:party",
    "addresses": "pg:addresses",
    "commitments": "pg:hasCommitment",
    "agreement": {"@reverse": "pg:hasCommitment"},
    "committedBy": "pg:committedBy",
    "implementedBy": "pg:implementedBy",
    "outcomes": "pg:aimsAt",
    "timeline": "pg:hasTimeline",
    "months": _id("pg:months", "xsd:decimal"),
    "value": _id("time:numericDuration", "xsd:decimal"),
    "unit": _id("time:unitType", "@id"),
    "frequency": "pg:hasFrequency",
    "intervalMonths": _id("pg:intervalMonths", "xsd:decimal"),
    "description": "dcterms:description",
    "evidence": "pg:evidence",
    "exact": "oa:exact",
    "start": _id("oa:start", "xsd:nonNegativeInteger"),
    "end": _id("oa:end", "xsd:nonNegativeInteger"),
    "source": _id("oa:hasSource", "@id"),
    "title": "dcterms:title",
    "key": "pg:documentKey",
    "sha256": "pg:contentSha256",
    "format": "dcterms:format",
    "sourceName": "pg:sourceName",
    "notation": "skos:notation",
    "definition": "skos:definition",
    "narrower": "skos:narrower",
    "types": "@type",
}
