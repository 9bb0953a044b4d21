"""A tiny SPARQL 1.1 server on loopback, backed by pyoxigraph, that fails on request.

It answers the SPARQL Protocol as ``RemoteStore`` speaks it (URL-encoded
POST of ``query=`` or ``update=``) and can answer chosen update requests
with 500, to play a remote store that breaks mid-load. Every request is
timed, so a test can see the back-off between retries.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
from servers import http_server


@dataclass
class FakeSparql:
    """The server's state: its data, which updates fail, what it was sent."""

    url: str = ""
    store: ox.Store = field(default_factory=ox.Store)
    failing_updates: set[int] = field(default_factory=set)
    fail_everything: bool = False
    updates: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, form: dict[str, list[str]]) -> tuple[int, str, bytes]:
        """(status, content type, body) for one protocol request."""
        if "update" in form:
            with self.lock:
                self.updates.append(time.monotonic())
                number = len(self.updates)
            if self.fail_everything or number in self.failing_updates:
                return 500, "text/plain", b"internal error (injected)"
            self.store.update(form["update"][0])
            return 200, "text/plain", b""
        if self.fail_everything:
            return 500, "text/plain", b"internal error (injected)"
        union = "union-default-graph" in form
        results = self.store.query(form["query"][0], use_default_graph_as_union=union)
        if isinstance(results, ox.QueryTriples):
            return 200, "application/n-triples", results.serialize(ox.RdfFormat.N_TRIPLES)
        media = "application/sparql-results+json"
        return 200, media, results.serialize(ox.QueryResultsFormat.JSON)

    def graph(self, name: str) -> set[ox.Triple]:
        """The triples of graph ``name`` as the server holds them."""
        return {
            q.triple for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(name))
        }

    def graph_names(self) -> set[str]:
        return {g.value for g in self.store.named_graphs()}


@contextmanager
def fake_sparql() -> Iterator[FakeSparql]:
    """A running FakeSparql on a free loopback port; stopped at the end."""
    state = FakeSparql()

    class Handler(BaseHTTPRequestHandler):
        def _respond(self, form: dict[str, list[str]]) -> None:
            status, media, body = state.answer(form)
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            self._respond(parse_qs(urlsplit(self.path).query, keep_blank_values=True))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8")
            form = parse_qs(body, keep_blank_values=True)
            form.update(parse_qs(urlsplit(self.path).query, keep_blank_values=True))
            self._respond(form)

        def log_message(self, *args: object) -> None:
            """Quiet."""

    with http_server(Handler) as base:
        state.url = f"{base}/sparql"
        yield state
