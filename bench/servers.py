"""The servers the benchmark compares, each on a free loopback port, and their memory.

- ``pactgraph serve`` over the embedded store the ingest built;
- Oxigraph server (PyPI ``oxigraph``) over a copy of the same quads, read-only,
  with the union of the graphs as its default graph, as pactgraph queries it;
- rdflib-endpoint (PyPI ``rdflib-endpoint``) over the same quads in an rdflib
  Dataset whose default graph is the union.

Each context manager starts the server, waits until it answers, samples the
proportional memory (PSS) of its whole process tree while it runs, and stops
it (and only it) on exit.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def tree_pss(pid: int) -> int:
    """Bytes of memory the process ``pid`` and its descendants hold, shared pages split (PSS)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            text = Path(f"/proc/{current}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1]) * 1024
                break
        todo.extend(_children(current))
    return total


@dataclass
class MemoryWatch:
    """The peak PSS of a process tree, sampled in a thread until ``stop``."""

    pid: int
    interval: float = 0.25
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_pss(self.pid))
            self._stop.wait(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


@dataclass
class Server:
    """A running server: what to call it, where its SPARQL endpoint is, its memory."""

    name: str
    base: str
    sparql: str
    memory: MemoryWatch


def _wait(process: subprocess.Popen, url: str, log: Path, deadline_s: float) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-2000:]}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {deadline_s:.0f} s")


@contextmanager
def _running(
    name: str, command: list[str], base: str, sparql: str, probe: str, workdir: Path, wait_s: float
) -> Iterator[Server]:
    log = workdir / f"{name}.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=workdir)
    try:
        _wait(process, probe, log, wait_s)
        watch = MemoryWatch(process.pid)
        try:
            yield Server(name, base, sparql, watch)
        finally:
            watch.stop()
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def pactgraph_server(store: Path, workdir: Path, *, cached: bool = False) -> Iterator[Server]:
    """``pactgraph serve`` over the embedded store at ``store`` (read-only, the default),
    answering from its copy in memory (also the default).

    Without ``cached`` its answer caches are off (``--result-cache-mb 0``), so it does the
    same work per request as the peers, which keep none; with it, as a user runs it. It
    logs no line per request, as Oxigraph server logs none."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "pactgraph"), "serve", "--store", str(store), "--port", str(port)]
    command += ["--host", "127.0.0.1", "--timeout", "120", "--no-load-model", "--no-access-log"]
    command += [] if cached else ["--result-cache-mb", "0"]
    name = "pactgraph (answers kept)" if cached else "pactgraph"
    with _running(name, command, base, f"{base}/sparql", f"{base}/health", workdir, 120) as s:
        yield s


@contextmanager
def oxigraph_server(quads: Path, workdir: Path) -> Iterator[Server]:
    """Oxigraph server over the quads of ``quads`` (loaded into its own store first)."""
    location = workdir / "oxigraph-data"
    subprocess.run(
        [str(BIN / "oxigraph"), "load", "--location", str(location), "--file", str(quads)],
        check=True,
        capture_output=True,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "oxigraph"), "serve-read-only", "--location", str(location)]
    command += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    with _running("oxigraph", command, base, f"{base}/query", f"{base}/query", workdir, 120) as s:
        yield s


@contextmanager
def rdflib_endpoint_server(quads: Path, workdir: Path) -> Iterator[Server]:
    """rdflib-endpoint over the quads of ``quads`` (parsed into memory at start)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "rdflib-endpoint"), "serve", str(quads)]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    with _running("rdflib-endpoint", command, base, f"{base}/", f"{base}/", workdir, 1800) as s:
        yield s
