"""The web interface in a real browser: Debian's Chromium driven by Playwright for Python.

A `pactgraph serve` over the examples runs on a free loopback port (writes on,
with a token); the tests click through it as a researcher would: every page
opens with nothing fetched from elsewhere, a commitment leads to its
highlighted quote, a named query fills a table, a broken query shows where it
breaks, an uploaded document appears among the agreements. The Playwright
browser download does not work here, so the tests use /usr/bin/chromium and
are skipped where it is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_api_support import TOKEN, running_api

from graph.pipeline import expand_paths, load_paths
from graph.store import EmbeddedStore

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
UPLOAD = REPO / "tests" / "fixtures" / "genre" / "ho_01_ghana_togo.txt"
JAPAN = "Japan and Australia Sign Cybercrime and Fraud Cooperation Arrangement"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`pactgraph serve` over a store holding the examples; yields its base URL."""
    workdir = tmp_path_factory.mktemp("web")
    store = EmbeddedStore(workdir / "data")
    load_paths(store, expand_paths([EXAMPLES]), workers=1)
    store.close()
    with running_api(workdir, "--store", str(workdir / "data"), "--allow-writes") as api:
        yield api.base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser, server: str) -> Iterator[object]:
    """A fresh tab that records every request it makes and every script error."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


PAGES = [
    ("/", "Security cooperation agreements"),
    ("/ui/agreements/japan-australia-cybercrime/1", JAPAN),
    ("/ui/documents/kenya-tanzania-wildlife", "Kenya and Tanzania Join Forces Against Poaching"),
    ("/ui/crimes", "Crime categories"),
    ("/ui/nations/AUS", "Australia"),
    ("/ui/organizations/EU", "European Union"),
    ("/ui/agencies/AUS/australian-federal-police", "Australian Federal Police"),
    ("/ui/query", "Query"),
    ("/ui/upload", "Upload a document"),
]


def test_every_page_opens_offline_with_a_skip_link_first(page, server: str) -> None:
    for path, heading in PAGES:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        assert page.locator("h1").inner_text().startswith(heading), path
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link", path
    outside = [url for url in page.requests if not url.startswith(server)]
    assert outside == []
    assert page.errors == []


def test_a_commitment_leads_to_its_highlighted_quote(page) -> None:
    page.goto("/")
    page.get_by_role("link", name=JAPAN).click()
    row = page.locator("table.commitments tr", has_text="Joint Cyber Investigation Team")
    row.get_by_role("link", name="Source of Joint Cyber Investigation Team").click()
    mark = page.locator("mark#quote-1")
    playwright.expect(mark).to_be_visible()
    commitment = page.url.split("%2Fcommitment%2F", 1)[1].split("#")[0]
    api = page.request.get(f"/commitments/japan-australia-cybercrime/{commitment}").json()
    assert mark.inner_text() == api["evidence"][0]["exact"]
    assert "Joint Cyber Investigation Team" in mark.inner_text()
    box, viewport = mark.bounding_box(), page.viewport_size
    assert box is not None and box["y"] + box["height"] > 0 and box["y"] < viewport["height"]


def test_a_named_query_with_a_parameter_fills_the_table(page) -> None:
    page.goto("/ui/query")
    page.select_option("#name", "commitments")
    page.click("#load")
    # the editor is built by script after the page loads: wait for it, do not race it
    playwright.expect(page.locator(".CodeMirror")).to_be_visible()
    page.fill("#param-party", "id:nation/AUS")
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("table.results-table")
    assert page.locator("table.results-table tbody tr").count() == 7
    assert page.locator(".row-count").inner_text() == "7 rows"
    labels = page.locator("table.results-table tbody tr td:nth-child(4)").all_inner_texts()
    # a language-tagged label shows its tag beside it, as SPARQL editors do
    assert "Joint Cyber Investigation Team @en" in labels


def test_a_broken_query_shows_where_it_breaks(page) -> None:
    page.goto("/ui/query")
    page.locator(".CodeMirror").click()
    page.keyboard.type("SELECT *\nWHERE {\n?s ?p }")
    page.keyboard.press("Control+Enter")
    alert = page.locator(".query-error")
    alert.wait_for()
    assert "line 3, column" in alert.inner_text()
    assert page.locator(".CodeMirror .error-line").count() == 1
    cursor = page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getCursor().line")
    assert cursor == 2


def test_an_uploaded_document_appears_among_the_agreements(page) -> None:
    page.goto("/ui/upload")
    page.fill("#token", TOKEN)
    page.set_input_files("#document", str(UPLOAD))
    page.click("#upload-button")
    status = page.get_by_role("status")
    assert status.inner_text().endswith(": loaded")
    page.get_by_role("link", name="See it among the agreements").click()
    titles = page.locator("table.agreements tbody th").all_inner_texts()
    assert len(titles) == 5
