"""Shared fixtures: where the shared corpus lives, and processed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
EXAMPLES = REPO / "examples"


def corpus_documents() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def example_documents() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html", ".pdf"})


requires_shared = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason="../shared/corpus is absent (it sits beside the repo in CI); corpus tests skipped",
)
