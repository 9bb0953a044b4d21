"""The named queries' path to a worker from the event loop (``QueryRunner.run_async``): the
same answers as the thread path, the same kept worker, the same deadline, and a worker
whose caller went away is not used again."""

from __future__ import annotations

import asyncio
import os

import pytest
from rdflib import URIRef
from test_api_support import children_of

from api.errors import ApiError
from api.execution import QueryRunner
from graph.store import EmbeddedStore
from graph.store.media import SPARQL_JSON

INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
DATA = "".join(
    f'<http://example.org/s{i}> <http://example.org/p> "{i}"^^{INTEGER} .\n' for i in range(300)
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture
def runner() -> QueryRunner:
    store = EmbeddedStore(None)
    store.replace_graphs({URIRef("http://example.org/g"): DATA})
    runner = QueryRunner(store, timeout=1.5, max_rows=100, workers=2)
    yield runner
    runner.close()


async def _count(runner: QueryRunner) -> bytes:
    answer = await runner.run_async(COUNT, kind="bindings", media_type=SPARQL_JSON)
    return answer.payload


def test_the_loop_path_answers_as_the_thread_path_with_the_same_kept_worker(runner) -> None:
    threaded = runner.run(COUNT, kind="bindings", media_type=SPARQL_JSON).payload
    kept = set(children_of(os.getpid()))
    assert kept
    assert asyncio.run(_count(runner)) == threaded
    assert b'"300"' in threaded
    assert set(children_of(os.getpid())) == kept  # the same worker answered, none forked


def test_a_slow_query_on_the_loop_path_is_stopped_and_its_worker_ended(runner) -> None:
    async def slow() -> None:
        await runner.run_async(SLOW, kind="bindings", media_type=SPARQL_JSON)

    with pytest.raises(ApiError) as stopped:
        asyncio.run(slow())
    assert stopped.value.status == 503 and stopped.value.code == "timeout"
    assert not children_of(os.getpid())
    assert b'"300"' in asyncio.run(_count(runner))  # a fresh worker answers the next


def test_a_worker_whose_caller_went_away_is_ended_not_reused(runner) -> None:
    async def leave_early() -> None:
        task = asyncio.ensure_future(
            runner.run_async(SLOW, kind="bindings", media_type=SPARQL_JSON)
        )
        await asyncio.sleep(0.3)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(leave_early())
    assert not children_of(os.getpid())
    assert b'"300"' in asyncio.run(_count(runner))
