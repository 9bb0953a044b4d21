"""The structure of a document that every reader produces and every recogniser reads.

A reader turns a file (text, Markdown, HTML, PDF) into one :class:`Document`:
its text, and the blocks found in it, each with character offsets into that
text, so that everything extracted later can point back at its exact source.
Offsets are Python string indices (code points) into ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Span:
    """Characters ``start``..``end`` (exclusive) of the document text."""

    start: int
    end: int
    text: str


def pieces(text: str, start: int, end: int, pattern: re.Pattern[str]) -> Iterator[Span]:
    """The spans of ``text`` from ``start`` to ``end`` between the matches of ``pattern``
    (the sentences of a paragraph between their breaks), none empty."""
    position = start
    for match in pattern.finditer(text, start, end):
        if match.start() > position:
            yield Span(position, match.start(), text[position : match.start()])
        position = match.end()
    if end > position:
        yield Span(position, end, text[position:end])


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET_LIST = "bullet_list"
    TABLE = "table"


@dataclass(frozen=True)
class Cell:
    span: Span


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    span: Span


@dataclass(frozen=True)
class Block:
    """One structural unit. ``items`` are bullets (lists); ``header``/``rows`` are tables."""

    kind: BlockKind
    span: Span
    level: int = 0
    items: tuple[Span, ...] = ()
    header: Row | None = None
    rows: tuple[Row, ...] = ()


@dataclass(frozen=True)
class Document:
    """A source document: its bytes' identity, its text and its blocks in order."""

    key: str
    source_name: str
    media_type: str
    sha256: str
    text: str
    blocks: tuple[Block, ...]
    title: Span | None = None
    metadata: dict[str, str] = field(default_factory=dict)
