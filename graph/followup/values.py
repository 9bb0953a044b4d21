"""Small values of a reported item: its status, the day it holds from, the figure it reports."""

from __future__ import annotations

import calendar
import itertools
import re
from decimal import Decimal, InvalidOperation

from graph.extract.extractor import document_date
from graph.extract.phrases import Hit
from graph.followup.facts import (
    DELAYED,
    FULFILLED,
    IN_PROGRESS,
    PARTLY_FULFILLED,
    PLEDGED,
    REVISED,
    Figure,
)
from graph.language.grammar import numbers
from graph.lexicon import Lexicon

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: Number words of two letters or more ('five of the eight'), read through the grammar.
_WORDS = sorted((w for w in numbers(frozenset()) if len(w) > 2), key=len, reverse=True)
_NUMBER = rf"{_DIGITS}|{'|'.join(_WORDS)}"
#: A sum's currency sign ('€73 million of the €100 million target').
_MONEY = r"[€$£¥₩]?"
_MONTHS = "|".join(calendar.month_name[1:])
_OF_TARGET = re.compile(
    rf"\b({_NUMBER})(?:\s+[a-z-]+){{0,3}}?\s+(?:of|out of|against)\s+(?:an?\s+|the\s+)?"
    rf"(?:planned\s+|targeted\s+|target(?:\s+of)?\s+|goal(?:\s+of)?\s+)?{_MONEY}({_NUMBER})\b",
    re.IGNORECASE,
)
#: '212 officers had completed the course, against the target of 300'; 'against the
#: objective of €100 million'; '134 rangers have now completed the course, beating the
#: target of 120'
_AGAINST_TARGET = re.compile(
    rf"\b({_NUMBER})\b[^.;]*?\b(?:against|beating|exceeding|surpassing|above|below|short\s+of)"
    rf"\s+(?:an?|the)\s+(?:[a-z]+\s+)?(?:target|objective|goal)\s+of\s+"
    rf"{_MONEY}({_NUMBER})\b",
    re.IGNORECASE,
)
#: 'carried out one joint boarding operation …, against the two planned'; 'met three times in
#: the past year instead of the four times foreseen'; 'referred nine cases, short of the 15 the
#: pact called for': what was done against what was planned.
_AGAINST_PLANNED = re.compile(
    rf"\b({_NUMBER})\b[^.;]*?\b(?:against|instead\s+of|above|beyond|exceeding|below|short\s+of"
    rf"|more\s+than|fewer\s+than)\s+(?:the\s+)?({_NUMBER})\s+(?:[a-z-]+\s+){{0,2}}?"
    r"(?:planned|foreseen|scheduled|promised|agreed|due|envisaged|called\s+for)\b",
    re.IGNORECASE,
)
_TARGET_THEN = re.compile(
    rf"\btarget(?:\s+of)?\s+({_NUMBER})\b[^.;]*?\b({_NUMBER})\b", re.IGNORECASE
)

#: Each way of stating a figure, with the groups holding what was reached and the target.
_FIGURES = (
    (_OF_TARGET, 1, 2),
    (_AGAINST_TARGET, 1, 2),
    (_AGAINST_PLANNED, 1, 2),
    (_TARGET_THEN, 2, 1),
)
#: The ways whose count may stand several words before the target it is set against.
_SET_AGAINST = (_AGAINST_TARGET, _AGAINST_PLANNED)


#: 'only two of the four meetings', 'convened only four times', 'only two have taken place',
#: 'only five issues have been produced': part of what was promised.
_ONLY_SOME = re.compile(
    rf"\bonly\s+(?:{_NUMBER})\s+(?:of|out of|times|(?:[a-z]+\s+)?(?:have|has)\s+"
    rf"(?:been|taken place))\b",
    re.IGNORECASE,
)

#: How late something came: 'went live on 14 April, about two months behind schedule' is
#: done, late; the lateness does not make it delayed.
_LATE_BY = re.compile(
    r"\b(?:days?|weeks?|months?|years?)\s+(?:late|later than|behind)\b", re.IGNORECASE
)

#: A recurrence or a number changed ('cut the patrols from weekly to every two weeks',
#: 'from 300 to 180'): a revision. A span of days ('from 10 to 18 November') is none.
_RECURRENCE = (
    r"(?:daily|weekly|monthly|quarterly|yearly|annually|(?:twice|once)\s+a\s+\w+"
    r"|every\s+(?:\w+\s+)?(?:days?|weeks?|months?|quarters?|years?))"
)
_CHANGED = re.compile(
    rf"\b{_RECURRENCE}\s+(?:rather\s+than|instead\s+of)\s+{_RECURRENCE}"
    rf"|\b{_RECURRENCE}\s+instead\b(?!\s+of)"
    rf"|\bfrom\s+(?:{_RECURRENCE}\s+to\s+{_RECURRENCE}"
    rf"|{_MONEY}(?:{_NUMBER})\s+to\s+{_MONEY}(?:{_NUMBER})\b(?!\s+(?:{_MONTHS})\b))",
    re.IGNORECASE,
)

