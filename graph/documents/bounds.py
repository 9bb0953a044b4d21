"""How much structure one document may hand the extractor.

The extractor's work grows with the table cells it reads: each cell is
matched against every cue, crime phrase and agency name of the lexicon
(about 8 ms a row of three cells, measured on 2 cores: 1,000 rows took
14 s and 190 MB, 3,000 rows 29 s and 290 MB). A table of 10,000 rows is no
announcement of cooperation; it is a data dump or an attack, and would hold
a worker for minutes. Such a document is refused before extraction with the
size of its largest table, so the caller knows what to split.
"""

from __future__ import annotations

from graph.documents.intake import DocumentError
from graph.documents.model import Block, BlockKind, Document

#: Most table cells (header included) one document may hold; 200 columns x 100 rows fit.
MAX_TABLE_CELLS = 20_000


def _cells(block: Block) -> int:
    rows = (*((block.header,) if block.header is not None else ()), *block.rows)
    return sum(len(row.cells) for row in rows)


def check_structure(document: Document, *, max_cells: int = MAX_TABLE_CELLS) -> None:
    """Refuse a document whose tables hold more than ``max_cells`` cells in all."""
    tables = [block for block in document.blocks if block.kind is BlockKind.TABLE]
    total = sum(_cells(block) for block in tables)
    if total <= max_cells:
        return
    largest = max(tables, key=_cells)
    line = document.text.count("\n", 0, largest.span.start) + 1
    columns = max(len(row.cells) for row in (*largest.rows, largest.header) if row is not None)
    raise DocumentError(
        f"{document.source_name}: its tables hold {total:,} cells (the largest, at line {line}, "
        f"has {len(largest.rows):,} rows of up to {columns} columns); pactgraph reads at most "
        f"{max_cells:,} table cells per document: split it"
    )
