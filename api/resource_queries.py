"""The SPARQL behind the resource endpoints: one query per page, described in one go.

A page is a subquery that picks the items (by type and filters, ordered by
IRI, one more than asked so the API knows whether a next page exists);
around it, the query fetches every property of each item and the chosen
properties of the nodes one hop away (labels of parties, a timeline's
months, an evidence selector's quote and offsets). ``collect`` folds those
rows into one ``Described`` per item. Every value put into the text is an
RDF term written by pyoxigraph, never raw input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.term import Node

from graph.namespaces import DCTERMS, OA, PG, SKOS, TIME

#: Properties read on nodes one hop from an item.
HOP_PROPERTIES = (
    RDF.type,
    RDFS.label,
    SKOS.prefLabel,
    SKOS.notation,
    DCTERMS.identifier,
    DCTERMS.title,
    PG.acronym,
    PG.months,
    PG.intervalMonths,
    TIME.numericDuration,
    TIME.unitType,
    OA.exact,
    OA.start,
    OA.end,
    OA.hasSource,
)


def term(node: Node) -> str:
    """``node`` written as a SPARQL term by pyoxigraph (validated, escaped)."""
    if isinstance(node, URIRef):
        return str(ox.NamedNode(str(node)))
    if isinstance(node, Literal):
        if node.datatype is not None:
            return str(ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype))))
        return str(ox.Literal(str(node), language=node.language))
    raise ValueError(f"cannot write {node!r} as a SPARQL term")


def values(variable: str, nodes: Iterable[Node]) -> str:
    """``VALUES ?variable { ... }`` for the given terms."""
    return f"VALUES ?{variable} {{ {' '.join(term(n) for n in nodes)} }}"


#: Prefixes every resource query may use in its selection patterns.
PROLOGUE = "".join(
    f"PREFIX {prefix}: <{namespace}>\n"
    for prefix, namespace in {
        "pg": PG,
        "skos": SKOS,
        "dcterms": DCTERMS,
        "oa": OA,
        "rdfs": RDFS,
    }.items()
)

#: Marks rows that carry an inverse link (?o ?p ?item) rather than a hop node.
INVERSE = URIRef("urn:x-pactgraph:inverse")


@dataclass
class Described:
    """An item's properties, the properties of the nodes it points at, and links to it."""

    iri: URIRef
    properties: dict[URIRef, list[Node]] = field(default_factory=dict)
    hops: dict[Node, dict[URIRef, list[Node]]] = field(default_factory=dict)

    def inverse(self, predicate: URIRef) -> list[Node]:
        """Subjects that point at this item with ``predicate``."""
        return sorted(self.hops.get(INVERSE, {}).get(predicate, []), key=str)

    def all(self, predicate: URIRef) -> list[Node]:
        return sorted(self.properties.get(predicate, []), key=str)

    def one(self, predicate: URIRef) -> Node | None:
        found = self.all(predicate)
        return found[0] if found else None

    def text(self, predicate: URIRef) -> str | None:
        value = self.one(predicate)
        return str(value) if value is not None else None

    def of(self, node: Node, predicate: URIRef) -> Node | None:
        """One value of ``predicate`` on the hop node ``node``."""
        found = sorted(self.hops.get(node, {}).get(predicate, []), key=str)
        return found[0] if found else None

    def label_of(self, node: Node) -> str | None:
        value = self.of(node, RDFS.label) or self.of(node, SKOS.prefLabel)
        return str(value) if value is not None else None


def described_query(
    selection: str,
    hops: Iterable[URIRef] = (),
    *,
    limit: int | None = None,
    offset: int = 0,
    inverse: Iterable[URIRef] = (),
    skip: Iterable[URIRef] = (),
) -> str:
    """Rows (?item ?node ?p ?o) for the items ``selection`` (a pattern binding ?item) picks.

    ``?node`` is unbound for the item's own properties (minus ``skip``), a hop
    node for properties of nodes the item links to by ``hops``, and INVERSE for
    subjects linking to the item by ``inverse``.
    """
    window = f"LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    skipped = " ".join(f"FILTER(?p != {term(p)})" for p in skip)
    branches = [f"{{ ?item ?p ?o {skipped} }}"]
    hop_list, inverse_list = list(hops), list(inverse)
    if hop_list:
        branches.append(
            f"{{ {values('link', hop_list)} ?item ?link ?node . "
            f"{values('p', HOP_PROPERTIES)} ?node ?p ?o . }}"
        )
    if inverse_list:
        branches.append(
            f"{{ {values('p', inverse_list)} ?o ?p ?item . BIND({term(INVERSE)} AS ?node) }}"
        )
    return (
        f"{PROLOGUE}"
        "SELECT ?item ?node ?p ?o WHERE {\n"
        f"  {{ SELECT DISTINCT ?item WHERE {{ {selection} }} ORDER BY ?item {window} }}\n"
        f"  {' UNION '.join(branches)}\n"
        "}"
    )


def collect(rows: Iterable[dict[str, Node | None]]) -> list[Described]:
    """Rows of ``described_query`` folded per item, ordered by IRI like the page."""
    items: dict[URIRef, Described] = {}
    for row in rows:
        item, node, predicate, value = row["item"], row["node"], row["p"], row["o"]
        if not isinstance(item, URIRef) or predicate is None or value is None:
            continue
        described = items.setdefault(item, Described(item))
        target = described.properties if node is None else described.hops.setdefault(node, {})
        target.setdefault(URIRef(str(predicate)), []).append(value)
    return [items[key] for key in sorted(items, key=str)]


def typed(type_iri: URIRef, *patterns: str) -> str:
    """A selection pattern: items of ``type_iri`` that match ``patterns``."""
    return " ".join([f"?item a {term(type_iri)} .", *patterns])


def crime_tree_query(scheme: URIRef) -> str:
    """Every concept of the crime scheme with its label, notation and broader concepts."""
    return (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?concept ?label ?notation ?broader ?definition WHERE {\n"
        f"  ?concept skos:inScheme {term(scheme)} .\n"
        "  OPTIONAL { ?concept skos:prefLabel ?label FILTER(LANGMATCHES(LANG(?label), 'en')) }\n"
        "  OPTIONAL { ?concept skos:notation ?notation }\n"
        "  OPTIONAL { ?concept skos:definition ?definition "
        "FILTER(LANGMATCHES(LANG(?definition), 'en')) }\n"
        f"  OPTIONAL {{ ?concept skos:broader ?broader . ?broader skos:inScheme {term(scheme)} }}\n"
        "} ORDER BY ?concept"
    )


def evidence_query(document: URIRef) -> str:
    """Every node with evidence in ``document``'s graph: its types, label and quotes."""
    return (
        "PREFIX pg: <https://w3id.org/pactgraph/ontology#>\n"
        "PREFIX oa: <http://www.w3.org/ns/oa#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?node ?type ?label ?exact ?start ?end WHERE {\n"
        f"  GRAPH {term(document)} {{\n"
        "    ?node pg:evidence ?selector .\n"
        "    ?selector oa:exact ?exact ; oa:start ?start ; oa:end ?end .\n"
        "    OPTIONAL { ?node a ?type }\n"
        "    OPTIONAL { ?node rdfs:label ?label }\n"
        "  }\n"
        "} ORDER BY ?start ?node ?type"
    )


def text_query(document: URIRef) -> str:
    """The stored text of ``document``, the text every evidence offset counts in."""
    node = term(document)
    return (
        "PREFIX pg: <https://w3id.org/pactgraph/ontology#>\n"
        f"SELECT ?text WHERE {{ GRAPH {node} {{ {node} pg:textContent ?text }} }}"
    )
