"""Shares of cases handled within a time limit: what a commitment's standard asks ('85% of
requests answered within 20 working days') and what a report says was met ('answered 93% of
trace requests within 10 business days'), read by ``graph.followup.judged``."""

from __future__ import annotations

import re
from decimal import Decimal

from graph.followup.facts import Figure
from graph.followup.figures import A_SHARE
from graph.followup.numerals import NUMBER, number_value

#: A time limit that a share of cases is measured against: 'within 10 business days', 'the
#: 24-hour standard'.
_TIME_LIMIT = re.compile(
    rf"\bwithin\s+(?:the\s+)?(?:{NUMBER})\s+(?:working\s+|business\s+|calendar\s+)?"
    r"(?:days?|hours?|weeks?|minutes?)\b"
    r"|\b\d+-(?:hour|day|minute)\s+(?:standard|limit|deadline|target)\b",
    re.IGNORECASE,
)


def share_in_time(text: str) -> Figure | None:
    """The share of cases a clause says were handled within a time limit ('answered 93% of
    trace requests within 10 business days', 'Only 58% of requests met the 24-hour
    standard'), as a figure with no target: the commitment's standard is its target."""
    share = A_SHARE.search(text) if _TIME_LIMIT.search(text) else None
    return Figure(share.group(), number_value(share.group(1)), None) if share else None


def standard_share(text: str) -> Decimal | None:
    """The share of cases a commitment's words ask to be handled within a time limit: '85%
    of requests answered within 20 working days' asks 85; 'notified to the other side
    within 24 hours' asks it of every case, 100."""
    if not _TIME_LIMIT.search(text):
        return None
    share = A_SHARE.search(text)
    return number_value(share.group(1)) if share else Decimal(100)
