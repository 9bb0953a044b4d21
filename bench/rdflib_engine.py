"""pactgraph against rdflib-endpoint's engine at a size where that server cannot be run.

At a million triples rdflib-endpoint takes about four minutes to parse its data, and a
query that passes the time limit cannot be stopped but by restarting it, so ``run.py``
leaves it out at 1M. This script measures the same engine without restarts: it parses
the store's quads once into ``rdflib.Dataset(default_union=True)`` (what
``rdflib-endpoint serve`` builds) and runs each query in a forked child, which shares
the parsed data and is killed at the limit. The child serializes the result to SPARQL
JSON, as the server would, but there is no HTTP: a conservative measure of the peer.

pactgraph is measured side by side in the same run: ``pactgraph serve`` over the same
store, each named query POSTed as SPARQL (answer caches off). The limit of each peer
query is 21 times pactgraph's p50 (at least ``--floor`` seconds), so a query that passes
it shows the 20× target met and one under it shows by how much it was missed.

Run: .venv/bin/python bench/rdflib_engine.py --store STORE --out FILE.md
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import measure
import servers
from rdflib import Dataset
from rdflib.paths import Path as PropertyPath
from rdflib.plugins.sparql import prepareQuery
from run import _bound, _in_child, _values

from graph.catalog import load_catalog
from graph.store.embedded import EmbeddedStore

#: Ratio the issue asks of pactgraph over rdflib-endpoint on these kinds of query.
TARGET = 20.0


@dataclass(frozen=True)
class Row:
    name: str
    kinds: tuple[str, ...]
    pactgraph_ms: float
    limit_s: float
    rdflib_ms: float | None  # None: passed the limit


def kinds(sparql: str) -> tuple[str, ...]:
    """Which of the target's kinds a query is, read from rdflib's own algebra."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, PropertyPath):
            found.add("path")
        name = getattr(node, "name", None)
        if name in ("AggregateJoin", "Group"):
            found.add("aggregate")
        if name == "LeftJoin":
            found.add("OPTIONAL")
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)

    walk(prepareQuery(sparql).algebra)
    return tuple(sorted(found))


def _timed_query(dataset: Dataset, sparql: str, writer: object) -> None:
    start = time.perf_counter()
    result = dataset.query(sparql)
    result.serialize(format="json")
    writer.send(time.perf_counter() - start)


def rdflib_time(dataset: Dataset, sparql: str, limit: float) -> float | None:
    """Seconds rdflib takes over ``sparql`` in a forked child, None past ``limit``."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_timed_query, args=(dataset, sparql, writer))
    child.start()
    try:
        return reader.recv() if reader.poll(limit) else None
    finally:
        child.kill()
        child.join()


def _dumped(store_path: Path, quads: Path) -> tuple[dict[str, str], int]:
    """The named queries bound to values from the data, and the store's size; its quads
    written to ``quads``."""
    catalog = load_catalog()
    with EmbeddedStore(store_path) as store:
        values = _values(store)
        quads.write_bytes(store.dump("application/n-quads"))
        return {name: _bound(query, values)[1] for name, query in catalog.items()}, len(store.db)


def measure_all(store_path: Path, work: Path, repeats: int, floor: float) -> tuple[list[Row], int]:
    """Each named query on pactgraph serve, then on rdflib; with the store's size."""
    quads = work / "dataset.nq"
    bound, triples = _in_child(_dumped, store_path, quads)
    ours: dict[str, measure.Latency] = {}
    with servers.pactgraph_server(store_path, work) as server, httpx.Client(timeout=600) as client:
        for name, text in bound.items():
            ours[name] = measure.sparql_latency(client, server.sparql, text, repeats, 1)
    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(quads, format="nquads")
    print(f"rdflib parsed {len(dataset):,} quads in {time.perf_counter() - start:.0f} s")
    rows = []
    for name, text in bound.items():
        limit = max(floor, (TARGET + 1) * ours[name].p50 / 1000)
        seconds = rdflib_time(dataset, text, limit)
        peer_ms = None if seconds is None else seconds * 1000
        row = Row(name, kinds(text), ours[name].p50, limit, peer_ms)
        rows.append(row)
        print(_line(row), flush=True)
    return rows, triples


def _met(row: Row) -> bool:
    """Whether rdflib took at least TARGET times pactgraph's p50 (or passed its limit)."""
    return row.rdflib_ms is None or row.rdflib_ms >= TARGET * row.pactgraph_ms


def _line(row: Row) -> str:
    if row.rdflib_ms is None:
        peer = f"> {row.limit_s:,.1f} s (limit)"
        ratio = f"≥ {row.limit_s * 1000 / row.pactgraph_ms:,.1f}×"
    else:
        peer, ratio = f"{row.rdflib_ms:,.1f}", f"{row.rdflib_ms / row.pactgraph_ms:,.1f}×"
    met = ("yes" if _met(row) else "no") if row.kinds else "–"
    kinds_ = ", ".join(row.kinds) or "–"
    return f"| {row.name} | {kinds_} | {row.pactgraph_ms:,.1f} | {peer} | {ratio} | {met} |"


def markdown(rows: list[Row], triples: int) -> str:
    kept = [r for r in rows if r.kinds]
    met = sum(1 for r in kept if _met(r))
    head = (
        f"# pactgraph against rdflib-endpoint's engine at {triples:,} triples\n\n"
        "pactgraph: `pactgraph serve` (answer caches off), p50 of the named query POSTed as "
        "SPARQL. rdflib: the same text on `Dataset(default_union=True)` in a forked child, "
        "serialized to SPARQL JSON, one run, no HTTP (`bench/rdflib_engine.py`).\n\n"
        f"Target ≥ {TARGET:g}× on path, aggregate and OPTIONAL queries: met by {met} of "
        f"{len(kept)}.\n\n"
        "| query | kinds | pactgraph p50 ms | rdflib ms | rdflib ÷ pactgraph | ≥ 20×? |\n"
        "|---|---|---|---|---|---|\n"
    )
    return head + "\n".join(_line(r) for r in rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--store", type=Path, required=True, help="an embedded pactgraph store")
    parser.add_argument("--out", type=Path, required=True, help="the Markdown report")
    parser.add_argument("--work", type=Path, default=Path("/tmp/pactgraph-rdflib-engine"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--floor", type=float, default=10.0, help="least limit, in seconds")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows, triples = measure_all(args.store, args.work, args.repeats, args.floor)
    text = markdown(rows, triples)
    args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
