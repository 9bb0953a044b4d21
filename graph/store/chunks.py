"""SPARQL Update text that replaces a graph, for servers reached over HTTP.

Two server habits shape it. Virtuoso refuses blank nodes in ``INSERT DATA``
("constant clause"), so triples go in ``INSERT { GRAPH <g> {...} } WHERE {}``
templates, which every SPARQL 1.1 server accepts. Large graphs are cut into
several such operations, and a template's blank nodes are fresh per
operation, so every triple that shares a blank node (transitively) lands in
the same operation: the graph's shape survives the cut.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import Graph, URIRef

from graph.store.terms import OxTerms


def _components(triples: list[ox.Triple]) -> list[list[ox.Triple]]:
    """Triples grouped so that no blank node is shared between two groups."""
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        parent.setdefault(label, label)
        while parent[label] != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    for triple in triples:
        labels = [t.value for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)]
        for other in labels[1:]:
            parent[root(other)] = root(labels[0])
    groups: dict[str, list[ox.Triple]] = {}
    plain: list[list[ox.Triple]] = []
    for triple in triples:
        node = next(
            (t for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)), None
        )
        if node is None:
            plain.append([triple])
        else:
            groups.setdefault(root(node.value), []).append(triple)
    return plain + list(groups.values())


def insert_operations(name: URIRef, graph: Graph, chunk_triples: int) -> Iterator[str]:
    """``INSERT {...} WHERE {}`` operations adding ``graph`` to graph ``name``, each about
    ``chunk_triples`` triples (a blank-node group larger than that stays whole)."""
    triples = list(OxTerms().triples(graph))
    target = str(ox.NamedNode(str(name)))
    batch: list[ox.Triple] = []
    for group in _components(triples):
        if batch and len(batch) + len(group) > chunk_triples:
            yield _insert(target, batch)
            batch = []
        batch.extend(group)
    if batch:
        yield _insert(target, batch)


def _insert(target: str, triples: list[ox.Triple]) -> str:
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return f"INSERT {{ GRAPH {target} {{\n{body}}} }} WHERE {{}}"


def replace_requests(
    name: URIRef, graph: Graph, *, chunk_triples: int, max_request_chars: int
) -> list[str]:
    """Update requests that replace graph ``name`` by ``graph``.

    One request (atomic where the server runs a request as one transaction)
    unless the text would pass ``max_request_chars``; then several, the first
    dropping the old graph.
    """
    target = str(ox.NamedNode(str(name)))
    requests: list[str] = []
    current = [f"DROP SILENT GRAPH {target}"]
    size, inserts = len(current[0]), 0
    for operation in insert_operations(name, graph, chunk_triples):
        if inserts and size + len(operation) > max_request_chars:
            requests.append(" ;\n".join(current))
            current, size, inserts = [], 0, 0
        current.append(operation)
        size += len(operation) + 3
        inserts += 1
    requests.append(" ;\n".join(current))
    return requests
