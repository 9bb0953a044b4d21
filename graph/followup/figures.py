"""Figures a follow-up reports: a count reached against its target ('58 of 50'), a share
against its goal, and whether a whole was covered ('all fourteen terminals'). The numbers
themselves are read by ``graph.followup.numerals``."""

from __future__ import annotations

import re
from decimal import Decimal

from graph.extract.values import MONTH_NAMES
from graph.followup.facts import Figure
from graph.followup.numerals import DIGITS, MONEY, NUMBER, is_year, number_value

_OF_TARGET = re.compile(
    rf"\b(?!(?:19|20)\d{{2}}\b)({NUMBER})(?:\s+[a-z-]+){{0,3}}?\s+(?:of|out of|against)\s+"
    r"(?:an?\s+|the\s+|its\s+|their\s+)?"
    rf"(?:planned\s+|targeted\s+|target(?:\s+of)?\s+|goal(?:\s+of)?\s+)?{MONEY}({NUMBER})\b",
    re.IGNORECASE,
)
#: '212 officers had completed the course, against the target of 300'; 'against the
#: objective of €100 million'; '134 rangers have now completed the course, beating the
#: target of 120'
_AGAINST_TARGET = re.compile(
    rf"\b({NUMBER})\b[^.;]*?\b(?:against|beating|exceeding|surpassing|above|below|short\s+of)"
    rf"\s+(?:an?|the)\s+(?:[a-z]+\s+)?(?:target|objective|goal|level|benchmark|threshold)\s+of\s+"
    rf"{MONEY}({NUMBER})\b",
    re.IGNORECASE,
)
#: 'answered in 94 per cent of cases, beating the 90 per cent target': the target's number
#: before the word.
_AGAINST_TARGET_NAMED_AFTER = re.compile(
    rf"\b({NUMBER})\b[^.;]*?\b(?:against|beating|exceeding|surpassing|above|below|short\s+of)"
    rf"\s+(?:an?|the|its)\s+{MONEY}({NUMBER})(?:\s*%|\s+per\s*cent)?\s+(?:[a-z]+\s+)?"
    r"(?:target|objective|goal)\b",
    re.IGNORECASE,
)
#: Words that name a number as the one planned ('the 600 foreseen'), common to the ways of
#: setting a count against its plan below.
_PLANNED_WORDS = r"planned|foreseen|scheduled|promised|pledged|committed|agreed|envisaged|expected"
#: The words of a clause between a count and its target, over any aside in brackets ('met
#: three times (Tabatinga, June 2025; Lima, February 2026) instead of the four foreseen')
#: and the points of an abbreviation ('112 Canadian and U.S. frontline officers … out of 250
#: planned'): a point ends the clause only before a capital or at its end.
_ASIDES = r"(?:[^.;(]|\.(?!\s+(?-i:[A-Z])|\s*$)|\([^)]*\))*?"
#: A share of the plan in words: 'just over half of', 'nearly two thirds of'.
_A_FRACTION_OF = (
    r"(?:(?:just|nearly|almost|about|barely|only)\s+)?(?:(?:over|under|below|above)\s+)?"
    r"(?:half|(?:a|one|two)\s+(?:third|quarter)s?|three\s+quarters)\s+of"
)
#: 'carried out one joint boarding operation …, against the two planned'; 'fell by 38 per cent,
#: short of the 50 per cent reduction the agreement aimed for'; 'met three times in
#: the past year instead of the four times foreseen'; 'referred nine cases, short of the 15 the
#: pact called for', '19 patrols …, against the 24 a year provided for', '64 officers …, just
#: over half of the 120 foreseen', '64 … trained, four more than the sixty we set out to
#: train', '33 organisers to trial, against the 30 we committed to': what was done against
#: what was planned.
AGAINST_PLANNED = re.compile(
    rf"\b({NUMBER})\b{_ASIDES}\b(?:against|instead\s+of|above|beyond|exceeding|below|short\s+of"
    rf"|more\s+than|fewer\s+than|{_A_FRACTION_OF})\s+(?:the\s+)?({NUMBER})(?:\s*%|\s+per\s*cent)?\s+"
    r"(?:[a-z-]+\s+){0,4}?"
    rf"(?:{_PLANNED_WORDS}|due|called\s+for|aimed\s+for|implied|required|provided\s+for"
    r"|laid\s+down|stipulated|set\s+out\s+to|undertook\s+to)\b",
    re.IGNORECASE,
)
#: '86 officers … have completed the course, out of the 200 to be trained by the end of
#: 2026', '235 officers … out of the 600 foreseen': a count on the way to its target.
_OUT_OF_PLANNED = re.compile(
    rf"\b({NUMBER})\b{_ASIDES}\bout\s+of\s+(?:the\s+)?({NUMBER})\s+(?:[a-z-]+\s+){{0,4}}?"
    rf"(?:to\s+be|{_PLANNED_WORDS}|provided\s+for)\b",
    re.IGNORECASE,
)
#: 'Out of 84 urgent freeze requests sent since July, the AMLC acknowledged 61 within 24
#: hours', 'Of the 14 requests … exchanged since then, 9 were answered': the whole first, what
#: was done after the comma.
_OUT_OF_FIRST = re.compile(
    rf"(?:^|[.;]\s+)(?:out\s+)?of\s+(?:the\s+)?({NUMBER})\b[^.;,]*,\s+(?:[\w'-]+\s+){{0,6}}?({NUMBER})\b",
    re.IGNORECASE,
)
_TARGET_THEN = re.compile(rf"\btarget(?:\s+of)?\s+({NUMBER})\b[^.;]*?\b({NUMBER})\b", re.IGNORECASE)
#: Occasions a count may name ('three sessions', 'five of the six meetings').
_GATHERINGS = "sessions|meetings|rounds|reviews|calls|conferences"
#: 'which should have met four times since the signing, held three sessions': the meetings
#: due first, those held after.
_DUE_THEN_HELD = re.compile(
    rf"\bshould\s+have\s+(?:met|been\s+held|been\s+convened)\s+({NUMBER})\s+times\b[^.;]*?"
    rf"\b(?:held|met|convened)\s+(?:only\s+)?({NUMBER})\s+(?:{_GATHERINGS}|times)\b",
    re.IGNORECASE,
)

