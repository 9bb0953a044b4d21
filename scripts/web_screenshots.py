"""Take the screenshots of the web interface shown in the README (docs/screenshots/*.png).

Loads examples/ into a temporary store, serves it with `pactgraph serve` on a
free loopback port (writes on, with a throwaway token) and photographs each
page with Debian's Chromium through Playwright, launched as the browser tests
launch it. Run: .venv/bin/python scripts/web_screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
UPLOAD = REPO / "tests" / "fixtures" / "genre" / "ho_01_ghana_togo.txt"
COMMITMENT = "https://w3id.org/pactgraph/id/document/japan-australia-cybercrime/commitment/1-5"

#: (file name, path, whole page or the first screen)
PAGES = [
    ("overview.png", "/", True),
    ("agreement.png", "/ui/agreements/japan-australia-cybercrime/1", True),
    ("evidence.png", f"/ui/documents/japan-australia-cybercrime?node={COMMITMENT}#quote-1", True),
    ("crime-categories.png", "/ui/crimes#iccs-07", False),
    ("actor.png", "/ui/nations/AUS", True),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pactgraph() -> str:
    return str(Path(sys.executable).with_name("pactgraph"))


def wait(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"pactgraph serve exited with {process.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("pactgraph serve did not answer within 60 s")


def query_page(tab: Page, out: Path) -> None:
    tab.goto("/ui/query?name=commitments")
    tab.fill("#param-party", "id:nation/AUS")
    tab.locator(".CodeMirror").click()
    tab.keyboard.press("Control+Enter")
    tab.wait_for_selector("table.results-table")
    tab.screenshot(path=out / "query.png", full_page=True)


def upload_page(tab: Page, out: Path, token: str) -> None:
    tab.goto("/ui/upload")
    tab.fill("#token", token)
    tab.set_input_files("#document", str(UPLOAD))
    tab.click("#upload-button")
    tab.get_by_role("status").wait_for()
    tab.screenshot(path=out / "upload.png", full_page=True)


def shoot(base: str, out: Path, token: str) -> None:
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 860})
        tab = context.new_page()
        for name, path, whole in PAGES:
            tab.goto(path)
            tab.screenshot(path=out / name, full_page=whole)
        query_page(tab, out)
        upload_page(tab, out, token)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as work:
        store = str(Path(work) / "data")
        subprocess.run([pactgraph(), "load", str(REPO / "examples"), "--store", store], check=True)
        port = free_port()
        command = [pactgraph(), "serve", "--port", str(port), "--store", store, "--allow-writes"]
        process = subprocess.Popen(command, env={**os.environ, "PACTGRAPH_TOKEN": token})
        try:
            base = f"http://127.0.0.1:{port}"
            wait(base, process)
            shoot(base, out, token)
        finally:
            process.terminate()
            process.wait(timeout=20)
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
