"""HTML pages become the plain-text genre: title, heading lines, '- ' bullets, pipe tables."""

from __future__ import annotations

import socket

import pytest

from graph.documents.html import Piece, html_to_text, pipe_table, render
from graph.documents.model import BlockKind

LEAD = (
    "Brazil and Paraguay have signed a frontier security compact in which both governments "
    "pledge to fight arms trafficking, the smuggling of contraband goods, drug trafficking and "
    "money laundering along their shared land and river border."
)
CLOSING = (
    "Whether the compact changes conditions on the ground will depend on sustained funding and "
    "on the willingness of both sides to share sensitive information, analysts said."
)
CONTENT = f"""
<h1>Brazil and Paraguay Sign Frontier Security Compact</h1>
<p>{LEAD}</p>
<h2>Pillars of the Compact</h2>
<p>The text groups its commitments into <b>four</b> pillars:</p>
<ul>
  <li>Shared Border Intelligence: A joint analysis cell will pool seizure records.</li>
  <li>Customs Modernization: Scanners and common risk profiles at the main crossings.</li>
</ul>
<p>Each pillar is broken down into initiatives with their own deadlines.</p>
<table>
  <thead><tr><th>Initiative</th><th>Expected Result</th><th>Deadline</th></tr></thead>
  <tbody>
    <tr><td>Joint Analysis Cell</td><td>Single picture of seizures</td><td>6 months</td></tr>
    <tr><td>Cargo Scanners at the
        Friendship Bridge</td><td>Faster inspection | fewer delays</td><td>nine months</td></tr>
  </tbody>
</table>
<h2>Looking Ahead</h2>
<p>{CLOSING}</p>
"""
PAGE = """<!DOCTYPE html>
<html><head><title>Frontier compact | Example News</title>
<script>var tracker = "SCRIPTTEXT";</script><style>.nav {{ color: red }} STYLETEXT</style></head>
<body>
<nav><a href="/">Home NAVTEXT</a> <a href="/world">World</a></nav>
{main}
<footer>Copyright FOOTERTEXT</footer>
<script>console.log("SCRIPTTEXT")</script>
</body></html>"""


@pytest.fixture(params=["article", "bare"])
def page_text(request: pytest.FixtureRequest) -> str:
    """The page with its content in an <article> (trafilatura's path) and bare in <body>
    (where trafilatura flattens the page and the body walk is used)."""
    main = f"<article>{CONTENT}</article>" if request.param == "article" else CONTENT
    return html_to_text(PAGE.format(main=main))


def test_title_is_the_first_line_and_not_repeated(page_text: str) -> None:
    lines = page_text.splitlines()
    assert lines[0] == "Brazil and Paraguay Sign Frontier Security Compact"
    assert lines.count(lines[0]) == 1
    assert lines[1] == ""


def test_headings_and_paragraphs_are_their_own_lines(page_text: str) -> None:
    lines = page_text.splitlines()
    assert "Pillars of the Compact" in lines
    assert "Looking Ahead" in lines
    assert LEAD in lines
    assert lines[lines.index("Looking Ahead") + 1] == CLOSING
    assert "The text groups its commitments into four pillars:" in lines


def test_list_items_become_dash_bullets_after_their_lead_in(page_text: str) -> None:
    lines = page_text.splitlines()
    intro = lines.index("The text groups its commitments into four pillars:")
    assert lines[intro + 1 : intro + 3] == [
        "- Shared Border Intelligence: A joint analysis cell will pool seizure records.",
        "- Customs Modernization: Scanners and common risk profiles at the main crossings.",
    ]


def test_table_becomes_pipe_rows_with_the_header_first(page_text: str) -> None:
    rows = [line for line in page_text.splitlines() if line.startswith("|")]
    assert rows == [
        "| Initiative | Expected Result | Deadline |",
        "|---|---|---|",
        "| Joint Analysis Cell | Single picture of seizures | 6 months |",
        "| Cargo Scanners at the Friendship Bridge | Faster inspection / fewer delays "
        "| nine months |",
    ]
    start = page_text.index("| Initiative")
    assert page_text.index("Each pillar is broken down") < start < page_text.index("Looking Ahead")


def test_boilerplate_does_not_appear(page_text: str) -> None:
    for marker in ("NAVTEXT", "FOOTERTEXT", "SCRIPTTEXT", "STYLETEXT", "tracker"):
        assert marker not in page_text


