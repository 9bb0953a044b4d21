"""Helpers for the API tests: a `pactgraph serve` subprocess on a free loopback port.

No tests live here; the test_api_* modules import these helpers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from servers import free_port

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CONFORMANCE = SHARED / "conformance"
W3C_RUNNER = CONFORMANCE / "w3c_protocol.py"
TOKEN = "test-token-0123456789"


def pactgraph_command() -> list[str]:
    """The installed `pactgraph` script next to this interpreter, else the module itself."""
    script = Path(sys.executable).with_name("pactgraph")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from graph.cli import app; app()"]


def _wait(process: subprocess.Popen, base: str, log: Path, deadline_s: float) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"pactgraph serve exited with {process.returncode}:\n{log.read_text()}"
            )
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"pactgraph serve not ready after {deadline_s} s:\n{log.read_text()}")


@contextmanager
def running_api(workdir: Path, *options: str, token: str | None = TOKEN) -> Iterator[str]:
    """`pactgraph serve OPTIONS` on a free port; yields its base URL and stops it after."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PACTGRAPH_TOKEN"}
    if token is not None:
        env["PACTGRAPH_TOKEN"] = token
    command = [*pactgraph_command(), "serve", "--host", "127.0.0.1", "--port", str(port), *options]
    log = workdir / f"serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=workdir, env=env, stdout=sink, stderr=sink)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait(process, base, log, deadline_s=60)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def children_of(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(status.parent.name))
    return found
