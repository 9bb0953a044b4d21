"""Plain text and Markdown → :class:`Document`, keeping exact character offsets.

The genre is line-oriented: a lead paragraph, headings as plain lines (or
``#`` lines in Markdown), ``- `` bullet lists and GitHub pipe tables, often
with no blank line between blocks. CommonMark parsers (markdown-it-py
included) fold such lines into one paragraph through lazy continuation, so
blocks are found line by line here, and every span points into the text
exactly as it was read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.documents.intake import SourceText
from graph.documents.model import Block, BlockKind, Cell, Document, Row, Span

_BULLET = re.compile(r"^[ \t]*(?:[-*+•●▪‣◦–]|\d{1,2}[.)]|\(?(?:[a-z]|[ivx]{1,4})\))[ \t]+(?=\S)")
#: '(a) ', 'b) ', '(iv) ': a list marker only on consecutive lines; a lettered line standing
#: alone is a paragraph of a communiqué ('(b) Joint patrols are now deployed in …').
_LETTERED = re.compile(r"^[ \t]*\(?(?:[a-z]|[ivx]{1,4})\)[ \t]")
_NUMBERED = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+(?=\S)")
#: A numbered paragraph's run-in heading: '8. Safeguards. Both sides affirmed that:'.
_RUN_IN_HEADING = re.compile(r"([A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,4})\.[ \t]+(?=[A-Z(])")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
#: Words a header cell may have in a table with no separator line ('Lead agency').
_HEADER_WORDS = 4
#: The number of a table's row in its first cell: '1', '2.', '3)'.
_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?")
_SENTENCE_END = (".", ":", ";", ",", "!", "…")
_MAX_HEADING_WORDS = 16


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    """Split on any line break, keeping the offsets of each line's content."""
    lines, position = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append(_Line(position, position + len(content), content))
        position += len(raw)
    return lines


