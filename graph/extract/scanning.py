"""Scanning text for thousands of phrases at once, fast, with exactly the matches of a plain scan.

A lexicon index is an ordered alternation ``(?:p1)|(?:p2)|...``: at each
position the first alternative that matches wins. Python's ``re`` tries every
alternative at every position, so a gazetteer of two thousand names costs two
thousand attempts per character (the profile in ``bench/README.md`` put most
of a document's extraction time there).

This module builds the same alternation as a prefix tree: alternatives that
begin with the same literal character share one branch, so a position is
tried only against the phrases that can start there. Branches are formed only
within runs of alternatives that begin with a literal character; two such
alternatives with different first characters can never both match at one
position, so regrouping them keeps "the first alternative in order wins" —
the matches are identical to the plain alternation's, only found sooner.

For patterns that cannot share a tree (the crime matcher scans each variant
on its own, overlaps included), ``required_words`` gives the literal words a
match must contain, so a variant is run only on text that holds them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_DEPTH = 6  # characters shared in the tree; deeper adds pattern size for little speed


@dataclass(frozen=True)
class Unit:
    """One piece of a phrase pattern: a literal character (``key``) or anything else."""

    regex: str
    key: str | None = None


Units = tuple[Unit, ...]


def _branches(items: Sequence[Units], depth: int) -> str:
    """An alternation matching as ``|``-joined ``items`` in order would, literal prefixes shared."""
    if depth >= _DEPTH or len(items) == 1:
        return "|".join("".join(u.regex for u in units) for units in items)
    parts: list[str] = []
    run: dict[str, list[Units]] = {}

    def flush() -> None:
        for tails in run.values():
            rest = [units[1:] for units in tails]
            shared = "" if all(not units for units in rest) else f"(?:{_branches(rest, depth + 1)})"
            parts.append(tails[0][0].regex + shared)
        run.clear()

    for units in items:
        if units and units[0].key is not None:
            run.setdefault(units[0].key, []).append(units)
        else:
            flush()
            parts.append("".join(u.regex for u in units))
    flush()
    return "|".join(parts)


def alternation(items: Sequence[Units]) -> str | None:
    """One pattern matching exactly as ``(?:item1)|(?:item2)|...`` would; None for no items.

    Returned as text, for the caller to compile once with what surrounds it: compiling a
    gazetteer's tree is most of the time a process spends reading the lexicon.
    """
    return _branches(list(items), 0) if items else None


def required_words(phrase: str, minimum: int = 3) -> tuple[str, ...]:
    """Lower-cased runs of letters and digits every spelling of ``phrase`` keeps (≥ minimum)."""
    return tuple(w.lower() for w in re.findall(r"[^\W_]+", phrase) if len(w) >= minimum)
