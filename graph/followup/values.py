"""Small values of a reported item: the status it is given and the day it holds from; its
figure is read by ``graph.followup.figures``."""

from __future__ import annotations

import itertools
import re

from graph.extract.extractor import document_date
from graph.extract.phrases import Hit
from graph.extract.values import MONTH_NAMES
from graph.followup.facts import (
    ABANDONED,
    DELAYED,
    FULFILLED,
    IN_PROGRESS,
    PARTLY_FULFILLED,
    PLEDGED,
    REVISED,
)
from graph.followup.numerals import MONEY, NUMBER, counts_things
from graph.followup.speaking import speaking_phrases
from graph.lexicon import Lexicon

#: 'only two of the four meetings', 'convened only four times', 'only two have taken place',
#: 'only five issues have been produced', 'met only twice in the period': part of what was
#: promised ('meet only twice a year' is a rhythm, not a count; 'met only once so far' is
#: under way).
_ONLY_SOME = re.compile(
    rf"\bonly\s+(?:{NUMBER})\s+(?:of|out of|times|(?:[a-z]+\s+)?(?:have|has)\s+"
    rf"(?:been|taken place))\b"
    r"|\b(?:met|convened|sat)\s+only\s+(?:once|twice)\b"
    r"(?!\s+(?:a|an|per|each|every|so\s+far|to\s+date|yet)\b)",
    re.IGNORECASE,
)

#: A time kept: 'named a contact officer by 12 September, within the three months allowed',
#: 'took up duty on 2 December, within the time we had set'.
_WITHIN_TIME_ALLOWED = re.compile(
    r"\bwithin\s+the\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?|deadline|time)\s+"
    r"(?:(?:we|they|it|that|which|was|were|had|has|have|been)\s+){0,3}"
    r"(?:allowed|set|agreed|foreseen|planned|required|promised)\b",
    re.IGNORECASE,
)
#: A course run to its end: 'The course on tracing crypto-assets ended on 12 December 2025',
#: 'Its final session ended in Paro on 18 December' (a programme that ended, or a body that
#: ended an exercise, tells no completion).
_COURSE_ENDED = re.compile(
    r"\b(?:course|courses|training|session)\b[^.;]{0,60}?\bended\s+(?:on|in)\b",
    re.IGNORECASE,
)
#: A measure working as its makers meant: 'the channel works as the protocol intended',
#: 'is functioning as envisaged' (not 'as planned', said of work going on).
_AS_INTENDED = re.compile(
    r"\b(?:works?|worked|working|functions?|functioned|functioning|operates?|operating)\s+"
    r"as\s+(?:the\s+[\w-]+\s+|(?:we|they)\s+)?(?:intended|envisaged|designed)\b",
    re.IGNORECASE,
)
#: Posts filled on one side and vacant on the other: 'JCF officer in Nassau since 2 December
#: 2024; Bahamian post in Kingston still vacant', '4 posts filled; the two Montenegrin
#: officers not yet appointed'. A post vacant alone is a delay, not a part done.
_PART_IN_POST = re.compile(
    r"\b(?:officers?|posts?)\b[^.;|]*(?:;|,\s+but\b|\bwhile\b|\bwhereas\b)[^.;|]*?"
    r"\b(?:(?:still\s+|remains?\s+|remained\s+)?(?:vacant|unfilled)"
    r"|not\s+yet\s+(?:posted|appointed|filled))\b",
    re.IGNORECASE,
)
#: A measure given up for another in its place: 'agreed to abandon the idea of a stand-alone
#: online register and instead to connect the two customs systems' changes the pledge.
_GIVEN_UP_FOR_ANOTHER = re.compile(
    r"\b(?:abandon|drop|scrap|shelve)\w*\b[^.;]*?\b(?:and|but)\s+instead\b", re.IGNORECASE
)
#: A negation earlier in the clause: 'will not be completed within the twelve months foreseen'.
_NEGATED = re.compile(r"\b(?:not|never|cannot)\b|n't\b", re.IGNORECASE)
#: Phrases with words of their own between, each competing with the lexicon's phrases.
_PATTERNED = (
    (_ONLY_SOME, PARTLY_FULFILLED),
    (_WITHIN_TIME_ALLOWED, FULFILLED),
    (_COURSE_ENDED, FULFILLED),
    (_AS_INTENDED, FULFILLED),
    (_PART_IN_POST, PARTLY_FULFILLED),
    (_GIVEN_UP_FOR_ANOTHER, REVISED),
)

