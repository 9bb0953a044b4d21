"""The same document as text, HTML page and PDF yields the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.documents.intake import read_bytes
from graph.documents.text import parse_source
from graph.extract.extractor import extract
from tests.conftest import corpus_documents, example_documents
from tests.renderers import to_html, to_pdf, unicode_font

TEXTS = [p for p in corpus_documents() + example_documents() if p.suffix == ".txt"]


def _facts(data: bytes, name: str) -> dict:
    source = read_bytes(data, name)
    document = parse_source(source)
    (agreement,) = extract(document).agreements
    return {
        "parties": agreement.parties,
        "crimes": set(agreement.crimes),
        "commitments": [
            (
                c.label,
                c.outcome.label if c.outcome else None,
                c.timeline.months if c.timeline else None,
                c.frequency.key if c.frequency else None,
                c.agency,
            )
            for c in agreement.commitments
        ],
        "safeguards": [s.label for s in agreement.safeguards],
        "approaches": [(a.aspect.label, a.actor, a.label) for a in agreement.approaches],
    }


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_html_page_gives_the_same_facts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    page = to_html(text).encode()
    assert _facts(page, path.stem + ".html") == _facts(path.read_bytes(), path.name)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_pdf_gives_the_same_facts(path: Path) -> None:
    font = unicode_font()
    if font is None:
        pytest.skip("no DejaVu Sans font found by fc-match; the PDF rendering needs a Unicode font")
    text = path.read_text(encoding="utf-8")
    assert _facts(to_pdf(text, font), path.stem + ".pdf") == _facts(path.read_bytes(), path.name)
