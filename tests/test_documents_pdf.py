"""PDF files become the plain-text genre: gridded tables as pipe rows, bullets, paragraphs."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from fpdf import FPDF

from graph.documents.pdf import PdfUnreadable, pdf_to_text

TITLE = "Brazil and Paraguay Sign Frontier Security Compact"
LEAD = (
    "Brazil and Paraguay have signed a frontier security compact in which both governments "
    "pledge to fight arms trafficking, the smuggling of contraband goods, drug trafficking and "
    "money laundering along their shared land and river border."
)
SECOND = "Ministers presented the compact as a practical document rather than a declaration."
INTRO = "The text groups its commitments into pillars:"
BULLETS = (
    "Shared Border Intelligence: A joint analysis cell will pool seizure records, vehicle data "
    "and informant reporting from both sides of the border.",
    "Customs Modernization: Scanners at the main crossings.",
)
TABLE = (
    ("Initiative", "Expected Result", "Deadline"),
    (
        "Joint Analysis Cell in Ciudad del Este",
        "Single picture of seizures on both sides",
        "6 months",
    ),
    ("Cargo Scanners at the Friendship Bridge", "Faster inspection of trucks", "nine months"),
    ("Common Seized-Weapons Record", "Serial numbers checked", "1 year"),
)
AFTER = "Whether the compact changes conditions on the ground will depend on sustained funding."


def _document(pdf: FPDF, font: str, bullet: str) -> bytes:
    """Title, two paragraphs, a bold heading, a bullet list, a gridded table, a paragraph."""
    pdf.add_page()
    pdf.set_font(font, "B", 18)
    pdf.multi_cell(0, 10, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(font, "", 11)
    for text in (LEAD, SECOND):
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.set_font(font, "B", 14)
    pdf.multi_cell(0, 8, "Pillars of the Compact", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "", 11)
    pdf.multi_cell(0, 6, INTRO, new_x="LMARGIN", new_y="NEXT")
    for text in BULLETS:
        pdf.multi_cell(0, 6, f"{bullet} {text}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    with pdf.table(col_widths=(40, 60, 30)) as table:
        for cells in TABLE:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(3)
    pdf.multi_cell(0, 6, AFTER, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _unicode_font() -> tuple[str, str] | None:
    """Regular and bold DejaVu Sans, found by fontconfig or in the usual directory."""
    if shutil.which("fc-match"):
        found = [
            subprocess.run(
                ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False
            ).stdout
            for pattern in ("DejaVuSans", "DejaVuSans:bold")
        ]
        if all(f.endswith(".ttf") and Path(f).is_file() for f in found):
            return found[0], found[1]
    folder = Path("/usr/share/fonts/truetype/dejavu")
    regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    return (str(regular), str(bold)) if regular.is_file() and bold.is_file() else None


@pytest.fixture(scope="module")
def dash_text() -> str:
    """The document in a core font (latin-1 only), with '-' bullets."""
    return pdf_to_text(_document(FPDF(), "Helvetica", "-"))


@pytest.fixture(scope="module")
def bullet_text() -> str:
    """The document in a TrueType font with '•' bullets."""
    font = _unicode_font()
    if font is None:
        pytest.skip("no DejaVu Sans TrueType font on this machine for the '•' bullet variant")
    pdf = FPDF()
    pdf.add_font("dejavu", "", font[0])
    pdf.add_font("dejavu", "B", font[1])
    return pdf_to_text(_document(pdf, "dejavu", "•"))


@pytest.fixture(params=["dash", "bullet"])
def text(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue(f"{request.param}_text")


def test_the_generated_table_is_gridded() -> None:
    """The fixture is what the reader targets: pdfplumber sees the drawn table."""
    with pdfplumber.open(io.BytesIO(_document(FPDF(), "Helvetica", "-"))) as pdf:
        assert len(pdf.pages[0].find_tables()) == 1


def test_title_first_then_a_blank_line(text: str) -> None:
    assert text.splitlines()[:2] == [TITLE, ""]


def test_wrapped_paragraph_lines_are_joined(text: str) -> None:
    lines = text.splitlines()
    assert LEAD in lines
    assert SECOND in lines
    assert AFTER in lines


def test_bold_heading_is_its_own_line_followed_by_its_block(text: str) -> None:
    lines = text.splitlines()
    heading = lines.index("Pillars of the Compact")
    assert lines[heading + 1] == INTRO


def test_bullets_become_dash_lines_with_wrapped_items_joined(text: str) -> None:
    lines = text.splitlines()
    intro = lines.index(INTRO)
    assert lines[intro + 1 : intro + 3] == [f"- {item}" for item in BULLETS]


def test_gridded_table_becomes_pipe_rows_with_every_cell_in_place(text: str) -> None:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert rows[0] == "| Initiative | Expected Result | Deadline |"
    assert rows[1] == "|---|---|---|"
    assert rows[2:] == ["| " + " | ".join(cells) + " |" for cells in TABLE[1:]]


def test_table_stays_where_it_is_on_the_page(text: str) -> None:
    assert text.index(BULLETS[1]) < text.index("| Initiative") < text.index(AFTER)
    assert "Joint Analysis Cell" not in text.replace("| Joint Analysis Cell", "")


class _Furnished(FPDF):
    """Pages with a running head and a page number, as press releases have."""

    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, "Ministry of Justice - Press Release", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")


def _two_pages() -> bytes:
    pdf = _Furnished()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(
        0, 6, "Officials said the review would be annual.", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.multi_cell(0, 6, "The text continues with a sentence that the page end", new_x="LMARGIN")
    pdf.add_page()
    pdf.multi_cell(0, 6, "breaks in two, so the next page starts in lower case.", new_x="LMARGIN")
    return bytes(pdf.output())


def test_running_heads_and_page_numbers_are_dropped_and_paragraphs_cross_pages() -> None:
    assert pdf_to_text(_two_pages()) == (
        "Officials said the review would be annual.\n\n"
        "The text continues with a sentence that the page end breaks in two, "
        "so the next page starts in lower case.\n"
    )


def test_pypdf_reads_when_pdfplumber_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback keeps paragraphs, bullets and every table word (not the table's grid)."""
    data = _document(FPDF(), "Helvetica", "-")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("pdfplumber cannot read this file")

    monkeypatch.setattr(pdfplumber, "open", broken)
    lines = pdf_to_text(data).splitlines()
    assert LEAD in lines
    assert [f"- {item}" for item in BULLETS] == [line for line in lines if line.startswith("- ")]
    words = set(" ".join(lines).split())
    assert {word for cells in TABLE for cell in cells for word in cell.split()} <= words


def test_a_pdf_without_text_gives_an_empty_string() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    assert pdf_to_text(bytes(pdf.output())) == ""


def test_broken_and_encrypted_files_are_unreadable() -> None:
    with pytest.raises(PdfUnreadable):
        pdf_to_text(b"%PDF-1.7\nthis is not a PDF body\n")
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 10, "Secret text")
    with pytest.raises(PdfUnreadable, match="encrypted"):
        pdf_to_text(bytes(pdf.output()))
