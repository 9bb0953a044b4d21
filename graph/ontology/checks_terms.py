"""Checks on the terms of the model: annotations, declarations, deprecations.

The core vocabulary is a public contract: researchers read a term's label
and definition before they query with it, and a misspelt pg: IRI in a
vocabulary or a shape silently matches nothing. These checks catch both.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from graph.namespaces import DCTERMS, ID, PG, SKOS
from graph.ontology.checks_source import Problem, Sources

REQUIRED_ANNOTATIONS = {
    RDFS.label: "rdfs:label",
    SKOS.definition: "skos:definition",
    RDFS.isDefinedBy: "rdfs:isDefinedBy",
}


def in_pg(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(PG)) and node != URIRef(PG)


def declared_pg_terms(sources: Sources) -> set[URIRef]:
    """pg: IRIs the model declares: those given an rdf:type in some model file."""
    return {s for s in sources.union.subjects(RDF.type, None) if in_pg(s)}  # type: ignore[misc]


def missing_annotations(sources: Sources) -> list[Problem]:
    """Every pg: term needs a label, a definition and a link back to the ontology."""
    graph = sources.union
    problems = []
    for term in sorted(declared_pg_terms(sources)):
        missing = [
            name for prop, name in REQUIRED_ANNOTATIONS.items() if not graph.value(term, prop)
        ]
        if missing:
            message = f"{sources.curie(term)} has no {' and no '.join(missing)}"
            problems.append(sources.problem(message, term, sources.model))
    return problems


def _iris_in(triple: tuple[Node, Node, Node]) -> Iterator[URIRef]:
    for node in triple:
        if isinstance(node, URIRef):
            yield node
        elif isinstance(node, Literal) and node.datatype is not None:
            yield node.datatype


def dangling_pg_iris(sources: Sources) -> list[Problem]:
    """Every pg: IRI used in any file (shapes included) must be declared in a model file."""
    declared = declared_pg_terms(sources)
    problems = []
    seen: set[URIRef] = set()
    for source in sources.everything:
        for triple in source.graph:
            for iri in _iris_in(triple):
                if in_pg(iri) and iri not in declared and iri not in seen:
                    seen.add(iri)
                    message = (
                        f"{sources.curie(iri)} is used in {source.name} "
                        "but no model file declares it (give it an rdf:type)"
                    )
                    problems.append(sources.problem(message, iri, [source], prefer_subject=False))
    return problems


def dangling_instance_iris(sources: Sources) -> list[Problem]:
    """Every instance IRI a file points at (a nation, a scheme, an agency type) must be described.

    An agency whose pg:agencyOf names a nation no gazetteer holds, or a shape
    requiring a scheme no vocabulary declares, breaks at query time.
    """
    described = set(sources.union.subjects())
    problems = []
    seen: set[Node] = set()
    for source in sources.everything:
        for obj in source.graph.objects():
            if not (isinstance(obj, URIRef) and str(obj).startswith(str(ID))):
                continue
            if obj in described or obj in seen:
                continue
            seen.add(obj)
            message = (
                f"{sources.curie(obj)} is pointed at in {source.name} "
                "but no model file describes it"
            )
            problems.append(sources.problem(message, obj, [source], prefer_subject=False))
    return problems


def deprecations_without_replacement(sources: Sources) -> list[Problem]:
    """A deprecated term stays forever and must tell its users what to use instead."""
    graph = sources.union
    problems = []
    for term, flag in graph.subject_objects(OWL.deprecated):
        if not (isinstance(flag, Literal) and str(flag).strip().lower() in {"true", "1"}):
            continue
        if graph.value(term, DCTERMS.isReplacedBy) is None:
            message = f"{sources.curie(term)} is owl:deprecated but has no dcterms:isReplacedBy"
            problems.append(sources.problem(message, term, sources.model))
    return sorted(problems, key=lambda p: p.term or "")
