"""Words compared by a crude stem, so 'returns' meets 'returned' when a follow-up's items
are matched to commitments (``graph.followup.matching``); a word for a seat of joint work
('cell', 'office') meets any other, and a noun of a kind of measure ('link', 'channel')
the others of its kind."""

from __future__ import annotations

import re
from functools import cache

from graph.lexicon import lexicon

_WORD = re.compile(r"[^\W\d_][\w'-]*|\d[\d,.]*\d|\d", re.UNICODE)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ers", "ed", "es", "er", "s")
_NUMBER = re.compile(r"^\d[\d,.]*$")


def is_number(word: str) -> bool:
    """Whether a stem is a number ('1,120', '30')."""
    return bool(_NUMBER.match(word))


def stem(word: str) -> str:
    word = word.casefold().strip("'-")
    if _NUMBER.match(word):
        return word.replace(",", "")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return _undoubled(word[: -len(suffix)])
    if word.endswith("s") and not word.endswith("ss") and len(word) == 4:
        return word[:-1]  # a short plural: 'bags' meets 'bag', 'guns' meets 'gun'
    return word


def _undoubled(stem_: str) -> str:
    """'enroll' (of 'enrolled') → 'enrol', as 'enrolment' gives: a doubled final consonant
    is one letter (Porter's step 1b)."""
    if len(stem_) > 4 and stem_[-1] == stem_[-2] and stem_[-1] not in "aeiouls":
        return stem_[:-1]
    if stem_.endswith("ll") and len(stem_) > 5:
        return stem_[:-1]
    return stem_


#: The stem that stands for every word of a place where officers of the parties work side
#: by side: reports call the Tripartite Drug Intelligence Cell 'the intelligence office that
#: the pact created in Bamako', and a maritime coordination cell 'the joint maritime centre'.
#: No word of a text stems to it.
_SEAT = "~seat"


@cache
def _seat_words() -> frozenset[str]:
    """The ontology's words for such a place (``pg:seatCue``), compared as written and in the
    singular: a seat is one place ('the joint cell'), where 'offices' and 'centres' are
    often many national ones; and the crude stem of 'center' is that of 'per cent'."""
    return lexicon().seat_words


def _kin(word: str) -> frozenset[str]:
    """The kinds of measure a noun names (``pg:kinCue``: 'link' and 'channel' name one), so
    an item's 'evidence link' meets a commitment's 'Evidence Channel'. Each kind is a stem no
    word of a text stems to: it is an IRI."""
    return lexicon().kin_words.get(word.casefold(), frozenset())


def stems(text: str) -> set[str]:
    """Content stems of ``text``: words of three letters or more, and numbers; a
    hyphenated word counts as its parts ('early-warning' meets 'Early Warning'); a word for
    a seat of joint work adds the stem they share (``_SEAT``), a noun of a kind of measure
    the kind (``_kin``)."""
    words = _WORD.findall(text)
    words += [part for w in words if "-" in w for part in w.split("-")]
    found = {stem(w) for w in words if len(w) >= 3 or (w and w[0].isdigit())}
    found |= {k for w in words for k in _kin(w)}
    return found | {_SEAT} if any(w.casefold() in _seat_words() for w in words) else found


def label_words(text: str) -> list[frozenset[str]]:
    """A label's words, each as the stems that may stand for it: a hyphenated word counts
    once, met by itself or by any of its parts ('Anti-Drone' by 'drone'), so 'level' in
    'Secretary-level Talks' does not weigh as much as 'talks'; a word for a seat of joint
    work ('Cell') is met by any other ('office')."""
    return [
        frozenset(
            {stem(w)}
            | {stem(part) for part in w.split("-") if len(part) >= 3}
            | ({_SEAT} if w.casefold() in _seat_words() else set())
            | _kin(w)
        )
        for w in dict.fromkeys(_WORD.findall(text))
        if len(w) >= 3 or w[0].isdigit()
    ]
