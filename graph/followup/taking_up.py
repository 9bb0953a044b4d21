"""One item over two clauses: a clause that takes up the one before it and reports what
became of what it named ('The working group has met six times. At its meeting of 12 June
the group decided to meet every month instead'), or counts what the completion just
reported has done since ('was signed on 27 November; since then 212 animals have been
returned'). ``graph.followup.prose`` reads the clauses; this module joins them."""

from __future__ import annotations

import dataclasses
import re

from graph.documents.model import Span
from graph.followup.facts import (
    ABANDONED,
    DELAYED,
    FULFILLED,
    IN_PROGRESS,
    PARTLY_FULFILLED,
    REVISED,
    ReportedItem,
)
from graph.followup.values import changes_rhythm
from graph.followup.words import words_of

#: Statuses that change what a clause before reported as under way.
_CHANGES = frozenset({REVISED, DELAYED, ABANDONED, PARTLY_FULFILLED})
#: A clause takes up the one before when its first words hold a pronoun or a body named by
#: its kind ('At its meeting of 12 June the group decided', 'Its second session … was
#: postponed').
_ANAPHOR = re.compile(
    r"\b(?:[Ii]ts?|[Tt]hey|[Tt]heir|This|These|the\s+(?:group|committee|council|commission|"
    r"team|unit|centre|center|cell|body|forum|board|panel|mechanism|network|arrangement))\b"
)
_ANAPHOR_WORDS = 6
#: What befell the next occasion of the thing whose occasion the clause before reports held
#: ('Its second session, planned for September, was postponed', 'The 2026 exercise was
#: postponed', 'Then the third session … was pushed to January').
_THEN = r"(?:Then|But|However|And|Yet),?\s+"
_ITS_NEXT_OCCASION = re.compile(
    rf"(?:(?:{_THEN}(?:its|their)|Its|Their)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"|(?:{_THEN}the|The)\s+(?:next|second|third|fourth|\d{{4}})\s+)"
    r"(?:session|meeting|exercise|edition|round|operation|conference)s?\b"
)
#: The occasion the clause before reports held, at which the body changed its own rhythm
#: ('The commission met for the first time in Néma on 19 November. At that session the two
#: ministers decided that they would meet once a year instead of every six months').
_AT_THAT_OCCASION = re.compile(
    r"At\s+(?:that|this|the\s+same|its|their)\s+(?:first\s+)?(?:session|meeting|sitting)\b"
)
#: A body that decided something of another measure ('At its Riyadh session the committee
#: agreed … that seizure data would be exchanged monthly') speaks of that measure.
#: The 'that' of a reason given after the decision ('decided to meet every six months …,
#: noting that most questions are settled') is not the decision's.
_DECIDED_THAT = re.compile(
    r"\b(?:agreed|decided|resolved|asked|requested)\b"
    r"(?:(?!\b(?:noting|given|so|such|now|saying|stating|considering|recognising|recognizing)\b)"
    r"[^.;])*?\bthat\b"
)
#: The deciding body's own meetings, after the 'that' of its decision.
_OWN_RHYTHM = re.compile(
    r"\s+(?:they|it|we)\s+(?:would|will|should|shall)\s+(?:only\s+)?(?:meet|sit|convene)\b"
)
#: A clause that counts from a completion just reported ('was signed on 27 November; since
#: then 212 animals have been returned') tells what the completed measure has done.
_SINCE_THEN = re.compile(r"(?:and\s+)?since\s+(?:then|that\s+date|that\s+day)\b", re.IGNORECASE)


def takes_up(previous: tuple[int, ReportedItem], index: int, item: ReportedItem) -> bool:
    before_index, before = previous
    if before.counted and before.occasion and not (before.added or item.added or item.counted):
        # 'The Committee held its first session in March. Its second session … was postponed'
        return (
            before_index == index - 1
            and item.status in _CHANGES
            and bool(_ITS_NEXT_OCCASION.match(item.span.text))
        )
    plain = not (before.added or before.counted or item.added or item.counted)
    return (
        plain
        and before_index == index - 1
        and before.status == IN_PROGRESS
        and item.status in _CHANGES
        and (
            bool(_ANAPHOR.search(" ".join(item.span.text.split()[:_ANAPHOR_WORDS])))
            or _named_again(before.span.text, item.span.text)
            or bool(_ITS_NEXT_OCCASION.match(item.span.text))
            or bool(_AT_THAT_OCCASION.match(item.span.text) and changes_rhythm(item.span.text))
        )
        and not _decides_of_another(item.span.text)
    )


def _decides_of_another(text: str) -> bool:
    """Whether a clause decides something of another measure ('agreed … that seizure data
    would be exchanged monthly'), not of the deciding body's own rhythm ('decided that they
    would meet once a year')."""
    decided = _DECIDED_THAT.search(text)
    return decided is not None and not _OWN_RHYTHM.match(text, decided.end())


#: A thing named again as the subject of what befell it: '… and the patrols were suspended'.
_THE_SUBJECT = re.compile(
    r"\bthe\s+([A-Za-z]{4,})\s+(?:was|were|has|have|had|will|would)\b", re.IGNORECASE
)


def names_again_as_subject(before: str, opening: str) -> bool:
    """Whether a clause opens on a thing ``before`` named, as its subject ('3.1 Joint
    Maritime Coordination Centre' / 'The Centre was formally opened')."""
    subject = _THE_SUBJECT.match(opening)
    return subject is not None and subject.group(1).casefold() in words_of(before)


def _named_again(before: str, text: str) -> bool:
    """Whether a clause's subject is a thing the clause before named ('The coordinated
    patrols … Then … the patrols were suspended indefinitely')."""
    words = set(before.casefold().split())
    return any(match.group(1).casefold() in words for match in _THE_SUBJECT.finditer(text))


def counts_on(previous: tuple[int, ReportedItem], index: int, item: ReportedItem) -> bool:
    """Whether a clause counts what the completion reported just before has done since
    (``_SINCE_THEN``): one item, done."""
    before_index, before = previous
    return (
        before_index == index - 1
        and before.status == FULFILLED
        and not (before.added or item.added)
        and bool(_SINCE_THEN.match(item.span.text))
    )


def joined(
    passage: Span, before: ReportedItem, item: ReportedItem, verdict: ReportedItem
) -> ReportedItem:
    """One item of two clauses, with the status of ``verdict``."""
    start, end = before.span.start, item.span.end
    text = passage.text[start - passage.start : end - passage.start]
    return dataclasses.replace(
        verdict,
        label=f"{before.label}. {item.label}",
        span=Span(start, end, text),
        figure=item.figure or before.figure,
    )
