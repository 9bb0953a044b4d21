"""The web pages over the examples: each renders from the API's data, filters narrow, quotes sit
at their stored offsets, and a refused upload shows why.

The store holds the four example documents, loaded once through the same
pipeline as `pactgraph load`; pages are read with a TestClient and parsed
with lxml, so the assertions are about what a reader sees.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF
from lxml import html

import api.documents
from api.app import create_app
from api.settings import Settings
from graph.pipeline import expand_paths, load_paths, process_upload
from graph.store import EmbeddedStore
from graph.validate import Finding, ValidationReport

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TOKEN = "web-test-token"
JAPAN = "japan-australia-cybercrime"
JAPAN_AGREEMENT = f"/ui/agreements/{JAPAN}/1"
AUS = "https://w3id.org/pactgraph/id/nation/AUS"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    store = EmbeddedStore(None, allow_external=True)
    load_paths(store, expand_paths([EXAMPLES]), workers=1)
    settings = Settings(allow_writes=True, token=TOKEN)
    with TestClient(create_app(settings, store)) as test_client:
        yield test_client


def page(client: TestClient, url: str, status: int = 200, **params: str) -> html.HtmlElement:
    response = client.get(url, params=params) if params else client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return html.fromstring(response.text)


def texts(tree: html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def test_the_overview_counts_what_the_api_lists(client: TestClient) -> None:
    tree = page(client, "/")
    counts = {node.get("data-count"): int(node.text) for node in tree.xpath("//*[@data-count]")}
    agreements = client.get("/agreements").json()["items"]
    commitments = client.get("/commitments", params={"limit": 200}).json()["items"]
    assert counts == {
        "documents": len(client.get("/documents").json()["items"]),
        "agreements": len(agreements),
        "parties": len({p["iri"] for a in agreements for p in a["parties"]}),
        "commitments": len(commitments),
    }
    rows = texts(tree, "//table[@class='agreements']/tbody/tr/th")
    assert sorted(rows) == sorted(a["label"] for a in agreements)


def test_the_overview_filters_by_party_and_crime(client: TestClient) -> None:
    by_party = texts(page(client, "/", party=AUS), "//table[@class='agreements']/tbody/tr/th")
    expected = [
        a["label"] for a in client.get("/agreements", params={"party": AUS}).json()["items"]
    ]
    assert by_party == expected and len(by_party) == 1
    crime = "https://w3id.org/pactgraph/id/crime/wildlife-trafficking"
    by_crime = texts(page(client, "/", crime=crime), "//table[@class='agreements']/tbody/tr/th")
    answer = client.get("/agreements", params={"crime": crime}).json()["items"]
    assert sorted(by_crime) == sorted(a["label"] for a in answer)
    assert by_party[0] not in by_crime
    none = page(client, "/", party=AUS, crime=crime)
    assert texts(none, "//table[@class='agreements']/tbody/tr/td")[0].startswith("No agreement")


def test_every_page_has_a_skip_link_and_labelled_controls(client: TestClient) -> None:
    tree = page(client, "/")
    assert tree.xpath("//a[@class='skip-link']/@href") == ["#main"]
    assert tree.xpath("//main/@id") == ["main"]
    for control in tree.xpath("//select | //input[not(@type='hidden')] | //textarea"):
        assert tree.xpath(f"//label[@for='{control.get('id')}']"), control.get("name")


def test_an_unknown_page_value_answers_with_an_html_error(client: TestClient) -> None:
    tree = page(client, "/", 422, party="not a code!")
    assert "party" in texts(tree, "//*[@role='alert']")[0]


def test_the_agreement_page_lists_the_commitments_the_api_gives(client: TestClient) -> None:
    tree = page(client, JAPAN_AGREEMENT)
    agreement = client.get(f"/agreements/{JAPAN}/1").json()
    assert texts(tree, "//h1")[0].startswith(agreement["label"])
    commitments = client.get("/commitments", params={"agreement": agreement["iri"]}).json()
    rows = tree.xpath("//table[@class='commitments']/tbody/tr")
    assert len(rows) == len(commitments["items"]) == 7
    team = next(r for r in rows if "Joint Cyber Investigation Team" in r.text_content())
    cells = [" ".join(td.text_content().split()) for td in team.xpath("td")]
    assert cells == [
        "Faster attribution of ransomware attacks source",
        "6 months",
        "—",
        "Australian Federal Police",
    ]
    parties = texts(tree, "//section[@id='summary']//dd[1]/a")
    assert parties == ["Australia", "Japan"]
    assert tree.xpath("//section[@id='summary']//dd[2]/a/@href")[0].startswith("/ui/crimes#")


def test_the_timeline_draws_due_dates_and_each_recurrence(client: TestClient) -> None:
    svg = page(client, JAPAN_AGREEMENT).xpath("//section[@id='timeline']//svg")[0]
    lanes = svg.xpath("./g")
    labels = [lane.xpath("string(./text)") for lane in lanes]
    assert labels == ["Financial Intelligence Sharing", "Joint Cyber Investigation Team",
                      "Scam Alert Exchange"]  # fmt: skip
    due = [len(lane.xpath("./path[@class='due']")) for lane in lanes]
    assert due == [1, 1, 0]
    # The weekly exchange recurs every 0.23 months over the 12-month axis: 52 ticks.
    assert len(lanes[2].xpath("./line[@class='recurrence']")) == 52


def test_the_graph_links_commitments_to_outcomes_agencies_and_crimes(client: TestClient) -> None:
    svg = page(client, JAPAN_AGREEMENT).xpath("//section[@id='graph']//svg")[0]
    heads = [t.text for t in svg.xpath("./text[@class='head']")]
    assert heads == ["Commitments", "Outcomes", "Lead agencies", "Crime categories"]
    hrefs = svg.xpath(".//a/@href")
    assert "/ui/agencies/AUS/australian-federal-police" in hrefs
    assert "/ui/crimes#cybercrime" in hrefs
    agreement = f"https://w3id.org/pactgraph/id/document/{JAPAN}/agreement/1"
    items = client.get("/commitments", params={"agreement": agreement}).json()["items"]
    links = sum(len(c["outcomes"]) + len(c["implementedBy"]) + len(c["addresses"]) for c in items)
    assert len(svg.xpath("./path")) == links == 11


def test_safeguards_and_approaches_side_by_side(client: TestClient) -> None:
    tree = page(client, JAPAN_AGREEMENT)
    safeguards = texts(tree, "//ul[@class='safeguards']/li")
    assert safeguards[0].startswith("Data are shared only for the investigation")
    head = texts(tree, "//table[@class='side-by-side']/thead//th")
    assert head == ["Aspect", "Australia", "Japan"]
    row = texts(tree, "//table[@class='side-by-side']/tbody/tr[1]/*")
    assert row[0] == "Cyber Policing"
    assert row[1].startswith("A national cybercrime centre within the AFP")


def test_a_missing_agreement_is_an_html_404(client: TestClient) -> None:
    tree = page(client, f"/ui/agreements/{JAPAN}/9", 404)
    assert "no agreement" in texts(tree, "//*[@role='alert']")[0]


@pytest.mark.parametrize(
    "key", ["japan-australia-cybercrime", "kenya-tanzania-wildlife", "colombia-ecuador-border-pact"]
)
def test_evidence_is_highlighted_at_the_stored_offsets(client: TestClient, key: str) -> None:
    """Plain text, HTML and Markdown sources alike: the mark sits exactly on the quote."""
    text = client.get(f"/documents/{key}/text")
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
    evidence = client.get(f"/documents/{key}").json()["evidence"]
    commitment = next(e for e in evidence if "/commitment/" in e["iri"])
    tree = page(client, f"/ui/documents/{key}", node=commitment["iri"])
    body = tree.xpath("//div[@class='document-text']")[0]
    assert body.text_content() == text.text
    marks = body.xpath("./mark")
    assert [m.get("id") for m in marks] == ["quote-1"]
    assert marks[0].text_content() == commitment["exact"]
    before = (body.text or "") + "".join(
        (n.text_content() + (n.tail or "")) for n in body.xpath("./*")[: body.index(marks[0])]
    )
    assert len(before) == commitment["start"]


def test_every_source_link_on_an_agreement_page_opens_a_highlight(client: TestClient) -> None:
    tree = page(client, JAPAN_AGREEMENT)
    hrefs = sorted(set(tree.xpath("//a[@class='evidence']/@href")))
    assert len(hrefs) >= 7 + 3 + 2 + 4
    for href in hrefs:
        assert page(client, href).xpath("//mark[@id='quote-1']"), href


def test_a_node_without_a_quote_in_the_document_is_a_404(client: TestClient) -> None:
    tree = page(client, f"/ui/documents/{JAPAN}", 404, node=AUS)
    assert "no quote" in texts(tree, "//*[@role='alert']")[0]


def test_the_crime_tree_lists_what_the_crime_filter_finds(client: TestClient) -> None:
    tree = page(client, "/ui/crimes")
    sections = texts(tree, "//ul[@class='tree']/li/*[self::details or self::span]/summary")
    assert len(tree.xpath("//ul[@class='tree']/li")) == 11
    assert sections[0].startswith("01 Acts leading to death")
    for code in ("iccs-07", "fraud", "wildlife-trafficking", "iccs-10"):
        branch = tree.xpath(f"//li[@id='{code}']")[0]
        badge = int(branch.xpath("string(./details/summary/span[@class='badge'])"))
        api = client.get("/commitments", params={"crime": code, "limit": 200}).json()["items"]
        assert badge == len(api) > 0, code
    fraud = texts(tree, "//li[@id='fraud']/details/ul[@class='commitment-list']/li")
    assert any(
        item.startswith("Scam Alert Exchange source — Japan and Australia") for item in fraud
    )


def test_a_nation_page_shows_its_agreements_and_what_its_agencies_lead(client: TestClient) -> None:
    tree = page(client, "/ui/nations/AUS")
    assert texts(tree, "//h1") == ["Australia"]
    assert (
        len(tree.xpath("//h2[@id='agreements-heading']/following-sibling::table[1]/tbody/tr")) == 1
    )
    led = texts(tree, "//h2[@id='commitments-heading']/following-sibling::table[1]/tbody/tr/th")
    assert led == ["Joint Cyber Investigation Team source", "Financial Intelligence Sharing source"]
    assert "/ui/agencies/AUS/australian-federal-police" in tree.xpath("//ul/li/a/@href")


def test_an_agency_and_an_organization_have_pages(client: TestClient) -> None:
    agency = page(client, "/ui/agencies/AUS/australian-federal-police")
    assert texts(agency, "//h1") == ["Australian Federal Police"]
    led = texts(agency, "//h2[@id='commitments-heading']/following-sibling::table[1]/tbody/tr/th")
    assert led == ["Joint Cyber Investigation Team source"]
    assert texts(agency, "//dl//a[@href='/ui/nations/AUS']") == ["Australia"]
    eu = page(client, "/ui/organizations/EU")
    assert texts(eu, "//h1") == ["European Union"]
    agreements = texts(eu, "//h2[@id='agreements-heading']/following-sibling::table[1]/tbody/tr/th")
    assert agreements == [
        a["label"] for a in client.get("/agreements", params={"party": "EU"}).json()["items"]
    ]
    page(client, "/ui/nations/ZZZ", 404)


def test_a_named_query_runs_with_its_typed_parameters(client: TestClient) -> None:
    tree = page(client, "/ui/query", name="commitments")
    labels = {node.get("for"): node.text_content().split()[0] for node in tree.xpath("//label")}
    assert {"param-party", "param-crime", "param-agency", "param-limit"} <= set(labels)
    assert tree.xpath("//input[@id='param-limit']/@type") == ["number"]
    assert tree.xpath("//textarea[@id='query']")[0].text.startswith("# name: commitments")
    text = tree.xpath("//textarea[@id='query']")[0].text
    run = page(client, "/ui/query", name="commitments", run="1", query=text, **{"param-party": AUS})
    head = texts(run, "//table[@class='results-table']/thead//th")
    assert head[:4] == ["agreement", "agreementLabel", "commitment", "commitmentLabel"]
    rows = run.xpath("//table[@class='results-table']/tbody/tr")
    api = client.get(
        "/queries/commitments", params={"party": AUS}, headers={"accept": "application/json"}
    )
    assert len(rows) == len(api.json()["results"]["bindings"]) == 7


def test_a_bad_parameter_and_a_syntax_error_are_shown_with_their_place(client: TestClient) -> None:
    bad = page(client, "/ui/query", name="commitments", run="1", **{"param-limit": "many"})
    assert "limit" in texts(bad, "//*[@role='alert']")[0]
    broken = page(
        client, "/ui/query", run="1", query="SELECT *\nWHERE {\n  ?s ?p ?o .\n  FILTER(\n}"
    )
    alert = broken.xpath("//*[@role='alert']")[0]
    assert (alert.get("data-line"), alert.get("data-column")) == ("5", "2")
    assert "line 5, column 2" in alert.text_content()


def test_results_download_as_csv_and_json(client: TestClient) -> None:
    query = "SELECT ?code WHERE { ?n a <https://w3id.org/pactgraph/ontology#Nation> ; "
    query += "<http://purl.org/dc/terms/identifier> ?code } ORDER BY ?code LIMIT 2"
    csv = client.get("/ui/query/download", params={"query": query, "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.headers["content-disposition"] == 'attachment; filename="results.csv"'
    assert csv.text.splitlines()[0] == "code" and len(csv.text.splitlines()) == 3
    data = client.get("/ui/query/download", params={"query": query, "format": "json"}).json()
    assert [row["code"]["value"] for row in data["results"]["bindings"]] == csv.text.split()[1:]


@pytest.fixture()
def empty() -> Iterator[TestClient]:
    """A server over an empty store that accepts writes."""
    settings = Settings(allow_writes=True, token=TOKEN)
    with TestClient(create_app(settings, EmbeddedStore(None, allow_external=True))) as fresh:
        yield fresh


def send(client: TestClient, data: bytes, name: str, token: str = TOKEN):
    return client.post("/ui/upload", data={"token": token}, files={"document": (name, data)})


def test_an_upload_shows_what_was_extracted(empty: TestClient) -> None:
    source = EXAMPLES / "japan_australia_cybercrime.txt"
    response = send(empty, source.read_bytes(), source.name)
    assert response.status_code == 201
    tree = html.fromstring(response.text)
    assert texts(tree, "//h2[@role='status']") == [f"{JAPAN}: loaded"]
    counts = {n.get("data-node-count"): int(n.text) for n in tree.xpath("//dd[@data-node-count]")}
    assert counts["Agreement"] == 1 and counts["Commitment"] == 7
    assert texts(page(empty, "/"), "//table[@class='agreements']/tbody/tr/th") == [
        "Japan and Australia Sign Cybercrime and Fraud Cooperation Arrangement"
    ]


def test_a_refused_upload_shows_the_reason_and_stores_nothing(empty: TestClient) -> None:
    wrong = html.fromstring(send(empty, b"text", "a.txt", token="nope").text)
    assert "token" in texts(wrong, "//*[@role='alert']")[0]
    unreadable = send(empty, b"\x00\x01binary\x00", "scan.txt")
    assert unreadable.status_code == 422
    assert "NUL byte" in texts(html.fromstring(unreadable.text), "//*[@role='alert']")[0]
    assert empty.get("/documents").json()["items"] == []


def test_a_validation_refusal_lists_each_violation(empty: TestClient, monkeypatch) -> None:
    violation = Finding(
        "Violation", f"id:document/{JAPAN}/agreement/1", "pg:party", "needs a party"
    )

    def invalid(data: bytes, filename: str):
        processed = process_upload(data, filename)
        return dataclasses.replace(processed, report=ValidationReport(violations=(violation,)))

    monkeypatch.setattr(api.documents, "process_upload", invalid)
    source = EXAMPLES / "japan_australia_cybercrime.txt"
    tree = html.fromstring(send(empty, source.read_bytes(), source.name).text)
    assert "1 SHACL violation" in texts(tree, "//*[@role='alert']")[0]
    assert texts(tree, "//table[@class='report']/tbody/tr/td")[1:3] == ["pg:party", "needs a party"]
    assert empty.get("/documents").json()["items"] == []


def test_the_upload_page_is_absent_on_a_read_only_server() -> None:
    store = EmbeddedStore(None, allow_external=True)
    with TestClient(create_app(Settings(), store)) as read_only:
        assert not page(read_only, "/").xpath("//a[@href='/ui/upload']")
        assert "read-only" in texts(page(read_only, "/ui/upload", 403), "//*[@role='alert']")[0]


def test_a_malformed_page_request_answers_with_an_html_error(client: TestClient) -> None:
    tree = page(client, "/ui/query/download", 422, query="ASK {}", format="xml")
    assert "format" in texts(tree, "//*[@role='alert']")[0]


def test_known_prefixes_are_declared_in_the_text_that_runs(client: TestClient) -> None:
    query = "# my query\nSELECT ?code WHERE {\n  ?n a pg:Nation ; dcterms:identifier ?code .\n}"
    tree = page(client, "/ui/query", run="1", query=query + " ORDER BY ?code LIMIT 3")
    shown = tree.xpath("//textarea[@id='query']")[0].text
    assert shown.startswith(
        "# my query\nPREFIX pg: <https://w3id.org/pactgraph/ontology#>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\nSELECT ?code"
    )
    assert texts(tree, "//*[@id='added-prefixes']") == ["Declared for you: pg:, dcterms:."]
    assert len(tree.xpath("//table[@class='results-table']/tbody/tr")) == 3
    declared = "PREFIX pg: <https://example.org/other#>\nASK { ?n a pg:Nation }"
    again = page(client, "/ui/query", run="1", query=declared)
    assert again.xpath("//textarea[@id='query']")[0].text == declared
    assert texts(again, "//p[@class='accepted']") == ["ASK answered: false"]


def test_a_pdf_source_is_highlighted_through_its_stored_text(empty: TestClient) -> None:
    """A PDF's quotes count in the text read from it, which the store keeps and the page shows."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    below = {"new_x": "LMARGIN", "new_y": "NEXT"}
    pdf.multi_cell(0, 9, "Brazil and Paraguay Sign Frontier Security Compact", **below)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(
        0,
        6,
        "Brazil and Paraguay have signed a compact to fight arms trafficking and drug "
        "trafficking along their border. The compact groups its commitments into pillars:",
        **below,
    )
    for line in (
        "- Shared Border Intelligence: A joint analysis cell will pool seizure records.",
        "- Customs Modernization: Scanners at the main crossings.",
    ):
        pdf.multi_cell(0, 6, line, **below)
    assert send(empty, bytes(pdf.output()), "frontier.pdf").status_code == 201
    text = empty.get("/documents/frontier/text").text
    evidence = empty.get("/documents/frontier").json()["evidence"]
    commitment = next(e for e in evidence if "/commitment/" in e["iri"])
    assert text[commitment["start"] : commitment["end"]] == commitment["exact"]
    tree = page(empty, "/ui/documents/frontier", node=commitment["iri"])
    assert tree.xpath("//div[@class='document-text']")[0].text_content() == text
    assert texts(tree, "//mark[@id='quote-1']") == [" ".join(commitment["exact"].split())]


