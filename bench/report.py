"""Markdown tables and PNG plots of a benchmark run, written as each size finishes."""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest import Step
from measure import Latency, Throughput

ENGINES = ("embedded", "pactgraph", "oxigraph", "rdflib-endpoint")


@dataclass
class SizeResult:
    """Everything measured at one size."""

    step: Step
    latency: dict[str, dict[str, Latency]] = field(default_factory=dict)  # engine → query → ...
    throughput: dict[str, Throughput] = field(default_factory=dict)
    server_memory: dict[str, int] = field(default_factory=dict)
    ingest_memory: int = 0


def _ms(value: float) -> str:
    return "–" if math.isnan(value) else (f"{value:.1f}" if value >= 10 else f"{value:.2f}")


def _ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(a) and not math.isnan(b) else float("nan")


def _x(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.2f}×"


def _mb(value: int) -> str:
    return f"{value / 2**20:.0f} MB" if value else "–"


def ingest_table(results: list[SizeResult]) -> str:
    first = results[0].step.probe_ms_per_document
    lines = [
        "| size | documents | store triples | docs/s | triples/s | probe ms/doc "
        "| vs empty store | refused | peak memory (PSS) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        s = r.step
        triples_s = (s.store_triples - s.store_triples_before) / (s.probe_s + s.fill_s)
        lines.append(
            f"| {s.size} | {s.documents} | {s.store_triples:,} | {s.documents_per_s:.2f} "
            f"| {triples_s:,.0f} | {s.probe_ms_per_document:.0f} "
            f"| {_x(s.probe_ms_per_document / first)} | {s.refused} | {_mb(r.ingest_memory)} |"
        )
    return "\n".join(lines)


def query_table(result: SizeResult) -> str:
    engines = [e for e in ENGINES if e in result.latency]
    head = " | ".join(f"{e} p50 / p95 ms" for e in engines)
    lines = [
        f"| query | rows | {head} | pactgraph ÷ oxigraph (p50) | rdflib-endpoint ÷ pactgraph |",
        "|---" * (len(engines) + 4) + "|",
    ]
    names = sorted(next(iter(result.latency.values())))
    for name in names:
        cells, rows = [], -1
        for engine in engines:
            lat = result.latency[engine].get(name)
            rows = max(rows, lat.rows if lat else -1)
            cells.append(_cell(lat))
        lines.append(
            f"| {name} | {rows} | {' | '.join(cells)} "
            f"| {_x(_p50_ratio(result, 'pactgraph', 'oxigraph', name))} "
            f"| {_x(_p50_ratio(result, 'rdflib-endpoint', 'pactgraph', name))} |"
        )
    return "\n".join(lines)


def _cell(lat: Latency | None) -> str:
    if lat is not None and lat.timed_out:
        return f"> {lat.p50 / 1000:.0f} s (limit)"
    if lat is None or lat.error:
        return "error"
    return f"{_ms(lat.p50)} / {_ms(lat.p95)}"


def _usable(lat: Latency | None) -> bool:
    return lat is not None and (lat.timed_out or not lat.error)


def _p50_ratio(result: SizeResult, a: str, b: str, name: str) -> float:
    """p50 of engine ``a`` over ``b``; a time-limited query counts as the limit (a lower bound)."""
    if a not in result.latency or b not in result.latency:
        return float("nan")
    first, second = result.latency[a].get(name), result.latency[b].get(name)
    if not (_usable(first) and _usable(second)) or second.timed_out:
        return float("nan")
    return _ratio(first.p50, second.p50)


def summary(result: SizeResult) -> str:
    """The ratios the targets are stated in."""
    names = sorted(next(iter(result.latency.values())))
    vs_ox = [
        r for n in names if not math.isnan(r := _p50_ratio(result, "pactgraph", "oxigraph", n))
    ]
    vs_rdflib = [
        r
        for n in names
        if not math.isnan(r := _p50_ratio(result, "rdflib-endpoint", "pactgraph", n))
    ]
    lines = []
    if vs_ox:
        lines.append(
            f"- HTTP p50, pactgraph ÷ Oxigraph server: median {statistics.median(vs_ox):.2f}×, "
            f"worst {max(vs_ox):.2f}× (target ≤ 1.3×)"
        )
    if vs_rdflib:
        lines.append(
            f"- rdflib-endpoint ÷ pactgraph p50: median {statistics.median(vs_rdflib):.1f}×, "
            f"least {min(vs_rdflib):.1f}× (target ≥ 20× at 1M)"
        )
    own, peer = result.throughput.get("pactgraph"), result.throughput.get("oxigraph")
    kept = result.throughput.get("pactgraph (answers kept)")
    if own and peer:
        with_caches = (
            f"{_ratio(kept.requests_per_s, peer.requests_per_s):.2f}× with them " if kept else ""
        )
        lines.append(
            f"- Throughput, pactgraph ÷ Oxigraph server: "
            f"{_ratio(own.requests_per_s, peer.requests_per_s):.2f}× without answer caches, "
            f"{with_caches}(target ≥ 0.5×)"
        )
    return "\n".join(lines)


def throughput_table(result: SizeResult) -> str:
    peer = result.throughput.get("oxigraph")
    lines = [
        "| server | req/s | p50 ms | p99 ms | errors | wrk CPU (cores) | vs Oxigraph "
        "| peak memory |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, t in result.throughput.items():
        ratio = _ratio(t.requests_per_s, peer.requests_per_s) if peer else float("nan")
        lines.append(
            f"| {name} | {t.requests_per_s:.1f} | {_ms(t.p50)} | {_ms(t.p99)} | {t.errors} "
            f"| {t.client_cpu:.2f} | {_x(ratio)} | {_mb(result.server_memory.get(name, 0))} |"
        )
    return "\n".join(lines)


def markdown(results: list[SizeResult], notes: str) -> str:
    parts = ["# pactgraph benchmark results", "", notes, "", "## Ingest", "", ingest_table(results)]
    for result in results:
        size = result.step.size
        parts += ["", f"## Queries at {size} ({result.step.store_triples:,} triples in the store)"]
        parts += ["", summary(result), "", query_table(result)]
        if result.throughput:
            parts += ["", f"### Throughput at {size}", "", throughput_table(result)]
    return "\n".join(parts) + "\n"


def plots(results: list[SizeResult], folder: Path) -> list[Path]:
    """PNG plots: ingest cost as the store grows, and query p50 per engine at each size."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(
        [r.step.store_triples_before for r in results],
        [r.step.probe_ms_per_document for r in results],
        marker="o",
    )
    ax.set_xscale("symlog")
    ax.set_xlabel("triples in the store before the probe")
    ax.set_ylabel("ms per document (probe)")
    ax.set_title("Load cost per document as the store grows")
    fig.tight_layout()
    written.append(folder / "ingest.png")
    fig.savefig(written[-1], dpi=110)
    plt.close(fig)
    for result in results:
        engines = [e for e in ENGINES if e in result.latency]
        names = sorted(next(iter(result.latency.values())))
        fig, ax = plt.subplots(figsize=(10, 5))
        width = 0.8 / len(engines)
        for i, engine in enumerate(engines):
            values = [result.latency[engine][n].p50 for n in names]
            ax.bar([x + i * width for x in range(len(names))], values, width, label=engine)
        ax.set_xticks(
            [x + 0.4 - width / 2 for x in range(len(names))], names, rotation=60, ha="right"
        )
        ax.set_yscale("log")
        ax.set_ylabel("p50 ms (log)")
        ax.set_title(f"Named queries at {result.step.size} ({result.step.store_triples:,} triples)")
        ax.legend()
        fig.tight_layout()
        written.append(folder / f"queries-{result.step.size}.png")
        fig.savefig(written[-1], dpi=110)
        plt.close(fig)
    return written


def load_json(path: Path) -> list[SizeResult]:
    """The results ``save_json`` wrote, to write the report again without measuring again."""
    loaded = []
    for data in json.loads(path.read_text()):
        step = {k: v for k, v in data["step"].items() if k in Step.__dataclass_fields__}
        loaded.append(
            SizeResult(
                step=Step(**step),
                latency={
                    engine: {name: Latency(**lat) for name, lat in queries.items()}
                    for engine, queries in data["latency"].items()
                },
                throughput={k: Throughput(**v) for k, v in data["throughput"].items()},
                server_memory=data["server_memory"],
                ingest_memory=data["ingest_memory"],
            )
        )
    return loaded


def save_json(results: list[SizeResult], path: Path) -> None:
    def encode(result: SizeResult) -> dict[str, object]:
        data = asdict(result)
        data["step"]["probe_ms_per_document"] = result.step.probe_ms_per_document
        data["step"]["documents_per_s"] = result.step.documents_per_s
        return data

    path.write_text(json.dumps([encode(r) for r in results], indent=1, default=str))
