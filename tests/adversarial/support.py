"""Helpers the adversarial tests share: the token, a valid document, a recording listener.

``recording_listener`` is a raw TCP listener on loopback that records every
connection made to it, whatever the protocol: a test hands its address to
the server inside hostile input and then asserts the list is empty, which
proves the server connected nowhere.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from graph.pipeline import process_upload

TOKEN = "adversarial-token-5f1c9e"
AUTH = {"authorization": f"Bearer {TOKEN}"}
DOCUMENT = "https://w3id.org/pactgraph/id/document/"
PAIRS = (("Mexico", "Guatemala"), ("Japan", "Australia"), ("Kenya", "Tanzania"))


def pact(number: int) -> bytes:
    """A small valid announcement; every number gives other bytes, the same structure."""
    first, second = PAIRS[number % len(PAIRS)]
    return (
        f"{first} and {second} Sign Border Security Pact No. {number}\n\n"
        f"{first} and {second} signed a pact to combat drug trafficking and human smuggling "
        "along their border. Both governments will hold joint patrols every month, starting "
        "within 6 months.\n"
    ).encode()


def triples_by_pair() -> list[int]:
    """Triples in a ``pact`` document's graph, per pair of parties (the number changes no
    structure), so a test can tell a whole document from part of one."""
    return [process_upload(pact(n), f"pact-{n:04d}.txt").triples for n in range(len(PAIRS))]


@dataclass
class Recorder:
    """A loopback TCP listener that accepts and records every connection, then closes it."""

    url: str = ""
    connections: list[tuple[str, bytes]] = field(default_factory=list)


@contextmanager
def recording_listener() -> Iterator[Recorder]:
    """A running Recorder on a free loopback port."""
    recorder = Recorder()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    recorder.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                peer, address = listener.accept()
            except TimeoutError:
                continue
            with peer:
                peer.settimeout(0.5)
                try:
                    first = peer.recv(200)
                except OSError:
                    first = b""
            recorder.connections.append((address[0], first))

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        stop.set()
        thread.join()
        listener.close()


#: Loggers a served app writes to: ours, uvicorn's error and access logs (which do not
#: propagate to the root logger, so pytest's caplog misses them).
SERVER_LOGGERS = ("", "pactgraph", "uvicorn", "uvicorn.error", "uvicorn.access")


class _Tap(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@contextmanager
def tapped_logs() -> Iterator[list[str]]:
    """Every line the server's loggers write while the block runs, tracebacks included."""
    tap = _Tap()
    loggers = [logging.getLogger(name) for name in SERVER_LOGGERS]
    for logger in loggers:
        logger.addHandler(tap)
    try:
        yield tap.lines
    finally:
        for logger in loggers:
            logger.removeHandler(tap)
