"""The one store interface used by the loader, the CLI and the API alike.

A store holds one named graph per source document (the graph's name is the
document's IRI) plus shared graphs (the model, gazetteers, inferences).
Every write of a document graph is atomic: readers see the old or the new
version, never half.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from rdflib import Graph, URIRef


class StoreError(Exception):
    """A store refused an operation; the message says what and why."""


class UnsafeQueryError(StoreError):
    """A query or update would reach outside the store (SERVICE, LOAD, FROM <file:...>)."""


class QuerySyntaxError(StoreError):
    """The SPARQL text does not parse; a client error, not a store failure."""


class NotAcceptableError(StoreError):
    """No serialization the store offers fits the requested media type(s) for this result kind."""


@dataclass(frozen=True)
class QueryResult:
    """A SPARQL result in a store-neutral form.

    ``kind`` is 'bindings' (SELECT), 'boolean' (ASK) or 'graph' (CONSTRUCT/DESCRIBE).
    ``payload`` is the serialized result in ``media_type`` as the store produced it.
    """

    kind: str
    media_type: str
    payload: bytes


@runtime_checkable
class Store(Protocol):
    """What every pactgraph store offers."""

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Atomically replace (or create) named graph ``name`` with the triples of ``graph``."""

    def replace_graphs(self, graphs: Mapping[URIRef, str]) -> None:
        """Replace several named graphs, given as N-Triples text, as one write where the store
        can (a load stores a batch of documents and their entailments at once)."""

    def remove_graph(self, name: URIRef) -> bool:
        """Drop named graph ``name``; True when it existed."""

    def graph_names(self) -> list[URIRef]:
        """Names of every named graph in the store."""

    def get_graph(self, name: URIRef) -> Graph:
        """A copy of named graph ``name`` (empty when absent)."""

    def query(self, sparql: str, *, media_type: str | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all graphs; result serialized as ``media_type``.

        ``media_type`` is one media type or an HTTP Accept value; the first one that fits the
        result kind wins (see ``graph.store.media``); None means the kind's default.
        """

    def select(self, sparql: str) -> Iterator[dict[str, object]]:
        """Run a SELECT and yield rows as {variable: rdflib term or None}."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""

    def close(self) -> None:
        """Release files, sockets and locks."""
