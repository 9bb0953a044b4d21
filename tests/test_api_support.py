"""Helpers for the API tests: a `pactgraph serve` subprocess on a free loopback port.

No tests live here; the test_api_* modules import these helpers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from servers import free_port

from graph.screen import screening_pid

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CONFORMANCE = SHARED / "conformance"
W3C_RUNNER = CONFORMANCE / "w3c_protocol.py"
TOKEN = "test-token-0123456789"


def pactgraph_command() -> list[str]:
    """The installed `pactgraph` script next to this interpreter, else the module itself."""
    script = Path(sys.executable).with_name("pactgraph")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from cli import app; app()"]


def _wait(process: subprocess.Popen, base: str, log: Path, deadline_s: float) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"pactgraph serve exited with {process.returncode}:\n{log.read_text()}"
            )
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"pactgraph serve not ready after {deadline_s} s:\n{log.read_text()}")


@dataclass(frozen=True)
class RunningApi:
    """A started `pactgraph serve`: where it answers and its process id."""

    base: str
    pid: int


@contextmanager
def running_api(workdir: Path, *options: str, token: str | None = TOKEN) -> Iterator[RunningApi]:
    """`pactgraph serve OPTIONS` on a free port; yields where it runs and stops it after."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PACTGRAPH_TOKEN"}
    if token is not None:
        env["PACTGRAPH_TOKEN"] = token
    command = [*pactgraph_command(), "serve", "--host", "127.0.0.1", "--port", str(port), *options]
    log = workdir / f"serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=workdir, env=env, stdout=sink, stderr=sink)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait(process, base, log, deadline_s=60)
            yield RunningApi(base, process.pid)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def children_of(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``, from Linux /proc; for this
    process, leaving out its validation screen (``graph.screen``), which is meant to live
    as long as this process does."""
    found = []
    kept = screening_pid() if pid == os.getpid() else None
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z" and int(status.parent.name) != kept:
            found.append(int(status.parent.name))
    return found


@contextmanager
def serving(app: object, log_level: str = "warning") -> Iterator[str]:
    """``app`` served by uvicorn in a thread of this process on a free port; yields its URL.

    For clients that need a real socket (SPARQLWrapper, rdflib's SPARQLStore)
    against a store the test prepared in this process.
    """
    import threading

    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level=log_level, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
