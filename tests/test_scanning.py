"""The prefix-tree scan finds exactly what the plain ordered alternation of the phrases finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.phrases import PhraseIndex, phrase_pattern
from graph.lexicon import Lexicon, lexicon
from tests.conftest import EXAMPLES

GENRE = Path(__file__).parent / "fixtures" / "genre"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GENRE.glob("*.txt"))[:6]] + [
    p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))
]
INDEXES = [name for name, kind in Lexicon.__annotations__.items() if kind.startswith("PhraseIndex")]


def _plain_spans(index: PhraseIndex, text: str) -> list[tuple[int, int]]:
    """What one big ``(?:p1)|(?:p2)|...`` regex finds: the behaviour the tree must keep."""
    plain = re.compile("|".join(f"(?:{phrase_pattern(p)})" for p in index.phrases), index.flags)
    return [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("name", INDEXES)
def test_each_lexicon_index_matches_the_plain_alternation(name: str) -> None:
    index: PhraseIndex = getattr(lexicon(), name)
    for text in TEXTS:
        assert [(h.start, h.end) for h in index.find(text)] == [
            s for s in _plain_spans(index, text) if index.lookup(text[s[0] : s[1]])
        ]


TOLERANT = PhraseIndex(
    [
        (p, p)
        for p in ("cross-border", "cross border crime", "O'Neil", "a - b", "x -- y", "A", "AB")
    ],
    case_sensitive=False,
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcrosdeilnxyABO'’ -–", max_size=60))
def test_tolerant_spellings_match_like_the_plain_alternation(text: str) -> None:
    assert [(h.start, h.end) for h in TOLERANT.find(text)] == [
        s for s in _plain_spans(TOLERANT, text) if TOLERANT.lookup(text[s[0] : s[1]])
    ]