def test_page_title_is_used_when_there_is_no_h1() -> None:
    text = html_to_text(
        "<html><head><title>Joint Patrol Agreement</title></head>"
        "<body><p>Both navies will patrol the strait together.</p></body></html>"
    )
    assert text == "Joint Patrol Agreement\n\nBoth navies will patrol the strait together.\n"


def test_short_page_keeps_its_structure() -> None:
    text = html_to_text(
        "<html><body><h1>Short</h1><h2>Steps</h2><ol><li>One<ul><li>Nested</li></ul></li>"
        "<li>Two</li></ol><div>First line<br><br>Second <span>part</span><br>same paragraph"
        "</div></body></html>"
    )
    assert text == (
        "Short\n\nSteps\n- One\n- Nested\n- Two\n\nFirst line\n\nSecond part same paragraph\n"
    )


def test_colspan_keeps_columns_aligned_and_headerless_tables_use_the_first_row() -> None:
    text = html_to_text(
        "<html><body><table><tr><td>Action</td><td>Frequency</td><td>Lead</td></tr>"
        "<tr><td colspan='2'>Joint patrols, monthly</td><td>Navy</td></tr>"
        "<tr><td>Reports</td><td>Yearly</td></tr></table></body></html>"
    )
    assert text.splitlines() == [
        "| Action | Frequency | Lead |",
        "|---|---|---|",
        "| Joint patrols, monthly |  | Navy |",
        "| Reports | Yearly |  |",
    ]


def test_layout_tables_are_read_as_containers() -> None:
    text = html_to_text(
        "<html><body><table><tr><td><p>Paragraph inside a layout table.</p>"
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
        "</td></tr></table></body></html>"
    )
    assert text.splitlines() == [
        "Paragraph inside a layout table.",
        "",
        "| a | b |",
        "|---|---|",
        "| c | d |",
    ]


def test_hidden_and_role_navigation_parts_are_dropped() -> None:
    text = html_to_text(
        "<html><body><div role='navigation'>Menu ROLETEXT</div>"
        "<p style='display: none'>HIDDENTEXT</p><div hidden>HIDDENATTR</div>"
        "<header>Site banner BANNERTEXT</header><p>Visible text stays.</p></body></html>"
    )
    assert text == "Visible text stays.\n"


def test_xml_declaration_and_entities_are_accepted() -> None:
    text = html_to_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Caf&eacute; &amp; '
        "Pol&iacute;cia Federal</p></body></html>"
    )
    assert text == "Café & Polícia Federal\n"


def test_pages_without_text_give_an_empty_string() -> None:
    assert html_to_text("") == ""
    assert html_to_text("<html><head><script>x()</script></head><body> </body></html>") == ""
    assert html_to_text("<html><body><nav>Only navigation</nav></body></html>") == ""


def test_no_network_access_is_attempted(monkeypatch: pytest.MonkeyPatch) -> None:
    """External DTDs, entities, images and stylesheets are never fetched."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = (
        '<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd" [<!ENTITY x SYSTEM '
        '"http://127.0.0.1:9/x">]><html><head><link rel="stylesheet" '
        'href="http://127.0.0.1:9/s.css"></head><body><p>Text &x; stays.</p>'
        '<img src="http://127.0.0.1:9/i.png"></body></html>'
    )
    text = html_to_text(page)
    assert "Text" in text
    assert attempts == []


def test_pipe_table_pads_rows_and_replaces_pipes() -> None:
    assert pipe_table((("A", "B"), ("x|y",), ("", ""))) == "| A | B |\n|---|---|\n| x/y |  |"


def test_render_attaches_blocks_as_the_corpus_does() -> None:
    pieces = [
        Piece(BlockKind.HEADING, ("Safeguards",)),
        Piece(BlockKind.PARAGRAPH, ("The safeguards are:",)),
        Piece(BlockKind.BULLET_LIST, ("No arrests abroad.", "Consent for court use.")),
        Piece(BlockKind.PARAGRAPH, ("After.",)),
    ]
    assert render(pieces, title="Title") == (
        "Title\n\nSafeguards\nThe safeguards are:\n- No arrests abroad.\n"
        "- Consent for court use.\n\nAfter.\n"
    )
