"""The SPARQL 1.1 Service Description a GET /sparql without a query returns.

It tells a client what this endpoint speaks before it sends anything: the
query and update endpoints, the result formats, that the default graph is the
union of all graphs, and the named graphs (one per source document, plus the
model) that FROM, GRAPH and the dataset parameters may name.
"""

from __future__ import annotations

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from graph.namespaces import PREFIXES
from graph.store.media import (
    CSV,
    JSON_LD,
    N_QUADS,
    N_TRIPLES,
    RDF_XML,
    SPARQL_JSON,
    SPARQL_XML,
    TRIG,
    TSV,
    TURTLE,
)

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")

_FORMAT_IRIS = {
    SPARQL_JSON: FORMATS.SPARQL_Results_JSON,
    SPARQL_XML: FORMATS.SPARQL_Results_XML,
    CSV: FORMATS.SPARQL_Results_CSV,
    TSV: FORMATS.SPARQL_Results_TSV,
    TURTLE: FORMATS.Turtle,
    N_TRIPLES: FORMATS["N-Triples"],
    RDF_XML: FORMATS.RDF_XML,
    JSON_LD: FORMATS["JSON-LD"],
    N_QUADS: FORMATS["N-Quads"],
    TRIG: FORMATS.TriG,
}
#: rdflib serializer names of the media types the description is offered in.
RDFLIB_FORMATS = {
    TURTLE: "turtle",
    N_TRIPLES: "nt",
    RDF_XML: "xml",
    JSON_LD: "json-ld",
    N_QUADS: "nquads",
    TRIG: "trig",
}


def _service(graph: Graph, endpoint: str, language: URIRef) -> BNode:
    node = BNode()
    graph.add((node, RDF.type, SD.Service))
    graph.add((node, SD.endpoint, URIRef(endpoint)))
    graph.add((node, SD.supportedLanguage, language))
    return node


def describe(query_endpoint: str, update_endpoint: str | None, graph_names: list[URIRef]) -> Graph:
    """The description of this server; ``update_endpoint`` only when writes are enabled."""
    graph = Graph()
    for prefix, namespace in {**PREFIXES, "sd": SD, "formats": FORMATS}.items():
        graph.bind(prefix, namespace)
    service = _service(graph, query_endpoint, SD.SPARQL11Query)
    graph.add((service, DCTERMS.title, Literal("pactgraph SPARQL endpoint", lang="en")))
    for iri in _FORMAT_IRIS.values():
        graph.add((service, SD.resultFormat, iri))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    graph.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for name in graph_names:
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, name))
    if update_endpoint:
        _service(graph, update_endpoint, SD.SPARQL11Update)
    return graph
