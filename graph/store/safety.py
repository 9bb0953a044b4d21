"""Keep SPARQL inside the store: no SERVICE, no LOAD, no FROM of foreign IRIs.

pactgraph serves a public SPARQL endpoint; a query that calls ``SERVICE
<http://...>``, ``LOAD <...>`` or names ``FROM <file:///...>`` would turn the
server into a fetcher of other hosts or files. The checks read the parse tree
of rdflib's SPARQL parser, so a keyword inside a string literal or a comment
is harmless, and relative IRIs and prefixed names are resolved as the engine
would resolve them. Most queries contain none of the keywords at all; those
skip the (slow, ~100 ms) parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from pyparsing import ParseBaseException
from rdflib import URIRef, Variable
from rdflib.plugins.sparql.algebra import translatePrologue
from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Prologue

from graph.store.base import QuerySyntaxError, UnsafeQueryError

#: Keywords without which a request cannot reach outside (case-insensitive). A keyword is a
#: token of its own: "prov:wasDerivedFrom" holds no FROM, and is not worth a parse.
_TRIGGERS = re.compile(r"(?<![\w])(?:service|load|from|using)(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Reach:
    """What a query or update would touch outside the plain store graphs."""

    services: tuple[str, ...] = ()
    loads: tuple[str, ...] = ()
    dataset_graphs: tuple[str, ...] = ()

    @property
    def names_dataset(self) -> bool:
        """True when FROM/FROM NAMED/USING choose the dataset (no union default graph then)."""
        return bool(self.dataset_graphs)


def _might_reach(sparql: str) -> bool:
    return _TRIGGERS.search(expandUnicodeEscapes(sparql)) is not None


def _walk(node: object) -> Iterator[CompValue]:
    """Every CompValue in a parse tree, depth first."""
    if isinstance(node, CompValue):
        yield node
        children: Iterable[object] = node.values()
    elif isinstance(node, list | tuple) or hasattr(node, "as_list"):
        children = node
    else:
        return
    for child in children:
        yield from _walk(child)


def _iri(prologue: Prologue, term: object) -> str:
    """The absolute IRI a parsed IRI, prefixed name or variable stands for."""
    if isinstance(term, Variable):
        return f"?{term}"
    return str(prologue.absolutize(term))


def _collect(tree: object, prologue: Prologue) -> Reach:
    services: list[str] = []
    loads: list[str] = []
    graphs: list[str] = []
    for node in _walk(tree):
        if node.name == "ServiceGraphPattern":
            services.append(_iri(prologue, node.term))
        elif node.name == "Load":
            loads.append(_iri(prologue, node.iri))
        elif node.name in ("DatasetClause", "UsingClause"):
            chosen = node.default if "default" in node else node.named
            graphs.append(_iri(prologue, chosen))
    return Reach(tuple(services), tuple(loads), tuple(graphs))


def _merge(parts: Iterable[Reach]) -> Reach:
    parts = list(parts)
    return Reach(
        tuple(s for p in parts for s in p.services),
        tuple(s for p in parts for s in p.loads),
        tuple(s for p in parts for s in p.dataset_graphs),
    )


def _unreadable(kind: str, error: ParseBaseException) -> QuerySyntaxError:
    return QuerySyntaxError(
        f"SPARQL {kind} refused: it mentions SERVICE, LOAD, FROM or USING and does not parse, "
        f"so it cannot be checked for external access ({error})"
    )


@lru_cache(maxsize=512)
def inspect_query(sparql: str) -> Reach:
    """What a SPARQL query reaches; empty when it stays inside the store's graphs.

    Cached: the named queries and a client's repeated queries are parsed once.
    """
    if not _might_reach(sparql):
        return Reach()
    try:
        prologue_tree, query_tree = parseQuery(sparql)
    except ParseBaseException as error:
        raise _unreadable("query", error) from error
    return _collect(query_tree, translatePrologue(prologue_tree, None))


def inspect_update(sparql: str) -> Reach:
    """What a SPARQL update request reaches, over all its operations."""
    if not _might_reach(sparql):
        return Reach()
    try:
        tree = parseUpdate(sparql)
    except ParseBaseException as error:
        raise _unreadable("update", error) from error
    prologue: Prologue | None = None
    parts = []
    for prologue_tree, operation in zip(tree.prologue, tree.request or [], strict=False):
        prologue = translatePrologue(prologue_tree, None, prologue=prologue)
        parts.append(_collect(operation, prologue))
    return _merge(parts)


def enforce(reach: Reach, store_graphs: Callable[[], Iterable[URIRef]]) -> None:
    """Raise UnsafeQueryError unless ``reach`` stays within the store.

    ``store_graphs`` is only called when a FROM/USING clause needs checking.
    """
    hint = "pass allow_external=True to the store to permit it"
    if reach.services:
        raise UnsafeQueryError(
            f"SERVICE {', '.join(reach.services)} refused: federated queries would make this "
            f"server call other hosts ({hint})"
        )
    if reach.loads:
        raise UnsafeQueryError(
            f"LOAD {', '.join(reach.loads)} refused: the store does not fetch documents ({hint})"
        )
    if reach.dataset_graphs:
        known = {str(name) for name in store_graphs()}
        foreign = [iri for iri in reach.dataset_graphs if iri not in known]
        if foreign:
            raise UnsafeQueryError(
                f"FROM/USING {', '.join(foreign)} refused: not a graph of this store, and the "
                f"store reads no outside sources ({hint})"
            )
