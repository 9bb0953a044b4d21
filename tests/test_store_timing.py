"""How long ~100k triples take to load: rdflib's in-memory parse vs the embedded store.

Numbers are printed (run with ``-s``), never asserted: timing depends on the
machine. The assertions check that every triple arrived.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from graph.store import EmbeddedStore

TRIPLES = 100_000
DOC = URIRef("https://w3id.org/pactgraph/id/document/timing")


def ntriples(count: int) -> str:
    """Document-like N-Triples: IRIs, language-tagged and typed literals, blank nodes."""
    ex = "https://example.org/"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    lines = []
    for i in range(count // 4):
        subject = f"<{ex}commitment/{i}>"
        lines.append(f'{subject} <{ex}label> "Commitment number {i}"@en .')
        lines.append(f'{subject} <{ex}months> "{i % 36}.5"^^<{xsd}decimal> .')
        lines.append(f"{subject} <{ex}timeline> _:t{i} .")
        lines.append(f'_:t{i} <{ex}start> "2024-01-{1 + i % 28:02d}"^^<{xsd}date> .')
    return "\n".join(lines) + "\n"


@pytest.mark.slow
def test_load_timing(tmp_path: Path) -> None:
    data = ntriples(TRIPLES)

    started = time.perf_counter()
    graph = Graph().parse(data=data, format="nt")
    parsed = time.perf_counter() - started

    timings = {"rdflib Graph.parse (N-Triples)": parsed}
    for label, path in [("in memory", None), ("on disk", tmp_path / "store")]:
        store = EmbeddedStore(path)
        started = time.perf_counter()
        store.replace_graph(DOC, graph)
        timings[f"EmbeddedStore.replace_graph, {label}"] = time.perf_counter() - started
        started = time.perf_counter()
        store.replace_graph(DOC, graph)
        timings[f"EmbeddedStore.replace_graph again, {label}"] = time.perf_counter() - started
        count = list(store.select(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{DOC}> {{ ?s ?p ?o }} }}"))
        assert int(count[0]["n"]) == len(graph) == TRIPLES
        store.close()

    print(f"\nloading {TRIPLES:,} triples:")
    for label, seconds in timings.items():
        print(f"  {label:45s} {seconds:6.2f} s")
