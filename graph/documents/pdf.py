"""PDF files into the plain-text genre the structure parser reads.

pdfplumber finds gridded tables (``extract_tables`` keeps every cell in place,
where pypdf returns each cell as its own line) and gives each text line its
position, font and size. Tables become pipe tables where they stand on the
page; the text around them becomes heading lines (bold or larger type, short,
no closing period), ``- `` bullets and paragraphs whose wrapped lines are
joined again. pypdf is the fallback when pdfplumber cannot read the file; it
gives lines without fonts or positions, so only the line-level rules apply.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

import pdfplumber
import pypdf

from graph.documents.html import Piece, render, tidy
from graph.documents.model import BlockKind

BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·\uf0b7\uf0a7]\s*|[–—*-]\s+)")
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
PAGE_NUMBER = re.compile(r"^\W*\d{1,4}\W*$")
BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
HEADING_MAX_WORDS = 15
LARGER = 1.15  # a line this many times the body size is set in larger type
WRAP_SLACK = 0.15  # a wrapped line ends within this share of the text width from the right edge
LINE_GAP = 0.8  # lines of one paragraph are at most this many font sizes apart


class PdfUnreadable(ValueError):
    """Neither pdfplumber nor pypdf could open the file."""


@dataclass
class Line:
    """A text line; positions are None when the reader (pypdf) gives none."""

    text: str
    page: int
    size: float = 0.0
    bold: bool = False
    top: float | None = None
    bottom: float | None = None
    x0: float | None = None
    x1: float | None = None


@dataclass
class TableAt:
    """A table found on a page, with the rows of its cells."""

    rows: tuple[tuple[str, ...], ...]
    page: int
    top: float


@dataclass
class Layout:
    """What the joining rules need to know about the whole document."""

    body_size: float = 0.0
    bold_body: bool = False
    left: float = 0.0
    right: float = 0.0
    items: list[Line | TableAt] = field(default_factory=list)


def pdf_to_text(data: bytes) -> str:
    """The document's text in the genre; "" when it has no extractable text.

    Raises :class:`PdfUnreadable` when neither reader can open the file.
    """
    try:
        layout = _plumber_layout(data)
    except Exception as plumber_error:  # pdfminer raises many kinds on broken files
        try:
            layout = _pypdf_layout(data)
        except Exception as pypdf_error:
            raise PdfUnreadable(_reason(plumber_error, pypdf_error)) from pypdf_error
    pieces = _pieces(layout)
    if pieces and pieces[0].kind == BlockKind.HEADING:
        return render(pieces[1:], title=pieces[0].texts[0])
    return render(pieces)


def _reason(*errors: Exception) -> str:
    """A short reason, naming encryption when that is what stopped the readers."""
    names = " ".join(type(e).__name__ for e in errors)
    if "Password" in names or "Decrypt" in names or "Encrypt" in names:
        return "the file is encrypted"
    first = errors[0]
    return f"{type(first).__name__}: {str(first)[:120]}".rstrip(": ")


def _plumber_layout(data: bytes) -> Layout:
    layout = Layout()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            layout.items += _page_items(page.dedupe_chars(), number)
    return _measured(layout)


def _pypdf_layout(data: bytes) -> Layout:
    layout = Layout()
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages, start=1):
        texts = (page.extract_text() or "").splitlines()
        layout.items += [Line(text=text, page=number) for text in texts if text.strip()]
    return _measured(layout)


def _measured(layout: Layout) -> Layout:
    """Drop page furniture, then take the body size and the text's left and right edges."""
    lines = _drop_page_furniture(layout)
    sizes = Counter(round(line.size * 2) / 2 for line in lines for _ in line.text)
    layout.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    bold = sum(len(line.text) for line in lines if line.bold)
    layout.bold_body = bold > sum(len(line.text) for line in lines) / 2
    layout.left = min((line.x0 or 0.0 for line in lines), default=0.0)
    layout.right = max((line.x1 or 0.0 for line in lines), default=0.0)
    return layout


def _page_items(page: pdfplumber.page.Page, number: int) -> list[Line | TableAt]:
    """Tables and the lines outside them, in reading order from the top of the page."""
    tables = []
    for found in page.find_tables():
        rows = tuple(tuple(_cell(c) for c in row) for row in found.extract())
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            tables.append(TableAt(rows, number, found.bbox[1]))
            bbox = found.bbox
            page = page.filter(lambda obj, box=bbox: not _inside(obj, box))
    items: list[Line | TableAt] = [_line(raw, number) for raw in page.extract_text_lines()]
    items += tables
    return sorted(items, key=lambda item: item.top or 0.0)


def _cell(text: str | None) -> str:
    return " ".join((text or "").split())


