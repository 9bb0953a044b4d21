"""Recognising a follow-up and reading its reported items (status, as-of date, figure, evidence).

A document is a follow-up when it looks back at an agreement (a follow-up cue of the
ontology such as 'progress report' or 'one year after' in its title or opening) and
reports statuses of items (status labels of the commitment-status scheme) in a table,
a list or its prose. The test is conservative: an announcement, which pledges in the
future tense, has no status words beyond 'pledged' and stays untouched.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from graph.documents.model import Block, BlockKind, Document, Span
from graph.extract.extractor import dates_named, document_date
from graph.extract.facts import DocumentFacts
from graph.extract.values import MONTH_NAMES, month_number
from graph.followup.additions import naming_agreement
from graph.followup.clauses import clauses_of, trimmed
from graph.followup.facts import (
    PLEDGED,
    FollowUpFacts,
    ReportedItem,
)
from graph.followup.headed import headed_item
from graph.followup.judged import marked_for_judgement
from graph.followup.legend import legend
from graph.followup.lists import list_items
from graph.followup.numerals import YEAR
from graph.followup.prose import prose_items
from graph.followup.tables import table_items
from graph.lexicon import Lexicon

_OPENING = 1000  # characters of title and opening in which a follow-up cue must appear
#: Characters of the opening in which an agreement named and dated well before the document
#: makes it look back: a speech greets its hosts before it names the compact it reports on.
_LOOKING_BACK_OPENING = 2000
_TOPICAL = 3  # words from which a heading names a topic ('Answer 3' does not)
_MONTH_YEAR = re.compile(rf"\b({MONTH_NAMES})\s+((?:19|20)\d{{2}})\b")
#: 'in June of last year', 'last year': a year named by its distance from the document's own.
_LAST_YEAR = re.compile(rf"\b(?:({MONTH_NAMES})\s+(?:of\s+)?)?last\s+year\b", re.IGNORECASE)
#: 'In January the Minister signed …': a month of the document's own year, or of the year
#: before when it is later in the year than the document.
_BARE_MONTH = re.compile(rf"\b[Ii]n\s+({MONTH_NAMES})\b(?!\s+(?:of\s+)?(?:\d|last|next|this))")
#: A question put in a transcript or a parliament's record: who asks, then the question
#: ('JOURNALIST (BERNAMA): Datuk Seri, last year the police chiefs met in June to review the
#: plan. Has this year's review taken place?'). What it says it asks about; the answer reports.
_QUESTION_PUT = re.compile(r"[A-Z][^:\n]{0,80}:\s[^\n]*\?\s*", re.DOTALL)
_HEADLINE = 160  # characters of a line short enough to be a headline, not a paragraph
#: How long before a document the agreement it names must be dated for it to look back.
_LOOKING_BACK = datetime.timedelta(days=60)


def _opening(document: Document, length: int = _OPENING) -> str:
    title = document.title.text if document.title else ""
    return f"{title}\n{document.text[:length]}"


def reported_items(lex: Lexicon, document: Document, date: str | None) -> list[ReportedItem]:
    """Every item of the document with a reported status, in document order."""
    items: list[ReportedItem] = []
    heading: str | None = None
    previous: Block | None = None
    last_sentence: Span | None = None  # of the block before: a heading, a question
    key = legend(lex, document)
    blocks = document.blocks
    for index, block in enumerate(blocks):
        asks = block.kind is BlockKind.PARAGRAPH and bool(_QUESTION_PUT.fullmatch(block.span.text))
        if block.kind is BlockKind.HEADING:
            # a line of verdict under a heading naming the measure: 'Status: Completed'
            detail = blocks[index + 1] if index + 1 < len(blocks) else None
            rated = headed_item(lex, document.text, previous, block, detail, date)
            if rated is not None:
                items.append(rated)
            heading = block.span.text
        elif block.kind is BlockKind.TABLE:
            items.extend(table_items(lex, block, date, key, _caption(previous)))
        elif block.kind is BlockKind.BULLET_LIST:
            after_prose = previous is not None and previous.kind is BlockKind.PARAGRAPH
            intro = previous.span.text if after_prose else None
            items.extend(list_items(lex, block, date, heading, intro))
        elif block.kind is BlockKind.PARAGRAPH and not asks:
            items.extend(prose_items(lex, block.span, date, last_sentence))
        if asks:
            last_sentence = _question(block.span)  # what the answer that follows speaks of
        elif block.kind is not BlockKind.HEADING or len(block.span.text.split()) >= _TOPICAL:
            sentences = clauses_of(block.span) if block.kind is not BlockKind.TABLE else []
            last_sentence = trimmed(sentences[-1]) if sentences else None
        previous = block
    return [
        marked_for_judgement(lex, item)
        for item in items
        if not key.holds(item.span.start, item.span.end)  # '- A: delivered as promised'
    ]


def _caption(previous: Block | None) -> str:
    """What names the table after ``previous``: a heading ('Table 4. Measures adopted after
    signature'), or a sentence that introduces it ('The officials agreed to add two measures
    to the plan:')."""
    if previous is None:
        return ""
    if previous.kind is BlockKind.HEADING or previous.span.text.rstrip().endswith(":"):
        return previous.span.text
    return ""


def _question(paragraph: Span) -> Span:
    """A question put, without who puts it."""
    tag = paragraph.text.index(":") + 1
    skipped = len(paragraph.text[tag:]) - len(paragraph.text[tag:].lstrip())
    text = paragraph.text[tag + skipped :].rstrip()
    start = paragraph.start + tag + skipped
    return Span(start, start + len(text), text)


def _sentence_end(text: str, offset: int) -> int:
    """Where the sentence or line holding ``offset`` ends (the text's end at the latest)."""
    stops = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i >= 0]
    return min(stops, default=len(text))


