"""Every query runs in a worker process that is killed when its time is up.

pyoxigraph has no way to cancel a running query and a Python thread cannot
be stopped, but a process can. The runner keeps a small pool of forked
workers (``graph.workers``): a worker inherits the store exactly as this process
holds it (an in-memory store included, copy-on-write), runs queries and sends
serialized results through a pipe; the runner waits until the deadline and
kills the worker if no answer came, which frees its CPU and memory at once,
and forks a fresh one for the next query. Forking a child per query cost
10-25 ms a query on 2 cores; a kept worker costs well under a millisecond
(bench/README.md). A semaphore bounds how many queries run at a time, and
the server's event loop never waits on them.

A worker sees the store as it was when it was forked, so every write retires
the pool (``retire``): before the write starts and again before its response
leaves (``api.deps.require_write`` and ``RetireAfterWrites``), so a client that
saw its write succeed never reads from an older worker.

Updates are not run in workers: a forked child's writes would go to its own
copy. They run in the server process (writes need the token anyway).
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from functools import partial
from typing import Any

import pyoxigraph as ox
from rdflib.term import Node
from starlette.concurrency import run_in_threadpool

from api.errors import ApiError
from api.result_cache import ResultCache
from api.sparql_text import with_row_cap
from graph.namespaces import PREFIXES
from graph.store.base import (
    NotAcceptableError,
    QuerySyntaxError,
    Store,
    StoreError,
    UnsafeQueryError,
)
from graph.store.embedded import RDF_FORMATS
from graph.store.media import N_TRIPLES, SPARQL_JSON
from graph.store.results import normalize_json, rows, write_results
from graph.workers import Worker, WorkerLost

_ERRORS: dict[str, type[StoreError]] = {
    cls.__name__: cls for cls in (QuerySyntaxError, UnsafeQueryError, NotAcceptableError)
}
_PREFIXES = {key: str(namespace) for key, namespace in PREFIXES.items()}


@dataclass(frozen=True)
class Answer:
    """A serialized query result; ``truncated`` when rows beyond the limit were dropped."""

    kind: str
    media_type: str
    payload: bytes
    truncated: bool = False


def _bindings(store: Store, sparql: str, media_type: str, max_rows: int) -> Answer:
    result = store.query(sparql, media_type=SPARQL_JSON)
    if result.kind != "bindings":
        return store_answer(store, sparql, media_type)
    document = json.loads(result.payload)
    solutions = document.get("results", {}).get("bindings", [])
    truncated = len(solutions) > max_rows
    if truncated:
        del solutions[max_rows:]
    if media_type == SPARQL_JSON and not truncated:
        return Answer("bindings", media_type, result.payload)
    return Answer("bindings", media_type, write_results(document, media_type), truncated)


def _triples(store: Store, sparql: str, media_type: str, max_rows: int) -> Answer:
    result = store.query(sparql, media_type=N_TRIPLES)
    lines = [line for line in result.payload.splitlines() if line.strip()]
    truncated = len(lines) > max_rows
    if truncated:
        del lines[max_rows:]
    if media_type == N_TRIPLES and not truncated:
        return Answer("graph", media_type, result.payload)
    data = b"\n".join(lines) + b"\n"
    triples = [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    payload = ox.serialize(triples, format=RDF_FORMATS[media_type], prefixes=_PREFIXES) or b""
    return Answer("graph", media_type, payload, truncated)


def store_answer(store: Store, sparql: str, media_type: str) -> Answer:
    result = store.query(sparql, media_type=media_type)
    return Answer(result.kind, result.media_type, result.payload)


def _locate(source: str, base: str | None, error: QuerySyntaxError) -> QuerySyntaxError:
    """The syntax error as found in ``source``, the text the client sent.

    The API may have rewritten the text (dataset, LIMIT), which moves
    positions, and a remote server words its errors its own way; parsing the
    client's text again with pyoxigraph, in this child, gives positions in it.
    """
    try:
        ox.Store().query(source, base_iri=base)
    except SyntaxError as local:
        return QuerySyntaxError(str(local))
    except (OSError, ValueError, RuntimeError):
        return error
    return error


def _outcome(store: Store, job: dict[str, Any]) -> tuple[Any, ...]:
    """Run one query: ('ok', Answer) or ('error', class name, message)."""
    kind, sparql, media_type = job["kind"], job["sparql"], job["media_type"]
    try:
        if kind == "bindings":
            answer = _bindings(store, sparql, media_type, job["max_rows"])
        elif kind == "graph":
            answer = _triples(store, sparql, media_type, job["max_rows"])
        else:
            answer = store_answer(store, sparql, media_type)
        return ("ok", answer)
    except QuerySyntaxError as error:
        return ("error", "QuerySyntaxError", str(_locate(job["source"], job["base"], error)))
    except StoreError as error:
        return ("error", type(error).__name__, str(error))
    except Exception as error:
        return ("error", "Exception", f"{type(error).__name__}: {error}")


class QueryRunner:
    """Runs queries against ``store`` with a time limit and a row limit."""

    def __init__(
        self,
        store: Store,
        *,
        timeout: float,
        max_rows: int,
        workers: int,
        cache: ResultCache[Answer] | None = None,
    ) -> None:
        """``cache`` keeps answers until the next write (``api.result_cache``); give one only
        for a store that no one else writes."""
        self.store = store
        self.timeout = timeout
        self.max_rows = max_rows
        self.cache = cache
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._idle: list[Worker] = []
        self._generation = 0

    @property
    def generation(self) -> int:
        """How many times the store has changed (or begun to) since the server started."""
        return self._generation

    def retire(self) -> None:
        """The store changed (or is about to): no worker forked before now answers again,
        and no answer kept before now is served again."""
        with self._lock:
            self._generation += 1
            idle, self._idle = self._idle, []
        if self.cache is not None:
            self.cache.clear()
        for worker in idle:
            worker.kill()

    def close(self) -> None:
        """Stop the idle workers (busy ones are stopped when they come back)."""
        self.retire()

    def run(
        self,
        sparql: str,
        *,
        kind: str,
        media_type: str,
        source: str | None = None,
        base: str | None = None,
        max_rows: int | None = None,
    ) -> Answer:
        """Run ``sparql`` (a query of ``kind``) and return it serialized as ``media_type``.

        ``source`` is the client's own text and ``base`` the IRI its relative IRIs
        resolve against; syntax errors are placed in ``source``. Blocks the calling
        thread: call it from a worker thread.
        """
        job = self._job(sparql, kind, media_type, source, base, max_rows)
        key = self._key(job)
        answer = self._kept(key)
        if answer is None:
            answer = self._run(job)
            self._keep(key, answer)
        return answer

    async def run_async(
        self, sparql: str, *, kind: str, media_type: str, base: str | None = None
    ) -> Answer:
        """``run`` from the event loop: with a slot free and a worker idle, the query goes to
        the worker and its answer is awaited on the loop itself, with no thread hand-off;
        otherwise it waits in a thread as ``run`` does."""
        job = self._job(sparql, kind, media_type, None, base, None)
        key = self._key(job)
        answer = self._kept(key)
        if answer is None:
            answer = await self._run_async(job)
            self._keep(key, answer)
        return answer

    def _job(
        self,
        sparql: str,
        kind: str,
        media_type: str,
        source: str | None,
        base: str | None,
        max_rows: int | None,
    ) -> dict[str, Any]:
        """What a worker is sent: the text as it runs (BASE, row cap) and what to answer."""
        if base is not None:
            sparql = f"BASE <{base}> {sparql}"
        cap = max_rows or self.max_rows
        if kind == "bindings":
            sparql = with_row_cap(sparql, cap + 1)
        return {
            "kind": kind,
            "sparql": sparql,
            "media_type": media_type,
            "max_rows": cap,
            "source": source if source is not None else sparql,
            "base": base,
        }

    def _key(self, job: dict[str, Any]) -> tuple[Any, ...] | None:
        """The job's key among kept answers, None when none are kept. The text enters as a
        digest: a kept answer costs its own bytes, not a long query's."""
        if self.cache is None:
            return None
        digest = hashlib.sha256(job["sparql"].encode()).digest()
        return (self._generation, job["kind"], digest, job["media_type"], job["max_rows"])

    def _kept(self, key: tuple[Any, ...] | None) -> Answer | None:
        return None if key is None or self.cache is None else self.cache.get(key)

    def _keep(self, key: tuple[Any, ...] | None, answer: Answer) -> None:
        if key is None or self.cache is None:
            return
        with self._lock:  # a write that began meanwhile may have changed the answer
            if key[0] == self._generation:
                self.cache.put(key, answer)

    def _run(self, job: dict[str, Any]) -> Answer:
        """Ask a worker once a slot is free; 503 when none frees within the time limit."""
        if not self._slots.acquire(timeout=self.timeout):
            raise ApiError(
                503,
                "busy",
                f"all query workers stayed busy for {self.timeout:g} s; try again later",
                headers={"Retry-After": "5"},
            )
        try:
            return self._fork(job)
        finally:
            self._slots.release()

    async def _run_async(self, job: dict[str, Any]) -> Answer:
        """``_run`` on the loop when a slot is free now, else in a thread (where it may wait)."""
        if not self._slots.acquire(blocking=False):
            return await run_in_threadpool(self._run, job)
        try:
            for attempt in (1, 2):
                worker = self._take_idle() or await run_in_threadpool(self._take)
                try:
                    message = await worker.ask_async(job, self.timeout)
                except WorkerLost as lost:
                    self._lost(lost, attempt, worker)
                    continue
                self._give_back(worker)
                return _answer(message)
            raise AssertionError("unreachable")
        finally:
            self._slots.release()

    def select(self, sparql: str, max_rows: int | None = None) -> list[dict[str, Node | None]]:
        """Rows of one of the API's own SELECT queries, under the time limit.

        Its rows are all needed, so passing ``max_rows`` is an error, not a cut.
        """
        answer = self.run(sparql, kind="bindings", media_type=SPARQL_JSON, max_rows=max_rows)
        if answer.truncated:
            raise ApiError(500, "too-many-rows", "an internal query passed its row limit")
        return rows(normalize_json(answer.payload))

    def _take_idle(self) -> Worker | None:
        with self._lock:
            if not self._idle:
                return None
            worker = self._idle.pop()
        worker.reused = True
        return worker

    def _take(self) -> Worker:
        """An idle worker, or one forked now (forking blocks: call it from a thread)."""
        worker = self._take_idle()
        if worker is not None:
            return worker
        with self._lock:
            generation = self._generation
        return Worker(partial(_outcome, self.store), generation)

    def _give_back(self, worker: Worker) -> None:
        with self._lock:
            if worker.generation == self._generation:
                self._idle.append(worker)
                return
        worker.kill()

    def _fork(self, job: dict[str, Any]) -> Answer:
        """Ask a worker; at the deadline it is killed (and replaced on the next query)."""
        for attempt in (1, 2):
            worker = self._take()
            try:
                message = worker.ask(job, self.timeout)
            except WorkerLost as lost:
                self._lost(lost, attempt, worker)
                continue
            self._give_back(worker)
            return _answer(message)
        raise AssertionError("unreachable")

    def _lost(self, lost: WorkerLost, attempt: int, worker: Worker) -> None:
        """Raise what a worker that gave no answer means, or return to try a fresh worker (an
        idle one may have been ended meanwhile)."""
        if lost.timed_out:
            raise ApiError(
                503,
                "timeout",
                f"the query ran longer than {self.timeout:g} s and was stopped; "
                "narrow its patterns or add a LIMIT",
            ) from None
        if attempt == 1 and worker.reused:
            return
        raise ApiError(500, "query-failed", "the query process ended without an answer") from None


class RetireAfterWrites:
    """ASGI middleware: when a request was a write, retire the query workers again just
    before its response starts, so no worker forked during the write answers afterwards."""

    def __init__(self, app: Any, runner: QueryRunner) -> None:
        self.app = app
        self.runner = runner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def watched(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and scope.get("state", {}).get(WROTE):
                self.runner.retire()
            await send(message)

        await self.app(scope, receive, watched)


#: Set in a request's state by the write check: the request may change the store.
WROTE = "pactgraph_writes"


def _answer(message: tuple[Any, ...]) -> Answer:
    if message[0] == "ok":
        return message[1]
    _, name, text = message
    if name in _ERRORS:
        raise _ERRORS[name](text)
    if name == "StoreError":
        raise StoreError(text)
    raise ApiError(500, "query-failed", f"the query failed: {text}")
