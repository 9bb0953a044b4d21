"""Matching crime phrases with the inflections news text gives them.

The phrases are the SKOS labels of the crime scheme. Beyond the phrase as
written, the matcher accepts the forms English builds from it, so curators
list base phrases only:
- the last word inflected: "trafficking" → "traffickers", "trafficked";
  "homicide" → "homicides";
- an "-ing" phrase inverted: "arms trafficking" → "trafficking of arms",
  "trafficking in illicit arms", "smuggling of cattle and other goods";
- its verb: "migrant smuggling" → "smuggle migrants", "money laundering" →
  "laundered money";
- coordinated modifiers: "drug and arms trafficking" counts for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.phrases import phrase_body, phrase_pattern

_GAP = r"[\s\-‐‑–]+"
_QUALIFIER = r"(?:(?:the|illegal|illicit|illegally|unlawful|small)\s+)*"


@dataclass(frozen=True)
class CrimeHit:
    start: int
    end: int
    text: str
    key: str


def _inflected_last_word(word: str) -> str:
    """A pattern for the last word with its plural and, for '-ing' nouns, agent/participle forms."""
    if word.endswith("ing") and len(word) > 5:
        stem = phrase_body(word[:-3])
        return rf"{stem}(?:ing|ings|ers?|ed)"
    if word.endswith("y") and len(word) > 3:
        return rf"{phrase_body(word[:-1])}(?:y|ies)"
    return rf"{phrase_body(word)}(?:s|es)?"


def _verb(word: str) -> str:
    """The verb of an '-ing' noun: 'smuggling' → smuggle(s/d), 'trafficking' → traffic(s/ked)."""
    stem = phrase_body(word[:-3])
    if word[:-3].endswith("ck"):
        return rf"(?:{stem}ed|{phrase_body(word[:-4])}s?)"
    return rf"{stem}(?:e|es|ed|s)?"


def phrase_variants(phrase: str) -> list[str]:
    """Regular expressions for every form of ``phrase`` described in the module docstring."""
    words = phrase.split()
    if not words or not words[-1][-1:].isalpha() or len(words[-1]) < 4:
        return [phrase_pattern(phrase)]
    head = _inflected_last_word(words[-1])
    modifier = _GAP.join(phrase_body(w) for w in words[:-1])
    start = r"(?<![\w])"
    end = r"(?![\w])"
    if len(words) == 1:
        return [start + head + end]
    variants = [start + modifier + _GAP + head + end]
    if words[-1].endswith("ing"):
        between = rf"\s+{_QUALIFIER}(?:[\w\-]+\s+){{0,3}}?"
        plural = r"(?:s|es)?"
        variants.append(start + head + r"\s+(?:of|in)" + between + modifier + plural + end)
        variants.append(start + _verb(words[-1]) + between + modifier + plural + end)
        coordinated = r"(?:\s*,\s*[\w\-]+|\s+(?:and|or|&)\s+[\w\-]+)+"
        # Only the modifier is the hit ("drug" in "drug and arms trafficking"), so the
        # other category's own phrase is not swallowed by this one.
        variants.append(start + modifier + rf"(?={coordinated}{_GAP}{head}{end})")
    return variants


class CrimeMatcher:
    """Finds every crime category named in a text span."""

    def __init__(self, phrases: list[tuple[str, str]]) -> None:
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        seen: set[tuple[str, str]] = set()
        for phrase, key in phrases:
            for variant in phrase_variants(phrase.strip()):
                if (variant, key) not in seen:
                    seen.add((variant, key))
                    self._patterns.append((re.compile(variant, re.IGNORECASE), key))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CrimeHit]:
        stop = len(text) if end is None else end
        hits = [
            CrimeHit(m.start(), m.end(), m.group(), key)
            for pattern, key in self._patterns
            for m in pattern.finditer(text, start, stop)
        ]
        return sorted(_outermost(hits), key=lambda h: (h.start, -h.end))


def _outermost(hits: list[CrimeHit]) -> list[CrimeHit]:
    """Drop hits inside a longer one: "customs fraud" is smuggling, not also fraud."""
    return [
        hit
        for hit in hits
        if not any(
            other.start <= hit.start
            and hit.end <= other.end
            and other.end - other.start > hit.end - hit.start
            for other in hits
        )
    ]
