"""A status weighed against the figure reported beside it: '1,100 of the 1,500 officials
had completed the course' is under way, not fulfilled, and 'held five of its six meetings;
the sixth was cancelled' is part of what was promised. ``graph.followup.values`` reads the
words of status; this module checks them against the count."""

from __future__ import annotations

import re

from graph.followup.facts import (
    ABANDONED,
    DELAYED,
    FULFILLED,
    IN_PROGRESS,
    PARTLY_FULFILLED,
    PLEDGED,
    Figure,
)
from graph.followup.figures import AGAINST_PLANNED, counts_occasions, some_of
from graph.followup.numerals import ORDINAL
from graph.followup.values import reports_occasion, status_in
from graph.lexicon import Lexicon

#: A body named by where it was set up ('The Committee established under the Roadmap of 14
#: March'): the words say how it began, not what became of it.
_SET_UP_EARLIER = re.compile(
    r"\b(?:established|set\s+up|created|formed)\s+(?:under|by|in|at|through)\b", re.IGNORECASE
)


#: Occasions of a rhythm that were held ('3 of 4 quarterly sessions held', 'only one of the
#: three reports due so far has been produced'): a missed one is not made up later. Not
#: work 'held up' or 'held back', which is delayed.
_OCCASIONS_HELD = re.compile(
    r"\b(?:held(?!\s+(?:up|back)\b)|produced|took\s+place|convened)\b", re.IGNORECASE
)


#: One of a series by its ordinal ('the first regional report on drug trends, published in
#: April', 'The second joint threat picture … was completed'): the series goes on.
_ONE_OF_A_SERIES = re.compile(
    rf"\b(?:{ORDINAL})\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:report|edition|issue|picture|assessment|bulletin|round|cohort|batch|phase)\b",
    re.IGNORECASE,
)


#: What a clause after a figure of some may speak of: 'the others', 'the rest', 'the remaining'.
_THE_REST = re.compile(r"(?:the\s+)?(?:others|other\s+[a-z]+|rest|remaining|remainder)\b", re.I)


def rest_given_up(lex: Lexicon, figure: Figure | None, following: str) -> bool:
    """Whether a clause gives up the rest of a figure of some ('17 of the 20 patrols went
    ahead; the others were called off'): what was done stands, partial fulfilment."""
    return (
        some_of(figure)
        and bool(_THE_REST.match(following))
        and status_in(lex, following) == ABANDONED
    )


#: A measure that came to its end with what it did, which stands ('the course closed at the
#: end of December with 52 of the 60 officers'); not things closed ('31 of 40 depots closed').
_ENDED = re.compile(
    r"\b(?:closed|ended|came\s+to\s+an\s+end|wound\s+up|concluded|finished)\b[^.;]{0,40}?"
    r"\bwith\b",
    re.IGNORECASE,
)


def _ended_short(figure: Figure | None, text: str) -> bool:
    return figure is not None and figure.short_of_target and bool(_ENDED.search(text))


def checked_status(status: str, figure: Figure | None, text: str) -> str:
    """'1,100 of the 1,500 officials had completed the course' is under way, not fulfilled:
    a figure short of its target overrides a word of completion. 'Behind: 3 of 4 quarterly
    sessions held' is part of what was promised, delivered: late words over a count of some
    of the occasions held are partial fulfilment; a count of things installed so far
    ('9 of 14 terminals; remaining sites by mid-2025') can still be completed: delayed.
    Some of the occasions planned ('met three times instead of the four times foreseen')
    are partial fulfilment whatever else the clause says. A target reached is fulfilled,
    whatever word of work going on is near, unless it counts occasions of a rhythm that
    goes on ('11 of 11 monthly sessions held'). A measure that ended short of its target
    ('closed at the end of December with 52 of the 60 officers') is partly fulfilled."""
    if status in (PLEDGED, IN_PROGRESS, FULFILLED) and _ended_short(figure, text):
        return PARTLY_FULFILLED
    if status == PLEDGED and figure is not None and figure.reached is not None and figure.target:
        # '173 returned by sea, above the 150 agreed': the word of the pledge names the target
        if figure.target_reached:
            return FULFILLED
        # 'carried out 71 of the 96 patrols it had pledged': the missed ones are gone
        return PARTLY_FULFILLED if counts_occasions(figure, text) else IN_PROGRESS
    if status == FULFILLED and figure is not None and figure.short_of_target:
        return IN_PROGRESS
    if (
        status == IN_PROGRESS
        and figure is not None
        and figure.target_reached
        and not counts_occasions(figure, text)
    ):
        return FULFILLED  # 'answered in 94 per cent of cases, beating the 90 per cent target'
    if status == FULFILLED and _ONE_OF_A_SERIES.search(text):
        return IN_PROGRESS  # 'The second joint threat picture … was completed in February'
    if status == FULFILLED and _SET_UP_EARLIER.search(text) and reports_occasion(text):
        return IN_PROGRESS  # 'The Committee established under the Roadmap held its session'
    if status == ABANDONED and some_of(figure) and counts_occasions(figure, text):
        return PARTLY_FULFILLED  # 'held five of its six meetings; the sixth was cancelled'
    if status == IN_PROGRESS and some_of(figure) and counts_occasions(figure, text):
        return PARTLY_FULFILLED  # 'Lists exchanged in 7 of the 9 months': the rest are missed
    if status == DELAYED and some_of(figure) and _OCCASIONS_HELD.search(text):
        return PARTLY_FULFILLED
    if status not in (FULFILLED, PLEDGED) and some_of(figure) and AGAINST_PLANNED.search(text):
        return PARTLY_FULFILLED  # 'met three times instead of the four times foreseen'
    return status
