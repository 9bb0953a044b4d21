"""Numbers as a follow-up writes them: in digits or words ('1,120', 'sixty-four', 'one
hundred and twenty'), ordinals of a series, years, and whether a clause counts things at
all. ``graph.followup.figures`` sets them against their targets."""

from __future__ import annotations

import calendar
import re
from decimal import Decimal, InvalidOperation

from graph.language.grammar import numbers

#: A number in digits ('1,120', '12.5').
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: Number words of two letters or more ('five of the eight'), read through the grammar.
_WORDS = sorted((w for w in numbers(frozenset()) if len(w) > 2), key=len, reverse=True)
_WORD = "|".join(_WORDS)
#: A number in words below a hundred, compound words joined by a hyphen ('sixty-four').
_TENS_AND_UNITS = rf"(?:{_WORD})(?:-(?:{_WORD}))?"
#: A number in digits or words, hundreds included ('one hundred and twenty').
NUMBER = rf"{DIGITS}|{_TENS_AND_UNITS}(?:\s+hundred(?:\s+and\s+{_TENS_AND_UNITS})?)?"
#: An ordinal of a series ('the second report', 'the third annual review').
ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
#: A sum's currency sign ('€73 million of the €100 million target').
MONEY = r"[€$£¥₩]?"
#: A year of this era.
YEAR = re.compile(r"\b(19|20)\d{2}\b")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d$")


def is_year(number: str) -> bool:
    """Whether a number is a year of this era ('2025'), which counts nothing."""
    return bool(_YEAR_NUMBER.match(number))


#: A number in a clause, with the word before and the word after it.
_NUMBER_IN_CONTEXT = re.compile(rf"(\w*)\W*(?<!\w)({NUMBER})\b\W*(\w*)", re.IGNORECASE)
#: Words beside a number that make it a date or a span of time, not a count.
_TIME_WORDS = frozenset(m.casefold() for m in calendar.month_name[1:]) | frozenset(
    ("day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours")
)


def counts_things(text: str) -> bool:
    """Whether a clause counts things ('137 firearms', 'seven fuel laundering plants'): a
    number that is not 'one' ('one of the'), a year, a day of a month or a span of time
    ('Eighteen months after')."""
    for before, number, after in _NUMBER_IN_CONTEXT.findall(text):
        if number.casefold() == "one" or is_year(number):
            continue
        if before.casefold() in _TIME_WORDS or after.casefold() in _TIME_WORDS:
            continue
        return True
    return False


_COUNT = re.compile(rf"(?<![\w,.])({NUMBER})\b", re.IGNORECASE)


def count_in(text: str) -> Decimal | None:
    """The first count a cell gives ('5,000 entries within 18 months' → 5000; '26 carried
    out in 2025' → 26), skipping years, days and spans of time."""
    for match in _COUNT.finditer(text):
        number = match.group(1)
        before = text[: match.start()].split()[-1:] or [""]
        after = text[match.end() :].split()[:1] or [""]
        if is_year(number) or {before[0].casefold(), after[0].casefold()} & _TIME_WORDS:
            continue
        return number_value(number)
    return None


def number_value(text: str) -> Decimal | None:
    """The value of a number in digits or words ('1,120', 'sixty-four', 'one hundred and
    twenty')."""
    hundreds, _, rest = text.casefold().partition(" hundred")
    if rest or text.casefold().endswith(" hundred"):
        counted, below = number_value(hundreds), rest.removeprefix(" and ").strip()
        added = number_value(below) if below else Decimal(0)
        return None if counted is None or added is None else counted * 100 + added
    words = [numbers(frozenset()).get(part) for part in text.casefold().split("-")]
    if all(word is not None for word in words):
        return sum(words, Decimal(0))  # 'sixty-four' is sixty and four
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
