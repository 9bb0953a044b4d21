"""Finding known phrases in text: the one matcher every recogniser shares.

Phrases come from labels in the ontology. A phrase matches on word
boundaries; a space in it matches any run of spaces or a hyphen, a hyphen is
optional, and a straight apostrophe matches a curly one, so "cross-border",
"cross border" and "crossborder" are one phrase. A letter matches itself
with or without an accent, so "Guiné-Bissau", "Guiné-Bissáu" and
"Guine-Bissau" are one name, and "tráfico de armas" is also found unaccented.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from graph.extract.scanning import Unit, alternation

V = TypeVar("V")

# The accented forms of the letters the Romance languages accent.
_ACCENTED = {
    "a": "aàáâãäå", "e": "eèéêë", "i": "iìíîï", "o": "oòóôõö", "u": "uùúûü", "c": "cç",
    "n": "nñ", "y": "yýÿ",
}  # fmt: skip


def alternatives(words: Iterable[str]) -> str:
    """A regular expression's alternation of ``words`` as written, longest first so that a
    longer word wins over its own start ('arrangements' before 'arrangement')."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def unaccented(text: str) -> str:
    """'tráfico de armas' → 'trafico de armas'."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


#: Dashes and the typographic apostrophe, each to its ASCII form when text is folded.
_PUNCTUATION_FOLDED = {"‐": "-", "‑": "-", "–": "-", "’": "'"}


def _folding_table() -> dict[int, str]:
    """Each precomposed accented Latin letter → its bare letter, one character for one; and
    the dashes and apostrophe a phrase tolerates → their ASCII forms, so that a pattern over
    folded text needs ASCII character classes only (a class holding other characters costs
    ``re`` a table of every code point to compile: seconds over a gazetteer)."""
    table = {ord(char): plain for char, plain in _PUNCTUATION_FOLDED.items()}
    for code in range(0xC0, 0x250):
        bare = unaccented(chr(code))
        if len(bare) == 1 and bare != chr(code) and bare.isascii():
            table[code] = bare
    return table


_FOLDING = _folding_table()


def folded(text: str) -> str:
    """``text`` without accents, the same length, so offsets into it are offsets into ``text``."""
    return text.translate(_FOLDING)


def _letter(char: str) -> str:
    """A pattern for one letter that also matches its accented and unaccented forms."""
    base = unaccented(char)
    forms = _ACCENTED.get(base.lower())
    if forms is None or len(base) != 1:
        return re.escape(char)
    return f"[{forms.upper() if char.isupper() else forms}]"


@dataclass(frozen=True)
class Hit(Generic[V]):
    """A phrase found at ``start``..``end`` of the text, standing for ``values``."""

    start: int
    end: int
    text: str
    values: tuple[V, ...]


def phrase_key(text: str, *, case_sensitive: bool) -> str:
    """The form under which two spellings of one phrase compare equal."""
    key = re.sub(r"[\s\-‐‑–]+", "", unaccented(text).replace("’", "'"))
    return key if case_sensitive else key.casefold()


#: Between two words of a phrase: any run of spaces and dashes (also read by the crime
#: matcher, which joins the words of its variants with it).
GAP = r"[\s\-‐‑–]+"
_HYPHEN = r"[\s\-‐‑–]?"
_APOSTROPHE = "['’]"
#: The same tolerances over ``folded`` text, where every dash is '-' and every apostrophe "'".
_FOLDED_GAP = r"[\s\-]+"
_FOLDED_HYPHEN = r"[\s\-]?"
_FOLDED_APOSTROPHE = "'"


def phrase_units(phrase: str, *, case_sensitive: bool = True, accents: bool = True) -> list[Unit]:
    """The pieces of ``phrase``'s pattern with the tolerances above, without word boundaries.

    With ``accents=False`` letters match only themselves and dashes and apostrophes only their
    ASCII forms: for scanning a ``folded`` text with a folded phrase, which finds the same
    matches and compiles far faster than classes of characters beyond ASCII.
    """
    letter = _letter if accents else re.escape
    gap, hyphen, apostrophe = (
        (GAP, _HYPHEN, _APOSTROPHE)
        if accents
        else (_FOLDED_GAP, _FOLDED_HYPHEN, _FOLDED_APOSTROPHE)
    )
    units: list[Unit] = []
    merged = False
    for char in phrase.strip():
        if char.isspace():
            unit = Unit(gap)
        elif char in "-‐‑–":
            if units and units[-1].regex == gap and not merged:
                merged = True  # " - " in a phrase: the gap already takes one hyphen
                continue
            unit = Unit(hyphen)
        elif char in "'’":
            unit = Unit(apostrophe)
        else:
            unit = Unit(letter(char), letter(char if case_sensitive else char.lower()))
        merged = False
        units.append(unit)
    return units


def phrase_body(phrase: str) -> str:
    """A regular expression for ``phrase`` with the tolerances above, without word boundaries."""
    return "".join(unit.regex for unit in phrase_units(phrase))


def _bounded_units(phrase: str, *, case_sensitive: bool, accents: bool = True) -> tuple[Unit, ...]:
    """``phrase_units`` with the word boundaries, the look-behind fused into the first character."""
    units = phrase_units(phrase, case_sensitive=case_sensitive, accents=accents)
    if phrase[:1].isalnum():
        first = units[0]
        units[0] = Unit(_BEFORE + first.regex, f"word:{first.key}")
    if phrase[-1:].isalnum():
        units.append(Unit(_AFTER))
    return tuple(units)


_BEFORE = r"(?<![\w])"
_AFTER = r"(?![\w])"


def phrase_pattern(phrase: str) -> str:
    """A regular expression for ``phrase`` that matches on word boundaries only."""
    return "".join(unit.regex for unit in _bounded_units(phrase, case_sensitive=True))


class PhraseIndex(Generic[V]):
    """Many phrases compiled into one scan; the longest phrase wins where several start together.

    The scan is one prefix tree of the phrases (``graph.extract.scanning``), built once per
    index: the lexicon is cached per process, so every document reuses it. Phrases and text
    are both ``folded`` before the scan, so a letter matches with or without its accent.
    """

    def __init__(self, phrases: Iterable[tuple[str, V]], *, case_sensitive: bool) -> None:
        self._case_sensitive = case_sensitive
        self._values: dict[str, list[V]] = {}
        kept = [(phrase.strip(), value) for phrase, value in phrases if phrase.strip()]
        for phrase, value in kept:
            bucket = self._values.setdefault(phrase_key(phrase, case_sensitive=case_sensitive), [])
            if value not in bucket:
                bucket.append(value)
        # Longest first: where several phrases start together, the longest is tried first.
        self.phrases = tuple(sorted({phrase for phrase, _ in kept}, key=len, reverse=True))
        self.flags = 0 if case_sensitive else re.IGNORECASE
        self._regex = self._scan(case_sensitive)

    def _scan(self, case_sensitive: bool) -> re.Pattern[str] | None:
        """The prefix tree of the phrases, those starting a word behind one word-start test.

        Every phrase that begins with a letter or digit opens with the same look-behind;
        tested once in front of the tree, it turns away a position inside a word or on a
        space before any branch is tried (a quarter of the time on a gazetteer). A phrase
        that begins otherwise ("(", "'") can never match where a word starts, so the two
        groups never compete for a position and the first match in order still wins.
        """
        groups = ([], [])
        for phrase in self.phrases:
            units = _bounded_units(folded(phrase), case_sensitive=case_sensitive, accents=False)
            groups[0 if phrase[:1].isalnum() else 1].append(units)
        words, others = (alternation(group) for group in groups)
        branches = [
            *([f"{_BEFORE}(?=\\w)(?:{words})"] if words else []),
            *([others] if others else []),
        ]
        return re.compile("|".join(branches), self.flags) if branches else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit[V]]:
        """Non-overlapping hits in ``text[start:end]``, left to right, offsets into ``text``."""
        if self._regex is None:
            return []
        stop = len(text) if end is None else end
        hits = []
        for match in self._regex.finditer(folded(text), start, stop):
            found = text[match.start() : match.end()]
            key = phrase_key(found, case_sensitive=self._case_sensitive)
            values = self._values.get(key)
            if values:
                hits.append(Hit(match.start(), match.end(), found, tuple(values)))
        return hits

    def lookup(self, phrase: str) -> tuple[V, ...]:
        """The values of exactly this phrase (no scanning)."""
        key = phrase_key(phrase.strip(), case_sensitive=self._case_sensitive)
        return tuple(self._values.get(key, ()))
