"""rdflib terms to and from pyoxigraph terms, and one normal form for results.

The rest of pactgraph speaks rdflib; pyoxigraph and remote servers each spell
some terms their own way (``xsd:string`` on plain literals, language tags in
lower case, opaque blank node labels). Every literal that leaves a store is
built by ``literal`` so the same query gives equal rows from every store.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from graph.store.base import StoreError

RDF_LANG_STRING = URIRef(str(RDF) + "langString")
Triple = tuple[Node, Node, Node]


def literal(value: str, *, lang: str | None = None, datatype: str | None = None) -> Literal:
    """An rdflib literal in normal form from the parts a result format carries."""
    if lang:
        return Literal(value, lang=lang.lower())
    if datatype and datatype not in (str(XSD.string), str(RDF_LANG_STRING)):
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


def from_ox(term: object) -> Node | None:
    """The rdflib term for a pyoxigraph term (None stays None for unbound variables)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, lang=term.language, datatype=term.datatype.value)
    raise StoreError(f"unsupported RDF term in a result: {term!r} (RDF-star is not used here)")


class OxTerms:
    """Converts rdflib terms of one graph to pyoxigraph terms.

    Blank nodes get fresh pyoxigraph identities per converter, so the blank
    nodes of two documents never merge even when rdflib reused a label.
    """

    def __init__(self) -> None:
        self._bnodes: dict[BNode, ox.BlankNode] = {}

    def convert(self, term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        """The pyoxigraph term for ``term``; StoreError when pyoxigraph finds it invalid."""
        try:
            if isinstance(term, URIRef):
                return ox.NamedNode(str(term))
            if isinstance(term, BNode):
                return self._bnodes.setdefault(term, ox.BlankNode())
            if isinstance(term, Literal):
                return _ox_literal(term)
        except ValueError as error:
            raise StoreError(f"invalid RDF term {term!r}: {error}") from error
        raise StoreError(f"unsupported RDF term {term!r}")

    def triples(self, graph: Graph | Iterable[Triple]) -> Iterable[ox.Triple]:
        """The triples of ``graph`` (or of any triples) as pyoxigraph triples."""
        for s, p, o in graph:
            yield ox.Triple(self.convert(s), self.convert(p), self.convert(o))


def _ox_literal(term: Literal) -> ox.Literal:
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype and term.datatype != XSD.string:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def ntriples(graph: Graph | Iterable[Triple]) -> str:
    """``graph`` (or any triples) as N-Triples text, which is also valid inside SPARQL
    ``INSERT DATA``.

    pyoxigraph's serializer escapes every string the way both grammars accept,
    and validates IRIs and language tags on the way.
    """
    data = ox.serialize(OxTerms().triples(graph), format=ox.RdfFormat.N_TRIPLES)
    return data.decode("utf-8") if data else ""
