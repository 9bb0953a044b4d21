"""A writer killed with SIGKILL mid-write leaves no half document in the on-disk store.

A child process replaces graphs in a loop, announcing each write before it
starts and again once it is committed; the test kills it during an announced
write (mostly inside the transaction), reopens the store and checks that
every graph present is one complete version (each version has a known triple
count) and that nothing committed before the kill was lost.
Five kill-and-reopen cycles run against the same directory.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from rdflib import URIRef

from graph.store import EmbeddedStore

NAMES = 5
KILLS = 5
VERSION = "https://example.org/version"

WRITER = f"""
import sys
from rdflib import Graph, Literal, URIRef
from graph.store import EmbeddedStore

def size(version):
    return 4000 + (version * 7919) % 6000

store = EmbeddedStore(sys.argv[1])
first = int(sys.argv[2])
for version in range(first, first + 10_000):
    name = URIRef(f"https://example.org/doc/{{version % {NAMES}}}")
    graph = Graph()
    graph.add((name, URIRef("{VERSION}"), Literal(version)))
    for i in range(size(version) - 1):
        graph.add((URIRef(f"https://example.org/s{{i}}"), URIRef("https://example.org/p"),
                   Literal(f"{{version}}-{{i}}")))
    print("begin", version, flush=True)
    store.replace_graph(name, graph)
    print("done", version, flush=True)
"""


def size(version: int) -> int:
    return 4000 + (version * 7919) % 6000


def run_and_kill(path: Path, first: int, rounds_before_kill: int) -> list[int]:
    """Start the writer, let it commit some rounds, SIGKILL it during the next write;
    the versions it reported as committed.

    The kill comes 40-100 % into the time the last whole write took (from 'begin'
    to 'done'): past the rdflib-to-pyoxigraph conversion, mostly inside the
    transaction. (A replace made of several transactions fails this test.)
    """
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(first)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    lines: list[tuple[float, str]] = []
    while sum(line.startswith("done") for _, line in lines) < rounds_before_kill:
        lines.append((time.monotonic(), child.stdout.readline()))
    write_took = lines[-1][0] - lines[-2][0]
    while not lines[-1][1].startswith("begin"):
        lines.append((time.monotonic(), child.stdout.readline()))
    time.sleep(random.uniform(0.4, 1.0) * write_took)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reported = [line for _, line in lines] + child.stdout.read().splitlines()
    assert child.returncode == -signal.SIGKILL
    return [int(line.split()[1]) for line in reported if line.startswith("done")]


def stored_versions(path: Path) -> dict[URIRef, int]:
    """Open the store, check every graph is one whole version, return name -> version."""
    store = EmbeddedStore(path)
    found: dict[URIRef, int] = {}
    for name in store.graph_names():
        rows = list(
            store.select(
                f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
                f"GRAPH <{name}> {{ <{name}> <{VERSION}> ?v }} }} GROUP BY ?v"
            )
        )
        assert len(rows) == 1, f"{name} is not one whole version: {rows}"
        version = int(rows[0]["v"])
        assert int(rows[0]["n"]) == size(version), f"{name} version {version} is incomplete"
        found[name] = version
    store.close()
    return found


def test_killed_writer_leaves_only_whole_graphs(tmp_path: Path) -> None:
    path = tmp_path / "store"
    first = 0
    for _ in range(KILLS):
        committed = run_and_kill(path, first, rounds_before_kill=2)
        present = stored_versions(path)
        for version in committed:
            name = URIRef(f"https://example.org/doc/{version % NAMES}")
            assert present.get(name, -1) >= version, f"committed version {version} was lost"
        assert max(present.values()) <= max(committed) + 1
        first = max(committed) + 2
