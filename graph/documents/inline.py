"""Markdown inline markup → plain text, for labels taken from Markdown documents.

Evidence keeps the exact source text ("**Financial Pressure**"); the label a
researcher reads is the text without its markup ("Financial Pressure").
markdown-it-py parses the inline syntax (emphasis, links, code, escapes).
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def plain(text: str) -> str:
    """The visible text of one line of Markdown inline content."""
    tokens = _parser().parseInline(text)
    parts: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return " ".join("".join(parts).split())