#: How late something came: 'went live on 14 April, about two months behind schedule' is
#: done, late; the lateness does not make it delayed.
_LATE_BY = re.compile(
    r"\b(?:days?|weeks?|months?|years?)\s+(?:late|later than|behind)\b"
    r"|\blater\s+than\s+(?:planned|scheduled|foreseen|agreed|intended)\b"
    r"|\blater\s+than\s+the\s+[\w\s-]{0,30}?\b(?:we|they)\s+had\s+(?:set|agreed|planned)\b",
    re.IGNORECASE,
)

#: A recurrence or a number changed ('cut the patrols from weekly to every two weeks',
#: 'moved from a monthly to a weekly rhythm', 'from 300 to 180', 'from five posts to three',
#: 'supposed to meet every two months, now meets once a quarter', 'which held its first
#: meetings monthly, has met every second month since October'): a revision. A span of days
#: ('from 10 to 18 November') is none.
_RECURRENCE = (
    r"(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually|(?:twice|once)\s+a\s+\w+"
    r"|every\s+(?:\w+\s+)?(?:days?|weeks?|months?|quarters?|years?))"
)
_CHANGED = re.compile(
    rf"\b{_RECURRENCE}\s+(?:rather\s+than|instead\s+of)\s+{_RECURRENCE}"
    rf"|\b{_RECURRENCE}(?:\s+[a-z-]+){{0,3}}?\s+instead\b(?!\s+of)"
    rf"|\b(?P<was>{_RECURRENCE})\W+(?:[\w-]+\W+){{0,6}}?"
    rf"(?:now\s+(?:meets?|takes?\s+place|runs?|sits?)|has\s+(?:since\s+)?met"
    rf"|will\s+(?:from\s+\w+(?:\s+\d{{4}})?\s+)?(?:meet|take\s+place|be\s+(?:held|convened)|sit))"
    rf"\s+(?:only\s+)?(?!(?P=was)\b){_RECURRENCE}"
    rf"|\b{_RECURRENCE}\W+(?:[\w-]+\W+){{0,4}}?(?:agreed|decided)\s+(?:[\w-]+\s+){{0,2}}?to\s+"
    rf"(?:meet\s+|be\s+held\s+)?(?:only\s+)?{_RECURRENCE}"
    rf"|\bfrom\s+(?:(?:an?\s+)?{_RECURRENCE}\s+to\s+(?:an?\s+)?{_RECURRENCE}"
    rf"|{MONEY}(?:{NUMBER})(?:\s+[a-z-]+)?\s+to\s+{MONEY}(?:{NUMBER})\b(?!\s+(?:{MONTH_NAMES})\b))",
    re.IGNORECASE,
)


def changes_rhythm(text: str) -> bool:
    """Whether a clause changes a recurrence or a number ('held every six months since the
    plan was signed, will from 2025 take place once a year')."""
    return bool(_CHANGED.search(text))


#: How early something came: 'completing the upgrade months ahead of schedule' is done.
_AHEAD = re.compile(r"ahead\s+of\s+(?:schedule|time)", re.IGNORECASE)

#: Done in part, the rest still to come: 'the officers of Mali and Niger are in post while
#: the officer of Guinea-Bissau has yet to be appointed'.
_CONTRAST = re.compile(r"\b(?:while|whereas|but|although|though)\b", re.IGNORECASE)
#: Work begun, then what became of the measure: 'Handlers have started training, but the dog
#: teams … have not yet been deployed'.
_BUT = re.compile(r"[,;]\s+but\b", re.IGNORECASE)

#: A decision that narrows, suspends or changes what was pledged: 'the Council decided that
#: joint inspections will, until further notice, cover only fuel tankers'; 'agreed that the
#: assessment, completed in December, will from now on be updated every year'; 'Rather
#: than a 24-hour line, the ministers agreed on 13 May that each force would take reports'.
_NARROWED = re.compile(
    r"\b(?:decided|agreed|decides|agrees)\s+(?:[\w-]+\s+){0,4}?that\b[^.;]*?"
    r"\b(?:will|would|shall)\b[^.;]*?"
    r"\b(?:only|until\s+further\s+notice|no\s+longer|from\s+now\s+on|henceforth|in\s+future)\b"
    r"|\b(?:rather\s+than|instead\s+of)\b[^.;]*?\b(?:decided|agreed|decides|agrees)\b"
    r"[^.;]*?\bthat\b",
    re.IGNORECASE,
)

#: Words that may stand between the two phrases of a run ('not yet been established').
_AUXILIARIES = frozenset({"been", "be", "being", "fully", "yet", "formally", "officially"})


