"""A report that names each measure in a heading and rates it on a line of its own.

Progress pages and bulletins often read: a heading naming the measure ('Around-the-clock
contact point for cyber cases'), a line of verdict under it ('Status: Completed'), then a
paragraph of detail. The verdict line is the report's own word on the measure the heading
names, as a table's status cell is on its row.
"""

from __future__ import annotations

from graph.documents.model import Block, BlockKind, Span
from graph.followup.additions import added_status, says_added
from graph.followup.facts import ReportedItem
from graph.followup.tables import verdict_status
from graph.lexicon import Lexicon
from graph.namespaces import PG


def headed_item(
    lex: Lexicon,
    text: str,
    named: Block | None,
    verdict: Block,
    detail: Block | None,
    date: str | None,
) -> ReportedItem | None:
    """The item a verdict line ('Status: Schedule adjusted') reports on the measure the
    heading before it ``named``, or None when the line is no verdict or follows no heading.
    The paragraph after (``detail``) is part of its passage, whose words the matcher reads;
    it may say the measure was added ('This measure was not in the original memorandum')."""
    if named is None or named.kind is not BlockKind.HEADING:
        return None
    if not opens_on_verdict(lex, verdict.span.text):
        return None
    status = verdict_status(lex, verdict.span.text.partition(":")[2])
    if status is None:
        return None
    detailed = detail is not None and detail.kind is BlockKind.PARAGRAPH
    end = detail.span.end if detail is not None and detailed else verdict.span.end
    span = Span(verdict.span.start, end, text[verdict.span.start : end])  # with its detail
    added = detailed and says_added(lex, span.text)
    return ReportedItem(
        label=named.span.text.strip(),
        status=added_status(status) if added else status,
        span=span,
        strong=True,
        as_of=date,
        added=added,
    )


def opens_on_verdict(lex: Lexicon, text: str) -> bool:
    """Whether a passage opens on a line of verdict: the words before its colon name a
    status ('Status', 'Rating', 'Assessment') and words follow it ('Status: Completed')."""
    key, colon, value = text.split("\n", 1)[0].partition(":")
    hits = lex.cue_index(PG.status).find(key)
    named = len(hits) == 1 and hits[0].text.casefold() == key.strip().casefold()
    return bool(colon and value.strip() and named)
