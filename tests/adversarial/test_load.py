"""Load: 8 clients query for 60 s while another uploads 200 documents through the API.

No response may be an error, and no query may see half a document: every
client counts the triples of each document graph it sees, and each count
must be the whole document's. Latencies are printed (p50, p99, max per kind
of request); they are figures, never assertions.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx
import pytest
from test_api_support import TOKEN, running_api

from .support import DOCUMENT, PAIRS, pact, triples_by_pair

CLIENTS = 8
SECONDS = 60
UPLOADS = 200
PER_GRAPH = (
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
    f'FILTER(STRSTARTS(STR(?g), "{DOCUMENT}")) }} GROUP BY ?g'
)


def _whole(rows: list[dict], sizes: list[int]) -> list[str]:
    """The documents in a per-graph count that are not whole."""
    broken = []
    for row in rows:
        key = row["g"]["value"].removeprefix(DOCUMENT)
        expected = sizes[int(key.rsplit("-", 1)[1]) % len(PAIRS)]
        if int(row["n"]["value"]) != expected:
            broken.append(f"{key}: {row['n']['value']} of {expected} triples")
    return broken


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@pytest.mark.slow
@pytest.mark.parametrize("copy", [["--no-memory-copy"], []], ids=["disk", "memory-copy"])
def test_queries_during_uploads_see_whole_documents_and_no_errors(
    tmp_path: Path, copy: list[str]
) -> None:
    """Holds: per-document transactions, forked query workers, upload slots, under load.

    Both ways the server can read: from disk, and from its copy in memory, which every
    upload writes after the disk while query workers are forked from the server.
    """
    sizes = triples_by_pair()
    options = ["--store", str(tmp_path / "store"), "--allow-writes", "--timeout", "30", *copy]
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    partial: list[str] = []
    seen_documents = [0]
    uploads_done = threading.Event()
    lock = threading.Lock()

    with running_api(tmp_path, *options) as api:
        deadline = time.monotonic() + SECONDS
        give_up = deadline + 600  # a stuck server fails the test instead of hanging CI
        requests = [
            ("per-graph", lambda http: http.post(
                "/sparql", content=PER_GRAPH,
                headers={"content-type": "application/sparql-query"})),
            ("documents", lambda http: http.get("/documents", params={"limit": 50})),
            ("named-query", lambda http: http.get("/queries/agreements")),
            ("agreements", lambda http: http.get("/agreements")),
        ]  # fmt: skip

        def client(number: int) -> None:
            kind, send = requests[number % len(requests)]
            with httpx.Client(base_url=api.base, timeout=60) as http:
                while time.monotonic() < give_up and (
                    time.monotonic() < deadline or not uploads_done.is_set()
                ):
                    started = time.perf_counter()
                    response = send(http)
                    took = time.perf_counter() - started
                    with lock:
                        latencies[kind].append(took)
                        if response.status_code != 200:
                            errors.append(f"{kind}: {response.status_code} {response.text[:200]}")
                        elif kind == "per-graph":
                            rows = response.json()["results"]["bindings"]
                            partial.extend(_whole(rows, sizes))
                            seen_documents[0] = max(seen_documents[0], len(rows))

        def uploader() -> None:
            headers = {"authorization": f"Bearer {TOKEN}"}
            try:
                with httpx.Client(base_url=api.base, timeout=120) as http:
                    for number in range(UPLOADS):
                        name = f"pact-{number:04d}.txt"
                        started = time.perf_counter()
                        response = http.post(
                            "/documents", files={"file": (name, pact(number))}, headers=headers
                        )
                        with lock:
                            latencies["upload"].append(time.perf_counter() - started)
                            if response.status_code != 201:
                                errors.append(f"upload {name}: {response.status_code}")
            except httpx.HTTPError as error:
                with lock:
                    errors.append(f"uploader stopped: {error!r}")
            finally:
                uploads_done.set()

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        threads.append(threading.Thread(target=uploader))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 600)
        final = httpx.post(
            f"{api.base}/sparql",
            timeout=60,
            content=PER_GRAPH,
            headers={"content-type": "application/sparql-query"},
        ).json()["results"]["bindings"]

    print(f"\n{CLIENTS} clients for {SECONDS} s while {UPLOADS} documents were uploaded:")
    for kind, values in sorted(latencies.items()):
        print(
            f"  {kind:12} n={len(values):5}  p50={statistics.median(values) * 1000:7.1f} ms  "
            f"p99={_percentile(values, 0.99) * 1000:7.1f} ms  max={max(values) * 1000:7.1f} ms"
        )
    every = [v for values in latencies.values() for v in values]
    print(f"  all requests p99 = {_percentile(every, 0.99) * 1000:.1f} ms")
    assert errors == []
    assert partial == []
    assert 0 < seen_documents[0] <= UPLOADS
    assert len(final) == UPLOADS
    assert _whole(final, sizes) == []