def _sentence_start(text: str, offset: int) -> int:
    """Where the sentence or line holding ``offset`` starts."""
    stop = text.rfind(". ", 0, offset)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, offset) + 1)


def _reference(
    lex: Lexicon, document: Document, published: str | None
) -> tuple[str, tuple[str, ...]]:
    """The sentence naming the earlier agreement, and the years it gives ('last year' as the
    year before ``published``, the document's own date)."""
    text = document.text
    sentences = []
    for hit in lex.reference_cues.find(text)[:1]:
        start = _sentence_start(text, hit.start)
        sentences.append(text[start : _sentence_end(text, hit.end)].strip())
    title = document.title.text if document.title else ""
    reference = " ".join(dict.fromkeys([title, *sentences])).strip() or text[:200]
    years = [m.group() for m in YEAR.finditer(reference)]
    last_year = _last_year(reference, datetime.date.fromisoformat(published)) if published else None
    if last_year is not None:
        years.append(str(last_year.year))
    return reference, tuple(dict.fromkeys(years))


def _opens_on_a_cue(lex: Lexicon, document: Document) -> bool:
    """Whether the title or opening holds a follow-up cue. A time counted 'after' something
    is one only when the sentence counts it from the agreement, by its noun or the act that
    concluded it ('Eighteen months after China and Laos signed their joint action plan');
    an announcement's background counts from other events ('Eight years after the boat
    crisis of May 2015, … the route has changed shape')."""
    whole = _opening(document, len(document.text))  # the opening's lines and sentences run on
    agreement = naming_agreement(lex.agreement_words | lex.conclusion_words)
    return any(
        not hit.text.casefold().endswith(" after")
        or _in_headline(whole, hit.start)
        or agreement.search(whole, hit.end, _sentence_end(whole, hit.end))
        for hit in lex.followup_cues.find(_opening(document))
    )


