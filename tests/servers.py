"""Servers the store tests start on 127.0.0.1: a call recorder, Oxigraph server, Virtuoso.

Each is a context manager that picks a free loopback port, waits until the
server answers and stops it (and only it) on exit. Import the fixtures from
here and wrap them in a fixture of the test module, e.g.
``with running_recorder() as recorder: yield recorder``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
def running_recorder() -> Iterator[Recorder]:
    """A running Recorder; its ``calls`` prove whether a store reached out."""
    state = Recorder()
    server = ThreadingHTTPServer(("127.0.0.1", 0), state.handler())
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