#: A share's sign or words: '86%', '86 per cent', '86 percent'.
_PER_CENT = r"(?:%|per\s*cent)"
#: A share set against a share: 'answered 19 of the 22 requests within 30 days, or 86 per
#: cent, exceeding the 80 per cent target', 'rose by 17 percent, not the 25 percent we set
#: ourselves': the shares are what the target measures.
_PERCENT_AGAINST = re.compile(
    rf"\b({DIGITS})\s*{_PER_CENT}[^.;|]*?\b(?:against|exceeding|above|beating"
    rf"|surpassing|below|short\s+of|under|not|instead\s+of)\s+(?:the\s+|an?\s+|its\s+)?({DIGITS})"
    rf"\s*{_PER_CENT}",
    re.IGNORECASE,
)

#: A share in per cent: '86%', '86 per cent'.
A_SHARE = re.compile(rf"\b({DIGITS})\s*{_PER_CENT}", re.IGNORECASE)


def share_against(result: str, target: str) -> Figure | None:
    """A share reached set against the share a target cell asks for: '115 of 131 requests
    (88%) answered in time' beside '85% answered within 20 working days' is 88 of 85."""
    aimed, reached = A_SHARE.search(target), A_SHARE.search(result)
    if aimed is None or reached is None:
        return None
    return Figure(reached.group(), number_value(reached.group(1)), number_value(aimed.group(1)))


#: Each way of stating a figure, with the groups holding what was reached and the target.
_FIGURES = (
    (_PERCENT_AGAINST, 1, 2),
    (_OF_TARGET, 1, 2),
    (_AGAINST_TARGET, 1, 2),
    (_AGAINST_TARGET_NAMED_AFTER, 1, 2),
    (AGAINST_PLANNED, 1, 2),
    (_OUT_OF_PLANNED, 1, 2),
    (_OUT_OF_FIRST, 2, 1),
    (_TARGET_THEN, 2, 1),
    (_DUE_THEN_HELD, 2, 1),
)
#: The ways whose count may stand several words before the target it is set against.
_SET_AGAINST = (_AGAINST_TARGET, _AGAINST_TARGET_NAMED_AFTER, AGAINST_PLANNED, _OUT_OF_PLANNED)


