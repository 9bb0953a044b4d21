"""Where a follow-up says the parties added a measure to their agreement.

Reports announce new measures in many words: a fixed phrase of the ontology ('not part of
the original plan', 'agreed to set up') or a decision and a creation a few words apart
('the ministers agreed in Athens to create', 'a cyber-patrol unit would be set up', 'asked
officials to propose'), both word lists read from the ontology too.
"""

from __future__ import annotations

import re

from graph.extract.phrases import Hit
from graph.lexicon import Lexicon
from graph.namespaces import PG

#: Words that may stand between a decision and its creation ('agreed in Athens to create').
_GAP_WORDS = 4
_BREAK = re.compile(r"[.,;:!?()]")


def addition_cues(lex: Lexicon, text: str) -> list[Hit]:
    """The phrases of ``text`` that say a measure was added, first one first."""
    fixed = lex.cue_index(PG.AdditionStatusAssertion).find(text)
    if fixed:
        return list(fixed)
    creations = lex.creation_words.find(text)
    for decision in lex.decision_words.find(text):
        for creation in creations:
            gap = text[decision.end : creation.start]
            if creation.start >= decision.end and _within(gap):
                start, end = decision.start, creation.end
                return [Hit(start, end, text[start:end], (str(PG.AdditionStatusAssertion),))]
    return []


def _within(gap: str) -> bool:
    """Whether a decision and a creation this far apart make one phrase."""
    return len(gap.split()) <= _GAP_WORDS and not _BREAK.search(gap)
