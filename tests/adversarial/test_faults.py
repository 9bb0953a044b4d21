"""Faults during a load: a killed loader, a full disk, a remote store that fails or vanishes.

After each, every document is fully present or fully absent — checked
against the SHA-256 of every file (the store records ``pg:contentSha256`` in
each document's graph) and the triple count its structure gives — and a
second load completes the rest.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from test_api_support import pactgraph_command

from graph.documents.intake import document_key
from graph.namespaces import PG
from graph.store import StoreError
from graph.store.remote import RemoteStore

from .fake_sparql import fake_sparql
from .support import DOCUMENT, PAIRS, pact, triples_by_pair

EX = "http://example.org/"
FAST_RETRIES = (0.05, 0.1, 0.2)


def write_documents(folder: Path, count: int) -> dict[str, str]:
    """``count`` generated documents in ``folder``; their key -> SHA-256 of the file."""
    folder.mkdir()
    shas = {}
    for number in range(count):
        path = folder / f"pact-{number:04d}.txt"
        path.write_bytes(pact(number))
        shas[document_key(path.name)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return shas


def whole_documents(store: ox.Store, shas: dict[str, str], sizes: list[int]) -> set[str]:
    """Keys of the documents in ``store``; fails on any document that is not whole."""
    present = set()
    for graph in store.named_graphs():
        if not graph.value.startswith(DOCUMENT):
            continue
        key = graph.value.removeprefix(DOCUMENT)
        assert key in shas, f"{key} is no document of this load"
        stored = {
            q.object.value
            for q in store.quads_for_pattern(
                graph, ox.NamedNode(str(PG.contentSha256)), None, graph
            )
        }
        assert stored == {shas[key]}, f"{key}: content hash {stored} is not the file's"
        count = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
        expected = sizes[int(key.rsplit("-", 1)[1]) % len(PAIRS)]
        assert count == expected, f"{key} holds {count} triples, a whole one {expected}"
        present.add(key)
    return present


def load(folder: Path, store: Path, **options: Callable[[], None]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*pactgraph_command(), "load", str(folder), "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=600,
        **options,
    )


KILLED_LOAD_DOCUMENTS = 3000


@pytest.mark.slow
def test_a_killed_load_leaves_whole_documents_and_a_second_load_finishes(tmp_path: Path) -> None:
    """Holds: one transaction per batch of document graphs (EmbeddedStore.replace_graphs).
    The documents are small and a load stores hundreds a second, so there are enough of
    them for the load to be caught halfway."""
    shas = write_documents(tmp_path / "docs", KILLED_LOAD_DOCUMENTS)
    sizes = triples_by_pair()
    store = tmp_path / "store"
    command = [*pactgraph_command(), "load", str(tmp_path / "docs"), "--store", str(store)]
    loader = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    seen = 0
    deadline = time.monotonic() + 300
    while seen < 150 and loader.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            snapshot = ox.Store.read_only(str(store))
        except (OSError, RuntimeError):
            # The loader is still creating the store: no folder yet (OSError) or
            # RocksDB files without their column families yet (RuntimeError).
            continue
        seen = sum(1 for g in snapshot.named_graphs() if g.value.startswith(DOCUMENT))
        del snapshot
    os.killpg(loader.pid, signal.SIGKILL)
    loader.wait()
    assert loader.returncode == -signal.SIGKILL, "the load ended before it could be killed"

    reopened = ox.Store(str(store))
    survivors = whole_documents(reopened, shas, sizes)
    del reopened
    total = KILLED_LOAD_DOCUMENTS
    print(f"\nkilled after {seen}+ documents; {len(survivors)} of {total} whole, none partial")
    assert 150 <= len(survivors) < total

    second = load(tmp_path / "docs", store)
    assert second.returncode == 0, second.stderr[-2000:]
    assert f"{total - len(survivors)} loaded, 0 replaced, {len(survivors)} unchanged" in " ".join(
        second.stderr.split()
    )
    assert whole_documents(ox.Store(str(store)), shas, sizes) == set(shas)


ROOM_FOR_DOCUMENTS = 8 * 1024 * 1024


def _store_footprint(folder: Path, scratch: Path) -> int:
    """Bytes on disk of a store holding the model and one document of ``folder``.

    The full-disk test sizes its disk from this, so the model growing (more
    nations, more labels) never leaves the disk too small for any document.
    """
    one = scratch / "one"
    one.mkdir(parents=True)
    first = min(folder.iterdir())
    shutil.copy(first, one / first.name)
    loaded = load(one, scratch / "store")
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    return sum(f.stat().st_size for f in (scratch / "store").rglob("*") if f.is_file())


def _can_mount(point: Path, size: int) -> bool:
    point.mkdir()
    if shutil.which("mount") is None:
        return False
    probe = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True
    )
    return probe.returncode == 0


def _file_size_limit(size: int) -> Callable[[], None]:
    """In the loader child: files may not grow past ``size`` bytes (writes past it fail)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    return limit


