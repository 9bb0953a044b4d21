"""The whole benchmark in one command: ingest, named queries against the peers, throughput,
memory — at each size, with the peers measured in the same run on the same data.

Run: .venv/bin/python bench/run.py --sizes 10k,100k,1M
     .venv/bin/python bench/run.py --sizes smoke --repeats 3 --seconds 2   (what CI runs)

Prints a Markdown report and writes it to ``--out`` (default bench/results/) as
``results.md`` with PNG plots and the raw figures (``results.json``), after
every size, so a long run leaves what it measured so far. Sizes count the
triples of the documents and their entailments (``bench/ingest.py``).
Peers: Oxigraph server and rdflib-endpoint (``bench/servers.py``); ``wrk``
measures throughput when installed. Asserts nothing: the targets are in
bench/README.md, the ratios here.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import shutil
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx
import measure
import report
import servers
from ingest import grow

from graph.catalog import NamedQuery, load_catalog
from graph.namespaces import PG
from graph.store.embedded import EmbeddedStore

SIZES = {"smoke": 2_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}
RESULTS = Path(__file__).resolve().parent / "results"
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    repeats: int
    warmup: int
    seconds: int
    clients: int
    peers: tuple[str, ...]
    throughput_query: str
    limit: float


def _values(store: EmbeddedStore) -> dict[str, str]:
    """Parameter values taken from the data (an agreement, its two parties), so the
    parameterised queries find something; the other parameters keep their defaults."""
    rows = list(
        store.select(
            f"SELECT ?a ?x ?y WHERE {{ ?a a <{PG.Agreement}> ; <{PG.party}> ?x, ?y "
            "FILTER(STR(?x) < STR(?y)) } ORDER BY ?a LIMIT 1"
        )
    )
    if not rows:
        return {"text": "patrol"}
    row = rows[0]
    return {
        "text": "patrol",
        "node": str(row["a"]),
        "first": str(row["x"]),
        "second": str(row["y"]),
    }


def _bound(query: NamedQuery, values: dict[str, str]) -> tuple[dict[str, str], str]:
    own = {p.name for p in query.parameters}
    given = {k: v for k, v in values.items() if k in own}
    return given, query.bind(given)


def _peer(name: str, quads: Path, work: Path):
    if name == "oxigraph":
        return servers.oxigraph_server(quads, work)
    return servers.rdflib_endpoint_server(quads, work)


def _in_child(function: Callable[..., T], *args: object) -> T:
    """``function(*args)`` in a forked child: what it opens (the store) is closed for certain
    when it exits, before a server opens the same store."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def target() -> None:
        try:
            writer.send(("ok", function(*args)))
        except BaseException:
            writer.send(("error", traceback.format_exc()))

    child = context.Process(target=target)
    child.start()
    status, value = reader.recv()
    child.join()
    if status != "ok":
        raise RuntimeError(f"the benchmark's child process failed:\n{value}")
    return value


def _embedded(store_path: Path, quads: Path, options: Options) -> tuple[dict, dict]:
    """Bound named queries and their in-process latencies; the store dumped for the peers."""
    catalog = load_catalog()
    with EmbeddedStore(store_path) as store:
        values = _values(store)
        bound = {name: _bound(q, values) for name, q in catalog.items()}
        latency = {
            name: measure.embedded_latency(store, text, options.repeats, options.warmup)
            for name, (_, text) in bound.items()
        }
        quads.write_bytes(store.dump("application/n-quads"))
    return bound, latency


def measure_size(result: report.SizeResult, store_path: Path, work: Path, options: Options) -> None:
    """Every named query on every engine, and throughput on each server, at this size."""
    catalog = load_catalog()
    quads = work / "dataset.nq"
    bound, result.latency["embedded"] = _in_child(_embedded, store_path, quads, options)
    wrk_text = bound[options.throughput_query][1]
    with servers.pactgraph_server(store_path, work) as server, httpx.Client(timeout=300) as client:
        result.latency["pactgraph"] = {
            name: measure.named_latency(
                client, server.base, catalog[name], given, options.repeats, options.warmup
            )
            for name, (given, _) in bound.items()
        }
        if shutil.which("wrk"):
            result.throughput["pactgraph"] = measure.throughput(
                server.sparql, wrk_text, options.seconds, options.clients
            )
        result.server_memory["pactgraph"] = server.memory.peak
    if shutil.which("wrk"):
        with servers.pactgraph_server(store_path, work, cached=True) as server:
            result.throughput[server.name] = measure.throughput(
                server.sparql, wrk_text, options.seconds, options.clients
            )
            result.server_memory[server.name] = server.memory.peak
    for peer in options.peers:
        _measure_peer(result, peer, bound, quads, work, options)
    shutil.rmtree(work / "oxigraph-data", ignore_errors=True)
    quads.unlink(missing_ok=True)


