"""Hostile queries: answered with 400 or stopped by the timeout, never a 500, never a stall.

Text limits (``api.limits``) stop what would hurt the parsers that run in
the server process; the forked, killed-at-the-deadline query runner
(``api.isolation``) stops what would run for ever; the rest is SPARQL
semantics (a function on the wrong type leaves its variable unbound).
"""

from __future__ import annotations

import os
import threading
import time

import httpx
import pytest
from test_api_support import children_of

from api.limits import MAX_SPARQL_CHARS, MAX_SPARQL_DEPTH

from .support import AUTH

EX = "http://example.org/"
CHAIN = "".join(f"<{EX}s{i}> <{EX}p> <{EX}s{i + 1}> .\n" for i in range(300))
SLOW_PATH = (
    f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a (<{EX}p>|^<{EX}p>)* ?b . ?b (<{EX}p>|^<{EX}p>)* ?c . "
    f"?c (<{EX}p>|^<{EX}p>)* ?d }}"
)
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QUERY = {"content-type": "application/sparql-query"}
UPDATE = {"content-type": "application/sparql-update", **AUTH}


@pytest.fixture
def loaded(make_client):
    with make_client(timeout=2) as client:
        put = client.put(
            f"/store?graph={EX}g", content=CHAIN, headers={"content-type": "text/turtle", **AUTH}
        )
        assert put.status_code == 201
        yield client


def ask(client, query: str):
    return client.post("/sparql", content=query.encode(), headers=QUERY)


def test_a_syntax_error_is_a_400_with_its_position(loaded) -> None:
    """Holds: parser errors become a JSON 400 with line and column."""
    response = ask(loaded, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "syntax-error"
    assert body["line"] == 3
    assert body["column"] > 1


@pytest.mark.parametrize("query", [SLOW_PATH, CARTESIAN], ids=["property-path", "cartesian"])
def test_runaway_queries_are_stopped_at_the_timeout(loaded, query: str) -> None:
    """Holds: the query runs in a child killed at the deadline; no worker is left."""
    started = time.monotonic()
    response = ask(loaded, query)
    print(f"\nstopped after {time.monotonic() - started:.1f} s")
    assert response.status_code == 503
    assert response.json()["error"] == "timeout"
    assert children_of(os.getpid()) == []
    assert ask(loaded, f"ASK {{ <{EX}s1> <{EX}p> <{EX}s2> }}").json()["boolean"] is True


def test_a_megabyte_query_is_refused_before_any_parser(loaded) -> None:
    """Holds: the length limit; a FROM in it would otherwise send it to pyparsing in-process."""
    values = " ".join(f'"{i}"' for i in range(150_000))
    query = f"SELECT * FROM <{EX}g> WHERE {{ ?s ?p ?o FILTER(?o IN ({values})) }}"
    assert len(query) > 1_000_000
    response = ask(loaded, query)
    assert response.status_code == 400
    assert response.json()["error"] == "too-long"
    assert f"at most {MAX_SPARQL_CHARS:,}" in response.json()["message"]


DEEP = 5_000
NESTED = {
    "braces": "SELECT * WHERE " + "{" * DEEP + " ?s ?p ?o " + "}" * DEEP,
    "braces-with-from": f"SELECT * FROM <{EX}g> WHERE " + "{" * DEEP + " ?s ?p ?o " + "}" * DEEP,
    "parentheses": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * DEEP + "true" + ")" * DEEP + ") }",
    "paths": f"ASK {{ ?s {'(' * DEEP}<{EX}p>{')' * DEEP} ?o }}",
}


@pytest.mark.parametrize("query", NESTED.values(), ids=NESTED.keys())
def test_deep_nesting_is_a_400_not_a_crash(loaded, query: str) -> None:
    """Holds: the depth limit; without it pyparsing recurses out and pyoxigraph overflows."""
    response = ask(loaded, query)
    assert response.status_code == 400
    assert response.json()["error"] == "too-deep"
    assert f"more than {MAX_SPARQL_DEPTH} deep" in response.json()["message"]


def test_deep_nesting_in_an_update_is_a_400(loaded) -> None:
    """Holds: updates run in the server process, so the depth limit guards them too."""
    update = "INSERT { ?s ?p ?o } WHERE " + "{" * DEEP + " ?s ?p ?o " + "}" * DEEP
    response = loaded.post("/update", content=update.encode(), headers=UPDATE)
    assert response.status_code == 400
    assert response.json()["error"] == "too-deep"


def test_functions_on_wrong_types_leave_variables_unbound(loaded) -> None:
    """Holds: expression errors are SPARQL errors (unbound), not server errors."""
    query = (
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?s (STRLEN(?s) AS ?a) "
        '(xsd:integer("abc") AS ?b) (1/0 AS ?c) (YEAR("x") AS ?d) (REGEX(STR(?s), "(") AS ?e) '
        '(REGEX(STR(?s), "(a+)+$") AS ?f) (?s + 1 AS ?g) WHERE { ?s ?p ?o } LIMIT 3'
    )
    response = ask(loaded, query)
    assert response.status_code == 200, response.text
    for row in response.json()["results"]["bindings"]:
        assert set(row) <= {"s", "f"}


def test_the_server_keeps_serving_while_a_query_runs_away(served) -> None:
    """Holds: queries run in children under a semaphore; the event loop never waits on them."""
    with served(timeout=4) as base:
        headers = {"content-type": "text/turtle", **AUTH}
        put = httpx.put(f"{base}/store?graph={EX}g", content=CHAIN, headers=headers, timeout=60)
        assert put.is_success
        outcome: dict[str, httpx.Response] = {}

        def runaway() -> None:
            outcome["slow"] = httpx.post(
                f"{base}/sparql", content=CARTESIAN, headers=QUERY, timeout=60
            )

        thread = threading.Thread(target=runaway)
        thread.start()
        deadline = time.monotonic() + 20
        while not children_of(os.getpid()) and time.monotonic() < deadline:
            time.sleep(0.02)
        quick = [
            httpx.get(
                f"{base}/sparql", params={"query": f"ASK {{ ?s <{EX}p> <{EX}s{i}> }}"}, timeout=30
            )
            for i in range(1, 6)
        ]
        still_running = thread.is_alive()
        thread.join(timeout=60)
    assert still_running
    assert [r.json()["boolean"] for r in quick] == [True] * 5
    assert outcome["slow"].status_code == 503