#: A verb of something done: a past form ('traced', 'intercepted') or a common irregular one.
_DONE = re.compile(
    r"\b(?:(?!(?:hundred|need|indeed|speed|seed|feed|proceed|succeed)\b)[a-z]{3,}ed|met|held"
    r"|ran|flew|caught|took|brought|sent|made|led|found|won|began|built|shut|seized)\b",
    re.IGNORECASE,
)
#: What is meant or foreseen, not done ('will deploy 40 officers', 'plans to open two').
_NOT_DONE = re.compile(
    r"\b(?:will|would|should|shall|could|plans?\s+to|intends?\s+to|expected\s+to)\b",
    re.IGNORECASE,
)


#: Someone's words, not the report's ('"A bed in a shelter two weeks after ..." said').
_QUOTED = re.compile(r"[\"“”]")


def counts_work_done(text: str) -> bool:
    """Whether a clause counts what was done ('the DLEAG and OCRTIS carried out 11 joint
    operations', '1,180 would-be passengers were intercepted'), which reports work under
    way even with no word of status."""
    return bool(
        counts_things(text)
        and _DONE.search(text)
        and not _NOT_DONE.search(text)
        and not _QUOTED.search(text)
    )


#: An occasion that took place: a body met ('met in Riga on 14 October', 'convened for the
#: third time'), a session or review was held or ended ('held its second annual session',
#: 'The first quarterly review ... took place in July').
_OCCASION = re.compile(
    r"\b(?:met|convened|gathered)\b"
    r"|\bheld\s+(?:its|their|the|a)\s+(?:[\w-]+\s+){0,3}"
    r"(?:session|sessions|meeting|meetings|review|conference|summit)\b"
    r"|\b(?:session|meeting|review|conference|summit|exercise|operation)\b[^.;]*?"
    r"\b(?:took\s+place|was\s+held|were\s+held|ended|closed|concluded)\b"
    r"|\b(?:ended|closed|concluded)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:session|meeting|review|conference|summit)\b",
    re.IGNORECASE,
)


#: A delay told in the simple past ('was postponed by two months'): over, not still running.
_PAST_DELAY = re.compile(
    r"\b(?:was|were)\s+(?:\w+\s+)?(?:postponed|delayed|put\s+back|pushed\s+back|deferred)\b",
    re.IGNORECASE,
)
#: A delay still open ('was postponed and has not yet been rescheduled', 'was postponed and
#: will take place in Beirut on 4 November').
_STILL_OPEN = re.compile(
    r"\b(?:not\s+yet|yet\s+to|still|until\s+further|indefinitely|no\s+new\s+date"
    r"|without\s+(?:a\s+)?(?:new\s+)?date|sine\s+die"
    r"|will\s+(?:now\s+|instead\s+)?(?:take\s+place|be\s+held|be\s+convened|meet))\b",
    re.IGNORECASE,
)


def delay_made_up(occasion: str, delay: str) -> bool:
    """Whether a delay is of an occasion already held ('The Commission held its second
    session on 21 May. The session was due in March but was postponed by two months'): the
    work goes on, late, and is no longer delayed; one still open ('the second meeting was
    postponed and has not yet been rescheduled') is a delay."""
    return (
        reports_occasion(occasion)
        and bool(_PAST_DELAY.search(delay))
        and not _STILL_OPEN.search(delay)
    )


def reports_occasion(text: str) -> bool:
    """Whether a clause reports that a meeting, session or review took place, which reports
    a recurring commitment under way even with no word of status."""
    return bool(_OCCASION.search(text) and not _NOT_DONE.search(text) and not _QUOTED.search(text))


