"""Query workers are kept from one query to the next, and retired by every write."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from test_api_support import children_of

from api.app import create_app
from api.settings import Settings
from graph.store import EmbeddedStore

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

TOKEN = "workers-test-token"
NT = {"content-type": "text/turtle", "authorization": f"Bearer {TOKEN}"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture
def client() -> Iterator[TestClient]:
    settings = Settings(allow_writes=True, token=TOKEN, load_model=False)
    with TestClient(create_app(settings, EmbeddedStore(None, allow_external=True))) as test:
        yield test


def _count(client: TestClient) -> int:
    response = client.post("/sparql", data={"query": COUNT}, headers={"accept": "application/json"})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _put(client: TestClient, triples: int) -> None:
    body = "".join(
        f"<http://example.org/s{i}> <http://example.org/p> {i} .\n" for i in range(triples)
    )
    response = client.put(
        "/store", params={"graph": "http://example.org/g"}, content=body, headers=NT
    )
    assert response.status_code in (201, 204), response.text


def test_sequential_queries_reuse_one_worker(client: TestClient) -> None:
    _put(client, 3)
    assert _count(client) == 3
    first = set(children_of(os.getpid()))
    assert first
    assert _count(client) == 3
    assert set(children_of(os.getpid())) == first


def test_a_write_retires_the_workers_and_later_queries_see_it(client: TestClient) -> None:
    _put(client, 3)
    assert _count(client) == 3
    before = set(children_of(os.getpid()))
    assert before
    _put(client, 5)
    assert not before & set(children_of(os.getpid()))
    assert _count(client) == 5
