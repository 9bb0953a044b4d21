"""Spans and recurrences read from cells, with the lexicon from the ontology."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.documents.model import Span
from graph.extract.facts import Frequency, Timeline
from graph.extract.values import read_value
from graph.lexicon import lexicon


def _read(text: str):
    return read_value(lexicon(), text, Span(0, len(text), text))


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("6 months", "6"),
        ("1 year", "12"),
        ("18 months", "18"),
        ("90 days", "3"),
        ("180 days", "6"),
        ("nine months", "9"),
        ("two years", "24"),
        ("within 24 months", "24"),
        ("within two years", "24"),
        ("by the end of year three", "36"),
        ("by the end of the second year", "24"),
        ("half a year", "6"),
        ("a two-year programme", "24"),
        ("twenty-four months", "24"),
        ("a year and a half", "18"),
        ("two and a half years", "30"),
        ("within 120 days", "4"),
    ],
)
def test_spans_become_timelines_in_months(text: str, months: str) -> None:
    value = _read(text)
    assert isinstance(value, Timeline), text
    assert value.months == Decimal(months)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ongoing", "continuous"),
        ("Continuous", "continuous"),
        ("Biannual", "semiannual"),
        ("Semiannually", "semiannual"),
        ("Twice a year", "semiannual"),
        ("Every 6 months", "semiannual"),
        ("Every six months", "semiannual"),
        ("Biennially", "biennial"),
        ("every two years", "biennial"),
        ("Quarterly", "quarterly"),
        ("Every three months", "quarterly"),
        ("Annually", "annual"),
        ("Yearly", "annual"),
        ("Monthly", "monthly"),
        ("Weekly", "weekly"),
        ("Daily", "daily"),
    ],
)
def test_recurrences_become_frequencies_whatever_the_column(text: str, key: str) -> None:
    value = _read(text)
    assert isinstance(value, Frequency), text
    assert value.key == key


@pytest.mark.parametrize("text", ["Real-time Alerts", "Swift Prosecutions", "TBD", "", "months"])
def test_other_text_is_neither(text: str) -> None:
    assert _read(text) is None


@pytest.mark.parametrize("text", ["Every 18 months", "each 5 weeks", "twice per 3 months"])
def test_recurrences_outside_the_scheme_are_not_spans(text: str) -> None:
    assert _read(text) is None
