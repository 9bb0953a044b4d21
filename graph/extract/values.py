"""Reading values out of cells: spans (timelines) and recurrences (frequencies).

A cell that states a recurrence ("Every 6 months", "Biannual", "Ongoing") is
a frequency whatever its column is called; one that states a span ("18
months", "within two years", "by the end of year three") is a timeline.
Recurrence words come from the frequency scheme, unit words from the cues on
OWL-Time's units.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from rdflib import URIRef

from graph.documents.model import Span
from graph.extract.facts import Frequency, Timeline
from graph.extract.phrases import PhraseIndex
from graph.lexicon import Lexicon
from graph.namespaces import PG, TIME

# English number words are grammar, not domain knowledge: they stay in code.
_UNITS_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half": Decimal("0.5"),
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_DAYS_PER_UNIT = {"unitDay": Decimal(1), "unitWeek": Decimal(7)}
_MONTHS_PER_UNIT = {"unitMonth": Decimal(1), "unitYear": Decimal(12)}
_NUMBER = r"(\d+(?:[.,]\d+)?|(?:[a-z]+(?:[\s-][a-z]+)?))"


def number_value(text: str) -> Decimal | None:
    """'18' → 18, 'nine' → 9, 'twenty-four' → 24, 'a' → 1; None when it is no number."""
    text = text.strip().lower().replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    words = re.split(r"[\s-]+", text)
    if words[:1] == ["half"]:  # "half a year": a fraction of the unit, not one and a half
        return Decimal("0.5") if words[1:] in ([], ["a"], ["an"]) else None
    if len(words) > 1 and {"a", "an"} & set(words):  # "a" counts one only on its own
        return None
    total = Decimal(0)
    for word in words:
        if word not in _UNITS_WORDS and word not in _ORDINALS:
            return None
        total += Decimal(_UNITS_WORDS.get(word) or _ORDINALS[word])
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
        if any(marker.end <= hit.start for marker in markers):
            return None  # "every 18 months" recurs; it is not a deadline
        unit = hit.values[0]
        value = _and_a_half(text, hit) or _number_before(text[: hit.start])
        value = value or _ordinal_after(text, hit, unit)
        if value is None:
            continue
        return Timeline(value, str(unit), months_of(value, unit), span)
    return None


def _number_before(prefix: str) -> Decimal | None:
    match = re.search(_NUMBER + r"[\s-]*$", prefix.lower())
    if not match:
        return None
    words = match.group(1).split()
    # Try the longest tail of words that reads as a number ("twenty four", then "four").
    for i in range(len(words)):
        value = number_value(" ".join(words[i:]))
        if value is not None:
            return value
    return None


def _and_a_half(text: str, hit) -> Decimal | None:
    """'two and a half years' and 'a year and a half' are 2.5 and 1.5 of the unit."""
    before = re.search(r"([\w-]+)\s+and\s+a\s+half[\s-]*$", text[: hit.start].lower())
    if before:
        whole = number_value(before.group(1))
        return whole + Decimal("0.5") if whole is not None else None
    if re.match(r"\s+and\s+a\s+half\b", text[hit.end :].lower()):
        whole = _number_before(text[: hit.start])
        return whole + Decimal("0.5") if whole is not None else None
    return None


def _ordinal_after(text: str, hit, unit: URIRef) -> Decimal | None:
    """'year three' or 'the third year' read as the end of that year."""
    after = re.match(r"[\s-]*(\d+|[a-z]+)", text[hit.end :].lower())
    if after:
        value = number_value(after.group(1))
        if value is not None and value == int(value):
            return value
    before = re.search(r"([a-z]+)[\s-]*$", text[: hit.start].lower())
    if before and before.group(1) in _ORDINALS:
        return Decimal(_ORDINALS[before.group(1)])
    return None


def read_value(lexicon: Lexicon, text: str, span: Span) -> Frequency | Timeline | None:
    """A recurrence takes precedence: 'Every 6 months' is semiannual, not a 6-month span."""
    return parse_recurrence(lexicon, text, span) or parse_span(lexicon, text, span)