def _inside(obj: dict, bbox: tuple[float, float, float, float]) -> bool:
    """Is the centre of a character inside a table's box? Other objects are kept."""
    if obj.get("object_type") != "char":
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _line(raw: dict, number: int) -> Line:
    chars = [c for c in raw["chars"] if c["text"].strip()]
    sizes = sorted(c["size"] for c in chars) or [0.0]
    bold = sum(1 for c in chars if BOLD_FONT.search(c.get("fontname", ""))) >= 0.8 * len(chars)
    return Line(
        text=raw["text"],
        page=number,
        size=sizes[len(sizes) // 2],
        bold=bold and bool(chars),
        top=raw["top"],
        bottom=raw["bottom"],
        x0=raw["x0"],
        x1=raw["x1"],
    )


def _drop_page_furniture(layout: Layout) -> list[Line]:
    """Remove page numbers and running heads: the first or last line of a page that
    is a bare number, or whose text (numbers aside) recurs there on another page."""
    edges: dict[int, list[Line]] = {}
    for line in (item for item in layout.items if isinstance(item, Line)):
        edges.setdefault(line.page, []).append(line)
    edge_lines = [ls[i] for ls in edges.values() for i in sorted({0, len(ls) - 1})]
    recurring = Counter(shape for _, shape in {(line.page, _shape(line)) for line in edge_lines})
    drop = {
        id(line)
        for line in edge_lines
        if PAGE_NUMBER.match(line.text) or recurring[_shape(line)] > 1
    }
    layout.items = [item for item in layout.items if id(item) not in drop]
    return [item for item in layout.items if isinstance(item, Line)]


def _shape(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.strip().casefold())


def _pieces(layout: Layout) -> list[Piece]:
    """Group lines into headings, bullet lists and paragraphs; tables stay as they are."""
    pieces: list[Piece] = []
    texts: list[str] = []  # the open paragraph, or the items of the open list
    kind: BlockKind | None = None
    previous: Line | None = None

    def close() -> None:
        nonlocal texts, kind
        if kind is not None and texts:
            pieces.append(Piece(kind, tuple(texts)))
        texts, kind = [], None

    for item in layout.items:
        if isinstance(item, TableAt):
            close()
            pieces.append(Piece(BlockKind.TABLE, rows=item.rows))
            previous = None
            continue
        text = tidy(item.text)
        if not text:
            continue
        if _is_heading(item, layout):
            if kind == BlockKind.HEADING and previous and _same_heading(previous, item, layout):
                texts[-1] = f"{texts[-1]} {text}"
            else:
                close()
                kind, texts = BlockKind.HEADING, [text]
        elif BULLET.match(text):
            if kind != BlockKind.BULLET_LIST:
                close()
                kind = BlockKind.BULLET_LIST
            texts.append(BULLET.sub("", text))
        elif (
            kind in (BlockKind.PARAGRAPH, BlockKind.BULLET_LIST)
            and previous
            and _continues(previous, item, layout)
        ):
            texts[-1] = _join(texts[-1], text)
        else:
            close()
            kind, texts = BlockKind.PARAGRAPH, [text]
        previous = item
    close()
    return pieces


def _is_heading(line: Line, layout: Layout) -> bool:
    """Short, set in bold (unless the body is) or larger type, not closed by a period, no bullet."""
    text = line.text.strip()
    if not layout.body_size or BULLET.match(text) or not any(c.isalpha() for c in text):
        return False
    styled = (line.bold and not layout.bold_body) or line.size >= LARGER * layout.body_size
    return styled and len(text.split()) <= HEADING_MAX_WORDS and text[-1] not in ".,;"


def _same_heading(previous: Line, line: Line, layout: Layout) -> bool:
    """A long heading wraps onto a second line in the same type, right below the first."""
    return (
        previous.bold == line.bold
        and abs(previous.size - line.size) < 0.5
        and _close_below(previous, line)
        and _reaches_right(previous, layout)
    )


def _continues(previous: Line, line: Line, layout: Layout) -> bool:
    """Does ``line`` carry on the paragraph or bullet that ``previous`` belongs to?

    Yes when the previous line was wrapped (it runs to the right edge and the
    next line follows closely), when the next line is indented under a bullet,
    or when the previous line stops mid-sentence and the next starts in lower
    case (which also joins a paragraph across a page break).
    """
    wrapped = _close_below(previous, line) and _reaches_right(previous, layout)
    indented = (
        BULLET.match(previous.text) is not None
        and _close_below(previous, line)
        and (line.x0 or 0.0) > (previous.x0 or 0.0) + 2
    )
    flowing = not SENTENCE_END.search(previous.text.rstrip()) and line.text.lstrip()[:1].islower()
    return wrapped or indented or flowing


def _close_below(previous: Line, line: Line) -> bool:
    if previous.page != line.page or previous.bottom is None or line.top is None:
        return False
    return line.top - previous.bottom <= LINE_GAP * max(previous.size, 1.0)


def _reaches_right(line: Line, layout: Layout) -> bool:
    if line.x1 is None:
        return False
    return line.x1 >= layout.right - WRAP_SLACK * (layout.right - layout.left)


def _join(text: str, more: str) -> str:
    """Join a wrapped line; a word broken at a hyphen is joined without a space."""
    if re.search(r"[^\W\d_]-$", text) and more[:1].islower():
        return text + more
    return f"{text} {more}"