FOLLOWUPS = Path(__file__).parent / "fixtures" / "followup" / "own"


def test_the_agreement_page_shows_what_follow_ups_reported(tmp_path: Path) -> None:
    """Two follow-ups of one announcement: each reported commitment's statuses, oldest first,
    the latest marked current, the same rows as the status-history resource."""
    store = EmbeddedStore(None, allow_external=True)
    load_paths(store, sorted(FOLLOWUPS.glob("own01_*.txt")), workers=1)
    with TestClient(create_app(Settings(), store)) as client:
        agreement = "/ui/agreements/own01-a-chile-argentina/1"
        tree = page(client, agreement)
        captions = texts(tree, "//section[@id='status']//table/caption")
        assert any(caption.startswith("Shared Ballistics Database") for caption in captions)
        table = tree.xpath(
            "//section[@id='status']//table[starts-with(normalize-space(caption),"
            " 'Shared Ballistics Database')]"
        )[0]
        statuses = texts(table, ".//tbody/tr/td[2]")
        assert statuses[0] == "Pledged"
        assert "Delayed" in statuses[1]
        assert len(texts(table, ".//tbody/tr[@class='current']")) == 1
        node = table.xpath(".//caption//a/@href")[0].partition("node=")[2].partition("#")[0]
        key, _, number = unquote(node).partition("/document/")[2].partition("/commitment/")
        history = client.get(f"/commitments/{key}/{number}/status-history").json()["items"]
        assert len(statuses) == len(history)