def status_in(lex: Lexicon, text: str) -> str | None:
    """The status a passage reports: the longest of the phrases said of its item
    (``graph.followup.speaking``); a phrase run ('not yet operational', 'not yet been
    established') is read by its first phrase. Patterned phrases compete with them: a count
    of 'only' some ('met only twice') is partial fulfilment, a time kept ('within the three
    months allowed') fulfilment, or a delay when denied ('could not be finalised within the
    nine months foreseen'); a change of rhythm or a decision that narrows the pledge is a
    revision, and so is a word of change beside words of work going on only. A completion
    measured late ('went live in May, two months behind schedule') is done; one with a part
    still to come across a contrast ('are in post while the third has yet to be appointed')
    partial."""
    hits = _without_timing_of_completion(lex, text, speaking_phrases(lex, text))
    for pattern, status in _PATTERNED:
        match = pattern.search(text)
        if match and all(h.end - h.start < len(match.group()) for h in hits):
            if status == FULFILLED and _NEGATED.search(text, 0, match.start()):
                if pattern is not _WITHIN_TIME_ALLOWED:
                    continue  # 'would never work as designed' says nothing of work done
                return DELAYED  # 'could not be finalised within the nine months foreseen'
            return status
    changed = _CHANGED.search(text) or any(h.values[0] == REVISED for h in hits)
    if changed and all(h.values[0] in (REVISED, IN_PROGRESS, PLEDGED) for h in hits):
        # a change of rhythm or a word of change ('will instead adopt the regional system
        # being developed') outweighs words of work going on, not of an end
        return REVISED
    if _NARROWED.search(text) and all(h.values[0] != ABANDONED for h in hits):
        return REVISED  # a decided change outweighs what had been done before it
    if not hits:
        return None
    best = _longest(hits)
    turn = _BUT.search(text)
    if turn is not None and best.end <= turn.start() and best.values[0] == IN_PROGRESS:
        after = [h for h in hits if h.start >= turn.end() and h.values[0] != IN_PROGRESS]
        if after:
            best = _longest(after)
    if (
        turn is not None
        and best.end <= turn.start()
        and best.values[0] == DELAYED
        and lex.on_schedule_words.find(text, turn.end())
    ):
        return IN_PROGRESS  # 'It is not finished, but it is on track'
    if best.values[0] == DELAYED and _done_late(text, hits, best):
        return FULFILLED
    if best.values[0] == FULFILLED and _rest_to_come(text, hits, best):
        return PARTLY_FULFILLED
    if _AHEAD.fullmatch(best.text) and any(h.values[0] == FULFILLED for h in hits):
        return FULFILLED  # 'completing the upgrade months ahead of schedule'

    for first, second in itertools.pairwise(hits):
        gap = text[first.end : second.start] if second.start >= first.end else "-"
        if second is best and set(gap.split()) <= _AUXILIARIES and len(gap.split()) <= 2:
            return first.values[0]
    return best.values[0]


#: What ends a clause between a completion and a word of schedule that is not about it.
_CLAUSE_BREAK = re.compile(r"[;:.]|\b(?:and|but|while|whereas|although)\b", re.IGNORECASE)


#: Words before a completion that put it in the future ('to complete', 'will be finished').
_TO_COME = re.compile(r"\b(?:to|will|would|shall|should)\s+(?:be\s+)?$", re.IGNORECASE)


def _without_timing_of_completion(lex: Lexicon, text: str, hits: list[Hit[str]]) -> list[Hit[str]]:
    """The phrases without a word of schedule that only times the completion before it ('the
    liaison office opened in July 2024, on schedule'; 'was completed on schedule'): done in
    time is done, as 'two months behind schedule' after a completion is done late. A
    completion still to come keeps it ('to complete the work by March 2027 as planned')."""
    return [
        hit
        for before, hit in zip([None, *hits], hits, strict=False)
        if before is None
        or before.values[0] != FULFILLED
        or not lex.on_schedule_words.lookup(hit.text)
        or bool(_CLAUSE_BREAK.search(text, before.end, hit.start))
        or bool(_TO_COME.search(text, 0, before.start))
    ]


def _longest(hits: list[Hit[str]]) -> Hit[str]:
    """The longest phrase, the first of equals: the one that says most of the item."""
    return max(hits, key=lambda h: (h.end - h.start, -h.start))


def late_by(text: str) -> bool:
    """Whether a passage says how late something came ('six months later than planned')."""
    return bool(_LATE_BY.search(text))


def _done_late(text: str, hits: list[Hit[str]], delayed: Hit[str]) -> bool:
    """Whether the delay phrase only measures how late a completion came ('went live in
    May, two months behind schedule'; 'Three months late, the team was formally set up')."""
    late = _LATE_BY.search(text)
    return bool(
        late
        and late.start() <= delayed.start <= late.end()
        and any(
            h.values[0] == FULFILLED and (h.end <= late.start() or h.start >= late.end())
            for h in hits
        )
    )


def _rest_to_come(text: str, hits: list[Hit[str]], done: Hit[str]) -> bool:
    """Whether a completion is followed, across a contrast, by a part not yet done ('are in
    post while the officer of Guinea-Bissau has yet to be appointed')."""
    contrast = _CONTRAST.search(text, done.end)
    return bool(
        contrast and any(h.start >= contrast.end() and h.values[0] == DELAYED for h in hits)
    )


def as_of_date(text: str) -> str | None:
    """The full date a passage gives, as ISO 8601."""
    return document_date(text)