def _measure_peer(
    result: report.SizeResult, peer: str, bound: dict, quads: Path, work: Path, options: Options
) -> None:
    """A peer's latencies (the server is restarted after a query passes the time limit, as
    it cannot be stopped and would slow the rest), then its throughput."""
    repeats = options.repeats if peer == "oxigraph" else max(3, options.repeats // 4)
    pending = list(bound.items())
    latencies: dict[str, measure.Latency] = {}
    finished = False
    while not finished:
        with _peer(peer, quads, work) as server, httpx.Client(timeout=options.limit) as client:
            while pending:
                name, (_, text) = pending.pop(0)
                latencies[name] = measure.sparql_latency(client, server.sparql, text, repeats, 1)
                if latencies[name].timed_out:
                    break
            else:
                finished = True
                if shutil.which("wrk"):
                    result.throughput[peer] = measure.throughput(
                        server.sparql, bound[options.throughput_query][1], options.seconds,
                        options.clients,
                    )  # fmt: skip
            result.server_memory[peer] = max(result.server_memory.get(peer, 0), server.memory.peak)
    result.latency[peer] = latencies


#: What the report says of throughput when it could not be measured.
NO_WRK = "throughput: not measured, wrk is not installed (.ci/install-services installs it)"


def _throughput_note(options: Options) -> str:
    if not shutil.which("wrk"):
        return NO_WRK
    return (
        f"throughput: wrk, {options.clients} connections, {options.seconds} s, POSTing "
        f"`{options.throughput_query}` to each server's SPARQL endpoint"
    )


def _notes(options: Options) -> str:
    load = os.getloadavg()
    return (
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at the end {load[0]:.1f} (the cores are shared with other jobs). "
        f"Latencies: {options.repeats} runs after {options.warmup} warm-up runs, one at a time; "
        f"{_throughput_note(options)}. pactgraph's answer "
        "caches are off for its latencies and its first throughput row, as the peers keep "
        "none; 'pactgraph (answers kept)' is the server as users run it, replaying the "
        "response to the repeated query until the store changes. A peer query that "
        f"passed {options.limit:g} s is shown as that limit (a lower bound) and its server "
        "restarted."
    )


def run(sizes: list[str], out: Path, work: Path, seed: int, probe: int, options: Options) -> str:
    out.mkdir(parents=True, exist_ok=True)
    results: list[report.SizeResult] = []
    text = ""
    for size in sizes:
        watch = servers.MemoryWatch(os.getpid())
        step = _in_child(grow, work / "store", work / "docs", seed, size, SIZES[size], probe)
        result = report.SizeResult(step=step, ingest_memory=watch.stop())
        measure_size(result, work / "store", work, options)
        results.append(result)
        notes = _notes(options)
        text = report.markdown(results, notes)
        (out / "results.md").write_text(text)
        (out / "notes.txt").write_text(notes)
        report.save_json(results, out / "results.json")
        report.plots(results, out)
        print(f"-- {size} done: {step.store_triples:,} triples", flush=True)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10k,100k", help=f"comma-separated, of {list(SIZES)}")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--work", type=Path, help="where the store and documents go (temp)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--probe", type=int, default=32, help="documents timed at each size")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=20, help="wrk duration per server")
    parser.add_argument("--clients", type=int, default=8, help="wrk connections")
    parser.add_argument("--peers", default="oxigraph,rdflib-endpoint")
    parser.add_argument("--throughput-query", default="agreements-between")
    parser.add_argument(
        "--limit", type=float, default=60, help="seconds a peer may take for one query"
    )
    parser.add_argument(
        "--report-from", type=Path, help="write the report again from a results.json; no run"
    )
    args = parser.parse_args()
    if args.report_from is not None:
        results = report.load_json(args.report_from)
        args.out.mkdir(parents=True, exist_ok=True)
        notes = args.report_from.with_name("notes.txt")
        text = report.markdown(results, notes.read_text() if notes.exists() else "")
        (args.out / "results.md").write_text(text)
        report.plots(results, args.out)
        print(text)
        return
    if not shutil.which("wrk"):
        print(f"bench: {NO_WRK}", flush=True)
    sizes = [s for s in args.sizes.split(",") if s]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {unknown}; choose from {list(SIZES)}")
    options = Options(
        repeats=args.repeats,
        warmup=args.warmup,
        seconds=args.seconds,
        clients=args.clients,
        peers=tuple(p for p in args.peers.split(",") if p),
        throughput_query=args.throughput_query,
        limit=args.limit,
    )
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
        print(run(sizes, args.out, args.work, args.seed, args.probe, options))
        return
    with tempfile.TemporaryDirectory(prefix="pactgraph-bench-") as work:
        print(run(sizes, args.out, Path(work), args.seed, args.probe, options))


if __name__ == "__main__":
    main()
