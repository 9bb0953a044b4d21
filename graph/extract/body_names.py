"""What a capitalized name found by its shape names, when it reads as a body's.

A run of capitalized words may hold more than a body's name, or something else: the title
of an office a person holds ("Minister of Police", "Chief of the National Police Agency",
cues ``pg:officeTitleCue``), a media outlet whose name ends like a body's ("Oman News
Agency", cues ``pg:mediaHeadCue``), or the place the body sits in ("Ministry of Interior
in Castries"). These functions keep the body's own name, or refuse the run.
"""

from __future__ import annotations

import re

from graph.documents.model import Span
from graph.extract.phrases import PhraseIndex
from graph.language import grammar
from graph.lexicon import Lexicon

#: What joins an office's title to the body it is held in: 'Chief of the', 'Head of the'.
#: Without the article the title goes on ('Minister of Police', 'Secretary of State for
#: Security'): an office, not a body.
_OFFICE_OF = re.compile(r"\s+(?:of|for)\s+the\s+")


def as_body_name(lexicon: Lexicon, text: str, name: Span) -> Span | None:
    """The body ``name`` (a span of ``text``) names: what follows the title of an office
    ('Chief of the National Police Agency' → 'National Police Agency'), without the place
    after it ('Ministry of Interior in Castries' → 'Ministry of Interior'). None for an
    office with no body after it ('Minister of Police') and for a media outlet."""
    if is_media_name(lexicon, name.text):
        return None
    title = next((h for h in lexicon.office_titles.find(name.text) if h.start == 0), None)
    if title is not None:
        office = _OFFICE_OF.match(name.text, title.end)
        if office is None:
            return None
        start = name.start + office.end()
        name = Span(start, name.end, text[start : name.end])
        if len(name.text.split()) < 2:
            return None
    places = grammar.words(grammar.PLACE_PREPOSITIONS, lexicon.languages)
    words = list(re.finditer(r"\S+", name.text))
    for index, word in enumerate(words[2:-1], start=2):
        if word.group() in places and _names_a_place(
            lexicon, name.text[words[index + 1].start() :]
        ):
            end = name.start + words[index - 1].end()
            return Span(name.start, end, text[name.start : end])
    return name


def is_media_name(lexicon: Lexicon, name: str) -> bool:
    """Whether ``name`` ends in the head of a media outlet's name ('News Agency')."""
    return any(hit.end == len(name) for hit in lexicon.media_heads.find(name))


def _names_a_place(lexicon: Lexicon, text: str) -> bool:
    """Whether ``text`` is a nation or a capital the lexicon knows, and nothing more."""
    return any(
        hit.start == 0 and hit.end == len(text)
        for index in (lexicon.capitals, lexicon.nations)
        for hit in index.find(text)
    )


def is_body_name(lexicon: Lexicon, name: str, heads: PhraseIndex[str] | None = None) -> bool:
    """'Binational Security Committee', 'Commission on Defence and Security': a head word last,
    or followed by of / on / for."""
    openers = grammar.words(grammar.NAME_PREPOSITIONS, lexicon.languages)
    for head in (heads or lexicon.body_heads).find(name):
        after = name[head.end :].split()
        if not after or after[0] in openers:
            return True
    return False
