"""Reading values out of cells: spans (timelines) and recurrences (frequencies).

A cell that states a recurrence ("Every 6 months", "Biannual", "Ongoing") is
a frequency whatever its column is called; one that states a span ("18
months", "within two years", "by the end of year three") is a timeline.
Recurrence words come from the frequency scheme, unit words from the cues on
OWL-Time's units.
"""

from __future__ import annotations

import calendar
import datetime
import re
from decimal import Decimal
from functools import cache

from rdflib import URIRef

from graph.documents.model import Span
from graph.extract.facts import Frequency, Timeline
from graph.extract.phrases import PhraseIndex
from graph.language import grammar
from graph.lexicon import Lexicon
from graph.namespaces import PG, TIME

_DAYS_PER_UNIT = {"unitDay": Decimal(1), "unitWeek": Decimal(7)}
_MONTHS_PER_UNIT = {"unitMonth": Decimal(1), "unitYear": Decimal(12)}
_NUMBER = r"(\d+(?:[.,]\d+)?|(?:[^\W\d_]+(?:[\s-][^\W\d_]+){0,2}))"
# "seis (6) meses", "12 (doze) meses": a number restated in brackets.
_RESTATED = r"(?:\s*\([^()]{1,20}\))?"


def number_value(text: str, languages: frozenset[str] = frozenset()) -> Decimal | None:
    """'18' → 18, 'nine' → 9, 'twenty-four' → 24, 'a' → 1, 'dezoito' → 18; None if no number."""
    words_of = grammar.numbers(frozenset(languages))
    ordinals_of = grammar.ordinals(frozenset(languages))
    text = text.strip().lower().replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    words = re.split(r"[\s-]+", text)
    if words[:1] == ["half"]:  # "half a year": a fraction of the unit, not one and a half
        return Decimal("0.5") if words[1:] in ([], ["a"], ["an"]) else None
    if len(words) > 1 and {"a", "an"} & set(words):  # "a" counts one only on its own
        return None
    if text in words_of:  # "dix-huit", "vinte e quatro": written as one number
        return words_of[text]
    total = Decimal(0)
    for word in words:
        if word not in words_of and word not in ordinals_of:
            return None
        total += words_of.get(word) or ordinals_of[word]
    return total if total > 0 else None


@cache
def _unit_index(lexicon: Lexicon) -> PhraseIndex[URIRef]:
    units = (TIME.unitDay, TIME.unitWeek, TIME.unitMonth, TIME.unitYear)
    return PhraseIndex(
        ((cue, unit) for unit in units for cue in lexicon.cues.get(unit, ())), case_sensitive=False
    )


def months_of(value: Decimal, unit: URIRef) -> Decimal:
    """Normalize to months: 90 days = 3, 1 year = 12 (a month counts 30 days)."""
    name = str(unit).rsplit("#", 1)[-1]
    if name in _MONTHS_PER_UNIT:
        months = value * _MONTHS_PER_UNIT[name]
    else:
        months = value * _DAYS_PER_UNIT[name] / Decimal(30)
    return months.quantize(Decimal("0.01")).normalize()


def parse_recurrence(lexicon: Lexicon, text: str, span: Span) -> Frequency | None:
    """The frequency a cell states, if any."""
    hits = lexicon.frequencies.find(text)
    if not hits:
        return None
    return Frequency(hits[0].values[0], span)


def parse_span(lexicon: Lexicon, text: str, span: Span) -> Timeline | None:
    """The span a cell states, if any: 'six months', 'within 24 months', 'by end of year three'."""
    markers = lexicon.cue_index(PG.Frequency).find(text)
    for hit in _unit_index(lexicon).find(text):
        if any(_just_before(text, marker.end, hit.start) for marker in markers):
            return None  # "every 18 months" recurs; it is not a deadline
        unit = hit.values[0]
        languages = lexicon.languages
        value = _and_a_half(text, hit, languages) or _number_before(text[: hit.start], languages)
        value = value or _ordinal_after(text, hit, languages)
        if value is None:
            continue
        return Timeline(value, str(unit), months_of(value, unit), span)
    return None


def _just_before(text: str, end: int, start: int) -> bool:
    """Whether a cue ending at ``end`` governs the unit at ``start``: at most the three words of
    a number between ('every 18 months', 'every twenty four months'), not a cue of another
    phrase ('staffed by two officers seconded by each party, to be operational within eight
    months')."""
    between = text[end:start] if end <= start else None
    return between is not None and len(between.split()) <= 3 and not re.search(r"[,;:.]", between)


def _number_before(prefix: str, languages: frozenset[str]) -> Decimal | None:
    match = re.search(_NUMBER + _RESTATED + r"[\s-]*$", prefix.lower())
    if not match:
        return None
    words = match.group(1).split()
    # Try the longest tail of words that reads as a number ("twenty four", then "four").
    for i in range(len(words)):
        value = number_value(" ".join(words[i:]), languages)
        if value is not None:
            return value
    return None


def _and_a_half(text: str, hit, languages: frozenset[str]) -> Decimal | None:
    """'two and a half years', 'a year and a half', 'dos años y medio' add half the unit."""
    before = re.search(r"([\w-]+)\s+and\s+a\s+half[\s-]*$", text[: hit.start].lower())
    if before:
        whole = number_value(before.group(1), languages)
        return whole + Decimal("0.5") if whole is not None else None
    halves = "|".join(re.escape(h) for h in grammar.words(grammar.HALF_AFTER, languages))
    if re.match(rf"\s+(?:{halves})\b", text[hit.end :].lower()):
        whole = _number_before(text[: hit.start], languages)
        return whole + Decimal("0.5") if whole is not None else None
    return None


