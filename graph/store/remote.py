"""A pactgraph store on a SPARQL server: Oxigraph server, Virtuoso, or any SPARQL 1.1 host.

Queries and updates go through SPARQLWrapper (SPARQL 1.1 Protocol, basic or
digest authentication). Document graphs are uploaded with the Graph Store
HTTP Protocol (one ``PUT ?graph=``, the server swaps the graph itself); where
a server has no GSP, or the PUT fails, the same replacement is sent as SPARQL
Update (see ``graph.store.chunks``). Results are normalized and re-serialized
(``graph.store.results``) so every store answers alike.

Server notes: Oxigraph server needs ``union-default-graph`` to query the union
of graphs; this store sends that parameter with every query that names no
dataset (other servers ignore it; Virtuoso's default graph is the union
anyway). Virtuoso needs its digest-authenticated endpoints for writes:
``/sparql-auth`` and ``/sparql-graph-crud-auth``, and caps SELECT results at
its ``ResultSetMaxRows`` (10 000 in the packaged virtuoso.ini).
"""

from __future__ import annotations

import contextlib
import time
import urllib.error
import warnings
from collections.abc import Iterator, Mapping
from typing import Any
from uuid import uuid4

import httpx
import pyoxigraph as ox
from rdflib import Graph, URIRef
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    QueryBadFormed,
    SPARQLWrapperException,
)

from graph.store import safety
from graph.store.base import QueryResult, QuerySyntaxError, StoreError
from graph.store.chunks import replace_requests
from graph.store.media import choose_media_type
from graph.store.results import normalize_json, read_triples, rows, write_results
from graph.store.terms import from_ox, ntriples

#: Where a replacement too large for one request is built before it is moved into place.
STAGING_PREFIX = "urn:pactgraph:staging:"
#: Graphs a Virtuoso instance creates for itself, and staging graphs; never pactgraph data.
SYSTEM_GRAPH_PREFIXES = (
    "http://www.openlinksw.com/",
    "http://www.w3.org/ns/ldp#",
    "http://localhost:8890/",
    STAGING_PREFIX,
)
#: Seconds to wait before each retry of a request that failed in transit or with a 5xx.
RETRY_DELAYS = (0.5, 1.0, 2.0)
_GRAPH_MEDIA = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}
_QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
#: Status codes meaning "this server has no Graph Store Protocol here".
_NO_GSP = {404, 405, 406, 415, 501}


