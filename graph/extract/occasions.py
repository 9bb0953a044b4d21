"""Occasions and recurring products pledged in lower case, named by what is held and who holds it.

A body the agreement sets up is mostly pledged by name ("a Binational Security
Committee … will meet twice a year", ``bodies``). Occasions are as often pledged in plain
words after "will hold" or "will prepare": "Border commanders will hold a border liaison
meeting every two weeks" pledges the "Border Liaison Meeting". A short name says little
on its own ("a flag meeting", "a videoconference"), and readers name it by who holds it:
"BGB sector commanders and BGP battalion commanders will hold a flag meeting every month"
pledges the "Sector Commanders' Flag Meeting". Who holds it is the clause's subject, an
office-holders' group, never the parties themselves ("the two sides").
"""

from __future__ import annotations

import re

from graph.documents.model import Span
from graph.extract.body_names import is_body_name
from graph.language import grammar
from graph.lexicon import Lexicon

#: 'will hold a border liaison meeting', 'shall hold a flag meeting', 'will together prepare
#: a joint threat assessment', 'will also hold a joint interdiction exercise at sea', 'will
#: hold a videoconference' (one word, named only with its holders).
_HOLD_AN_OCCASION = re.compile(
    r"\b(?:will|shall)\s+(?:together\s+|jointly\s+|also\s+|further\s+)?"
    r"(?:hold|prepare|produce|publish|issue|conduct|draw\s+up)\s+an?\s+((?:[a-z][a-z-]*\s*){1,5})"
)
#: Who holds an occasion, as the clause's subject: 'BGB sector commanders and BGP battalion
#: commanders', 'the national focal points of the three States' → 'sector commanders',
#: 'national focal points'.
_HOLDERS = re.compile(
    r"(?:^|,\s+)(?:[Tt]he\s+)?((?:[A-Z]{2,}\s+)?(?:[A-Za-z]+\s+){0,2}[A-Za-z]+s)"
    r"(?=\s+(?:of|and)\b|\s*$)"
)
#: An occasion named in fewer words than this is named with its holders too ('flag meeting'
#: held by sector commanders → "Sector Commanders' Flag Meeting").
_BARE_OCCASION_WORDS = 3


def occasion_held(lexicon: Lexicon, clause: Span) -> str | None:
    """The occasion or recurring product a clause pledges, named in lower case: 'Border
    commanders will hold a border liaison meeting every two weeks' → 'Border Liaison
    Meeting'; 'will together prepare a joint threat assessment of the corridor every
    quarter' → 'Joint Threat Assessment'."""
    match = _HOLD_AN_OCCASION.search(clause.text)
    words = match.group(1).split() if match is not None else []
    connectors = grammar.words(grammar.CONNECTORS, lexicon.languages)
    holders = _holders(lexicon, clause.text[: match.start()]) if match is not None else None
    for size in range(1, len(words) + 1):
        name = " ".join(word if word in connectors else word.capitalize() for word in words[:size])
        if not (
            is_body_name(lexicon, name) or is_body_name(lexicon, name, lexicon.deliverable_heads)
        ):
            continue
        if size < _BARE_OCCASION_WORDS and holders:
            return f"{holders}' {name}"
        if size > 1:
            return name
    return None


def _holders(lexicon: Lexicon, subject: str) -> str | None:
    """The office-holders a clause's subject names ('At field level, BGB sector commanders
    and BGP battalion commanders' → 'Sector Commanders'), without acronyms, numbers,
    nationalities and pronouns ('the two ministers themselves'), and not the parties ('the
    two sides')."""
    found = list(_HOLDERS.finditer(subject.rstrip()))
    if not found:
        return None
    dropped = grammar.numbers(lexicon.languages).keys() | grammar.words(
        grammar.REFLEXIVES, lexicon.languages
    )
    words = [
        w
        for w in found[-1].group(1).split()
        if not (w.isupper() or w.casefold() in dropped or _is_demonym(lexicon, w))
    ]
    if (
        not words
        or words[-1].casefold() in grammar.words(grammar.PARTY_WORDS, lexicon.languages)
        or not all(w.isalpha() for w in words)
    ):
        return None
    return " ".join(w.capitalize() for w in words)


def _is_demonym(lexicon: Lexicon, word: str) -> bool:
    """'Bolivian' in 'Bolivian sector commanders': whose they are, not what they are."""
    return any(hit.end - hit.start == len(word) for hit in lexicon.demonyms.find(word))
