"""Real SPARQL clients against the running server: SPARQLWrapper and rdflib's SPARQLStore.

The app serves a store prepared in this process, through uvicorn on a
loopback port, so the clients speak HTTP exactly as they would to any
SPARQL endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from test_api_support import serving

from api.app import create_app
from api.settings import Settings
from graph.store import EmbeddedStore

TOKEN = "clients-test-token"
GRAPH = "http://example.org/graph/people"
DATA = f"""
<{GRAPH}> {{
  <http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice" ;
      <http://xmlns.com/foaf/0.1/knows> <http://example.org/bob> .
  <http://example.org/bob> <http://xmlns.com/foaf/0.1/name> "Bob" .
}}
"""
NAMES = "SELECT ?name WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    store = EmbeddedStore(None, allow_external=True)
    store.db.load(DATA.encode(), format=ox.RdfFormat.TRIG)
    settings = Settings(allow_writes=True, token=TOKEN, load_model=False)
    with serving(create_app(settings, store)) as base:
        yield base


def wrapper(endpoint: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_select_in_json_xml_and_csv(endpoint: str) -> None:
    as_json = wrapper(endpoint, NAMES, JSON).queryAndConvert()
    assert [b["name"]["value"] for b in as_json["results"]["bindings"]] == ["Alice", "Bob"]
    as_xml = wrapper(endpoint, NAMES, XML).queryAndConvert()
    assert [n.firstChild.data for n in as_xml.getElementsByTagName("literal")] == ["Alice", "Bob"]
    as_csv = wrapper(endpoint, NAMES, CSV).queryAndConvert()
    assert as_csv.decode().split() == ["name", "Alice", "Bob"]


def test_sparqlwrapper_construct_by_post(endpoint: str) -> None:
    client = wrapper(endpoint, "CONSTRUCT WHERE { ?s ?p ?o }", TURTLE)
    client.setMethod(POST)
    graph = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert (URIRef("http://example.org/bob"), None, Literal("Bob")) in graph


def test_sparqlwrapper_ask_and_update_with_the_token(endpoint: str) -> None:
    update = SPARQLWrapper(f"{endpoint}/sparql", updateEndpoint=f"{endpoint}/update")
    update.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    update.setMethod(POST)
    carol = '<http://example.org/carol> <http://xmlns.com/foaf/0.1/name> "Carol"'
    update.setQuery(f"INSERT DATA {{ GRAPH <{GRAPH}> {{ {carol} }} }}")
    update.query()
    ask = wrapper(endpoint, 'ASK { ?p <http://xmlns.com/foaf/0.1/name> "Carol" }', JSON)
    assert ask.queryAndConvert()["boolean"] is True


def test_rdflib_sparqlstore_reads_the_graph(endpoint: str) -> None:
    store = SPARQLStore(f"{endpoint}/sparql", returnFormat="json")
    graph = Graph(store=store)
    names = sorted(str(row.name) for row in graph.query(NAMES))
    assert names[:2] == ["Alice", "Bob"]
    knows = list(graph.triples((URIRef("http://example.org/alice"), None, None)))
    assert (
        URIRef("http://example.org/alice"),
        URIRef("http://xmlns.com/foaf/0.1/knows"),
        URIRef("http://example.org/bob"),
    ) in knows
    assert GRAPH in {str(getattr(c, "identifier", c)) for c in store.contexts()}


def test_rdflib_sparqlupdatestore_writes_with_the_token(endpoint: str) -> None:
    store = SPARQLUpdateStore(
        f"{endpoint}/sparql",
        f"{endpoint}/update",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    graph = Graph(store=store, identifier=URIRef(GRAPH))
    graph.add(
        (
            URIRef("http://example.org/dave"),
            URIRef("http://xmlns.com/foaf/0.1/name"),
            Literal("Dave"),
        )
    )
    reader = Graph(store=SPARQLStore(f"{endpoint}/sparql"))
    assert "Dave" in {str(row.name) for row in reader.query(NAMES)}
