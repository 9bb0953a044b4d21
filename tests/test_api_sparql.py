"""The SPARQL 1.1 Protocol at /sparql and /update: requests, formats, datasets, errors, limits."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from api.app import create_app
from api.settings import Settings
from graph.store import EmbeddedStore

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

TOKEN = "sparql-test-token"
G1 = "http://example.org/graph/one"
G2 = "http://example.org/graph/two"
DATA = f"""
<{G1}> {{ <http://example.org/a> <http://example.org/p> "one" .
          <http://example.org/a> <http://example.org/q> <http://example.org/b> . }}
<{G2}> {{ <http://example.org/c> <http://example.org/p> "two" . }}
"""
SD = "http://www.w3.org/ns/sparql-service-description#"
SELECT_P = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?o"
FORM = {"content-type": "application/x-www-form-urlencoded"}


def make_store() -> EmbeddedStore:
    """The data, in a store opened as `pactgraph serve` opens it (the API guards reach)."""
    store = EmbeddedStore(None, allow_external=True)
    store.db.load(DATA.encode(), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture
def client() -> Iterator[TestClient]:
    settings = Settings(allow_writes=True, token=TOKEN, load_model=False)
    with TestClient(create_app(settings, make_store())) as test_client:
        yield test_client


def values(response, name: str) -> list[str]:
    return [row[name]["value"] for row in response.json()["results"]["bindings"]]


def test_query_by_get_answers_sparql_json_by_default(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": SELECT_P})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert values(response, "o") == ["one", "two"]


def test_query_by_form_post_and_by_direct_post_give_the_same_rows(client: TestClient) -> None:
    form = client.post("/sparql", data={"query": SELECT_P})
    direct = client.post(
        "/sparql", content=SELECT_P, headers={"content-type": "application/sparql-query"}
    )
    assert form.status_code == direct.status_code == 200
    assert values(form, "o") == values(direct, "o") == ["one", "two"]


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
    ],
)
def test_select_results_follow_the_accept_header(
    client: TestClient, accept: str, media: str
) -> None:
    response = client.get("/sparql", params={"query": SELECT_P}, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    if media == "text/csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [row["o"] for row in rows] == ["one", "two"]
    if media == "application/sparql-results+xml":
        assert "<literal>one</literal>" in response.text


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_construct_results_are_graphs_in_the_accepted_syntax(
    client: TestClient, accept: str, rdflib_format: str
) -> None:
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    response = client.get("/sparql", params={"query": query}, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert len(graph) == 3
    assert (URIRef("http://example.org/a"), None, None) in graph


def test_ask_answers_a_boolean(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "ASK { ?s ?p 'two' }"})
    assert response.json()["boolean"] is True


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        ("CONSTRUCT WHERE { ?s ?p ?o }", "text/csv"),
        ("SELECT * WHERE { ?s ?p ?o }", "text/turtle"),
        ("ASK {}", "image/png"),
    ],
)
def test_an_unacceptable_format_is_406(client: TestClient, query: str, accept: str) -> None:
    response = client.get("/sparql", params={"query": query}, headers={"accept": accept})
    assert response.status_code == 406
    assert response.json()["error"] == "not-acceptable"


def test_get_without_a_query_returns_the_service_description(client: TestClient) -> None:
    response = client.get("/sparql", headers={"accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    services = set(graph.subjects(RDF.type, URIRef(SD + "Service")))
    endpoints = {str(graph.value(s, URIRef(SD + "endpoint"))) for s in services}
    assert endpoints == {"http://testserver/sparql", "http://testserver/update"}
    names = {str(n) for n in graph.objects(None, URIRef(SD + "name"))}
    assert names == {G1, G2}
    as_xml = client.get("/sparql", headers={"accept": "application/rdf+xml"})
    assert as_xml.headers["content-type"].startswith("application/rdf+xml")
    assert len(Graph().parse(data=as_xml.text, format="xml")) == len(graph)


def test_a_syntax_error_says_where_in_the_text_the_client_sent(client: TestClient) -> None:
    query = "PREFIX ex: <http://example.org/>\nSELECT ?s\nWHERE {\n  ?s ex:p ?o . FILTER( }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "syntax-error"
    # pyoxigraph places it at 4:25 in this text; the BASE and LIMIT the API adds
    # before running it would have moved it to 5:8 without the relocation.
    assert (body["line"], body["column"]) == (4, 25)
    assert "line 4, column 25" in body["message"]


def test_an_update_syntax_error_has_its_position(client: TestClient) -> None:
    response = client.post(
        "/update",
        content="INSERT DATA {\n  <http://example.org/x> <http://example.org/p> }",
        headers={"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 400
    assert response.json()["line"] == 2


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({"content-type": "text/plain"}, "ASK {}", 415),
        ({}, "query=ASK%20%7B%7D", 415),
        ({"content-type": "application/sparql-query; charset=UTF-16"}, "ASK {}", 415),
        (FORM, "query=ASK%20%7B%7D&query=ASK%20%7B%7D", 400),
        (FORM, "default-graph-uri=http%3A%2F%2Fexample.org%2F", 400),
    ],
)
def test_malformed_protocol_requests_are_client_errors(
    client: TestClient, headers: dict[str, str], body: str, status: int
) -> None:
    response = client.post("/sparql", content=body, headers=headers)
    assert response.status_code == status
    assert response.json()["message"]


def test_an_update_sent_to_the_query_endpoint_is_refused(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "CLEAR ALL"})
    assert response.status_code == 400
    assert "/update" in response.json()["message"]


def test_default_graph_uri_chooses_the_default_graph(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": SELECT_P, "default-graph-uri": G2})
    assert values(response, "o") == ["two"]


def test_named_graph_uri_chooses_the_named_graphs(client: TestClient) -> None:
    query = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query, "named-graph-uri": G1})
    assert set(values(response, "g")) == {G1}


def test_the_protocol_dataset_overrides_the_query_dataset(client: TestClient) -> None:
    query = f"SELECT ?o FROM <{G1}> WHERE {{ ?s <http://example.org/p> ?o }}"
    response = client.get("/sparql", params={"query": query, "default-graph-uri": G2})
    assert values(response, "o") == ["two"]


def test_a_graph_name_the_store_lacks_is_an_empty_graph_never_fetched(client: TestClient) -> None:
    params = {"query": SELECT_P, "default-graph-uri": "http://example.org/not-here"}
    response = client.get("/sparql", params=params)
    assert response.status_code == 200
    assert values(response, "o") == []


def test_relative_iris_resolve_against_the_endpoint(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { BIND(<thing> AS ?x) }"})
    assert values(response, "x") == ["http://testserver/thing"]


def test_an_update_with_the_token_changes_the_store(client: TestClient) -> None:
    triple = '<http://example.org/d> <http://example.org/p> "three"'
    update = f"INSERT DATA {{ GRAPH <http://example.org/graph/three> {{ {triple} }} }}"
    headers = {"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"}
    assert client.post("/update", content=update, headers=headers).status_code == 204
    assert values(client.get("/sparql", params={"query": SELECT_P}), "o") == ["one", "three", "two"]


def test_using_graph_uri_sets_the_update_dataset(client: TestClient) -> None:
    update = "INSERT { GRAPH <http://example.org/graph/copy> { ?s ?p ?o } } WHERE { ?s ?p ?o }"
    response = client.post(
        f"/update?using-graph-uri={G2}",
        content=update,
        headers={"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 204
    query = "SELECT ?o WHERE { GRAPH <http://example.org/graph/copy> { ?s ?p ?o } }"
    assert values(client.get("/sparql", params={"query": query}), "o") == ["two"]


def test_rows_beyond_the_limit_are_cut_and_the_cut_is_announced() -> None:
    settings = Settings(max_rows=2, load_model=False)
    with TestClient(create_app(settings, make_store())) as limited:
        everything = limited.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
        assert len(everything.json()["results"]["bindings"]) == 2
        assert everything.headers["pactgraph-truncated"] == "max-rows=2"
        small = limited.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 1"})
        assert len(small.json()["results"]["bindings"]) == 1
        assert "pactgraph-truncated" not in small.headers
        graph = limited.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        assert len(Graph().parse(data=graph.text, format="turtle")) == 2
        as_csv = limited.get(
            "/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, headers={"accept": "text/csv"}
        )
        assert len(as_csv.text.strip().splitlines()) == 3  # header and two rows


def test_errors_are_plain_text_for_clients_that_only_read_text(client: TestClient) -> None:
    headers = {"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"}
    plain = client.post("/update", content="CLEAR", headers={**headers, "accept": "text/plain"})
    assert plain.status_code == 400
    assert plain.headers["content-type"].startswith("text/plain")
    assert "line 1" in plain.text
    assert json.loads(client.post("/update", content="CLEAR", headers=headers).text)["line"] == 1