#: How early something came: 'completing the upgrade months ahead of schedule' is done.
_AHEAD = re.compile(r"ahead\s+of\s+(?:schedule|time)", re.IGNORECASE)

#: A phrase right after a denial says the opposite ('It has not been abandoned'), and one
#: after an intention says what was meant, not what happened ('supposed to be in force',
#: 'should be operational by', 'to be in place by spring').
_DENIED = re.compile(
    r"\b(?:(?:not|never|n't)|(?:supposed|meant|due|expected|scheduled|planned)\s+to)"
    r"\s+(?:been\s+|be\s+)?$|\b(?:should\s+be|its\s+becoming|to\s+be)\s+$",
    re.IGNORECASE,
)

#: A trend after a word of going on ('Fraud continues to grow in the region'): the crime
#: goes on, not the work against it.
_TREND = re.compile(
    r"\s+to\s+(?:grow|rise|increase|climb|spread|worsen|fall|decline)\b", re.IGNORECASE
)

#: 'measures that fall wholly or partly to …', 'in whole or in part': a range, no status.
_EITHER_BEFORE = re.compile(
    r"\b(?:wholly|fully|entirely|totally|in\s+whole)\s+or\s+$", re.IGNORECASE
)
_EITHER_AFTER = re.compile(
    r"\s+or\s+(?:wholly|fully|entirely|totally|in\s+(?:whole|full))\b", re.IGNORECASE
)
#: A capitalized word after a phrase, which then is part of a name ('Operational Working
#: Group'); a month ('Operational May 2024') does not make one.
_NAME_GOES_ON = re.compile(rf"\s+(?!(?:{_MONTHS})\b)[A-Z][a-z]")
#: What comes before a word of a name: an article or another capitalized word ('the Working
#: Group', 'Joint Operational'); a sentence's first word ('Since Austria's police') starts none.
_NAME_BEGAN = re.compile(r"(?:\b(?:the|a|an|its|their)|[A-Z][\w'-]*)\s+$")
#: A phrase in a clause that says what a text is about ('summarises what has been done
#: since') names no item's status.
_WHAT_HAS_BEEN = re.compile(r"\bwhat\s+(?:has|have|had|was|were)\s+(?:been\s+)?$", re.IGNORECASE)

#: Words that may stand between the two phrases of a run ('not yet been established').
_AUXILIARIES = frozenset({"been", "be", "being", "fully", "yet", "formally", "officially"})


#: A number in a clause, with the word before and the word after it.
_NUMBER_IN_CONTEXT = re.compile(rf"(\w*)\W*(?<!\w)({_NUMBER})\b\W*(\w*)", re.IGNORECASE)
#: Words beside a number that make it a date or a span of time, not a count.
_TIME_WORDS = frozenset(m.casefold() for m in calendar.month_name[1:]) | frozenset(
    ("day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours")
)
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d$")


def _counts_things(text: str) -> bool:
    """Whether a clause counts things ('137 firearms', 'seven fuel laundering plants'): a
    number that is not 'one' ('one of the'), a year, a day of a month or a span of time
    ('Eighteen months after')."""
    for before, number, after in _NUMBER_IN_CONTEXT.findall(text):
        if number.casefold() == "one" or _YEAR_NUMBER.match(number):
            continue
        if before.casefold() in _TIME_WORDS or after.casefold() in _TIME_WORDS:
            continue
        return True
    return False


_COUNT = re.compile(rf"(?<![\w,.])({_NUMBER})\b", re.IGNORECASE)


def count_in(text: str) -> Decimal | None:
    """The first count a cell gives ('5,000 entries within 18 months' → 5000; '26 carried
    out in 2025' → 26), skipping years, days and spans of time."""
    for match in _COUNT.finditer(text):
        number = match.group(1)
        before = text[: match.start()].split()[-1:] or [""]
        after = text[match.end() :].split()[:1] or [""]
        if _YEAR_NUMBER.match(number) or {before[0].casefold(), after[0].casefold()} & _TIME_WORDS:
            continue
        return _decimal(number)
    return None


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
        _counts_things(text)
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


#: A body named by where it was set up ('The Committee established under the Roadmap of 14
#: March'): the words say how it began, not what became of it.
_SET_UP_EARLIER = re.compile(
    r"\b(?:established|set\s+up|created|formed)\s+(?:under|by|in|at|through)\b", re.IGNORECASE
)


