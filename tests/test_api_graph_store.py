"""The Graph Store HTTP Protocol at /store: named graphs and the default graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef

from api.app import create_app
from api.settings import Settings
from graph.store import EmbeddedStore

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

TOKEN = "gsp-test-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
GRAPH = "http://example.org/graph/people"
TARGET = {"graph": GRAPH}
ALICE = '<http://example.org/alice> <http://example.org/name> "Alice" .\n'
BOB = '<http://example.org/bob> <http://example.org/name> "Bob" .\n'
NT = {"content-type": "application/n-triples", **AUTH}


@pytest.fixture
def client() -> Iterator[TestClient]:
    settings = Settings(allow_writes=True, token=TOKEN, load_model=False)
    store = EmbeddedStore(None, allow_external=True)
    with TestClient(create_app(settings, store)) as test_client:
        yield test_client


def names(client: TestClient, params: dict[str, str]) -> set[str]:
    response = client.get("/store", params=params, headers={"accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    return {str(o) for o in graph.objects(None, URIRef("http://example.org/name"))}


def test_put_creates_then_replaces_a_graph(client: TestClient) -> None:
    assert client.put("/store", params=TARGET, content=ALICE, headers=NT).status_code == 201
    assert names(client, TARGET) == {"Alice"}
    assert client.put("/store", params=TARGET, content=BOB, headers=NT).status_code == 204
    assert names(client, TARGET) == {"Bob"}


def test_post_adds_to_a_graph(client: TestClient) -> None:
    client.put("/store", params=TARGET, content=ALICE, headers=NT)
    assert client.post("/store", params=TARGET, content=BOB, headers=NT).status_code == 204
    assert names(client, TARGET) == {"Alice", "Bob"}


def test_delete_drops_a_graph_and_then_it_is_gone(client: TestClient) -> None:
    client.put("/store", params=TARGET, content=ALICE, headers=NT)
    assert client.delete("/store", params=TARGET, headers=AUTH).status_code == 204
    assert client.get("/store", params=TARGET).status_code == 404
    assert client.delete("/store", params=TARGET, headers=AUTH).status_code == 404


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    client.put("/store", params=TARGET, content=ALICE, headers=NT)
    head = client.head("/store", params=TARGET, headers={"accept": "application/n-triples"})
    assert head.status_code == 200
    assert head.headers["content-type"].startswith("application/n-triples")
    assert head.content == b""
    assert client.head("/store", params={"graph": "http://example.org/none"}).status_code == 404


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_a_graph_is_read_in_the_accepted_syntax(client: TestClient, accept, rdflib_format) -> None:
    client.put("/store", params=TARGET, content=ALICE + BOB, headers=NT)
    response = client.get("/store", params=TARGET, headers={"accept": accept})
    assert response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert (URIRef("http://example.org/bob"), None, Literal("Bob")) in graph


def test_the_default_graph_is_addressed_with_default(client: TestClient) -> None:
    client.put("/store", params=TARGET, content=ALICE, headers=NT)
    assert client.put("/store?default", content=BOB, headers=NT).status_code == 204
    assert names(client, {"default": ""}) == {"Bob"}
    assert client.delete("/store?default", headers=AUTH).status_code == 204
    assert names(client, {"default": ""}) == set()
    assert names(client, TARGET) == {"Alice"}


@pytest.mark.parametrize(
    "query", ["", "?graph=http://example.org/a&default", "?graph=not%20an%20iri"]
)
def test_the_target_must_be_one_valid_graph(client: TestClient, query: str) -> None:
    response = client.get(f"/store{query}")
    assert response.status_code == 400
    assert response.json()["message"]


def test_a_body_that_does_not_parse_is_400_with_its_line(client: TestClient) -> None:
    body = ALICE + "<http://example.org/broken> <http://example.org/p> .\n"
    response = client.put("/store", params=TARGET, content=body, headers=NT)
    assert response.status_code == 400
    assert response.json()["line"] == 2
    assert client.get("/store", params=TARGET).status_code == 404


def test_unknown_body_media_types_and_datasets_are_415(client: TestClient) -> None:
    for media in ("application/pdf", "application/n-quads", "application/trig"):
        headers = {"content-type": media, **AUTH}
        response = client.put("/store", params=TARGET, content=ALICE, headers=headers)
        assert response.status_code == 415, media


def test_relative_iris_in_an_upload_resolve_against_the_graph(client: TestClient) -> None:
    headers = {"content-type": "text/turtle", **AUTH}
    client.put("/store", params=TARGET, content='<#me> <name> "Me" .', headers=headers)
    response = client.get("/store", params=TARGET, headers={"accept": "application/n-triples"})
    assert f"<{GRAPH}#me>" in response.text
