"""Answers of repeated queries are kept until the store changes, and never served stale."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import _result_cache, create_app
from api.execution import QueryRunner
from api.result_cache import ResultCache
from api.settings import Settings
from graph.store import EmbeddedStore
from graph.store.remote import RemoteStore

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

TOKEN = "cache-test-token"
G = "http://example.org/graph/one"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://example.org/p> ?o }"
SPARQL_QUERY = "application/sparql-query"
AUTH = {"authorization": f"Bearer {TOKEN}"}


def _store() -> EmbeddedStore:
    store = EmbeddedStore(None, allow_external=True)
    store.db.load(
        f'<{G}> {{ <http://example.org/a> <http://example.org/p> "one" . }}'.encode(),
        format=ox.RdfFormat.TRIG,
    )
    return store


@pytest.fixture
def client() -> Iterator[TestClient]:
    settings = Settings(allow_writes=True, token=TOKEN, load_model=False)
    with TestClient(create_app(settings, _store())) as test_client:
        yield test_client


def _runner(client: TestClient) -> QueryRunner:
    return client.app.state.services.runner


def _count(client: TestClient) -> int:
    response = client.get("/sparql", params={"query": COUNT})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_a_repeated_read_is_replayed_as_it_was_sent(client: TestClient) -> None:
    kept = client.app.state.response_cache
    first = client.get("/sparql", params={"query": COUNT})
    hits = kept.hits
    second = client.get("/sparql", params={"query": COUNT})
    assert kept.hits == hits + 1
    assert (second.status_code, second.content) == (first.status_code, first.content)
    assert second.headers["content-type"] == first.headers["content-type"]


def test_a_read_asking_another_format_is_not_given_a_kept_one(client: TestClient) -> None:
    as_json = client.get("/sparql", params={"query": COUNT})
    as_csv = client.get("/sparql", params={"query": COUNT}, headers={"accept": "text/csv"})
    assert as_json.headers["content-type"].startswith("application/sparql-results+json")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.text.splitlines() == ["n", "1"]


def test_a_repeated_query_is_answered_without_its_worker(client: TestClient) -> None:
    runner = _runner(client)
    assert runner.cache is not None
    assert runner.select(COUNT)[0]["n"].toPython() == 1
    hits = runner.cache.hits
    assert runner.select(COUNT)[0]["n"].toPython() == 1
    assert runner.cache.hits == hits + 1


def test_a_write_is_seen_by_the_next_query(client: TestClient) -> None:
    assert _count(client) == 1
    assert _count(client) == 1  # now kept
    assert _runner(client).select(COUNT)[0]["n"].toPython() == 1
    update = (
        f'INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/b> <http://example.org/p> "two" }} }}'
    )
    response = client.post(
        "/update", content=update, headers={**AUTH, "content-type": "application/sparql-update"}
    )
    assert response.status_code in (200, 204), response.text
    assert _count(client) == 2
    assert _runner(client).select(COUNT)[0]["n"].toPython() == 2


def test_a_failed_query_is_not_kept(client: TestClient) -> None:
    for _ in range(2):
        assert client.get("/sparql", params={"query": "SELECT ?x WHERE {"}).status_code == 400
    assert len(client.app.state.response_cache) == 0
    assert len(_runner(client).cache or []) == 0


def test_answers_are_kept_only_for_a_store_this_server_alone_writes() -> None:
    embedded = _store()
    assert _result_cache(Settings(load_model=False), embedded) is not None
    assert _result_cache(Settings(load_model=False, result_cache_mb=0), embedded) is None
    remote = RemoteStore("http://127.0.0.1:9/sparql")
    assert _result_cache(Settings(load_model=False), remote) is None


@dataclass(frozen=True)
class _Answer:
    payload: bytes


def test_the_cache_drops_the_least_recently_used_answers_past_its_budget() -> None:
    cache: ResultCache[_Answer] = ResultCache(max_bytes=800)
    for key in "abcd":
        cache.put(key, _Answer(b"x" * 100))
    assert cache.get("a") is not None  # a is now the most recently used
    for key in "efghi":
        cache.put(key, _Answer(b"x" * 100))
    assert cache.size_bytes <= 800
    assert cache.get("a") is not None
    assert cache.get("b") is None
    cache.put("big", _Answer(b"x" * 101))  # over an eighth of the budget: not kept
    assert cache.get("big") is None


def test_a_kept_response_does_not_keep_the_request_that_asked_for_it(client: TestClient) -> None:
    """A long query (150 KB of comment; a query may hold 200,000 characters) is kept as a
    digest: the cache's byte budget, which counts answers, bounds what it holds."""
    query = "# " + "x" * 150_000 + "\n" + COUNT
    response = client.post("/sparql", content=query, headers={"content-type": SPARQL_QUERY})
    assert response.status_code == 200
    for cache in (client.app.state.response_cache, _runner(client).cache):
        assert cache is not None and len(cache) >= 1
        assert all(
            len(part) < 1_000
            for key in cache._answers
            for part in key
            if isinstance(part, bytes | str)
        )
