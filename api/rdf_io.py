"""RDF in and out of the API: uploads parsed safely, graphs written as negotiated.

Uploads are parsed by pyoxigraph (which fetches nothing) after the guard has
refused remote JSON-LD contexts and dangerous XML entities, so a body can
never make the server read a file or call a host.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph

from api import guard
from api.errors import ApiError, syntax_position
from graph.namespaces import PREFIXES
from graph.store.embedded import RDF_FORMATS
from graph.store.terms import OxTerms, from_ox

#: Media types accepted for uploads of one graph.
UPLOAD_MEDIA = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "text/n3",
    "text/plain",
)
_PREFIXES = {key: str(namespace) for key, namespace in PREFIXES.items()}


def upload_format(content_type: str | None) -> ox.RdfFormat:
    """The RDF syntax of an upload, from its Content-Type; 415 for anything else."""
    media = (content_type or "").split(";")[0].strip().lower()
    fmt = ox.RdfFormat.N_TRIPLES if media == "text/plain" else ox.RdfFormat.from_media_type(media)
    if fmt is None or fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        offered = ", ".join(UPLOAD_MEDIA)
        raise ApiError(
            415,
            "unsupported-media-type",
            f"upload one graph as one of {offered}; got {media or 'no Content-Type'}",
        )
    return fmt


def parse_upload(data: bytes, content_type: str | None, base: str) -> list[ox.Triple]:
    """The triples of an uploaded graph; 400 with line and column when it does not parse."""
    fmt = upload_format(content_type)
    guard.check_rdf_upload(data, fmt)
    try:
        quads = list(ox.parse(data, format=fmt, base_iri=base))
    except SyntaxError as error:
        line, column = syntax_position(str(error))
        raise ApiError(
            400,
            "rdf-syntax-error",
            f"the {fmt.name} body does not parse: {error}",
            line=line,
            column=column,
        ) from None
    if any(not isinstance(quad.graph_name, ox.DefaultGraph) for quad in quads):
        raise ApiError(400, "named-graphs", "the body holds named graphs; upload one graph")
    return [quad.triple for quad in quads]


def to_rdflib(triples: Iterable[ox.Triple]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
    return graph


def from_rdflib(graph: Graph) -> list[ox.Triple]:
    return list(OxTerms().triples(graph))


def write(triples: Iterable[ox.Triple], media_type: str) -> bytes:
    """Triples serialized as ``media_type`` (one of the store's RDF media types)."""
    return ox.serialize(list(triples), format=RDF_FORMATS[media_type], prefixes=_PREFIXES) or b""


def ntriples(triples: Iterable[ox.Triple]) -> str:
    """N-Triples text, valid inside SPARQL INSERT DATA."""
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)
    return data.decode("utf-8") if data else ""
