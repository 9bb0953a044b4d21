"""Which language a document, and each of its blocks, is written in.

py3langid (a maintained, dependency-light port of langid.py, restricted here
to the four languages of the genre) names the language of the document from
its running text, and of each block on its own: an English release may quote
a Spanish table. A block too short to tell, or told with little confidence,
is in the document's language.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from graph.documents.model import Block, BlockKind, Document

LANGUAGES = ("en", "es", "fr", "pt")
_MIN_LETTERS = 30
_CONFIDENT = 0.95
_PROSE = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.BULLET_LIST)


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def load_model() -> None:
    """Read the language model now (some 0.6 s): a process that forks workers calls this
    first, so they share one copy instead of each reading its own."""
    _identifier()


def identify(text: str) -> tuple[str, float]:
    """The language of ``text`` among the four, and the model's confidence in it."""
    language, confidence = _identifier().classify(text)
    return str(language), float(confidence)


@dataclass(frozen=True)
class Languages:
    """The document's language and, block by block, the language of each stretch of text."""

    document: str
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    block_languages: tuple[str, ...] = ()

    def at(self, offset: int) -> str:
        """The language of the block holding ``offset``, else the document's."""
        index = bisect_right(self.starts, offset) - 1
        if 0 <= index < len(self.starts) and offset < self.ends[index]:
            return self.block_languages[index]
        return self.document

    @property
    def present(self) -> frozenset[str]:
        return frozenset({self.document, *self.block_languages})


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _block_text(block: Block) -> str:
    """What a block says, without the pipes and dashes of a table's layout."""
    if block.kind is BlockKind.TABLE:
        rows = ([block.header] if block.header else []) + list(block.rows)
        return " . ".join(cell.span.text for row in rows for cell in row.cells)
    return block.span.text


def detect(document: Document) -> Languages:
    """The languages of ``document``: its prose decides its own, each long block its own."""
    prose = " ".join(b.span.text for b in document.blocks if b.kind in _PROSE)
    text = prose if _letters(prose) >= _MIN_LETTERS else document.text
    language = identify(text)[0] if _letters(text) else "en"
    starts, ends, found = [], [], []
    for block in document.blocks:
        said = _block_text(block)
        block_language = language
        if _letters(said) >= _MIN_LETTERS:
            guess, confidence = identify(said)
            if confidence >= _CONFIDENT:
                block_language = guess
        starts.append(block.span.start)
        ends.append(block.span.end)
        found.append(block_language)
    return Languages(language, tuple(starts), tuple(ends), tuple(found))