def reports_occasion(text: str) -> bool:
    """Whether a clause reports that a meeting, session or review took place, which reports
    a recurring commitment under way even with no word of status."""
    return bool(_OCCASION.search(text) and not _NOT_DONE.search(text) and not _QUOTED.search(text))


def status_in(lex: Lexicon, text: str) -> str | None:
    """The status a passage reports: the longest status phrase; a phrase run ('not yet
    operational', 'not yet been established') is read by its first phrase. A count of
    'only' some ('met only twice', 'only two of the four') competes as a phrase of
    partial fulfilment. A denied or intended phrase ('has not been abandoned', 'was
    supposed to be in force') says nothing, nor one of a clause that says what a text is
    about ('what has been done'), nor one of a range ('wholly or partly') or of a name
    ('the Joint Operational Working Group'). A completion
    measured late ('went live in May, two months behind schedule') is done."""
    hits = [
        h
        for h in lex.statuses.find(text)
        if not _DENIED.search(text, 0, h.start)
        and not _WHAT_HAS_BEEN.search(text, 0, h.start)
        and not _TREND.match(text, h.end)
        and not _EITHER_BEFORE.search(text, 0, h.start)
        and not _EITHER_AFTER.match(text, h.end)
        and not _in_a_name(text, h.start, h.end)
    ]
    some = _ONLY_SOME.search(text)
    if some and all(h.end - h.start < len(some.group()) for h in hits):
        return PARTLY_FULFILLED
    if _CHANGED.search(text) and all(h.values[0] in (IN_PROGRESS, PLEDGED) for h in hits):
        return REVISED  # a change outweighs words of work going on, not of an end
    if not hits:
        return None
    best = max(hits, key=lambda h: (h.end - h.start, -h.start))
    if best.values[0] == DELAYED and _done_late(text, hits, best):
        return FULFILLED
    if _AHEAD.fullmatch(best.text) and any(h.values[0] == FULFILLED for h in hits):
        return FULFILLED  # 'completing the upgrade months ahead of schedule'

    for first, second in itertools.pairwise(hits):
        gap = text[first.end : second.start] if second.start >= first.end else "-"
        if second is best and set(gap.split()) <= _AUXILIARIES and len(gap.split()) <= 2:
            return first.values[0]
    return best.values[0]


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalized phrase is a word of a proper name that goes on after it
    ('the Joint Operational Working Group has met', 'the Working Group agreed'), not a
    status ('Operational since 3 May', '| Completed |')."""
    return (
        text[start].isupper()
        and bool(_NAME_GOES_ON.match(text, end))
        and bool(_NAME_BEGAN.search(text, 0, start))
    )


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


def _decimal(text: str) -> Decimal | None:
    word = numbers(frozenset()).get(text.casefold())
    if word is not None:
        return word
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


#: A number that counts no things: a year, a day of a month, a span of time ('in the 12 months
#: to September').
_NOT_A_COUNT = re.compile(
    rf"(?:19|20)\d{{2}}$|\s+(?:days?|weeks?|months?|quarters?|years?|{_MONTHS})\b"
)
#: 'the three States', 'both': a number after a definite word names a known set, not a count.
_A_KNOWN_SET = re.compile(r"\b(?:the|these|those|its|their)\s+$", re.IGNORECASE)
#: A time after a number ('15 days', '12 working days'): a limit, when it is the target.
_DURATION = re.compile(r"\s+(?:working\s+|calendar\s+)?(?:days?|hours?|weeks?|minutes?)\b")
_A_NUMBER = re.compile(rf"\b(?:{_NUMBER})\b", re.IGNORECASE)


def _nearest_count(text: str, start: int, end: int, *, durations: bool = False) -> int:
    """Where the count a target is set against starts: the last number before it that is
    no year, span of time or known set ('the two defence forces carried out 29 joint
    patrols in the 12 months to September, beating the target of 24' → 29); of a limit of
    time, the last time ('answered within 12 working days, against the 15 days agreed' →
    12). Else ``start``."""
    nearest = start
    for number in _A_NUMBER.finditer(text, start, end):
        if durations:
            if _DURATION.match(text, number.end()):
                nearest = number.start()
        elif (
            not _NOT_A_COUNT.match(text, number.end())
            and not _NOT_A_COUNT.fullmatch(number.group())
            and not _A_KNOWN_SET.search(text, 0, number.start())
        ):
            nearest = number.start()
    return nearest


def figure_in(text: str) -> Figure | None:
    """A figure reached against a target: '58 of 50', '58 fugitives against a target of 50';
    a time against a limit: '12 working days, against the 15 days agreed'."""
    for pattern, reached, target in _FIGURES:
        match = pattern.search(text)
        if match is None:
            continue
        if pattern in _SET_AGAINST:
            ceiling = bool(_DURATION.match(text, match.end(target)))
            start = _nearest_count(
                text, match.start(reached), match.start(target), durations=ceiling
            )
            count = _A_NUMBER.match(text, start)
            if count is not None:
                return Figure(
                    text[start : match.end()],
                    _decimal(count.group()),
                    _decimal(match.group(target)),
                    ceiling,
                )
        return Figure(match.group(), _decimal(match.group(reached)), _decimal(match.group(target)))
    return None


#: 'in use at all fourteen terminals', 'applied by all three administrations': the whole.
_ALL_OF = re.compile(rf"\ball\s+(?:of\s+)?(?:the\s+)?(?:{_NUMBER})\b", re.IGNORECASE)


#: 'since 1 August every container flagged as high risk … has gone through a scanner',
#: 'Since 1 October, customs have scanned every container …': each one of a whole, from a
#: date on.
_EVERY_SINCE = re.compile(
    r"\bsince\s+[^,.;]{3,30}?\s+(?:every|each)\s+(?!(?:day|week|month|quarter|year|other)\b)"
    r"[a-z-]+\b[^.;]{0,120}?\b(?:has|have)\s+(?:been|gone|passed|received|undergone)\b"
    r"|\bsince\s+[^.;]{3,60}?\b(?:has|have)\s+[a-z]+ed\s+(?:every|each)\s+"
    r"(?!(?:day|week|month|quarter|year|other)\b)",
    re.IGNORECASE,
)


def covers_all(text: str) -> bool:
    """Whether a passage says a thing reached every one of a counted whole."""
    return bool(_ALL_OF.search(text) or _EVERY_SINCE.search(text))


def as_of_date(text: str) -> str | None:
    """The full date a passage gives, as ISO 8601."""
    return document_date(text)


#: Occasions of a rhythm that were held ('3 of 4 quarterly sessions held', 'only one of the
#: three reports due so far has been produced'): a missed one is not made up later.
_OCCASIONS_HELD = re.compile(r"\b(?:held|produced|took\s+place|convened)\b", re.IGNORECASE)


#: The occasions a figure may count, after it ('7 of the 9 months', '8 of the 11 monthly
#: dates').
_OCCASIONS = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:months|weeks|quarters|dates|sessions|meetings|rounds)\b", re.IGNORECASE
)


def _counts_occasions(figure: Figure, text: str) -> bool:
    """Whether a figure counts occasions, not things ('in 7 of the 9 months'): an occasion
    that passed cannot be made up."""
    at = text.find(figure.text)
    return at >= 0 and bool(_OCCASIONS.match(text, at + len(figure.text)))


#: One of a series by its ordinal ('the first regional report on drug trends, published in
#: April', 'The second joint threat picture … was completed'): the series goes on.
_ONE_OF_A_SERIES = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:report|edition|issue|picture|assessment|bulletin|round|cohort|batch|phase)\b",
    re.IGNORECASE,
)


def _some_of(figure: Figure | None) -> bool:
    """A figure of some, not none, of its target ('3 of 4 quarterly sessions held')."""
    return bool(figure is not None and figure.short_of_target and figure.reached)


def checked_status(status: str, figure: Figure | None, text: str) -> str:
    """'1,100 of the 1,500 officials had completed the course' is under way, not fulfilled:
    a figure short of its target overrides a word of completion. 'Behind: 3 of 4 quarterly
    sessions held' is part of what was promised, delivered: late words over a count of some
    of the occasions held are partial fulfilment; a count of things installed so far
    ('9 of 14 terminals; remaining sites by mid-2025') can still be completed: delayed.
    Some of the occasions planned ('met three times instead of the four times foreseen')
    are partial fulfilment whatever else the clause says."""
    if status == PLEDGED and figure is not None and figure.reached is not None and figure.target:
        # '173 returned by sea, above the 150 agreed': the word of the pledge names the target
        return FULFILLED if figure.target_reached else IN_PROGRESS
    if status == FULFILLED and figure is not None and figure.short_of_target:
        return IN_PROGRESS
    if status == FULFILLED and _ONE_OF_A_SERIES.search(text):
        return IN_PROGRESS  # 'The second joint threat picture … was completed in February'
    if status == FULFILLED and _SET_UP_EARLIER.search(text) and reports_occasion(text):
        return IN_PROGRESS  # 'The Committee established under the Roadmap held its session'
    if status == IN_PROGRESS and _some_of(figure) and _counts_occasions(figure, text):
        return PARTLY_FULFILLED  # 'Lists exchanged in 7 of the 9 months': the rest are missed
    if status == DELAYED and _some_of(figure) and _OCCASIONS_HELD.search(text):
        return PARTLY_FULFILLED
    if status not in (FULFILLED, PLEDGED) and _some_of(figure) and _AGAINST_PLANNED.search(text):
        return PARTLY_FULFILLED  # 'met three times instead of the four times foreseen'
    return status
