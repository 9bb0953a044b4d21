"""The model inside the store: ontology, vocabularies and gazetteers in one named graph.

Queries join document graphs with the model (a nation's identifier, a
category's broader categories), so the store carries the model in the graph
``id/graph/model``, refreshed whenever the Turtle files change.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from graph.namespaces import DCTERMS, ID
from graph.ontology.files import model_files, model_graph
from graph.store.base import Store
from graph.store.terms import Triple

MODEL_GRAPH = URIRef(f"{ID}graph/model")


def model_fingerprint() -> str:
    """SHA-256 over the model's Turtle files: changes when any of them does."""
    digest = hashlib.sha256()
    for path in model_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stored_fingerprint(store: Store) -> str | None:
    rows = list(
        store.select(
            f"SELECT ?v WHERE {{ GRAPH <{MODEL_GRAPH}> "
            f"{{ <{MODEL_GRAPH}> <{DCTERMS.hasVersion}> ?v }} }}"
        )
    )
    return str(rows[0]["v"]) if rows and rows[0].get("v") is not None else None


def ensure_model(store: Store) -> bool:
    """Put the current model into the store unless it is there already; True when written."""
    fingerprint = model_fingerprint()
    if _stored_fingerprint(store) == fingerprint:
        return False
    graph = Graph()
    for triple in model_graph():
        graph.add(triple)
    graph.add((MODEL_GRAPH, DCTERMS.hasVersion, Literal(fingerprint)))
    store.replace_graph(MODEL_GRAPH, graph)
    return True


@cache
def _model_index() -> tuple[dict[Node, list[Triple]], dict[Node, list[Node]]]:
    """The model's triples by subject, and each subject's types: read once, looked up
    for every node a document names."""
    about: dict[Node, list[Triple]] = defaultdict(list)
    types: dict[Node, list[Node]] = defaultdict(list)
    for triple in model_graph():
        about[triple[0]].append(triple)
        if triple[1] == RDF.type:
            types[triple[0]].append(triple[2])
    return dict(about), dict(types)


@cache
def described_nodes() -> frozenset[URIRef]:
    """The nodes the model has triples about: only these have a ``node_description``."""
    return frozenset(node for node in _model_index()[0] if isinstance(node, URIRef))


def node_description(node: URIRef) -> tuple[Triple, ...]:
    """The model's triples about ``node``, with the types of the nodes they point at: an
    agency's nation or organization must be known as one."""
    about, types = _model_index()
    own = about.get(node, [])
    targets = {o for _, _, o in own if isinstance(o, URIRef)}
    kinds = [(t, RDF.type, kind) for t in sorted(targets) for kind in types.get(t, ())]
    return (*own, *kinds)


def model_subset(graphs: Iterable[Graph]) -> Graph:
    """The model's description of every node the graphs refer to (for self-contained exports)."""
    referenced: set[URIRef] = set()
    for graph in graphs:
        referenced |= {o for o in graph.objects() if isinstance(o, URIRef)}
    subset = Graph()
    for node in referenced:
        for triple in node_description(node):
            subset.add(triple)
    return subset
