"""Timing the named queries (in process and over HTTP) and the throughput of each server.

Latencies are wall-clock times of one request after its answer is read whole,
taken one after the other on a kept-alive connection; a few first runs warm
the caches and are not counted. Throughput is ``wrk`` (8 connections by
default, 2 threads) POSTing the same SPARQL to each server; the wrk client
takes a small share of one core at these rates, and the run records its CPU
time per second so it can be seen not to be the bottleneck.
"""

from __future__ import annotations

import json
import re
import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from graph.catalog import NamedQuery
from graph.store.embedded import EmbeddedStore

JSON = "application/sparql-results+json"
SPARQL_QUERY = "application/sparql-query"


@dataclass(frozen=True)
class Latency:
    """p50 and p95 of one query on one engine, in milliseconds; ``error`` when it failed."""

    p50: float
    p95: float
    rows: int = -1
    error: str | None = None
    #: The query passed the client's time limit: p50 and p95 are that limit, a lower bound.
    timed_out: bool = False


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _timed(call: Callable[[], int], repeats: int, warmup: int, limit: float = 0.0) -> Latency:
    try:
        for _ in range(warmup):
            call()
        samples, rows = [], -1
        for _ in range(repeats):
            start = time.perf_counter()
            rows = call()
            samples.append(time.perf_counter() - start)
    except httpx.TimeoutException:
        return Latency(limit * 1000, limit * 1000, error="timeout", timed_out=True)
    except (httpx.HTTPError, RuntimeError, ValueError) as error:
        return Latency(float("nan"), float("nan"), error=str(error)[:200])
    return Latency(*_percentiles(samples), rows=rows)


def _rows(payload: bytes) -> int:
    """Solutions in a SPARQL JSON result."""
    document = json.loads(payload)
    return len(document.get("results", {}).get("bindings", []))


def embedded_latency(store: EmbeddedStore, sparql: str, repeats: int, warmup: int) -> Latency:
    """The query run in this process on the embedded store, serialized as SPARQL JSON."""
    return _timed(lambda: _rows(store.query(sparql, media_type=JSON).payload), repeats, warmup)


def _checked(response: httpx.Response) -> int:
    if response.status_code != 200:
        raise RuntimeError(f"HTTP {response.status_code}: {response.text[:150]}")
    return _rows(response.content)


def named_latency(
    client: httpx.Client, base: str, query: NamedQuery, values: dict[str, str], repeats: int,
    warmup: int,
) -> Latency:  # fmt: skip
    """A named query through pactgraph's own route, ``GET /queries/{name}``."""
    url = f"{base}/queries/{query.name}"
    headers = {"accept": JSON}
    return _timed(
        lambda: _checked(client.get(url, params=values, headers=headers)), repeats, warmup
    )


def sparql_latency(
    client: httpx.Client, endpoint: str, sparql: str, repeats: int, warmup: int
) -> Latency:
    """The SPARQL text POSTed to a SPARQL protocol endpoint (``client``'s timeout applies)."""
    headers = {"accept": JSON, "content-type": SPARQL_QUERY}
    limit = client.timeout.read or 0.0
    return _timed(
        lambda: _checked(client.post(endpoint, content=sparql, headers=headers)),
        repeats,
        warmup,
        limit,
    )


@dataclass(frozen=True)
class Throughput:
    """What wrk saw: requests/s, latency p50 and p99 (ms), failed requests, wrk's CPU."""

    requests_per_s: float
    p50: float
    p99: float
    errors: int
    client_cpu: float


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(output: str, label: str) -> float:
    """A latency wrk printed after ``label``, in ms; NaN when no request completed."""
    found = re.search(rf"{label}\s+([\d.]+)(us|ms|s|m)\b", output)
    return float(found.group(1)) * _UNITS[found.group(2)] if found else float("nan")


def _parse_wrk(output: str, cpu: float) -> Throughput:
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p99 = _ms(output, "50%"), _ms(output, "99%")
    errors = 0
    if found := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        errors += int(found.group(1))
    if found := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in found.groups())
    return Throughput(rate, p50, p99, errors, cpu)


def _lua(sparql: str) -> str:
    """A wrk script POSTing ``sparql`` as an application/sparql-query body."""
    fence = "=" * 8
    return (
        'wrk.method = "POST"\n'
        f"wrk.body = [{fence}[{sparql}]{fence}]\n"
        f'wrk.headers["Content-Type"] = "{SPARQL_QUERY}"\n'
        f'wrk.headers["Accept"] = "{JSON}"\n'
    )


def throughput(endpoint: str, sparql: str, seconds: int, clients: int) -> Throughput:
    """``clients`` connections POSTing ``sparql`` to ``endpoint`` for ``seconds``."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(sparql))
    command = ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--latency"]
    command += ["--timeout", "30s", "-s", script.name, endpoint]
    try:
        before = _children_cpu()
        result = subprocess.run(command, capture_output=True, text=True, check=True)
    finally:
        Path(script.name).unlink()
    return _parse_wrk(result.stdout, (_children_cpu() - before) / seconds)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
