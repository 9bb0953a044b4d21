"""Results from a remote SPARQL server, made to look like the embedded store's.

Servers disagree on details: Virtuoso writes ``"type": "typed-literal"``,
keeps ``xsd:string`` on plain strings, answers ``"1"`` for ``true`` in JSON,
and names blank nodes ``nodeID://b10000``. The remote store asks for SPARQL
JSON (or an RDF syntax for graphs), repairs those details here, and writes
the requested media type with pyoxigraph's serializers, so clients get the
same bytes-level conventions whichever store answers.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from graph.store.base import StoreError
from graph.store.terms import literal

_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_UNTYPED = {str(XSD.string), str(RDF) + "langString"}
_BOOLEANS = {"1": "true", "0": "false"}


def _canonical_decimal(lexical: str) -> str:
    """xsd:decimal the way Oxigraph writes it ('1.50' -> '1.5', '2.0' -> '2')."""
    try:
        value = Decimal(lexical)
    except InvalidOperation:
        return lexical
    return format(value.normalize(), "f") if value != 0 else "0"


def _blank_label(value: str) -> str:
    """A blank node label valid in N-Triples ('nodeID://b10000' -> 'b10000')."""
    label = value.removeprefix("nodeID://").removeprefix("_:")
    return re.sub(r"[^A-Za-z0-9_]", "_", label) or "b"


def normalize_binding(value: dict[str, Any]) -> dict[str, Any]:
    """One SPARQL JSON term in the spelling the embedded store uses."""
    kind = value.get("type")
    if kind == "bnode":
        return {"type": "bnode", "value": _blank_label(value["value"])}
    if kind not in ("literal", "typed-literal"):
        return {"type": kind, "value": value["value"]}
    term: dict[str, Any] = {"type": "literal", "value": value["value"]}
    if value.get("xml:lang"):
        term["xml:lang"] = value["xml:lang"].lower()
        return term
    datatype = value.get("datatype")
    if datatype and datatype not in _UNTYPED:
        term["datatype"] = datatype
        if datatype == str(XSD.boolean):
            term["value"] = _BOOLEANS.get(term["value"], term["value"])
        elif datatype == str(XSD.decimal):
            term["value"] = _canonical_decimal(term["value"])
    return term


def normalize_json(payload: bytes) -> dict[str, Any]:
    """A SPARQL JSON result (SELECT or ASK) with every term normalized."""
    try:
        document = json.loads(payload)
    except ValueError as error:
        raise StoreError(f"the server sent no SPARQL JSON result: {payload[:200]!r}") from error
    if "boolean" in document:
        return {"head": {}, "boolean": bool(document["boolean"])}
    variables = document.get("head", {}).get("vars", [])
    rows = [
        {name: normalize_binding(term) for name, term in row.items()}
        for row in document.get("results", {}).get("bindings", [])
    ]
    return {"head": {"vars": variables}, "results": {"bindings": rows}}


def to_term(value: dict[str, Any] | None) -> Node | None:
    """The rdflib term of one normalized SPARQL JSON term."""
    if value is None:
        return None
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    return literal(value["value"], lang=value.get("xml:lang"), datatype=value.get("datatype"))


def rows(document: dict[str, Any]) -> list[dict[str, Node | None]]:
    """SELECT rows as {variable: rdflib term or None}, every variable present."""
    names = document["head"]["vars"]
    return [
        {name: to_term(row.get(name)) for name in names} for row in document["results"]["bindings"]
    ]


def write_results(document: dict[str, Any], media_type: str) -> bytes:
    """A normalized SELECT/ASK result serialized as ``media_type`` by pyoxigraph."""
    parsed = ox.parse_query_results(
        json.dumps(document).encode(), format=ox.QueryResultsFormat.JSON
    )
    return parsed.serialize(format=_RESULT_FORMATS[media_type]) or b""


def read_triples(payload: bytes, content_type: str) -> list[ox.Triple]:
    """Triples of an RDF document a server sent, parsed by its Content-Type."""
    media = content_type.split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media)
    if fmt is None:
        raise StoreError(f"the server sent {media!r}, which is no RDF syntax pyoxigraph reads")
    try:
        return [quad.triple for quad in ox.parse(payload, format=fmt)]
    except SyntaxError as error:
        raise StoreError(f"the server sent unreadable {media}: {error}") from error