def trimmed(text: str, start: int, end: int) -> Span:
    """The span ``start..end`` of ``text`` without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def _is_table_row(line: _Line) -> bool:
    stripped = line.text.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def _starts_bare_table(lines: list[_Line], index: int) -> bool:
    """GFM tables may omit the outer pipes: 'A | B' over '--- | ---'."""
    return (
        "|" in lines[index].text
        and index + 1 < len(lines)
        and bool(_TABLE_SEPARATOR.match(lines[index + 1].text))
    )


def _cells(text: str, line: _Line) -> tuple[Cell, ...]:
    """Cells of a pipe row, split on unescaped pipes; outer pipes are optional."""
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", line.text)]
    stripped = line.text.strip()
    edges = [-1, *bounds, len(line.text)]
    pieces = list(itertools.pairwise(edges))
    if stripped.startswith("|"):
        pieces = pieces[1:]
    if stripped.endswith("|") and pieces:
        pieces = pieces[:-1]
    return tuple(
        Cell(trimmed(text, line.start + left + 1, line.start + right)) for left, right in pieces
    )


def _row(text: str, line: _Line) -> Row:
    return Row(_cells(text, line), trimmed(text, line.start, line.end))


def _table(text: str, lines: list[_Line]) -> Block:
    """A run of pipe lines; the header is the row before a separator line, or, with no
    separator, a first row of short labels ('| Action | Lead agency | Timeline |') or one
    that heads a column of numbers ('| No. | Measure | Position at 30 June 2024 |' above
    '| 1 | …', '| 2 | …')."""
    has_separator = len(lines) > 1 and bool(_TABLE_SEPARATOR.match(lines[1].text))
    first = _row(text, lines[0])
    labelled = (
        not has_separator
        and len(lines) > 1
        and (_is_header(first) or _heads_numbers(first, [_row(text, ln) for ln in lines[1:]]))
    )
    body = lines[2:] if has_separator else lines[1:] if labelled else lines
    header = first if has_separator or labelled else None
    rows = tuple(_row(text, ln) for ln in body if not _TABLE_SEPARATOR.match(ln.text))
    span = trimmed(text, lines[0].start, lines[-1].end)
    return Block(BlockKind.TABLE, span, header=header, rows=rows)


def _is_header(row: Row) -> bool:
    """Whether every cell of a row is a short label: a word or a few, no figure, no
    sentence."""
    return len(row.cells) > 1 and all(
        0 < len(cell.span.text.split()) <= _HEADER_WORDS
        and not any(ch.isdigit() for ch in cell.span.text)
        and not cell.span.text.endswith(".")
        for cell in row.cells
    )


def _heads_numbers(first: Row, below: list[Row]) -> bool:
    """Whether a row is the only one of its table whose first cell is not a row's number:
    the rows below are numbered ('1', '2.', '3)'), the first names their column ('No.')."""

    def number(row: Row) -> bool:
        return bool(row.cells) and bool(_ROW_NUMBER.fullmatch(row.cells[0].span.text))

    return len(below) > 1 and not number(first) and all(number(row) for row in below)


def _bullets(text: str, lines: list[_Line]) -> Block:
    items = []
    for line in lines:
        marker = _BULLET.match(line.text)
        offset = marker.end() if marker else 0
        items.append(trimmed(text, line.start + offset, line.end))
    span = trimmed(text, lines[0].start, lines[-1].end)
    return Block(BlockKind.BULLET_LIST, span, items=tuple(items))


def _numbered_introduction(text: str, group: list[_Line]) -> list[Block]:
    """A numbered paragraph that introduces what follows ('8. Safeguards. Both sides
    affirmed that:', '8. Ministers agreed:'): its run-in heading, if it has one, and the
    introduction as a paragraph, so that the list after it reads in its context. Empty for
    an item of a list, and for a numbered paragraph of prose, which stays the one-item
    list a communiqué's reader takes whole."""
    marker = _NUMBERED.match(group[0].text)
    if len(group) != 1 or marker is None or not group[0].text.rstrip().endswith(":"):
        return []
    line = group[0]
    body = trimmed(text, line.start + marker.end(), line.end)
    run_in = _RUN_IN_HEADING.match(body.text)
    if run_in is None:
        return [Block(BlockKind.PARAGRAPH, body)]
    heading = Span(body.start, body.start + len(run_in.group(1)), run_in.group(1))
    rest = trimmed(text, body.start + run_in.end(), body.end)
    return [Block(BlockKind.HEADING, heading, level=3), Block(BlockKind.PARAGRAPH, rest)]


def looks_like_heading(line: str, next_line: str | None) -> bool:
    """A plain line is a heading when it is short, unpunctuated and followed by more text.

    News text set as plain lines marks headings only by position and shape: a
    short line that ends without sentence punctuation and does not run on into
    a lower-case continuation.
    """
    stripped = line.strip().strip("*").strip()
    if not stripped or stripped.endswith(_SENTENCE_END):
        return False
    words = stripped.split()
    if len(words) > _MAX_HEADING_WORDS or (not stripped[0].isupper() and not stripped[0].isdigit()):
        return False
    return next_line is None or not next_line.strip()[:1].islower()


def _introduces(lines: list[_Line], index: int) -> bool:
    """Whether the line before ``index`` is a numbered paragraph introducing the bullets
    from ``index`` on ('8. Safeguards. Both sides affirmed that:' over '- the Framework …')."""
    before = lines[index - 1].text
    return (
        bool(_NUMBERED.match(before))
        and before.rstrip().endswith(":")
        and not _NUMBERED.match(lines[index].text)
    )


def _groups(lines: list[_Line]) -> Iterator[tuple[BlockKind, list[_Line]]]:
    """Group consecutive lines into raw blocks; paragraphs and headings stay one line each."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if _is_table_row(line) or _starts_bare_table(lines, i):
            j = i
            while j < len(lines) and (_is_table_row(lines[j]) or "|" in lines[j].text):
                j += 1
            yield BlockKind.TABLE, lines[i:j]
            i = j
        elif _BULLET.match(line.text):
            j = i + 1
            while j < len(lines) and _BULLET.match(lines[j].text) and not _introduces(lines, j):
                j += 1
            if j - i == 1 and _LETTERED.match(line.text):
                yield BlockKind.PARAGRAPH, [line]
            else:
                yield BlockKind.BULLET_LIST, lines[i:j]
            i = j
        else:
            yield BlockKind.PARAGRAPH, [line]
            i += 1


def _next_text(lines: list[_Line], after: _Line) -> str | None:
    for line in lines:
        if line.start > after.start and not line.blank:
            return line.text
    return None


def parse_blocks(text: str) -> tuple[Block, ...]:
    """Every block of ``text`` in document order."""
    lines = _lines(text)
    blocks: list[Block] = []
    for kind, group in _groups(lines):
        if kind is BlockKind.TABLE:
            blocks.append(_table(text, group))
        elif kind is BlockKind.BULLET_LIST:
            blocks.extend(_numbered_introduction(text, group) or [_bullets(text, group)])
        else:
            line = group[0]
            atx = _ATX.match(line.text)
            if atx:
                span = trimmed(text, line.start + atx.end(), line.end)
                span = trimmed(
                    text, span.start, span.end - len(span.text) + len(span.text.rstrip("# "))
                )
                blocks.append(Block(BlockKind.HEADING, span, level=len(atx.group(1))))
            elif looks_like_heading(line.text, _next_text(lines, line)):
                blocks.append(
                    Block(BlockKind.HEADING, trimmed(text, line.start, line.end), level=2)
                )
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, trimmed(text, line.start, line.end)))
    return tuple(blocks)


def parse_text(
    text: str,
    *,
    key: str,
    source_name: str,
    media_type: str = "text/plain",
    sha256: str,
) -> Document:
    """Parse ``text`` into a Document; the first heading is its title."""
    blocks = parse_blocks(text)
    title = next((b.span for b in blocks if b.kind is BlockKind.HEADING), None)
    return Document(
        key=key,
        source_name=source_name,
        media_type=media_type,
        sha256=sha256,
        text=text,
        blocks=blocks,
        title=title,
    )


def parse_source(source: SourceText) -> Document:
    """Parse a source as read by ``graph.documents.intake``, under its own key and name."""
    return parse_text(
        source.text,
        key=source.key,
        source_name=source.name,
        media_type=source.media_type,
        sha256=source.sha256,
    )
