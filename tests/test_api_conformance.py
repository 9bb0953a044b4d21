"""The W3C SPARQL 1.1 Protocol test suite against `pactgraph serve`.

The suite and its runner live in ../shared/conformance (beside the repo);
the runner resets the store through the Graph Store Protocol, loads each
test's data and replays the suite's requests. Every one of the 34 must pass,
over the embedded store and over a remote Oxigraph server.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from servers import oxigraph_server
from test_api_support import TOKEN, W3C_RUNNER, running_api

pytestmark = pytest.mark.skipif(
    not W3C_RUNNER.exists(),
    reason="../shared/conformance is absent (it sits beside the repo in CI); W3C suite skipped",
)


def run_suite(base: str) -> str:
    """Run the W3C runner against the API at ``base``; its output."""
    command = [
        sys.executable,
        str(W3C_RUNNER),
        "--query-url", f"{base}/sparql",
        "--update-url", f"{base}/update",
        "--gsp-url", f"{base}/store",
        "--load-mode", "gsp",
        "--token", TOKEN,
        "--verbose",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_w3c_protocol_suite_passes_over_the_embedded_store(tmp_path: Path) -> None:
    options = ["--store", str(tmp_path / "data"), "--allow-writes", "--no-load-model"]
    with running_api(tmp_path, *options) as api:
        output = run_suite(api.base)
    assert output.strip().splitlines()[-1] == "34 passed, 0 failed", output


@pytest.mark.slow
def test_w3c_protocol_suite_passes_over_a_remote_oxigraph_server(tmp_path: Path) -> None:
    (tmp_path / "oxigraph").mkdir()
    with oxigraph_server(tmp_path / "oxigraph") as remote:
        options = [
            "--endpoint", remote.query,
            "--update-endpoint", remote.update,
            "--store-endpoint", remote.store,
            "--allow-writes",
            "--no-load-model",
        ]  # fmt: skip
        with running_api(tmp_path, *options) as api:
            output = run_suite(api.base)
    assert output.strip().splitlines()[-1] == "34 passed, 0 failed", output
