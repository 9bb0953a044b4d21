"""Finding known phrases in text: the one matcher every recogniser shares.

Phrases come from labels in the ontology. A phrase matches on word
boundaries; a space in it matches any run of spaces or a hyphen, a hyphen is
optional, and a straight apostrophe matches a curly one, so "cross-border",
"cross border" and "crossborder" are one phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")


@dataclass(frozen=True)
class Hit(Generic[V]):
    """A phrase found at ``start``..``end`` of the text, standing for ``values``."""

    start: int
    end: int
    text: str
    values: tuple[V, ...]


def phrase_key(text: str, *, case_sensitive: bool) -> str:
    """The form under which two spellings of one phrase compare equal."""
    key = re.sub(r"[\s\-‐‑–]+", "", text.replace("’", "'"))
    return key if case_sensitive else key.casefold()


def phrase_body(phrase: str) -> str:
    """A regular expression for ``phrase`` with the tolerances above, without word boundaries."""
    parts = []
    for char in phrase.strip():
        if char.isspace():
            parts.append(r"[\s\-‐‑–]+")
        elif char in "-‐‑–":
            parts.append(r"[\s\-‐‑–]?")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    # Collapse runs like "[\s-]+[\s-]?" that arise from " - " in a phrase.
    return body.replace(r"[\s\-‐‑–]+[\s\-‐‑–]?", r"[\s\-‐‑–]+")


def phrase_pattern(phrase: str) -> str:
    """A regular expression for ``phrase`` that matches on word boundaries only."""
    body = phrase_body(phrase)
    before = r"(?<![\w])" if phrase[:1].isalnum() else ""
    after = r"(?![\w])" if phrase[-1:].isalnum() else ""
    return before + body + after


class PhraseIndex(Generic[V]):
    """Many phrases compiled into one scan; the longest phrase wins where several start together."""

    def __init__(self, phrases: Iterable[tuple[str, V]], *, case_sensitive: bool) -> None:
        self._case_sensitive = case_sensitive
        self._values: dict[str, list[V]] = {}
        kept = [(phrase.strip(), value) for phrase, value in phrases if phrase.strip()]
        for phrase, value in kept:
            bucket = self._values.setdefault(phrase_key(phrase, case_sensitive=case_sensitive), [])
            if value not in bucket:
                bucket.append(value)
        self._regex = self._compile(phrase for phrase, _ in kept)

    def _compile(self, phrases: Iterable[str]) -> re.Pattern[str] | None:
        ordered = sorted(set(phrases), key=len, reverse=True)
        if not ordered:
            return None
        flags = 0 if self._case_sensitive else re.IGNORECASE
        return re.compile("|".join(f"(?:{phrase_pattern(p)})" for p in ordered), flags)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit[V]]:
        """Non-overlapping hits in ``text[start:end]``, left to right, offsets into ``text``."""
        if self._regex is None:
            return []
        stop = len(text) if end is None else end
        hits = []
        for match in self._regex.finditer(text, start, stop):
            key = phrase_key(match.group(), case_sensitive=self._case_sensitive)
            values = self._values.get(key)
            if values:
                hits.append(Hit(match.start(), match.end(), match.group(), tuple(values)))
        return hits

    def lookup(self, phrase: str) -> tuple[V, ...]:
        """The values of exactly this phrase (no scanning)."""
        key = phrase_key(phrase.strip(), case_sensitive=self._case_sensitive)
        return tuple(self._values.get(key, ()))