@pytest.mark.slow
def test_a_full_disk_is_a_clear_error_and_the_store_stays_whole(tmp_path: Path) -> None:
    """Holds: store write failures stop `pactgraph load` with a message, not a traceback.

    The disk is as large as a store with the model and one document, plus 8 MB:
    room for some documents, not all 400. Where mounting is not allowed, a
    file-size limit of that size on the loader makes the same writes fail.
    """
    shas = write_documents(tmp_path / "docs", 400)
    sizes = triples_by_pair()
    size = _store_footprint(tmp_path / "docs", tmp_path / "scratch") + ROOM_FOR_DOCUMENTS
    disk = tmp_path / "disk"
    mounted = _can_mount(disk, size)
    store = disk / "store"
    try:
        options = {} if mounted else {"preexec_fn": _file_size_limit(size)}
        first = load(tmp_path / "docs", store, **options)
        message = " ".join(first.stderr.split())
        print(f"\n{'tmpfs' if mounted else 'RLIMIT_FSIZE'}: {message[-300:]}")
        assert first.returncode == 1
        assert "Traceback" not in first.stderr
        assert "pactgraph load: the store failed after" in message
        assert "No space left on device" in message or "File too large" in message
        if mounted:
            subprocess.run(["mount", "-o", f"remount,size={size * 8}", str(disk)], check=True)
        survivors = whole_documents(ox.Store(str(store)), shas, sizes)
        assert 0 < len(survivors) < 400
        second = load(tmp_path / "docs", store)
        assert second.returncode == 0, second.stderr[-2000:]
        assert whole_documents(ox.Store(str(store)), shas, sizes) == set(shas)
    finally:
        if mounted:
            subprocess.run(["umount", str(disk)], check=False)


def _graph(size: int, tag: str) -> Graph:
    graph = Graph()
    for i in range(size):
        graph.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}p"), Literal(f"{tag}-{i}")))
    return graph


def _as_ox(graph: Graph) -> set[ox.Triple]:
    return {
        ox.Triple(ox.NamedNode(str(s)), ox.NamedNode(str(p)), ox.Literal(str(o)))
        for s, p, o in graph
    }


NAME = URIRef(f"{DOCUMENT}remote-pact")


def test_a_remote_store_answering_500_is_retried_with_back_off_then_a_clear_error() -> None:
    """Holds: RemoteStore._call retries 5xx after growing delays, then raises StoreError."""
    with fake_sparql() as server:
        server.fail_everything = True
        store = RemoteStore(server.url, retry_delays=FAST_RETRIES)
        with pytest.raises(StoreError) as failed:
            store.replace_graph(NAME, _graph(5, "new"))
        gaps = [b - a for a, b in zip(server.updates, server.updates[1:], strict=False)]
    assert "failed after 4 attempt(s) over 0.35 s" in str(failed.value)
    assert len(server.updates) == 4
    assert all(gap >= delay for gap, delay in zip(gaps, FAST_RETRIES, strict=True))
    assert gaps[0] < gaps[2]


def test_a_transient_500_is_retried_and_the_graph_written_whole() -> None:
    """Holds: a failure that passes within the retries costs nothing but time."""
    with fake_sparql() as server:
        server.failing_updates = {1, 2}
        graph = _graph(40, "new")
        RemoteStore(server.url, retry_delays=FAST_RETRIES).replace_graph(NAME, graph)
        assert server.graph(str(NAME)) == _as_ox(graph)


def test_a_remote_failure_mid_replacement_leaves_the_old_graph_whole() -> None:
    """Holds: a replacement split over requests is staged and moved in by its last request."""
    with fake_sparql() as server:
        store = RemoteStore(
            server.url, chunk_triples=10, max_request_chars=1500, retry_delays=FAST_RETRIES
        )
        old = _graph(30, "old")
        store.replace_graph(NAME, old)
        sent = len(server.updates)
        assert sent > 2, "the replacement should need several requests"
        third = sent + 3
        server.failing_updates = set(range(third, third + len(FAST_RETRIES) + 1))
        with pytest.raises(StoreError, match="failed after 4 attempt"):
            store.replace_graph(NAME, _graph(30, "new"))
        assert server.graph(str(NAME)) == _as_ox(old)
        assert server.graph_names() == {str(NAME)}, "the staging graph was left behind"


def test_an_unreachable_remote_store_is_a_clear_error_after_retries() -> None:
    """Holds: connection failures are retried, then named in the error."""
    with fake_sparql() as server:
        url = server.url
    store = RemoteStore(url, retry_delays=FAST_RETRIES, timeout=5)
    started = time.monotonic()
    with pytest.raises(StoreError) as failed:
        store.replace_graph(NAME, _graph(3, "x"))
    assert time.monotonic() - started >= sum(FAST_RETRIES)
    assert "unreachable or failed after 4 attempt(s)" in str(failed.value)
    assert "Connection refused" in str(failed.value)


def test_a_load_into_a_failing_remote_store_is_a_clear_error(tmp_path: Path) -> None:
    """Holds: `pactgraph load --endpoint` stops on a store failure with a message."""
    write_documents(tmp_path / "docs", 3)
    with fake_sparql() as server:
        server.fail_everything = True
        result = subprocess.run(
            [*pactgraph_command(), "load", str(tmp_path / "docs"), "--endpoint", server.url],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert server.graph_names() == set()
    message = " ".join(result.stderr.split())
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "pactgraph load: the store failed after 0 of 3 document(s)" in message
    assert "500" in message
