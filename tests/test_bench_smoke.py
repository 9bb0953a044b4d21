"""The benchmark runs end to end at its smallest size, so it cannot rot unnoticed.

It asserts that every part produced figures (ingest, every named query on every
engine, the report and the plots), never how fast anything was.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_the_benchmark_runs_at_the_smoke_size(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "smoke"]
    command += ["--repeats", "2", "--warmup", "1", "--seconds", "1", "--probe", "2"]
    command += ["--limit", "5", "--out", str(out), "--work", str(tmp_path / "work")]
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=880)
    assert finished.returncode == 0, finished.stderr[-3000:]

    report = (out / "results.md").read_text()
    assert "## Ingest" in report and "## Queries at smoke" in report
    for name in load_catalog():
        assert f"| {name} |" in report
    (result,) = json.loads((out / "results.json").read_text())
    assert result["step"]["documents"] > 0 and result["step"]["refused"] == 0
    assert set(result["latency"]) == {"embedded", "pactgraph", "oxigraph", "rdflib-endpoint"}
    for engine in ("embedded", "pactgraph", "oxigraph"):
        assert not [n for n, lat in result["latency"][engine].items() if lat["error"]], engine
    assert (out / "ingest.png").stat().st_size > 0
    assert (out / "queries-smoke.png").stat().st_size > 0

    # rdflib-endpoint's engine without its server, as measured at a million triples.
    engine = [sys.executable, str(ROOT / "bench" / "rdflib_engine.py")]
    engine += ["--store", str(tmp_path / "work" / "store"), "--out", str(out / "rdflib.md")]
    engine += ["--work", str(tmp_path / "engine"), "--repeats", "2", "--floor", "5"]
    finished = subprocess.run(engine, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr[-3000:]
    table = (out / "rdflib.md").read_text()
    assert "Target ≥ 20× on path, aggregate and OPTIONAL queries: met by" in table
    for name in load_catalog():
        assert f"| {name} |" in table
