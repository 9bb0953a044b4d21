"""Shared fixtures of the adversarial suite: a token, apps, a served API, a recording listener.

``recorder`` is a raw TCP listener on loopback that records every
connection made to it, whatever the protocol: a test hands its address to
the server inside hostile input and then asserts the list is empty, which
proves the server connected nowhere. ``served`` runs the API with uvicorn in
a thread on a free loopback port, for clients that need a real socket
(slow-drip bodies, concurrent clients).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_api_support import serving

from api.app import create_app
from api.settings import Settings
from graph.store import EmbeddedStore

from .support import TOKEN, Recorder, recording_listener


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    with recording_listener() as running:
        yield running


def settings(**options: object) -> Settings:
    """Writable settings with the suite's token, no model loading (fast start)."""
    values: dict[str, object] = {"allow_writes": True, "token": TOKEN, "load_model": False}
    values.update(options)
    return Settings(**values)


AppFactory = Callable[..., AbstractContextManager[TestClient]]


@pytest.fixture
def make_client() -> AppFactory:
    """``make_client(**settings)``: a TestClient over a fresh in-memory store."""

    @contextmanager
    def make(**options: object) -> Iterator[TestClient]:
        app = create_app(settings(**options), EmbeddedStore(None, allow_external=True))
        with TestClient(app) as client:
            yield client

    return make


@pytest.fixture
def client(make_client: AppFactory) -> Iterator[TestClient]:
    with make_client() as test_client:
        yield test_client


@pytest.fixture
def served(tmp_path: Path) -> Callable[..., AbstractContextManager[str]]:
    """``served(**settings)``: the API over a store in ``tmp_path``, on a real socket."""

    @contextmanager
    def serve(**options: object) -> Iterator[str]:
        store = EmbeddedStore(tmp_path / "store", allow_external=True)
        try:
            app = create_app(settings(**options), store)
            with serving(app, log_level="debug") as base:
                yield base
        finally:
            store.close()

    return serve
