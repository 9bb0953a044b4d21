"""Reported items whose status depends on the commitment they speak of.

The reading sees a follow-up alone; some of what it says only has a status once the
commitment is known, which matching finds later (``graph.followup.tracking``):

- a measure at work since a day ('The joint cell has been working at the Freeport since
  15 October 2024') fulfils a pledge to set the cell up by a deadline, and is only work
  going on for patrols held every month;
- a figure short of its target read as work under way ('86 of the 200 officers trained')
  is partial fulfilment once the commitment's deadline has passed, and work under way
  before it;
- a share of cases handled within a time limit ('answered 93% of trace requests within 10
  business days') fulfils a standard that asks 90% of them, and only partly one that asks
  every case.

Such an item is marked (``pg:RunningStatusAssertion``, ``pg:ShortfallStatusAssertion``,
``pg:StandardStatusAssertion``, all ``pg:JudgedStatusAssertion``), states no status in the
document's graph, and is judged in the report's tracking graph; while it matches no
commitment it is work in progress.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import re
from collections.abc import Sequence
from functools import cache

from rdflib import RDF, Graph, URIRef

from graph.extract.phrases import alternatives
from graph.followup.facts import FULFILLED, IN_PROGRESS, PARTLY_FULFILLED, ReportedItem
from graph.followup.matching import CommitmentRecord
from graph.followup.numerals import ORDINAL
from graph.followup.speaking import speaking_phrases
from graph.followup.standards import share_in_time
from graph.lexicon import Lexicon
from graph.namespaces import DCTERMS, ID, PG

#: The kinds of judged items.
RUNNING, SHORTFALL, STANDARD = "running", "shortfall", "standard"
#: The class of an item whose status waits for its commitment, by the judgement it waits for.
JUDGED_CLASSES = {
    RUNNING: PG.RunningStatusAssertion,
    SHORTFALL: PG.ShortfallStatusAssertion,
    STANDARD: PG.StandardStatusAssertion,
}

#: What keeps a clause from reporting the whole measure at work: one of several, said of
#: what is at work, before the words of work ('the first detector dog team has been
#: working', 'A second container scanner has been working at the port of Koper'; '… has been
#: operating since March 2025 and has become the first point of contact' is the whole
#: desk) ...
_ONE_OF_SEVERAL = re.compile(rf"\b(?:{ORDINAL})\b", re.IGNORECASE)
#: ... or, anywhere, a part ('only one analyst has been working', 'has worked in one
#: direction only'), a stop or a denial ('has closed at night since 1 March', 'has not been
#: staffed since').
_PART_OR_STOP = re.compile(r"\b(?:only|closed|not|no\s+longer)\b", re.IGNORECASE)


@cache
def _running(words: frozenset[str]) -> re.Pattern[str]:
    """'has been staffed around the clock since 1 June', 'have worked together since
    January', 'Since 15 September, an officer … has been working at', 'began work in Tay
    Ninh on 15 June', 'The common procedure … was adopted … on 9 October' (not 'was to be
    adopted'); the last of several at work is the whole ('The last of three coastal radar
    stations … is up and running'), and so is one 'since it opened in October 2024'."""
    at_work = alternatives(words)
    return re.compile(
        rf"\b(?:has|have)\s+(?:been\s+)?(?:{at_work})\b[^.;]*?\bsince\b"
        rf"|^\s*since\b[^.;]*?\b(?:has|have)\s+(?:been\s+)?(?:{at_work})\b"
        rf"|\b(?:began|started)\s+(?:{at_work})\b"
        rf"|\b(?:was|were)\s+(?:{at_work})\b(?!\s+to\b)"
        rf"|\b(?:last|final)\s+of\b[^.;]*?\b(?:is|are)\s+(?:now\s+)?(?:{at_work})\b"
        r"|\bsince\s+(?:it|they)\s+(?:opened|began\s+work|went\s+live)\b",
        re.IGNORECASE,
    )