def _in_headline(text: str, at: int) -> bool:
    """Whether ``at`` falls in a short line that ends no sentence, a headline, which may
    count from the place the agreement was signed alone ('Two years after Elvas: the Guadiana
    is better watched')."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) <= _HEADLINE and not line.endswith((".", "!", "?"))


def _looks_back(lex: Lexicon, document: Document, published: str | None) -> bool:
    """Whether the document names an agreement dated well before its own date, ``published``
    (its first full date; the agreement's may be a month): in its opening, by a phrase of
    reference ('their second annual meeting under the Memorandum signed in Batumi on 21 June
    2024', in a communiqué dated 16 September 2025; 'On 28 March 2024 the two countries
    signed in Juba an agreement', in a fact sheet of 2026), or anywhere, in a sentence that
    reviews it ('8. The Council reviewed the implementation of the Joint Action Plan that the
    … ministers signed in Athens in March 2024', deep in a communiqué on many topics): it
    looks back at it, whatever it calls itself."""
    if published is None:
        return False
    day, text = datetime.date.fromisoformat(published), document.text
    if _names_an_earlier_day(lex, _opening(document, _LOOKING_BACK_OPENING), day):
        return True
    return any(
        _names_an_earlier_day(
            lex, text[_sentence_start(text, hit.start) : _sentence_end(text, hit.end)], day
        )
        for hit in lex.followup_cues.find(text)
    )


def _names_an_earlier_day(lex: Lexicon, text: str, day: datetime.date) -> bool:
    """Whether ``text`` names an agreement by a phrase of reference and dates it well before
    ``day`` (the date after the phrase, else before it)."""
    for hit in lex.reference_cues.find(text):
        after = text[hit.start : _sentence_end(text, hit.end)]
        before = text[_sentence_start(text, hit.start) : hit.start]
        named = _named_day(after, day) or _named_day(before, day)
        if named is not None and named <= day - _LOOKING_BACK:
            return True
    return False


def _named_day(text: str, published: datetime.date) -> datetime.date | None:
    """The day a passage dates something to: its full date, the first of the month it
    names ('the plan we renewed in Dundalk in April 2024'), of the month of last year it
    names ('the pact they signed in Nassau in June of last year'), or of the last such
    month before ``published`` ('In January the Minister signed …', said in December)."""
    full = document_date(text)
    if full is not None:
        return datetime.date.fromisoformat(full)
    month = _MONTH_YEAR.search(text)
    if month is not None:
        return datetime.date(int(month.group(2)), month_number(month.group(1)), 1)
    last_year = _last_year(text, published)
    bare = _BARE_MONTH.search(text)
    if last_year is not None or bare is None:
        return last_year
    number = month_number(bare.group(1))
    return datetime.date(published.year - (number > published.month), number, 1)


def _last_year(text: str, published: datetime.date) -> datetime.date | None:
    """The first of the month of last year a passage names, or the last day of last year
    when it names no month (the latest it can mean)."""
    match = _LAST_YEAR.search(text)
    if match is None:
        return None
    if match.group(1) is None:
        return datetime.date(published.year - 1, 12, 31)
    return datetime.date(published.year - 1, month_number(match.group(1)), 1)


def days_named(text: str) -> frozenset[str]:
    """The days a text names (ISO dates) and the months it names without a day ('signed in
    December 2024': '2024-12'): what tells two agreements of the same parties apart."""
    months = {
        f"{match.group(2)}-{month_number(match.group(1)):02d}"
        for match in _MONTH_YEAR.finditer(text)
        if not re.search(r"\d\s*$", text[max(0, match.start() - 4) : match.start()])
    }
    return frozenset(dates_named(text) | months)


def recognise(lex: Lexicon, document: Document) -> FollowUpFacts | None:
    """The follow-up facts of ``document``, or None when it is not a follow-up."""
    date = document_date(document.text)
    if not _opens_on_a_cue(lex, document) and not _looks_back(lex, document, date):
        return None
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