def _ordinal_after(text: str, hit, languages: frozenset[str]) -> Decimal | None:
    """'year three', 'the third year' or 'el tercer año' read as the end of that year."""
    after = re.match(r"[\s-]*(\d+|[^\W\d_]+)", text[hit.end :].lower())
    if after:
        value = number_value(after.group(1), languages)
        if value is not None and value == int(value):
            return value
    before = re.search(r"([^\W\d_]+)[\s-]*$", text[: hit.start].lower())
    ordinals = grammar.ordinals(frozenset(languages))
    if before and before.group(1) in ordinals:
        return ordinals[before.group(1)]
    return None


#: The names of the months, as alternatives of a pattern (matched without case where prose
#: may write them either way).
MONTH_NAMES = "|".join(calendar.month_name[1:])


def month_number(name: str) -> int:
    """The number of a month named in any case: 'june' → 6."""
    return list(calendar.month_name).index(name.capitalize())


#: A deadline by the calendar: 'September 2024', 'by March 2025', 'End of 2025', 'By
#: end-2024', '31 December 2024', 'Operational by 31 March 2025', 'December 31, 2025', 'By
#: the end of this year' (the document's year).
_DEADLINE = re.compile(
    rf"^(?:(?:[^\W\d_]+\s+){{0,4}}?(?:by|before)\s+|in\s+)?"
    rf"(?:(?:the\s+)?end(?:\s+of\s+|-)(?:(?P<end>\d{{4}})|(?P<this>this|the\s+current)\s+year)"
    rf"|(?:\d{{1,2}}\s+)?(?P<month>{MONTH_NAMES})\s+(?:\d{{1,2}},\s+)?(?P<year>\d{{4}}))\.?$",
    re.IGNORECASE,
)


#: A deadline by the calendar inside a sentence: 'trained … by the end of 2026', 'by June 2025',
#: 'by 31 December 2025'.
_DEADLINE_IN_PROSE = re.compile(
    rf"\b(?:by|before)\s+(?:(?:the\s+)?end\s+of\s+(?P<end>\d{{4}})"
    rf"|(?:\d{{1,2}}\s+)?(?P<month>{MONTH_NAMES})\s+(?P<year>\d{{4}}))\b",
    re.IGNORECASE,
)


def parse_deadline(text: str, span: Span, since: datetime.date | None) -> Timeline | None:
    """A deadline the calendar names, as the months from ``since`` (the document's date) to
    it: 'End of 2025' in a pact of 18 April 2024 is 20 months, 'September 2024' in one of 14
    September 2023 is 12."""
    return _months_to(_DEADLINE.match(text.strip()), span, since)


def names_deadline(text: str) -> bool:
    """Whether a cell is a deadline by the calendar ('31 December 2024'): a column of them is
    a timeline whatever its header ('To be completed by')."""
    return _DEADLINE.match(text.strip()) is not None


def deadline_in(text: str, span: Span, since: datetime.date | None) -> Timeline | None:
    """The first deadline by the calendar a sentence gives ('will train 120 officers by the
    end of 2026'), as the months from ``since``."""
    return _months_to(_DEADLINE_IN_PROSE.search(text), span, since)


def _months_to(
    match: re.Match[str] | None, span: Span, since: datetime.date | None
) -> Timeline | None:
    if match is None or since is None:
        return None
    if match.groupdict().get("this"):
        year, month = since.year, 12
    elif match.group("end"):
        year, month = int(match.group("end")), 12
    else:
        year, month = int(match.group("year")), month_number(match.group("month"))
    months = (year - since.year) * 12 + month - since.month
    if months <= 0:
        return None
    return Timeline(Decimal(months), str(TIME.unitMonth), Decimal(months), span)


def read_value(
    lexicon: Lexicon, text: str, span: Span, since: datetime.date | None = None
) -> Frequency | Timeline | None:
    """A recurrence takes precedence: 'Every 6 months' is semiannual, not a 6-month span; a
    deadline by the calendar counts from ``since``."""
    return (
        parse_recurrence(lexicon, text, span)
        or parse_span(lexicon, text, span)
        or parse_deadline(text, span, since)
    )


def first_occasion_due(
    lexicon: Lexicon, text: str, span: Span, since: datetime.date | None
) -> Timeline | None:
    """The deadline ``text`` gives the first of a recurring occasion ('the first edition to be
    hosted … before the end of 2025', 'The first operation is to take place within nine
    months'): the recurring commitment's timeline."""
    first = _first_word(lexicon.languages).search(text)
    if first is None:
        return None
    return due_in(lexicon, text[first.end() :], span, since)


def due_in(lexicon: Lexicon, text: str, span: Span, since: datetime.date | None) -> Timeline | None:
    """The deadline a sentence gives: by the calendar ('by the end of 2026'), counted from
    ``since``, else as a span ('within twelve months')."""
    return deadline_in(text, span, since) or parse_span(lexicon, text, span)


@cache
def _first_word(languages: frozenset[str]) -> re.Pattern[str]:
    """The ordinal 'first' of the document's languages, as a word."""
    firsts = [word for word, value in grammar.ordinals(languages).items() if value == 1]
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, firsts))})\b", re.IGNORECASE)


def span_beside_recurrence(lexicon: Lexicon, text: str, span: Span) -> Timeline | None:
    """The span a cell gives beside its recurrence, after it: 'Monthly, within 6 months' and
    'Monthly patrols; result within 24 months' recur and are due too ('Every 6 months' gives
    none: its span is the recurrence's)."""
    recurrence = lexicon.frequencies.find(text)
    rest = text[recurrence[0].end :] if recurrence else text
    return parse_span(lexicon, rest, span)
