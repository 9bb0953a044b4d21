"""Nothing a client sends makes this server reach outside its store.

A query or update could name things to fetch: ``SERVICE`` and ``LOAD``
targets, FROM/FROM NAMED/USING graphs and the protocol's dataset parameters,
a Virtuoso ``DEFINE`` pragma that turns dataset IRIs into downloads. An RDF
upload could carry a remote JSON-LD ``@context`` or XML entities that read
files or expand without bound. Every one of those is refused here with a 400
that says what and why, before any store sees the request.

Graph names are names, never locations: a dataset IRI that is a graph of the
store is used; one the store does not hold is an empty graph, except when it
can only mean a resource to read — a ``file:`` (or other non-web) IRI, or a
web IRI on this machine or its private network — which is refused. The
engines behind the API (pyoxigraph, Oxigraph server) never dereference graph
names; the refusal keeps it so with any engine, and tells the client why.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import pyoxigraph as ox

from api.sparql_text import shape
from graph.store import safety
from graph.store.base import UnsafeQueryError

#: Schemes whose IRIs name things rather than locate files or services.
_NAME_SCHEMES = {"http", "https", "urn", "tag"}
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain", ".home.arpa", ".lan")
_ENTITY = re.compile(
    r"<!ENTITY\s+(?P<param>%\s+)?(?P<name>[^\s%]+)\s+(?:(?P<external>SYSTEM|PUBLIC)\b|"
    r"(?P<value>\"[^\"]*\"|'[^']*'))",
)
_DOCTYPE = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s*(?P<external>SYSTEM|PUBLIC)?", re.IGNORECASE)
#: Most characters that entity references in one RDF/XML upload may expand to.
MAX_ENTITY_EXPANSION = 100_000


def outside_reason(iri: str) -> str | None:
    """Why ``iri`` can only mean something outside the store to read; None when it is a name."""
    parts = urlsplit(iri)
    scheme = parts.scheme.lower()
    if scheme not in _NAME_SCHEMES:
        return f"it uses the {scheme or 'missing'}: scheme, which locates a resource to read"
    if scheme in ("urn", "tag"):
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return "it names no host"
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return f"its host {host} is this machine or its local network"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if not address.is_global:
        return f"its host {host} is a loopback, private or reserved address"
    return None


#: A function listing the store's graph names (called only when needed).
Known = Callable[[], Iterable[object]]


def check_graph_names(iris: Iterable[str], known: Known) -> None:
    """Refuse invalid graph IRIs and ones pointing outside the store (unless the store has them)."""
    held: set[str] | None = None
    for iri in iris:
        if iri.startswith("?"):
            continue
        try:
            ox.NamedNode(iri)
        except ValueError as error:
            raise UnsafeQueryError(
                f"graph IRI {iri!r} is not a valid absolute IRI: {error}"
            ) from None
        reason = outside_reason(iri)
        if reason is None:
            continue
        if held is None:
            held = {str(name) for name in known()}
        if iri not in held:
            raise UnsafeQueryError(
                f"graph <{iri}> refused: {reason}, and this server reads nothing outside its "
                "store (graph names are never fetched)"
            )


def _refuse_reach(reach: safety.Reach) -> None:
    if reach.services:
        raise UnsafeQueryError(
            f"SERVICE {', '.join(reach.services)} refused: this endpoint runs no federated "
            "queries, so it never calls other hosts"
        )
    if reach.loads:
        raise UnsafeQueryError(
            f"LOAD {', '.join(reach.loads)} refused: the store does not fetch documents; "
            "upload data with PUT or POST /store"
        )


def _refuse_pragmas(sparql: str) -> None:
    if "DEFINE" in shape(sparql).prologue_words:
        raise UnsafeQueryError(
            "DEFINE pragmas refused: they are no SPARQL 1.1 and can make a server fetch graphs"
        )


def check_query(sparql: str, dataset: Iterable[str], known: Known) -> None:
    """Refuse a query that would reach outside the store (``dataset``: protocol graph IRIs)."""
    _refuse_pragmas(sparql)
    reach = safety.inspect_query(sparql)
    _refuse_reach(reach)
    check_graph_names([*reach.dataset_graphs, *dataset], known)


def check_update(sparql: str, dataset: Iterable[str], known: Known) -> None:
    """Refuse an update that would reach outside the store (``dataset``: protocol graph IRIs)."""
    _refuse_pragmas(sparql)
    reach = safety.inspect_update(sparql)
    _refuse_reach(reach)
    check_graph_names([*reach.dataset_graphs, *dataset], known)


def _contexts(node: object) -> Iterable[object]:
    """Every @context value (and @import) anywhere in a JSON-LD document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                yield value
            yield from _contexts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _contexts(item)


def _remote_context(context: object) -> str | None:
    if isinstance(context, str):
        return context
    if isinstance(context, list):
        return next((c for c in context if isinstance(c, str)), None)
    if isinstance(context, dict) and isinstance(context.get("@import"), str):
        return context["@import"]
    return None


def check_json_ld(data: bytes) -> None:
    """Refuse JSON-LD whose contexts would have to be fetched."""
    try:
        document = json.loads(data)
    except ValueError as error:
        raise UnsafeQueryError(f"the JSON-LD document is not JSON: {error}") from None
    for context in _contexts(document):
        remote = _remote_context(context)
        if remote is not None:
            raise UnsafeQueryError(
                f"remote JSON-LD context {remote!r} refused: this server fetches no contexts; "
                "put the context inline in the document"
            )


def _xml_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


def check_rdf_xml(data: bytes) -> None:
    """Refuse RDF/XML with an external DTD, external or parameter entities, or large expansion."""
    text = _xml_text(data)
    doctype = _DOCTYPE.search(text)
    if doctype is None:
        return
    if doctype.group("external"):
        raise UnsafeQueryError("RDF/XML refused: its DOCTYPE loads an external DTD")
    expansion = 0
    for entity in _ENTITY.finditer(text):
        name = entity.group("name")
        if entity.group("external"):
            raise UnsafeQueryError(
                f"RDF/XML refused: XML external entity {name!r} would read a file or URL"
            )
        if entity.group("param"):
            raise UnsafeQueryError(f"RDF/XML refused: parameter entity {name!r}")
        value = entity.group("value")[1:-1]
        if "&" in value or "%" in value:
            raise UnsafeQueryError(
                f"RDF/XML refused: entity {name!r} refers to other entities (entity expansion)"
            )
        expansion += text.count(f"&{name};") * len(value)
    if expansion > MAX_ENTITY_EXPANSION:
        raise UnsafeQueryError(
            f"RDF/XML refused: its entities expand to {expansion} characters "
            f"(at most {MAX_ENTITY_EXPANSION})"
        )


def check_rdf_upload(data: bytes, rdf_format: ox.RdfFormat) -> None:
    """Refuse an RDF upload that would make the parser fetch or expand without bound."""
    if rdf_format == ox.RdfFormat.JSON_LD:
        check_json_ld(data)
    elif rdf_format == ox.RdfFormat.RDF_XML:
        check_rdf_xml(data)
