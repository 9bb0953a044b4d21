"""Recognising a follow-up and reading its reported items (status, as-of date, figure, evidence).

A document is a follow-up when it looks back at an agreement (a follow-up cue of the
ontology such as 'progress report' or 'one year after' in its title or opening) and
reports statuses of items (status labels of the commitment-status scheme) in a table,
a list or its prose. The test is conservative: an announcement, which pledges in the
future tense, has no status words beyond 'pledged' and stays untouched.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import re

from graph.documents.model import Block, BlockKind, Document, Span
from graph.extract.extractor import document_date
from graph.extract.facts import DocumentFacts
from graph.followup.additions import added_status, addition, addition_cues, named_before
from graph.followup.facts import (
    FULFILLED,
    IN_PROGRESS,
    PLEDGED,
    FollowUpFacts,
    ReportedItem,
)
from graph.followup.tables import table_items
from graph.followup.values import (
    as_of_date,
    checked_status,
    counts_work_done,
    covers_all,
    figure_in,
    reports_occasion,
    status_in,
)
from graph.lexicon import Lexicon

_OPENING = 1000  # characters of title and opening in which a follow-up cue must appear
_CLAUSE = re.compile(r"[^.;!?\n]+(?:\.(?=\d)[^.;!?\n]*)*")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
#: 'it was agreed that the group would meet every six weeks instead': a decision reported.
_THAT = re.compile(r"\s+that\b")
_TOPICAL = 3  # words from which a heading names a topic ('Answer 3' does not)
_PRONOUN = re.compile(r"(?:It|They|This|These|Its|Their)\b")
_MONTH_YEAR = re.compile(rf"\b({'|'.join(calendar.month_name[1:])})\s+((?:19|20)\d{{2}})\b")
#: 'in June of last year', 'last year': a year named by its distance from the document's own.
_LAST_YEAR = re.compile(
    rf"\b(?:({'|'.join(calendar.month_name[1:])})\s+(?:of\s+)?)?last\s+year\b", re.IGNORECASE
)
#: How long before a document the agreement it names must be dated for it to look back.
_LOOKING_BACK = datetime.timedelta(days=60)


def _opening(document: Document) -> str:
    title = document.title.text if document.title else ""
    return f"{title}\n{document.text[:_OPENING]}"


def _lead(text: str) -> str:
    """A list item's lead ('Joint Patrols: operating in four ports' → 'Joint Patrols')."""
    for separator in (":", " – ", " — ", " - "):
        head, found, _ = text.partition(separator)
        if found and 0 < len(head.split()) <= 12:
            return head.strip(" *_")
    return text.strip()


