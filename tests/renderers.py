"""Render a text document as the HTML page or the PDF a publisher would put out.

Used to check that extraction reads the same facts whatever the format: the
blocks of the text become real <h2>/<ul>/<table> markup, or a PDF with bold
headings, bullet glyphs and ruled tables drawn by fpdf2.
"""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from fpdf import FPDF

from graph.documents.model import BlockKind
from graph.documents.text import parse_blocks


def to_html(text: str) -> str:
    parts = ['<!doctype html><html><head><meta charset="utf-8"><title>News</title></head><body>']
    parts.append('<nav><a href="/">Home</a> | World</nav><article>')
    for index, block in enumerate(parse_blocks(text)):
        if block.kind is BlockKind.HEADING:
            tag = "h1" if index == 0 else "h2"
            parts.append(f"<{tag}>{html.escape(block.span.text)}</{tag}>")
        elif block.kind is BlockKind.PARAGRAPH:
            parts.append(f"<p>{html.escape(block.span.text)}</p>")
        elif block.kind is BlockKind.BULLET_LIST:
            items = "".join(f"<li>{html.escape(i.text)}</li>" for i in block.items)
            parts.append(f"<ul>{items}</ul>")
        elif block.header is not None:
            head = "".join(f"<th>{html.escape(c.span.text)}</th>" for c in block.header.cells)
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c.span.text)}</td>" for c in r.cells) + "</tr>"
                for r in block.rows
            )
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    parts.append("</article><footer>Copyright. Subscribe.</footer><script>var t=1;</script>")
    parts.append("</body></html>")
    return "\n".join(parts)


def unicode_font() -> tuple[str, str] | None:
    """Regular and bold DejaVu Sans files, when fontconfig finds them."""
    try:
        found = [
            subprocess.run(
                ["fc-match", "-f", "%{file}", name], capture_output=True, text=True, check=True
            ).stdout
            for name in ("DejaVu Sans", "DejaVu Sans:bold")
        ]
    except (OSError, subprocess.CalledProcessError):
        return None
    return (found[0], found[1]) if all(Path(f).is_file() for f in found) else None


def to_pdf(text: str, font: tuple[str, str]) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Body", "", font[0])
    pdf.add_font("Body", "B", font[1])

    def line(size: int, style: str, content: str, height: int) -> None:
        pdf.set_font("Body", style, size)
        pdf.set_x(pdf.l_margin)
        pdf.multi_cell(0, height, content)

    for block in parse_blocks(text):
        if block.kind is BlockKind.HEADING:
            line(14, "B", block.span.text, 8)
        elif block.kind is BlockKind.PARAGRAPH:
            line(10, "", block.span.text, 5)
        elif block.kind is BlockKind.BULLET_LIST:
            for item in block.items:
                line(10, "", "• " + item.text, 5)
        elif block.header is not None:
            pdf.set_font("Body", "", 9)
            with pdf.table() as table:
                table.row([c.span.text for c in block.header.cells])
                for row in block.rows:
                    table.row([c.span.text for c in row.cells])
        pdf.ln(2)
    return bytes(pdf.output())
