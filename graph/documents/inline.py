"""Markdown inline markup → plain text, for labels taken from Markdown documents.

Evidence keeps the exact source text ("**Financial Pressure**"); the label a
researcher reads is the text without its markup ("Financial Pressure").
markdown-it-py parses the inline syntax (emphasis, links, code, escapes).
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

#: The characters CommonMark's inline rules act on (escapes, code, emphasis, links,
#: images, autolinks and HTML, entities). A line without any is its own visible text.
_MARKUP = re.compile(r"[\\`*_\[\]!<&]")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def plain(text: str) -> str:
    """The visible text of one line of Markdown inline content.

    Most labels hold no markup at all; they skip the parser, which cost a document's
    build a fifth of its time."""
    if not _MARKUP.search(text):
        return " ".join(text.split())
    return parsed_plain(text)


def parsed_plain(text: str) -> str:
    """``plain`` by the parser alone, whatever the text holds."""
    tokens = _parser().parseInline(text)
    parts: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return " ".join("".join(parts).split())
