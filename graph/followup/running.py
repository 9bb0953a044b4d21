"""A measure reported at work since a day: what it says of a commitment depends on the
commitment.

'The joint cell has been working at the Freeport since 15 October 2024' fulfils a pledge
to set the cell up by a deadline, and is only work going on for patrols held every month
or a line of work with no deadline. The reading cannot tell which: the clause is marked
running (``pg:RunningStatusAssertion``) and its status is judged in the report's tracking
graph, once the commitment it speaks of is known (``graph.followup.tracking``).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from graph.followup.facts import FULFILLED, IN_PROGRESS, ReportedItem
from graph.lexicon import Lexicon

#: What keeps a clause from reporting the whole measure at work: one of several ('the first
#: detector dog team has been working'), a part ('only one analyst has been working'), a
#: stop or a denial ('has closed at night since 1 March', 'has not been staffed since').
_PART_OR_STOP = re.compile(r"\b(?:first|only|closed|not|no\s+longer)\b", re.IGNORECASE)


@cache
def _running(words: frozenset[str]) -> re.Pattern[str]:
    """'has been staffed around the clock since 1 June', 'have worked together since
    January', 'began work in Tay Ninh on 15 June'."""
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(
        rf"\b(?:has|have)\s+(?:been\s+)?(?:{alternatives})\b[^.;]*?\bsince\b"
        rf"|\b(?:began|started)\s+(?:{alternatives})\b",
        re.IGNORECASE,
    )


def runs_since(lex: Lexicon, text: str) -> bool:
    """Whether a clause reports a measure, whole, at work since a day."""
    if not lex.running_words or _PART_OR_STOP.search(text):
        return False
    return bool(_running(lex.running_words).search(text))


def marked_running(lex: Lexicon, item: ReportedItem) -> ReportedItem:
    """A prose clause read as work under way that reports a measure running since a day,
    marked so that its status waits for the commitment it is matched to."""
    if item.strong or item.added or item.status != IN_PROGRESS:
        return item
    if not runs_since(lex, item.span.text):
        return item
    return dataclasses.replace(item, running=True)


def running_status(set_up_once: bool) -> str:
    """The status of a running clause on a commitment: fulfilled when the commitment is a
    measure set up once by a deadline, with no rhythm; otherwise work in progress (as for a
    clause matched to no commitment)."""
    return FULFILLED if set_up_once else IN_PROGRESS
