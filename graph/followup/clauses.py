"""A follow-up's passages cut into clauses, and the item one clause or list entry reports:
its status as its words and its figure give it, the day it holds from."""

from __future__ import annotations

import datetime
import re

from graph.documents.model import Span
from graph.extract.values import MONTH_NAMES, deadline_in, month_number
from graph.followup.checking import checked_status
from graph.followup.facts import (
    FULFILLED,
    IN_PROGRESS,
    PARTLY_FULFILLED,
    PLEDGED,
    ReportedItem,
)
from graph.followup.figures import a_share_short, covers_all, figure_in
from graph.followup.values import (
    as_of_date,
    status_in,
)
from graph.lexicon import Lexicon

#: Titles shortened before a name, whose point ends no sentence ('Maj. Gen. Abdel-Rahman:').
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Maj", "Col", "Lt", "Capt", "Cdr", "Adm",
           "Brig", "Sgt", "Hon", "Rev", "Insp", "Supt")  # fmt: skip
_AFTER_A_TITLE = "|".join(rf"(?<=\b{title})" for title in _TITLES)
_CLAUSE = re.compile(rf"[^.;!?\n]+(?:(?:\.(?=\d)|(?:{_AFTER_A_TITLE})\.)[^.;!?\n]*)*")
#: A deadline by a month without its year: 'the 20 per cent we committed to reach by June'.
_BY_MONTH = re.compile(rf"\b(?:by|before)\s+(?:the\s+end\s+of\s+)?({MONTH_NAMES})\b(?!\s+\d)")


def clause_item(
    lex: Lexicon,
    span: Span,
    default_date: str | None,
    *,
    strong: bool,
    label: str,
    status: str | None = None,
) -> ReportedItem | None:
    status = status or status_in(lex, span.text)
    figure = figure_in(span.text)
    if status in (None, PLEDGED) and figure is not None and figure.short_of_target:
        # '1,200 of the 10,000 weapons have been marked so far'; 'now work at five of the
        # eight points, and the remaining three will be staffed by November'
        status = IN_PROGRESS
    elif (
        status in (None, PLEDGED, IN_PROGRESS) and figure is not None and figure.target_reached
    ) or (status in (None, IN_PROGRESS) and covers_all(span.text)):
        # 'have operated at six of six crossing points since December'; 'far more than the
        # 30 we promised': the word of the pledge names the target
        status = FULFILLED
    if status is None or (status == PLEDGED and not strong):
        return None
    status = checked_status(status, figure, span.text)
    if status == IN_PROGRESS and a_share_short(figure):
        status = PARTLY_FULFILLED  # '47, or 59 percent, … below the 85 percent set in the plan'
    if status == PARTLY_FULFILLED and _deadline_ahead(span, default_date):
        # 'some 131,000 people, short of the 200,000 foreseen by September 2026': the rest
        # can still come, so the part done is work under way
        status = IN_PROGRESS
    return ReportedItem(
        label=label,
        status=status,
        span=span,
        strong=strong,
        as_of=as_of_date(span.text) or default_date,
        figure=figure,
    )


def _deadline_ahead(span: Span, report_date: str | None) -> bool:
    """Whether the clause names a deadline by the calendar later than the report's date. A
    month without a year is its nearest occurrence: 'by June' in a report of March is
    ahead; 'trained by the end of December' in a report of January is past."""
    if report_date is None:
        return False
    date = datetime.date.fromisoformat(report_date)
    by_month = _BY_MONTH.search(span.text)
    if by_month is not None and 0 < (month_number(by_month.group(1)) - date.month) % 12 <= 6:
        return True
    return deadline_in(span.text, span, date) is not None


def clauses_of(span: Span) -> list[Span]:
    """Sentences and semicolon clauses of a paragraph, with their offsets."""
    return [
        Span(span.start + m.start(), span.start + m.end(), m.group())
        for m in _CLAUSE.finditer(span.text)
        if m.group().strip()
    ]


def trimmed(clause: Span) -> Span:
    stripped = clause.text.strip()
    offset = clause.text.index(stripped)
    return Span(clause.start + offset, clause.start + offset + len(stripped), stripped)


def counted(span: Span, date: str | None, *, occasion: bool = False) -> ReportedItem:
    """A clause that counts what was done ('In 2025 the three services jointly traced 137
    firearms') or reports an ``occasion`` held ('met in Riga on 14 October'): work under
    way, linked only where it names its commitment clearly."""
    return ReportedItem(
        label=span.text,
        status=IN_PROGRESS,
        span=span,
        strong=False,
        as_of=as_of_date(span.text) or date,
        figure=figure_in(span.text),
        counted=True,
        occasion=occasion,
    )
