"""The embedded store's copy in memory: queries read it, every write reaches disk and copy.

The copy must never answer anything the disk would not: after each kind of write the two
hold the same quads, a refused write changes neither, the store reopened from disk (no
copy) gives what the copy gave, and a copy that misses a write is made again from disk.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import BNode, Graph, Literal, URIRef

from api.app import create_app
from api.settings import Settings
from graph.namespaces import document_iri
from graph.store import EmbeddedStore, QuerySyntaxError, StoreError, open_store

DOC_A = document_iri("copy-a")
DOC_B = document_iri("copy-b")
EX = "https://example.org/"


def a_graph(marker: str, size: int = 3) -> Graph:
    graph = Graph()
    for i in range(size):
        graph.add((URIRef(EX + marker), URIRef(f"{EX}p{i}"), Literal(f"{marker} {i}")))
    return graph


def quads(store: ox.Store) -> set[str]:
    """Every quad as N-Quads text with blank nodes blanked (each store labels its own)."""
    lines = store.dump(format=ox.RdfFormat.N_QUADS).decode().splitlines()
    return {" ".join("_:b" if part.startswith("_:") else part for part in line.split(" "))
            for line in lines}  # fmt: skip


def same_on_disk_and_copy(store: EmbeddedStore) -> bool:
    assert store._copy is not None
    return quads(store.db) == quads(store._copy)


@pytest.fixture
def store(tmp_path: Path):
    opened = EmbeddedStore(tmp_path / "store", memory_copy=True)
    yield opened
    opened.close()


def test_an_existing_store_is_copied_whole_when_opened(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as plain:
        plain.replace_graph(DOC_A, a_graph("a"))
        plain.update(f"INSERT DATA {{ GRAPH <{DOC_B}> {{ _:x <{EX}p> 1 }} }}")
    with EmbeddedStore(tmp_path / "store", memory_copy=True) as copied:
        assert copied.has_memory_copy
        assert same_on_disk_and_copy(copied)
        assert copied.graph_names() == [DOC_A, DOC_B]


def test_every_kind_of_write_reaches_disk_and_copy(store: EmbeddedStore) -> None:
    store.replace_graphs({DOC_A: '<https://example.org/s> <https://example.org/p> "1" .'})
    assert same_on_disk_and_copy(store)  # a batch of new graphs: one N-Quads load
    store.replace_graph(DOC_A, a_graph("a2"))
    assert same_on_disk_and_copy(store)  # a replacement: drop and insert
    blank = Graph()
    blank.add((BNode(), URIRef(EX + "p"), Literal("blank")))
    store.replace_graph(DOC_B, blank)
    assert same_on_disk_and_copy(store)
    store.update(f"DELETE WHERE {{ GRAPH <{DOC_A}> {{ <{EX}a2> <{EX}p0> ?o }} }}")
    assert same_on_disk_and_copy(store)
    assert store.remove_graph(DOC_B)
    assert same_on_disk_and_copy(store)
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?o }} }}")
    assert int(next(rows)["n"]) == 2


def test_queries_read_the_copy(store: EmbeddedStore) -> None:
    store.replace_graph(DOC_A, a_graph("a"))
    assert store._copy is not None
    store._copy.add(ox.Quad(ox.NamedNode(EX + "only"), ox.NamedNode(EX + "in"), ox.Literal("copy")))
    found = list(store.select(f"SELECT ?o WHERE {{ <{EX}only> <{EX}in> ?o }}"))
    assert [str(row["o"]) for row in found] == ["copy"]


def test_a_refused_write_changes_neither(store: EmbeddedStore) -> None:
    store.replace_graph(DOC_A, a_graph("a"))
    before = quads(store.db)
    with pytest.raises(QuerySyntaxError):
        store.update(f"INSERT DATA {{ GRAPH <{DOC_A}> {{ <{EX}s> <{EX}p> }} }}")
    with pytest.raises(StoreError):
        store.replace_graphs({DOC_B: '<https://example.org/s> <https://example.org/p> "open .'})
    assert quads(store.db) == before
    assert same_on_disk_and_copy(store)


def test_the_disk_holds_what_the_copy_answered(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store", memory_copy=True) as store:
        store.replace_graph(DOC_A, a_graph("a", size=5))
        store.update(f"DELETE WHERE {{ GRAPH <{DOC_A}> {{ <{EX}a> <{EX}p4> ?o }} }}")
        answered = set(store.dump("application/n-quads").splitlines())
    with EmbeddedStore(tmp_path / "store") as reopened:
        assert set(reopened.dump("application/n-quads").splitlines()) == answered
    assert len(answered) == 4


class _Failing:
    """A copy whose next write fails, as a copy that fell out of step would."""

    def update(self, request: str) -> None:
        raise RuntimeError("the copy fell out of step")


def test_a_copy_that_misses_a_write_is_made_again_from_disk(store: EmbeddedStore) -> None:
    store.replace_graph(DOC_A, a_graph("a"))
    store._copy = _Failing()  # type: ignore[assignment]
    store.replace_graph(DOC_A, a_graph("b"))
    assert isinstance(store._copy, ox.Store)
    assert same_on_disk_and_copy(store)
    assert (
        str(next(store.select(f"SELECT ?s WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?o }} }}"))["s"])
        == EX + "b"
    )


def test_a_store_in_memory_needs_no_copy() -> None:
    assert not EmbeddedStore(None, memory_copy=True).has_memory_copy
    assert not open_store(":memory:", memory_copy=True).has_memory_copy


def test_the_server_reads_a_copy_unless_told_not_to(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(store=str(tmp_path / "a"), load_model=False))) as client:
        assert client.app.state.services.store.has_memory_copy
        assert "copy in memory" in client.get("/health").json()["store"]
    on_disk = Settings(store=str(tmp_path / "b"), load_model=False, memory_copy=False)
    with TestClient(create_app(on_disk)) as client:
        assert not client.app.state.services.store.has_memory_copy
        assert "copy in memory" not in client.get("/health").json()["store"]