#: A number that counts no things: a year, a day of a month, a span of time ('in the 12 months
#: to September').
_NOT_A_COUNT = re.compile(
    rf"(?:19|20)\d{{2}}$|\s+(?:(?:working|calendar)\s+)?(?:days?|weeks?|months?|quarters?|years?"
    rf"|{MONTH_NAMES})\b"
)
#: 'the three States', 'both': a number after a definite word names a known set, not a count.
_A_KNOWN_SET = re.compile(r"\b(?:the|these|those|its|their)\s+$", re.IGNORECASE)
#: 'March 2, 2026': a day after its month.
_AFTER_A_MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\s+$")
#: A time after a number ('15 days', '12 working days'): a limit, when it is the target.
_DURATION = re.compile(r"\s+(?:working\s+|calendar\s+)?(?:days?|hours?|weeks?|minutes?)\b")
_A_NUMBER = re.compile(rf"\b(?:{NUMBER})\b", re.IGNORECASE)
#: Time spent doing something ('94 days of fisheries patrol', '300 hours of training'): a
#: count to reach, not a time to stay under.
_TIME_SPENT = re.compile(r"\s+(?:days?|hours?|weeks?)\s+of\b", re.IGNORECASE)


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
            and not _AFTER_A_MONTH.search(text, 0, number.start())
        ):
            nearest = number.start()
    return nearest


#: A count that is a difference from the target: 'six more than the 120 the pact required'.
_DIFFERENCE = re.compile(r"\s+(more|fewer|less)\s+than\s+(?:the\s+)?$", re.IGNORECASE)


def _reached(count: Decimal | None, goal: Decimal | None, between: str) -> Decimal | None:
    """What a count set against a goal says was reached: itself, or the goal plus or minus it
    when it is a difference ('six more than the 120' is 126)."""
    difference = _DIFFERENCE.match(between)
    if difference is None or count is None or goal is None:
        return count
    return goal + count if difference.group(1).casefold() == "more" else goal - count


#: What names a number as the one aimed at: '1,412 entries of the 1,000 foreseen'.
_AIMED_AT = re.compile(
    rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{_PLANNED_WORDS}|targeted|target|goal|required)\b",
    re.IGNORECASE,
)