def runs_since(lex: Lexicon, text: str) -> bool:
    """Whether a clause reports a measure, whole, at work since a day."""
    if not lex.running_words or _PART_OR_STOP.search(text):
        return False
    running = _running(lex.running_words).search(text)
    return running is not None and not _ONE_OF_SEVERAL.search(text, 0, running.end())


def marked_for_judgement(lex: Lexicon, item: ReportedItem) -> ReportedItem:
    """``item`` marked with the kind of judgement its status waits for, if any: a figure
    short of its target read as work under way, unless its words say the work keeps to its
    schedule ('38 of 60 officers graduated | On track'); a share of cases handled in time with no
    target beside it, the share its figure; a prose clause of a measure at work since a
    day. Items whose words state their status otherwise keep it."""
    if item.added or item.status != IN_PROGRESS:
        return item
    if (
        item.figure is not None
        and item.figure.short_of_target
        and not lex.on_schedule_words.find(item.span.text)
    ):
        return dataclasses.replace(item, judged=SHORTFALL)
    share = None if item.figure is not None or item.strong else share_in_time(item.span.text)
    if share is not None and not _states_its_status(lex, item.span.text):
        return dataclasses.replace(item, judged=STANDARD, figure=share)
    if not item.strong and runs_since(lex, item.span.text):
        return dataclasses.replace(item, judged=RUNNING)
    return item


def _states_its_status(lex: Lexicon, text: str) -> bool:
    """Whether a clause says its own status in words ('remains in a pilot phase'), heard as
    every reader hears them (``speaking_phrases``: 'within 15 working days' names a kind of
    day, no work under way), apart from the 'since' that dates it ('since the new protocol
    took effect')."""
    hits = speaking_phrases(lex, text)
    return any(hit.text.casefold() != "since" for hit in hits)


def deadline_of(signed: str | None, months: float) -> str | None:
    """The day a commitment is due, ISO 8601: its agreement's date plus its timeline's
    months (the last day of a shorter month when the day does not exist in it)."""
    if signed is None:
        return None
    start = datetime.date.fromisoformat(signed[:10])
    years, month = divmod(start.month - 1 + round(months), 12)
    year = start.year + years
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day).isoformat()


def judged_status(
    kind: str, *, set_up_once: bool, past_deadline: bool, standard_met: bool | None = None
) -> str:
    """The status of a judged item on the commitment it speaks of: a measure at work that
    was to be set up once by a deadline is fulfilled; a shortfall past the deadline is
    partial fulfilment; a share of cases handled in time fulfils the commitment's standard
    when it reaches it, and partly otherwise; anything else is work in progress (as for an
    item matched to no commitment, for which the flags are false or unknown)."""
    if kind == RUNNING and set_up_once:
        return FULFILLED
    if kind == SHORTFALL and past_deadline:
        return PARTLY_FULFILLED
    if kind == STANDARD and standard_met is not None:
        return FULFILLED if standard_met else PARTLY_FULFILLED
    return IN_PROGRESS


def judge(
    graph: Graph, report: Graph, doc: URIRef, commitments: Sequence[CommitmentRecord]
) -> None:
    """Add to a report's tracking ``graph`` the status of each of its judged items, against
    the commitment ``graph`` matched it to."""
    by_iri = {c.iri: c for c in commitments}
    published = report.value(doc, DCTERMS.date)
    for item in report.objects(doc, PG.reportsStatus):
        if (item, RDF.type, PG.JudgedStatusAssertion) not in report:
            continue
        kind = next(k for k, cls in JUDGED_CLASSES.items() if (item, RDF.type, cls) in report)
        commitment = by_iri.get(str(graph.value(item, PG.assertsStatusOf)))
        as_of = report.value(item, DCTERMS.date) or published
        share = report.value(item, PG.reportedValue)
        status = judged_status(
            kind,
            set_up_once=commitment is not None and commitment.set_up_once,
            past_deadline=commitment is not None
            and commitment.deadline is not None
            and as_of is not None
            and str(as_of) > commitment.deadline,
            standard_met=None
            if commitment is None or commitment.standard is None or share is None
            else share.toPython() >= commitment.standard,
        )
        graph.add((item, PG.status, URIRef(f"{ID}status/{status}")))
