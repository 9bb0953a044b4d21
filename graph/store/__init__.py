"""Stores of the pactgraph knowledge graph: one interface, an embedded and a remote kind.

``open_store`` is the single place that decides which store a command or the
API talks to, so every entry point reads the same settings the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from graph.namespaces import PREFIXES
from graph.store.base import (
    NotAcceptableError,
    QueryResult,
    QuerySyntaxError,
    Store,
    StoreError,
    UnsafeQueryError,
)
from graph.store.embedded import EmbeddedStore
from graph.store.media import CSV, JSON_LD, N_QUADS, N_TRIPLES, TRIG, TURTLE

__all__ = [
    "EXPORT_FORMATS",
    "EmbeddedStore",
    "NotAcceptableError",
    "QueryResult",
    "QuerySyntaxError",
    "Store",
    "StoreError",
    "UnsafeQueryError",
    "dataset_dump",
    "default_location",
    "open_store",
]

#: Where the embedded store lives unless told otherwise.
STORE_ENV = "PACTGRAPH_STORE"
DEFAULT_LOCATION = "pactgraph-data"
#: A location meaning "keep the store in memory" (tests, one-off runs).
MEMORY = ":memory:"

#: Export format keys (CLI ``--format``) and the media type each one writes.
EXPORT_FORMATS: dict[str, str] = {
    "ttl": TURTLE,
    "nt": N_TRIPLES,
    "trig": TRIG,
    "nq": N_QUADS,
    "jsonld": JSON_LD,
    "csv": CSV,
}
_DATASET_MEDIA = (TRIG, N_QUADS)
_RDFLIB_FORMATS = {
    TURTLE: "turtle",
    N_TRIPLES: "nt",
    TRIG: "trig",
    N_QUADS: "nquads",
    JSON_LD: "json-ld",
}


def default_location() -> Path:
    """$PACTGRAPH_STORE, else ./pactgraph-data."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_LOCATION)


def open_store(
    location: Path | str | None = None,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    store_endpoint: str | None = None,
    user: str | None = None,
    password: str | None = None,
    *,
    auth: str = "basic",
    allow_external: bool = False,
    memory_copy: bool = False,
) -> Store:
    """A remote store when ``endpoint`` is given, else the embedded store at ``location``.

    ``location`` ':memory:' keeps the embedded store in memory; ``memory_copy`` has an
    on-disk embedded store answer queries from a copy of itself in memory.
    """
    if endpoint:
        from graph.store.remote import RemoteStore

        return RemoteStore(
            endpoint,
            update_endpoint,
            store_endpoint,
            user=user,
            password=password,
            auth=auth,
            allow_external=allow_external,
        )
    place = default_location() if location is None else location
    path = None if str(place) == MEMORY else Path(place)
    return EmbeddedStore(path, allow_external=allow_external, memory_copy=memory_copy)


def _quads_select(name: URIRef | None) -> str:
    scope = f"VALUES ?graph {{ <{name}> }}" if name is not None else ""
    return (
        "SELECT ?graph ?subject ?predicate ?object WHERE { "
        f"{scope} GRAPH ?graph {{ ?subject ?predicate ?object }} }} "
        "ORDER BY ?graph ?subject ?predicate ?object"
    )


def dataset_dump(store: Store, name: URIRef | None = None, format: str = "trig") -> bytes:
    """Every graph (or graph ``name``) of ``store`` written as ``format`` (an EXPORT_FORMATS key).

    Single-graph formats (ttl, nt, jsonld) without a name get the merge of all
    graphs; CSV lists quads as graph,subject,predicate,object rows.
    """
    if format not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {format!r}; use one of {sorted(EXPORT_FORMATS)}")
    media = EXPORT_FORMATS[format]
    if media == CSV:
        return store.query(_quads_select(name), media_type=CSV).payload
    if isinstance(store, EmbeddedStore) and (name is not None or media in _DATASET_MEDIA):
        return store.dump(media, name)
    dataset = Dataset()
    for graph_name in [name] if name is not None else store.graph_names():
        target = dataset.graph(graph_name)
        for triple in store.get_graph(graph_name):
            target.add(triple)
    if media in _DATASET_MEDIA:
        return dataset.serialize(format=_RDFLIB_FORMATS[media], encoding="utf-8")
    merged = dataset.graph(name) if name is not None else _merge(dataset)
    return merged.serialize(format=_RDFLIB_FORMATS[media], encoding="utf-8")


def _merge(dataset: Dataset) -> Graph:
    """All triples of all graphs in one graph (blank nodes stay distinct per graph)."""
    merged = Graph()
    for key, namespace in PREFIXES.items():
        if key != "id":
            merged.bind(key, namespace)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged
