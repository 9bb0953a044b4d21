"""Every query has a deadline that really stops it, and a slow query blocks nobody else.

A deliberately slow query (a four-way cross product) runs against `pactgraph
serve --timeout 3` while /health is asked; the health answer must come while
the slow query still runs, the slow query must end in a 503, and its worker
process must be gone afterwards (the quick query's worker is kept for the next query).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
from test_api_support import TOKEN, children_of, running_api

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DATA = "".join(f"<http://example.org/s{i}> <http://example.org/p> {i} .\n" for i in range(300))


def _wait_for_a_worker(pid: int) -> list[int]:
    """Poll until the server has forked the query's worker (bounded, not a timed assertion)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        workers = children_of(pid)
        if workers:
            return workers
        time.sleep(0.02)
    return []


def test_a_slow_query_is_stopped_and_the_server_keeps_answering(tmp_path: Path) -> None:
    options = ["--store", ":memory:", "--timeout", "3", "--allow-writes", "--no-load-model"]
    with running_api(tmp_path, *options) as api:
        put = httpx.put(
            f"{api.base}/store",
            params={"graph": "http://example.org/g"},
            content=DATA,
            headers={"content-type": "text/turtle", "authorization": f"Bearer {TOKEN}"},
        )
        assert put.status_code == 201
        outcome: dict[str, httpx.Response] = {}
        finished = threading.Event()

        def slow_query() -> None:
            outcome["slow"] = httpx.get(f"{api.base}/sparql", params={"query": SLOW}, timeout=60)
            finished.set()

        worker = threading.Thread(target=slow_query)
        worker.start()
        slow_workers = _wait_for_a_worker(api.pid)
        assert slow_workers, "the slow query never started a worker"
        health = httpx.get(f"{api.base}/health", timeout=30)
        quick = httpx.get(f"{api.base}/sparql", params={"query": "ASK { ?s ?p 7 }"}, timeout=30)
        still_running = not finished.is_set()
        worker.join(timeout=60)

        assert health.status_code == 200
        assert quick.json()["boolean"] is True
        assert still_running, "the slow query ended before the other requests were answered"
        slow = outcome["slow"]
        assert slow.status_code == 503
        assert slow.json()["error"] == "timeout"
        assert not set(slow_workers) & set(children_of(api.pid))
        assert httpx.get(f"{api.base}/sparql", params={"query": "ASK {}"}).status_code == 200
