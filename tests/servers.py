"""Servers the store tests start on 127.0.0.1: a call recorder, Oxigraph server, Virtuoso.

Each is a context manager that picks a free loopback port, waits until the
server answers and stops it (and only it) on exit. Import the fixtures from
here and wrap them in a fixture of the test module, e.g.
``with running_recorder() as recorder: yield recorder``.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:
    from graph.store.remote import RemoteStore

SELECT_ANSWER = {
    "head": {"vars": ["o"]},
    "results": {"bindings": [{"o": {"type": "literal", "value": "from the outside"}}]},
}
LOADED_TRIPLE = b'<https://example.org/outside> <https://example.org/says> "loaded" .\n'


@dataclass
class Recorder:
    """A loopback HTTP server that logs every request and answers like a tiny SPARQL host."""

    calls: list[tuple[str, str]] = field(default_factory=list)
    url: str = ""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                recorder.calls.append((self.command, self.path))
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith("/data"):
                    body, media = LOADED_TRIPLE, "application/n-triples"
                else:
                    body = json.dumps(SELECT_ANSWER).encode()
                    media = "application/sparql-results+json"
                self.send_response(200)
                self.send_header("Content-Type", media)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, *args: object) -> None:
                """Keep test output quiet."""

        return Handler


@contextmanager
def http_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """``handler`` served by a thread on a free loopback port; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def running_recorder() -> Iterator[Recorder]:
    """A running Recorder; its ``calls`` prove whether a store reached out."""
    state = Recorder()
    with http_server(state.handler()) as url:
        state.url = url
        yield state


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Endpoints:
    """Where a started SPARQL server answers, and how to log in for writes."""

    query: str
    update: str
    store: str
    user: str | None = None
    password: str | None = None
    auth: str = "basic"

    def remote_store(self) -> RemoteStore:
        """A RemoteStore over these endpoints, logged in for writes."""
        from graph.store.remote import RemoteStore

        return RemoteStore(
            self.query,
            self.update,
            self.store,
            user=self.user,
            password=self.password,
            auth=self.auth,
        )


def _wait_until_ready(process: subprocess.Popen, url: str, log: Path, deadline_s: float) -> None:
    """Poll ``url`` with an ASK until it answers 200; fail with the server's log otherwise."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()}")
        try:
            response = httpx.get(
                url,
                params={"query": "ASK {}"},
                headers={"Accept": "application/sparql-results+json"},
                timeout=2,
            )
            if response.status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server not ready after {deadline_s} s:\n{log.read_text()}")


@contextmanager
def _running(
    command: list[str], workdir: Path, ready_url: str, deadline_s: float
) -> Iterator[None]:
    """Start ``command`` in ``workdir``, wait for ``ready_url``, stop this process at the end."""
    log = workdir / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=workdir, stdout=sink, stderr=subprocess.STDOUT)
        try:
            _wait_until_ready(process, ready_url, log, deadline_s)
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def oxigraph_binary() -> str | None:
    """The `oxigraph` CLI next to this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@contextmanager
def oxigraph_server(workdir: Path) -> Iterator[Endpoints]:
    """An Oxigraph server with its data in ``workdir``, on a free loopback port."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server CLI is not installed (pip install oxigraph)")
    base = f"http://127.0.0.1:{free_port()}"
    command = [binary, "serve", "--location", str(workdir / "data"), "--bind", base[7:]]
    with _running(command, workdir, f"{base}/query", deadline_s=30):
        yield Endpoints(query=f"{base}/query", update=f"{base}/update", store=f"{base}/store")


VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
_VIRTUOSO_FILES = {
    "DatabaseFile",
    "ErrorLogFile",
    "LockFile",
    "TransactionFile",
    "xa_persistent_file",
}


def virtuoso_ini(packaged: str, workdir: Path, sql_port: int, http_port: int) -> str:
    """The packaged virtuoso.ini with its files in ``workdir`` and both ports on loopback."""
    lines, section = [], ""
    for line in packaged.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped.strip("[]")
        key, sep, value = stripped.partition("=")
        key = key.strip()
        if sep and not stripped.startswith(";"):
            if section in ("Database", "TempDatabase") and key in _VIRTUOSO_FILES:
                line = f"{key} = {workdir / Path(value.strip()).name}"
            elif section == "Parameters" and key == "ServerPort":
                line = f"ServerPort = 127.0.0.1:{sql_port}"
            elif section == "HTTPServer" and key == "ServerPort":
                line = f"ServerPort = 127.0.0.1:{http_port}"
        lines.append(line)
    return "\n".join(lines) + "\n"


@contextmanager
def virtuoso_server(workdir: Path) -> Iterator[Endpoints]:
    """A private Virtuoso 7 instance (fresh database, dba/dba) on free loopback ports."""
    binary = shutil.which("virtuoso-t")
    if binary is None or not VIRTUOSO_INI.exists():
        pytest.skip("Virtuoso is not installed; .ci/install-services installs it (CI runs it)")
    http_port = free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(virtuoso_ini(VIRTUOSO_INI.read_text(), workdir, free_port(), http_port))
    base = f"http://127.0.0.1:{http_port}"
    with _running([binary, "-f", "-c", str(ini)], workdir, f"{base}/sparql", deadline_s=90):
        yield Endpoints(
            query=f"{base}/sparql",
            update=f"{base}/sparql-auth",
            store=f"{base}/sparql-graph-crud-auth",
            user="dba",
            password="dba",
            auth="digest",
        )