def _clause_item(
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
    elif status in (None, IN_PROGRESS) and (
        (figure is not None and figure.target_reached) or covers_all(span.text)
    ):
        status = FULFILLED  # 'have operated at six of six crossing points since December'
    if status is None or (status == PLEDGED and not strong):
        return None
    return ReportedItem(
        label=label,
        status=checked_status(status, figure, span.text),
        span=span,
        strong=strong,
        as_of=as_of_date(span.text) or default_date,
        figure=figure,
    )


def _introduces_pledges(lex: Lexicon, text: str | None) -> bool:
    """'Building on the Roadmap, the Commission agreed to:' introduces what was agreed."""
    return bool(text and text.rstrip().endswith(":") and status_in(lex, text) == PLEDGED)


def _only_refers(lex: Lexicon, item: Span) -> bool:
    """Whether every clause of an unlabelled item that states a status names the earlier
    agreement with its year ('The Commission established under the Roadmap signed on 12
    March 2024 held its first session'): a reference, as in prose, not a report."""
    stating = [c for c in _clauses(item) if status_in(lex, c.text)]
    return bool(stating) and all(
        lex.reference_cues.find(c.text) and _YEAR.search(c.text) for c in stating
    )


def _list_items(
    lex: Lexicon, block: Block, date: str | None, heading: str | None, intro: str | None = None
):
    """Items of a list that reports statuses.

    A list under a heading that states a status ('Delivered', 'Behind Schedule') reports
    that status for each item that states none itself: the writer sorted them. In a list
    where most items say a status, an item that says none ('Held every month since
    March') is reported as in progress, but only kept if it matches a commitment. An item
    is the report's own word on a commitment when it is labelled ('Kidnap alert line:
    operational') or pledges anew; an unlabelled remark ('Two of the five deliverables
    have been met') counts as prose, and like a sentence of prose it is no report when it
    only names the earlier agreement. The items after an introduction that pledges
    ('the Commission agreed to:') are pledges of the report's own.
    """
    sorted_as = status_in(lex, heading) if heading else None
    if sorted_as == PLEDGED:
        sorted_as = None
    said = [status_in(lex, item.text) or sorted_as for item in block.items]
    progress_list = 2 * sum(1 for s in said if s and s != PLEDGED) >= len(said)
    pledging = _introduces_pledges(lex, intro)
    adding = bool(intro and intro.rstrip().endswith(":") and addition_cues(lex, intro))
    for item, status in zip(block.items, said, strict=True):
        label = _lead(item.text)
        if _introduces_pledges(lex, item.text):
            pledging = True
            continue
        if pledging:
            status = status or PLEDGED
        elif label == item.text.strip() and _only_refers(lex, item):
            continue
        if adding or addition_cues(lex, item.text):
            found = _clause_item(
                lex, item, date, strong=True, label=label, status=added_status(status)
            )
            yield dataclasses.replace(found, added=True)  # 'A dog team, not part of the original'
            continue
        if lex.exclusions.find(item.text):
            continue  # 'a separate arrangement, not assessed in this fact sheet'
        if status is None and progress_list:
            found = _clause_item(lex, item, date, strong=False, label=label, status=IN_PROGRESS)
        else:
            found = _clause_item(lex, item, date, strong=True, label=label, status=status)
        if found is not None and label == item.text.strip():
            if found.status == PLEDGED and not pledging:
                continue  # 'The next session will be held in Maputo': an unlabelled plan
            found = dataclasses.replace(found, strong=found.status == PLEDGED)
        if found is not None:
            yield found


def _clauses(span: Span) -> list[Span]:
    """Sentences and semicolon clauses of a paragraph, with their offsets."""
    return [
        Span(span.start + m.start(), span.start + m.end(), m.group())
        for m in _CLAUSE.finditer(span.text)
        if m.group().strip()
    ]


def _trimmed(clause: Span) -> Span:
    stripped = clause.text.strip()
    offset = clause.text.index(stripped)
    return Span(clause.start + offset, clause.start + offset + len(stripped), stripped)


def _asks(passage: Span, clause: Span) -> bool:
    """Whether the clause is a question ('Is it true that the target has been abandoned?')."""
    return passage.text[clause.end - passage.start : clause.end - passage.start + 1] == "?"


def _prose_items(lex: Lexicon, passage: Span, date: str | None, before: Span | None = None):
    """Clauses with a status; a clause naming the earlier agreement ('signed in 2025') is the
    reference, not an item; a clause adding a commitment is an addition. A clause that
    states no status, or asks, just before one that does is that one's topic and joins its
    label; so is ``before``, the last sentence of the block before (a heading, a question),
    for a paragraph opening on a pronoun ('It has not been abandoned, but it has been
    adjusted')."""
    clauses = [_trimmed(c) for c in _clauses(passage)]
    taken = -1
    added_here = False
    topic: Span | None = None
    if before is not None and clauses and _PRONOUN.match(clauses[0].text):
        topic = before
    for index, span in enumerate(clauses):
        if index <= taken:
            continue
        cue = addition_cues(lex, span.text)
        if cue:
            # 'agreed to add two measures:' introduces a list, whose items are the additions;
            # 'It was not part of the original plan' restates the one just made.
            if not span.text.endswith(":"):
                added, taken = addition(lex, passage, clauses, index, cue[0].end, date)
                if _PRONOUN.match(span.text) and index and topic is clauses[index - 1]:
                    added = named_before(lex, passage, topic, added, date)
                if added.label != span.text or not added_here:
                    added_here = True
                    yield added
            continue
        said = None
        references = [
            h for h in lex.reference_cues.find(span.text) if not _THAT.match(span.text, h.end)
        ]
        if references:
            said = _status_before_reference(lex, span.text)
            if said in (None, PLEDGED):
                topic = span  # 'signed their plan, they promised to dismantle fifteen networks'
                if said is None and reports_occasion(span.text[: references[0].start]):
                    yield _counted(span, date, occasion=True)  # 'met to review what they signed'
                continue
        found = _clause_item(lex, span, date, strong=False, label=span.text, status=said)
        if found is not None and index + 1 < len(clauses):
            found = _judged_by_next(lex, span, clauses[index + 1], found)
        if found is None or _asks(passage, span):
            topic = span
            occasion = reports_occasion(span.text)
            done = occasion or counts_work_done(span.text)
            if found is None and done and not lex.exclusions.find(span.text):
                yield _counted(span, date, occasion=occasion)
            continue
        if topic is not None and (topic is before if index == 0 else clauses[index - 1] is topic):
            # 'The weapons amnesty has made slower progress. Albanian police say 3,900
            # weapons have been handed in': the sentence before names what this one reports
            found = dataclasses.replace(found, label=f"{topic.text}. {span.text}")
        topic = None
        yield found


def _counted(span: Span, date: str | None, *, occasion: bool = False) -> ReportedItem:
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


def _status_before_reference(lex: Lexicon, text: str) -> str | None:
    """The status a clause that names the earlier agreement states before naming it: 'has
    met twice, in keeping with the rhythm agreed in the MoU' reports; 'the memorandum
    signed in 2025, officials admit mixed results' judges the whole pact, and 'the accord
    signed on 14 November' names it ('signed' is a word of fulfilment)."""
    cues = lex.reference_cues.find(text)
    return status_in(lex, text[: cues[0].start]) if cues else status_in(lex, text)


def _judged_by_next(lex: Lexicon, clause: Span, following: Span, item: ReportedItem):
    """A clause that gives only a figure ('Eight of the ten help desks are now open') takes
    the verdict of the next clause when that states one ('… so that part of the plan has
    been only partly delivered')."""
    if status_in(lex, clause.text) not in (None, PLEDGED):
        return item
    verdict = status_in(lex, following.text)
    if verdict in (None, PLEDGED) or addition_cues(lex, following.text):
        return item
    return dataclasses.replace(item, status=checked_status(verdict, item.figure, following.text))


def reported_items(lex: Lexicon, document: Document, date: str | None) -> list[ReportedItem]:
    """Every item of the document with a reported status, in document order."""
    items: list[ReportedItem] = []
    heading: str | None = None
    previous: Block | None = None
    last_sentence: Span | None = None  # of the block before: a heading, a question
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            heading = block.span.text
        elif block.kind is BlockKind.TABLE:
            items.extend(table_items(lex, block, date))
        elif block.kind is BlockKind.BULLET_LIST:
            after_prose = previous is not None and previous.kind is BlockKind.PARAGRAPH
            intro = previous.span.text if after_prose else None
            items.extend(_list_items(lex, block, date, heading, intro))
        elif block.kind is BlockKind.PARAGRAPH:
            items.extend(_prose_items(lex, block.span, date, last_sentence))
        if block.kind is not BlockKind.HEADING or len(block.span.text.split()) >= _TOPICAL:
            sentences = _clauses(block.span) if block.kind is not BlockKind.TABLE else []
            last_sentence = _trimmed(sentences[-1]) if sentences else None
        previous = block
    return items


def _sentence_end(text: str, offset: int) -> int:
    """Where the sentence or line holding ``offset`` ends (the text's end at the latest)."""
    stops = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i >= 0]
    return min(stops, default=len(text))