#: 'two thirds of', 'three quarters of': the number counts parts of a whole.
_FRACTION_AFTER = re.compile(r"\s+(?:thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)
#: 'wanted in one of the two countries', 'by two of the three governments': after a
#: preposition, a number of the parties says where or by whom, not how much was done.
_AMONG_THE_PARTIES_BEFORE = re.compile(r"\b(?:in|from|to|by|for|at|between)\s+$", re.IGNORECASE)
_THE_PARTIES_AFTER = re.compile(
    r"\s+(?:countries|sides|parties|states|nations|governments|capitals|signatories)\b",
    re.IGNORECASE,
)
#: 'Every one of', 'each one of': what follows is the whole.
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


def _a_part(match: re.Match[str]) -> bool:
    """Whether an 'of' figure reads as a part of a whole or a target passed: '58 of 50' and
    '1,412 entries of the 1,000 foreseen' exceed their targets, but '86 officers of the two
    ministries' names who they are, not what was aimed at."""
    words_between = len(match.group().split()) > 3 or " the " in match.group()
    reached, target = number_value(match.group(1)), number_value(match.group(2))
    exceeds = bool(words_between and reached and target and reached > target)
    if is_year(match.group(2)):
        return False  # 'in the first nine months of 2026': a span of a year
    if _EVERY_BEFORE.search(match.string, 0, match.start()):
        return False  # 'every one of the 214 firearms': the whole, not one of it
    if _AMONG_THE_PARTIES_BEFORE.search(
        match.string, 0, match.start()
    ) and _THE_PARTIES_AFTER.match(match.string, match.end()):
        return False  # 'wanted in one of the two countries': where, not a count
    if _FRACTION_AFTER.match(match.string, match.end(1)):
        return False  # 'two thirds of the 90 patrols': a share, not a count of two
    return not exceeds or bool(_AIMED_AT.match(match.string, match.end()))


def _first_figure(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    if pattern is not _OF_TARGET:
        return pattern.search(text)
    return next((m for m in pattern.finditer(text) if _a_part(m)), None)


def figure_in(text: str) -> Figure | None:
    """A figure reached against a target: '58 of 50', '58 fugitives against a target of 50';
    a time against a limit: '12 working days, against the 15 days agreed'."""
    for pattern, reached, target in _FIGURES:
        match = _first_figure(pattern, text)
        if match is None:
            continue
        if pattern in _SET_AGAINST:
            ceiling = bool(_DURATION.match(text, match.end(target)))
            start = _nearest_count(
                text, match.start(reached), match.start(target), durations=ceiling
            )
            count = _A_NUMBER.match(text, start)
            if count is not None and is_year(count.group()):
                continue  # no count before the target but a year
            if count is not None:
                if _TIME_SPENT.match(text, count.end()):
                    ceiling = False  # '94 days of fisheries patrol': a count of days, no limit
                goal = number_value(match.group(target))
                return Figure(
                    text[start : match.end()],
                    _reached(
                        number_value(count.group()), goal, text[count.end() : match.start(target)]
                    ),
                    goal,
                    ceiling,
                )
        if is_year(match.group(reached)):
            continue  # 'the target of 1,000 vehicles by April 2027': a year, no count
        return Figure(
            match.group(), number_value(match.group(reached)), number_value(match.group(target))
        )
    return None


#: 'in use at all fourteen terminals', 'applied by all three administrations', 'both of the
#: border posts': the whole.
_ALL_OF = re.compile(
    rf"\ball\s+(?:of\s+)?(?:the\s+)?(?:{NUMBER})\b|\bboth\s+(?:of\s+)?(?:the|its|their)\b",
    re.IGNORECASE,
)


#: 'since 1 August every container flagged as high risk … has gone through a scanner',
#: 'Since 1 October, customs have scanned every container …', 'every gun seized in the
#: border region since then has been traced', 'began checking every export certificate':
#: each one of a whole, from a date on; 'The last of the seven radar masts … was switched
#: on': the whole.
_EVERY_SINCE = re.compile(
    r"\bsince\s+[^,.;]{3,30}?\s+(?:every|each)\s+(?!(?:day|week|month|quarter|year|other)\b)"
    r"[a-z-]+\b[^.;]{0,120}?\b(?:has|have)\s+(?:been|gone|passed|received|undergone)\b"
    r"|\bsince\s+[^.;]{3,60}?\b(?:has|have)\s+[a-z]+ed\s+(?:every|each)\s+"
    r"(?!(?:day|week|month|quarter|year|other)\b)"
    r"|\b(?:every|each)\s+(?!(?:day|week|month|quarter|year|other)\b)[a-z-]+\s+[^.;]{0,60}?"
    r"\bsince\s+(?:then|that\s+date|[^,.;]{3,25}?)\s+(?:has|have)\s+been\b"
    r"|\b(?:began|begun|started)\s+[a-z]+ing\s+(?:every|each)\s+"
    r"(?!(?:day|week|month|quarter|year|other)\b)"
    r"|\bthe\s+last\s+of\s+the\s+[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:switched\s+on|installed|opened|delivered|completed|commissioned|set\s+up|handed\s+over)\b",
    re.IGNORECASE,
)


def covers_all(text: str) -> bool:
    """Whether a passage says a thing reached every one of a counted whole; all of the
    occasions due so far ('held all six of the case reviews due in the year') are a rhythm
    kept, which goes on."""
    whole = _ALL_OF.search(text)
    if whole is not None and _OCCASIONS.match(text, whole.end()):
        return False
    return bool(whole or _EVERY_SINCE.search(text))


#: The occasions a figure may count, after it ('7 of the 9 months', '8 of the 11 monthly
#: dates', 'five of its six scheduled bimonthly meetings', 'all six of the case reviews').
_OCCASIONS = re.compile(
    rf"\s+(?:of\s+(?:the|its|their)\s+)?(?:[a-z-]+\s+){{0,2}}?"
    rf"(?:months|weeks|quarters|dates|{_GATHERINGS})\b",
    re.IGNORECASE,
)


#: Occasions named right after the count ('three meetings out of the four due').
_OCCASIONS_COUNTED = re.compile(rf"\S+\s+(?:[a-z-]+\s+)?(?:{_GATHERINGS}|times)\b", re.IGNORECASE)


def a_share_short(figure: Figure | None) -> bool:
    """Whether a figure is a share short of the share it is set against ('47, or 59
    percent, were answered within 30 days, below the 85 percent set in the plan'): a rate
    of service that fell short, which the missed part cannot make up."""
    return figure is not None and figure.short_of_target and bool(A_SHARE.search(figure.text))


def counts_occasions(figure: Figure, text: str) -> bool:
    """Whether a figure counts occasions, not things ('in 7 of the 9 months', 'three
    meetings out of the four due'): an occasion that passed cannot be made up."""
    at = text.find(figure.text)
    return at >= 0 and (
        bool(_OCCASIONS.match(text, at + len(figure.text)))
        or bool(not figure.ceiling and _OCCASIONS_COUNTED.match(figure.text))
        or bool(_DUE_THEN_HELD.fullmatch(figure.text))
    )


def some_of(figure: Figure | None) -> bool:
    """A figure of some, not none, of its target ('3 of 4 quarterly sessions held')."""
    return bool(figure is not None and figure.short_of_target and figure.reached)
