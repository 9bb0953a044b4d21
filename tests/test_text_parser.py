"""The line-oriented structure parser keeps exact offsets for every block, item and cell."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.documents.model import BlockKind
from graph.documents.text import parse_blocks, parse_text

SAMPLE = """Ghana and Togo Sign Coastal Security Pact
Ghana and Togo have signed a pact against piracy.
## Pillars
* Maritime Patrols: Joint patrols.
1. Port Checks: Container checks.

Project | Outcome | Due
--- | --- | ---
Radar Chain | Coastal picture | 1 year
| Escaped \\| pipe | Value |
"""


def test_blocks_in_order_with_their_kinds() -> None:
    kinds = [b.kind for b in parse_blocks(SAMPLE)]
    assert kinds == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.BULLET_LIST,
        BlockKind.TABLE,
    ]


def test_title_is_the_first_heading() -> None:
    document = parse_text(SAMPLE, key="k", source_name="k.txt", sha256="0" * 64)
    assert document.title is not None
    assert document.title.text == "Ghana and Togo Sign Coastal Security Pact"


def test_table_without_outer_pipes_and_escaped_pipes() -> None:
    table = parse_blocks(SAMPLE)[-1]
    assert [c.span.text for c in table.header.cells] == ["Project", "Outcome", "Due"]
    assert [c.span.text for c in table.rows[0].cells] == [
        "Radar Chain",
        "Coastal picture",
        "1 year",
    ]
    assert table.rows[1].cells[0].span.text == "Escaped \\| pipe"


def test_a_table_with_no_separator_line_is_headed_by_a_first_row_of_labels() -> None:
    labelled = parse_blocks(
        "| Action | Lead agency | Timeline |\n"
        "| Joint Ferry Teams | Finnish Customs | Within 6 months |\n"
        "| Coordinated Patrols | Finnish Border Guard | Within 3 months |\n"
    )[0]
    assert [c.span.text for c in labelled.header.cells] == ["Action", "Lead agency", "Timeline"]
    assert [r.cells[0].span.text for r in labelled.rows] == [
        "Joint Ferry Teams",
        "Coordinated Patrols",
    ]
    unlabelled = parse_blocks(
        "| Joint Ferry Teams | Finnish Customs | Within 6 months |\n"
        "| Coordinated Patrols | Finnish Border Guard | Within 3 months |\n"
    )[0]
    assert unlabelled.header is None and len(unlabelled.rows) == 2


def test_a_table_with_no_separator_line_is_headed_by_the_row_above_its_numbered_rows() -> None:
    numbered = parse_blocks(
        "| No. | Measure (as agreed at Livingstone) | Position at 30 June 2024 | Rating |\n"
        "| 1 | Chirundu joint operations centre | Opened 22 January 2024 | Achieved late |\n"
        "| 2 | Joint patrols on the river | 31 of the 60 patrols carried out | Behind |\n"
    )[0]
    assert [c.span.text for c in numbered.header.cells][::3] == ["No.", "Rating"]
    assert [r.cells[0].span.text for r in numbered.rows] == ["1", "2"]
    all_numbered = parse_blocks(
        "| 1 | Chirundu joint operations centre | Opened 22 January 2024 | Achieved late |\n"
        "| 2 | Joint patrols on the river | 31 of the 60 patrols carried out | Behind |\n"
    )[0]
    assert all_numbered.header is None and len(all_numbered.rows) == 2


def test_bullet_markers_are_not_part_of_items() -> None:
    bullets = parse_blocks(SAMPLE)[3]
    assert [i.text for i in bullets.items] == [
        "Maritime Patrols: Joint patrols.",
        "Port Checks: Container checks.",
    ]


def test_crlf_text_keeps_offsets() -> None:
    text = SAMPLE.replace("\n", "\r\n")
    for block in parse_blocks(text):
        assert text[block.span.start : block.span.end] == block.span.text
        for item in block.items:
            assert "\r" not in item.text and "\n" not in item.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab |-*:#\n\r\t.1Aé")), max_size=300))
def test_every_span_slices_the_text(text: str) -> None:
    for block in parse_blocks(text):
        spans = [block.span, *block.items]
        for row in ([block.header] if block.header else []) + list(block.rows):
            spans.append(row.span)
            spans.extend(c.span for c in row.cells)
        for span in spans:
            assert text[span.start : span.end] == span.text


NUMBERED = """JOINT STATEMENT

3. Objectives. The Framework rests on three objectives:
(a) Stemming the Flow - reducing the entry of methamphetamine;
(b) Order at Sea - curbing illegal fishing.

8. Safeguards. Both sides affirmed that:
- neither side's forces will cross the boundary;
- detained fishermen will be granted consular access.

9. Differences of approach. Bangladesh treats it as an enforcement problem.

(b) Joint patrols are now deployed in nine of the fourteen patrol sectors.
"""


def test_a_numbered_introduction_is_its_heading_and_lead_in_and_lettered_lines_a_list() -> None:
    blocks = parse_blocks(NUMBERED)
    shown = [(b.kind.value, b.span.text.split("\n")[0][:24]) for b in blocks]
    assert shown == [
        ("heading", "JOINT STATEMENT"),
        ("heading", "Objectives"),
        ("paragraph", "The Framework rests on t"),
        ("bullet_list", "(a) Stemming the Flow - "),
        ("heading", "Safeguards"),
        ("paragraph", "Both sides affirmed that"),
        ("bullet_list", "- neither side's forces "),
        ("bullet_list", "9. Differences of approa"),  # a numbered paragraph of prose stays
        ("paragraph", "(b) Joint patrols are no"),  # a lettered line alone is prose
    ]
    lettered = blocks[3]
    assert [i.text.split(" - ")[0] for i in lettered.items] == ["Stemming the Flow", "Order at Sea"]
    for block in blocks:
        assert NUMBERED[block.span.start : block.span.end] == block.span.text


def test_lettered_items_written_a_paren_and_indented_are_a_list() -> None:
    text = (
        "3. The Compact rests on two areas:\n\n"
        "   a) Route Interdiction - coordinated action;\n"
        "   b) Arms Flow Suppression - preventing weapons.\n"
    )
    lists = [b for b in parse_blocks(text) if b.kind is BlockKind.BULLET_LIST]
    assert [i.text.split(" - ")[0] for i in lists[-1].items] == [
        "Route Interdiction",
        "Arms Flow Suppression",
    ]