def _reference(
    lex: Lexicon, document: Document, published: str | None
) -> tuple[str, tuple[str, ...]]:
    """The sentence naming the earlier agreement, and the years it gives ('last year' as the
    year before ``published``, the document's own date)."""
    text = document.text
    sentences = []
    for hit in lex.reference_cues.find(text)[:1]:
        stop = text.rfind(". ", 0, hit.start)
        start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, hit.start) + 1)
        sentences.append(text[start : _sentence_end(text, hit.end)].strip())
    title = document.title.text if document.title else ""
    reference = " ".join(dict.fromkeys([title, *sentences])).strip() or text[:200]
    years = [m.group() for m in _YEAR.finditer(reference)]
    last_year = _last_year(reference, datetime.date.fromisoformat(published)) if published else None
    if last_year is not None:
        years.append(str(last_year.year))
    return reference, tuple(dict.fromkeys(years))


def _dates_back(lex: Lexicon, document: Document) -> bool:
    """Whether the opening names an agreement dated well before the document itself ('their
    second annual meeting under the Memorandum signed in Batumi on 21 June 2024', in a
    communiqué dated 16 September 2025): it looks back at it, whatever it calls itself.
    The document's own date is its first full date; the agreement's may be a month."""
    published = document_date(document.text)
    if published is None:
        return False
    opening = _opening(document)
    day = datetime.date.fromisoformat(published)
    for hit in lex.reference_cues.find(opening):
        named = _named_day(opening[hit.start : _sentence_end(opening, hit.end)], day)
        if named is not None and named <= day - _LOOKING_BACK:
            return True
    return False


