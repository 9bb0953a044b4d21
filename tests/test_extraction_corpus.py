"""The acceptance bar of the extraction: the shared scorer on the shared corpus.

Runs `pactgraph extract ../shared/corpus/*.txt -o OUT.ttl` and the scorer in
../shared/eval exactly as the README says, and fails under mean F1 0.95 or any
field under 0.85.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from graph.cli import app
from tests.conftest import CORPUS, SHARED, corpus_documents, requires_shared


@requires_shared
def test_scorer_on_the_corpus_meets_the_bar(tmp_path: Path) -> None:
    output = tmp_path / "out.ttl"
    result = CliRunner().invoke(app, ["extract", *map(str, corpus_documents()), "-o", str(output)])
    assert result.exit_code == 0, result.output
    report = tmp_path / "score.json"
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score_extraction.py"),
            "--kg",
            str(output),
            "--docs",
            str(CORPUS),
            "--quiet",
            "--json",
            str(report),
        ],
        check=True,
        capture_output=True,
    )
    scores = json.loads(report.read_text())
    low = {f: s["f1"] for f, s in scores["fields"].items() if s["f1"] < 0.85}
    assert not low, f"fields under 0.85: {low}"
    assert scores["mean_f1"] >= 0.95