def test_the_timeline_marks_each_reported_status_at_its_date() -> None:
    """The timeline picture dots every reported status (not the pledge) on its commitment's
    line, as many as the status-history resource holds, one of them ringed as current."""
    store = EmbeddedStore(None, allow_external=True)
    load_paths(store, sorted(FOLLOWUPS.glob("own01_*.txt")), workers=1)
    with TestClient(create_app(Settings(), store)) as client:
        tree = page(client, "/ui/agreements/own01-a-chile-argentina/1")
        svg = "//section[@id='timeline']//*[local-name()='svg']"
        lane = tree.xpath(
            f"{svg}/*[local-name()='g'][starts-with(*[local-name()='title'],"
            " 'Shared Ballistics Database')]"
        )[0]
        dots = lane.xpath("./*[local-name()='circle']")
        classes = [dot.get("class") for dot in dots]
        assert "status status-delayed" in classes
        assert sum(1 for dot in dots if dot.get("stroke")) == 1
        node = (
            tree.xpath(
                "//section[@id='status']//table[starts-with(normalize-space(caption),"
                " 'Shared Ballistics Database')]//caption//a/@href"
            )[0]
            .partition("node=")[2]
            .partition("#")[0]
        )
        key, _, number = unquote(node).partition("/document/")[2].partition("/commitment/")
        history = client.get(f"/commitments/{key}/{number}/status-history").json()["items"]
        reported = [row for row in history if not row["status"].endswith("/pledged")]
        assert len(dots) == len(reported)
