"""Spans and recurrences read from cells, with the lexicon from the ontology."""

from __future__ import annotations

import datetime
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
        (
            "staffed by two officers seconded by each party, to be operational within eight months",
            "8",
        ),
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
        ("Every two months", "bimonthly"),
        ("every other month", "bimonthly"),
        ("Fortnightly", "biweekly"),
        ("every 2 weeks", "biweekly"),
        ("Twice a month", "semimonthly"),
    ],
)
def test_recurrences_become_frequencies_whatever_the_column(text: str, key: str) -> None:
    value = _read(text)
    assert isinstance(value, Frequency), text
    assert value.key == key


@pytest.mark.parametrize(
    "text", ["Real-time Alerts", "Swift Prosecutions", "TBD", "", "months", "Bimonthly", "Biweekly"]
)
def test_other_text_is_neither(text: str) -> None:
    assert _read(text) is None


@pytest.mark.parametrize("text", ["Every 18 months", "each 5 weeks", "twice per 3 months"])
def test_recurrences_outside_the_scheme_are_not_spans(text: str) -> None:
    assert _read(text) is None


@pytest.mark.parametrize(
    ("text", "since", "months"),
    [
        ("End of 2025", datetime.date(2024, 4, 18), 20),
        ("by the end of 2025", datetime.date(2024, 5, 20), 19),
        ("September 2024", datetime.date(2023, 9, 14), 12),
        ("March 2024", datetime.date(2023, 9, 14), 6),
        ("By 31 December 2024", datetime.date(2024, 5, 31), 7),
        ("Operational by 31 March 2025", datetime.date(2024, 5, 31), 10),
        ("30 June 2025", datetime.date(2024, 5, 31), 13),
        ("December 31, 2025", datetime.date(2024, 5, 31), 19),
        ("By end-2024", datetime.date(2024, 5, 31), 7),
        ("By the end of this year", datetime.date(2024, 5, 31), 7),
    ],
)
def test_a_deadline_by_the_calendar_counts_months_from_the_document(text, since, months) -> None:
    value = read_value(lexicon(), text, Span(0, len(text), text), since)
    assert isinstance(value, Timeline) and value.months == months


def test_a_calendar_deadline_needs_a_date_to_count_from_and_must_lie_ahead() -> None:
    assert _read("September 2024") is None
    span = Span(0, 12, "January 2023")
    assert read_value(lexicon(), span.text, span, datetime.date(2024, 1, 1)) is None