class RemoteStore:
    """A store behind SPARQL endpoints. ``auth`` is 'basic' or 'digest' (Virtuoso)."""

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        store_url: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        auth: str = "basic",
        allow_external: bool = False,
        timeout: float = 120.0,
        union_parameter: str | None = "union-default-graph",
        hidden_graph_prefixes: tuple[str, ...] = SYSTEM_GRAPH_PREFIXES,
        chunk_triples: int = 2000,
        max_request_chars: int = 8_000_000,
        retry_delays: tuple[float, ...] = RETRY_DELAYS,
    ) -> None:
        if auth not in ("basic", "digest"):
            raise StoreError(f"auth must be 'basic' or 'digest', not {auth!r}")
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.store_url = store_url
        self.allow_external = allow_external
        self._user, self._password, self._auth = user, password, auth
        self._timeout = timeout
        self._union_parameter = union_parameter
        self._hidden = hidden_graph_prefixes
        self._chunk_triples = chunk_triples
        self._max_request_chars = max_request_chars
        self._retry_delays = retry_delays
        http_auth: httpx.Auth | None = None
        if user is not None:
            kind = httpx.DigestAuth if auth == "digest" else httpx.BasicAuth
            http_auth = kind(user, password or "")
        self._http = httpx.Client(auth=http_auth, timeout=timeout)

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url})"

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Replace graph ``name``: one GSP PUT, else SPARQL Update (empty graph = removal).

        A replacement too large for one update request is built in a staging graph
        and moved into place by one last request, so a failure part-way leaves the
        old graph as it was (and the staging graph is dropped).
        """
        if len(graph) == 0:
            self.remove_graph(name)
            return
        if self.store_url and self._gsp_put(name, graph):
            return
        requests = self._replace_requests(name, graph)
        if len(requests) == 1:
            self._send_update(requests[0])
            return
        staging = URIRef(f"{STAGING_PREFIX}{uuid4().hex}")
        try:
            for request in self._replace_requests(staging, graph):
                self._send_update(request)
            target = ox.NamedNode(str(name))
            self._send_update(f"MOVE SILENT GRAPH {ox.NamedNode(staging)} TO GRAPH {target}")
        except StoreError:
            self._discard(staging)
            raise

    def _replace_requests(self, name: URIRef, graph: Graph) -> list[str]:
        return replace_requests(
            name,
            graph,
            chunk_triples=self._chunk_triples,
            max_request_chars=self._max_request_chars,
        )

    def _discard(self, staging: URIRef) -> None:
        """Drop a staging graph after a failed replacement: once, without retries.

        If the server is down this fails too; the hidden staging graph then stays
        until someone drops it, which no reader notices (its name is hidden).
        """
        with contextlib.suppress(StoreError):
            self._send_update(f"DROP SILENT GRAPH {ox.NamedNode(staging)}", retry=False)

    def replace_graphs(self, graphs: Mapping[URIRef, str]) -> None:
        """Replace each graph (N-Triples text) in turn: a remote server gives no transaction
        across requests, so each graph is atomic on its own, as with ``replace_graph``."""
        for name, body in graphs.items():
            self.replace_graph(name, Graph().parse(data=body, format="nt"))

    def remove_graph(self, name: URIRef) -> bool:
        """Drop graph ``name``; True when it held triples."""
        target = ox.NamedNode(str(name))
        document = self._results(f"ASK {{ GRAPH {target} {{ ?s ?p ?o }} }}")
        if document.get("boolean"):
            self._send_update(f"DROP SILENT GRAPH {target}")
            return True
        return False

    def graph_names(self) -> list[URIRef]:
        """Names of graphs holding triples, without the server's own system graphs."""
        found = rows(self._results("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
        names = {str(row["g"]) for row in found if row["g"] is not None}
        return sorted(URIRef(n) for n in names if not n.startswith(self._hidden))

    def get_graph(self, name: URIRef) -> Graph:
        """Graph ``name`` fetched by GSP GET where offered, else by CONSTRUCT."""
        triples = self._gsp_get(name) if self.store_url else None
        if triples is None:
            target = ox.NamedNode(str(name))
            _, payload, media = self._fetch(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {target} {{ ?s ?p ?o }} }}"
            )
            triples = read_triples(payload, media)
        graph = Graph()
        for triple in triples:
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
        return graph

    def query(self, sparql: str, *, media_type: str | None = None) -> QueryResult:
        """Run ``sparql``; the server's answer is normalized and written as ``media_type``."""
        kind, payload, content_type = self._fetch(sparql)
        chosen = choose_media_type(kind, media_type)
        if kind == "graph":
            triples = read_triples(payload, content_type)
            data = ox.serialize(triples, format=_GRAPH_MEDIA[chosen]) or b""
        else:
            data = write_results(normalize_json(payload), chosen)
        return QueryResult(kind=kind, media_type=chosen, payload=data)

    def select(self, sparql: str) -> Iterator[dict[str, object]]:
        """SELECT rows as {variable: rdflib term or None}, as the embedded store gives them."""
        kind, payload, _ = self._fetch(sparql)
        if kind != "bindings":
            raise StoreError("select() needs a SELECT query")
        return iter(rows(normalize_json(payload)))

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update on the update endpoint."""
        if not self.allow_external:
            safety.enforce(safety.inspect_update(sparql), self.graph_names)
        self._send_update(sparql)

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._http.close()

    def _wrapper(self, sparql: str) -> SPARQLWrapper:
        """A fresh SPARQLWrapper (they are stateful, so one per request keeps threads apart)."""
        wrapper = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setOnlyConneg(True)
        wrapper.setTimeout(int(self._timeout))
        if self._user is not None:
            wrapper.setHTTPAuth(DIGEST if self._auth == "digest" else BASIC)
            wrapper.setCredentials(self._user, self._password or "")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            wrapper.setQuery(sparql)
        return wrapper

    def _fetch(self, sparql: str) -> tuple[str, bytes, str]:
        """Send a query; (result kind, raw payload, content type)."""
        reach = safety.inspect_query(sparql)
        if not self.allow_external:
            safety.enforce(reach, self.graph_names)
        wrapper = self._wrapper(sparql)
        if wrapper.queryType not in _QUERY_FORMS:
            raise QuerySyntaxError("this is an update, not a query: use update()")
        graph_form = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if graph_form else JSON)
        if self._union_parameter and not reach.names_dataset:
            wrapper.addParameter(self._union_parameter, "")
        response = self._call(wrapper)
        payload = response.response.read()
        content_type = response.info().get("content-type", "")
        if "json" not in content_type:
            return "graph", payload, content_type
        kind = "boolean" if b'"boolean"' in payload[:400] else "bindings"
        return kind, payload, content_type

    def _results(self, sparql: str) -> dict[str, Any]:
        """A normalized SPARQL JSON result of an internal SELECT or ASK."""
        return normalize_json(self._fetch(sparql)[1])

    def _send_update(self, request: str, *, retry: bool = True) -> None:
        wrapper = self._wrapper(request)
        if not wrapper.isSparqlUpdateRequest():
            wrapper.queryType = "INSERT"  # route it to the update endpoint whatever its first word
        wrapper.setReturnFormat(JSON)
        self._call(wrapper, retry=retry).response.read()

    def _call(self, wrapper: SPARQLWrapper, *, retry: bool = True) -> Any:
        """Run the request, retrying transient failures; other failures become store errors.

        A connection refused, reset or timed out, and a 5xx answer, are retried after
        each of ``retry_delays`` (back-off); a refusal of the request itself (syntax,
        authentication) is not. Every request this store sends is idempotent (graph
        replacements drop before they insert), so a retry cannot add twice.
        """
        delays = self._retry_delays if retry else ()
        for delay in (*delays, None):
            try:
                return wrapper.query()
            except QueryBadFormed as error:
                raise QuerySyntaxError(f"{self!r} refused the request: {error}") from error
            except EndPointInternalError as error:
                failure: Exception = error
            except SPARQLWrapperException as error:
                raise StoreError(f"{self!r} failed: {error}") from error
            except (urllib.error.URLError, OSError) as error:
                failure = error
            if delay is not None:
                time.sleep(delay)
        raise StoreError(
            f"{self!r} is unreachable or failed after {len(delays) + 1} attempt(s) over "
            f"{sum(delays):g} s: {failure}"
        ) from failure

    def _gsp_put(self, name: URIRef, graph: Graph) -> bool:
        """PUT the graph with the Graph Store Protocol; False when the server cannot."""
        try:
            response = self._http.put(
                self.store_url,
                params={"graph": str(name)},
                content=ntriples(graph).encode("utf-8"),
                headers={"Content-Type": "application/n-triples"},
            )
        except httpx.HTTPError:
            return False
        if response.status_code in _NO_GSP:
            self.store_url = None
        return response.is_success

    def _gsp_get(self, name: URIRef) -> list[ox.Triple] | None:
        """The graph's triples by GSP GET; [] when absent, None when GSP is unavailable."""
        try:
            response = self._http.get(
                self.store_url,
                params={"graph": str(name)},
                headers={"Accept": "application/n-triples, text/turtle;q=0.9"},
            )
        except httpx.HTTPError:
            return None
        if response.status_code == 404:
            return []
        if not response.is_success:
            return None
        return read_triples(response.content, response.headers.get("content-type", ""))