def _named_day(text: str, published: datetime.date) -> datetime.date | None:
    """The day a passage dates something to: its full date, the first of the month it
    names ('the plan we renewed in Dundalk in April 2024'), or of the month of last year
    it names ('the pact they signed in Nassau in June of last year')."""
    full = document_date(text)
    if full is not None:
        return datetime.date.fromisoformat(full)
    month = _MONTH_YEAR.search(text)
    if month is None:
        return _last_year(text, published)
    month_number = list(calendar.month_name).index(month.group(1))
    return datetime.date(int(month.group(2)), month_number, 1)


def _last_year(text: str, published: datetime.date) -> datetime.date | None:
    """The first of the month of last year a passage names, or the last day of last year
    when it names no month (the latest it can mean)."""
    match = _LAST_YEAR.search(text)
    if match is None:
        return None
    if match.group(1) is None:
        return datetime.date(published.year - 1, 12, 31)
    month_number = list(calendar.month_name).index(match.group(1).capitalize())
    return datetime.date(published.year - 1, month_number, 1)


def recognise(lex: Lexicon, document: Document) -> FollowUpFacts | None:
    """The follow-up facts of ``document``, or None when it is not a follow-up."""
    if not lex.followup_cues.find(_opening(document)) and not _dates_back(lex, document):
        return None
    date = document_date(document.text)
    items = reported_items(lex, document, date)
    # A count of things done ('customs seized 12 tonnes last year') is an announcement's
    # background as often as a report's news: only words of status make a follow-up.
    stating = [i for i in items if not i.counted]
    strong = [i for i in stating if i.strong]
    if not strong and len(stating) < 2:
        return None
    reported = [i for i in stating if i.status != PLEDGED]
    pledged = [i for i in strong if i.status == PLEDGED]
    if len(reported) <= len(pledged):
        return None  # 'will be reviewed after its first year': an announcement pledges
    reference, years = _reference(lex, document, date)
    return FollowUpFacts(items=tuple(items), reference=reference, years=years)


def with_followup(facts: DocumentFacts, lex: Lexicon) -> DocumentFacts:
    """A follow-up's facts carry its report instead of a new agreement; others are unchanged."""
    followup = recognise(lex, facts.document)
    if followup is None:
        return facts
    return dataclasses.replace(facts, agreements=(), followup=followup, warnings=())
