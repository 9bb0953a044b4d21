"""The namespaces of the core vocabulary and the IRI scheme of instances.

Every IRI pactgraph mints goes through this module, so the public contract
(``../shared/spec/core-vocabulary.md``) lives in one place in code.
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS, TIME

# rdflib's closed namespaces for the W3C and DCMI vocabularies (DCTERMS.title
# is a term there, not str.title); plain namespaces for ours and for OA.
PG = Namespace("https://w3id.org/pactgraph/ontology#")
ID = Namespace("https://w3id.org/pactgraph/id/")
OA = Namespace("http://www.w3.org/ns/oa#")

PREFIXES: dict[str, object] = {
    "pg": PG,
    "id": ID,
    "prov": PROV,
    "dcterms": DCTERMS,
    "time": TIME,
    "skos": SKOS,
    "org": ORG,
    "oa": OA,
}

CRIME_SCHEME = URIRef(ID + "crime/")


def slug(text: str) -> str:
    """A lower-case ASCII slug: 'Polícia Federal' -> 'policia-federal'."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


def nation_iri(alpha3: str) -> URIRef:
    return URIRef(f"{ID}nation/{alpha3.upper()}")


def organization_iri(code: str) -> URIRef:
    return URIRef(f"{ID}org/{code.upper()}")


def agency_iri(owner_code: str, label: str) -> URIRef:
    """Agencies are keyed by the nation (or organization) they serve and their English name."""
    return URIRef(f"{ID}agency/{owner_code.upper()}/{slug(label)}")


def crime_iri(key: str) -> URIRef:
    return URIRef(f"{ID}crime/{key}")


def frequency_iri(key: str) -> URIRef:
    return URIRef(f"{ID}frequency/{key}")


def document_iri(key: str) -> URIRef:
    """A document and the named graph that holds its triples share this IRI."""
    return URIRef(f"{ID}document/{key}")


def media_iri(name: str) -> URIRef:
    return URIRef(f"{ID}media/{slug(name)}")
