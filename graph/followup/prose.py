"""Reading a follow-up's prose: the clauses that report a status, the clauses that only
name the topic of the next, counts of work done, and the clauses beside an item that
qualify it."""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterator

from graph.documents.model import Span
from graph.extract.phrases import Hit
from graph.extract.values import MONTH_NAMES
from graph.followup.additions import (
    addition,
    addition_cues,
    announced_later,
    decided_by_people,
    named_before,
    names_no_measure,
    only_the_cue,
)
from graph.followup.checking import checked_status, rest_given_up
from graph.followup.clauses import clause_item, clauses_of, counted, trimmed
from graph.followup.facts import (
    ABANDONED,
    DELAYED,
    IN_PROGRESS,
    PARTLY_FULFILLED,
    PLEDGED,
    REVISED,
    ReportedItem,
)
from graph.followup.figures import figure_in
from graph.followup.legend import defines_a_mark
from graph.followup.numerals import ORDINAL
from graph.followup.taking_up import counts_on, joined, names_again_as_subject, takes_up
from graph.followup.values import (
    changes_rhythm,
    counts_work_done,
    delay_made_up,
    late_by,
    reports_occasion,
    status_in,
)
from graph.lexicon import Lexicon

#: 'it was agreed that the group would meet every six weeks instead': a decision reported.
_THAT = re.compile(r"\s+that\b")
#: 'agreed on Tuesday to raise the number', 'agreed in July to meet only once a quarter': a
#: day of this year and what was decided on it, not the agreement named by its date ('the
#: framework agreed in March 2024 to combat arms trafficking' gives its year).
_DECIDED_ON_A_DAY = re.compile(
    rf"\s+(?:{'|'.join(calendar.day_name)}|(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})(?:\s+\d{{1,2}})?)"
    r",?\s+to\s+(?!the\b|an?\b)[a-z]+"
)
#: A signing that was due or came at last: a measure's, not the agreement's.
_DUE_OR_AT_LAST = re.compile(
    r"\b(?:(?:should|would|could|must)\s+have\s+been|finally|eventually|belatedly|at\s+last)\s+$",
    re.IGNORECASE,
)
#: A measure signed with words of its own ('the joint procedure for victims, signed in
#: Quito', 'The rescue and repatriation protocol was signed by', 'the memorandum of
#: understanding on the exchange of financial intelligence signed in Tunis'): a measure the
#: report says was concluded, not the agreement it names by its signing, which it calls
#: by its name or plainly ('the memorandum signed in Riyadh').
_MEASURE_KIND = r"(?:procedure|protocol|arrangement|memorandum\s+of\s+understanding|memorandum)"
_A_MEASURE_SIGNED = re.compile(
    rf"(?:\b(?:[Tt]he|[Tt]heir|[Ii]ts)\s+(?:[a-z-]+\s+){{1,4}}?{_MEASURE_KIND}"
    rf"|\b{_MEASURE_KIND}\s+(?:for|on)\s+[^,;]*?)"
    r"\s*,?\s*(?:which\s+)?(?:was\s+|were\s+|has\s+been\s+)?$"
)
#: A signing timed against its deadline ('was signed on 14 November 2024, well ahead of the
#: one-year deadline'): a measure's, for an agreement has no deadline to be signed by.
_AGAINST_A_DEADLINE = re.compile(
    r"\b(?:ahead\s+of|within|before|inside)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:deadline|time\s+limit)\b",
    re.IGNORECASE,
)
#: A paragraph opening on a pronoun speaks of what the block before named ('We dropped it
#: last autumn', 'That date has passed'), after the tag of who speaks in a transcript ('EC:
#: It was, at that time.', 'Maj. Gen. Abdel-Rahman: It met once') and a short reply to the
#: question ('HOME MINISTER (MALAYSIA): Not yet. It should have taken place in June.').
_SPEAKER = r"(?:[A-Z][\w.'-]{0,20}(?:\s+\(?[A-Z][\w.'-]{0,20}\)?){0,3}:\s+)?"
_PRONOUN = re.compile(
    rf"{_SPEAKER}(?:(?:It|They|This|These|That|Its|Their)\b|(?:We|I)\s+[a-z]+\s+(?:it|them)\b)"
)
_REPLY = re.compile(rf"{_SPEAKER}(?:Yes|No|Not\s+yet|Indeed)\W*")
#: A review of the agreement and the three words before it, where a count ('The second
#: ministerial review of the Compact') or a rhythm ('the annual review of') may stand.
_BEFORE_A_REVIEW = re.compile(r"(?:[\w-]+\s+){0,3}review\s+of$", re.IGNORECASE)
_COUNTED = re.compile(rf"\b(?:{ORDINAL}|next)\b", re.IGNORECASE)


def _one_of_the_reviews(lex: Lexicon, text: str, end: int) -> bool:
    """Whether the words before ``end`` name one of a series of reviews of the agreement, by
    its count or its rhythm ('The second annual ministerial review of the Compact'): an
    occasion the parties pledged, not a mere name of the pact."""
    review = _BEFORE_A_REVIEW.search(text, 0, end)
    if review is None:
        return False
    words = review.group()
    return bool(_COUNTED.search(words) or lex.frequencies.find(words))


def _references(lex: Lexicon, text: str) -> list[Hit]:
    """The phrases by which a clause names the earlier agreement ('signed in Chetumal').
    None where the words report a measure's own signing: it was due ('which should have
    been signed in January'), came at last ('was finally signed in Honiara'), late ('was
    signed on 3 July, six months later than planned') or after a hold-up ('which had been
    held up for many months, was signed in Bujumbura'), against its deadline ('well ahead of
    the one-year deadline'), or a measure signed with words of its own ('the joint procedure
    for victims, signed in Quito'); nor a decision reported ('it was agreed that'); nor one of the
    reviews of the agreement, which is itself a pledged occasion ('The second annual review
    of the Compact … has been postponed')."""
    if late_by(text) or _AGAINST_A_DEADLINE.search(text):
        return []
    return [
        h
        for h in lex.reference_cues.find(text)
        if not _one_of_the_reviews(lex, text, h.end)
        and not _THAT.match(text, h.end)
        and not _DECIDED_ON_A_DAY.match(text, h.end)
        and not _DUE_OR_AT_LAST.search(text, 0, h.start)
        and not _A_MEASURE_SIGNED.search(text, 0, h.start)
        and not any(d.values[0] == DELAYED for d in lex.statuses.find(text, 0, h.start))
    ]


def _against_the_promise(text: str) -> bool:
    """Whether a clause sets a figure against what was promised ('far more than the 30 we
    promised in April 2024', '22 of the 25 networks we undertook to pursue'): it reports
    that measure, even where it names the pact or says what is still to come."""
    figure = figure_in(text)
    return figure is not None and figure.reached is not None and bool(figure.target)


def _asks(passage: Span, clause: Span) -> bool:
    """Whether the clause is a question ('Is it true that the target has been abandoned?')."""
    return passage.text[clause.end - passage.start : clause.end - passage.start + 1] == "?"


def prose_items(
    lex: Lexicon, passage: Span, date: str | None, before: Span | None = None
) -> Iterator[ReportedItem]:
    """The items of a passage (``_clause_items``), where a clause that takes up the one
    before by a pronoun and reports a change ('The working group has met six times. At its
    meeting of 12 June the group decided to meet every month instead') is the report's word
    on what the clause before named: one item, the change's status."""
    previous: tuple[int, ReportedItem] | None = None
    for index, item in _clause_items(lex, passage, date, before):
        if previous is not None and takes_up(previous, index, item):
            previous = (index, joined(passage, previous[1], item, item))
            continue
        if previous is not None and counts_on(previous, index, item):
            previous = (index, joined(passage, previous[1], item, previous[1]))
            continue
        if previous is not None:
            yield previous[1]
        previous = (index, item)
    if previous is not None:
        yield previous[1]


def _speaks_of(before: str, opening: str) -> bool:
    """Whether a paragraph's opening clause speaks of what the block before named: by a
    pronoun ('It has not been abandoned'), or by a noun of a heading named again as its
    subject ('3.1 Joint Maritime Coordination Centre' / 'The Centre was formally opened')."""
    return bool(_PRONOUN.match(opening)) or names_again_as_subject(before, opening)


def _clause_items(lex: Lexicon, passage: Span, date: str | None, before: Span | None):
    """Clauses with a status, each with the index of its clause; a clause naming the earlier
    agreement ('signed in 2025') is the reference, not an item; a clause adding a commitment
    is an addition. A clause that states no status, or asks, just before one that does is
    that one's topic and joins its label; so is ``before``, the last sentence of the block
    before (a heading, a question), for a paragraph opening on a pronoun ('It has not been
    abandoned, but it has been adjusted')."""
    clauses = [trimmed(c) for c in clauses_of(passage)]
    taken = -1
    added_here = False
    topic: Span | None = None
    topic_label = ""  # what the topic names: its text, after the block before's if it goes on
    opening = 1 if len(clauses) > 1 and _REPLY.fullmatch(clauses[0].text) else 0
    if before is not None and clauses and _speaks_of(before.text, clauses[opening].text):
        topic, topic_label = before, before.text
    for index, span in enumerate(clauses):
        if index <= taken:
            continue
        if defines_a_mark(span.text):
            continue  # 'RED = off track': the report's key, no item
        cue = addition_cues(lex, span.text)
        if cue and _against_the_promise(span.text[: cue[0].start]):
            cue = []  # '22 of the 25 networks we undertook to pursue; the rest will be opened'
        announced = announced_later(lex, clauses, index, cue[0]) if cue else None
        if announced is not None:
            later, decision = announced
            added, taken = addition(lex, passage, clauses, later, decision, date)
            added_here = True
            yield later, added
            continue
        if cue:
            # 'agreed to add two measures:' introduces a list, whose items are the additions;
            # 'It was not part of the original plan' restates the one just made; 'agreed a
            # new measure, described in section 6.8' tells of it elsewhere.
            if (
                not span.text.endswith(":")
                and not only_the_cue(span.text, cue[0])
                and not names_no_measure(span.text)
            ):
                added, taken = addition(lex, passage, clauses, index, cue[0], date)
                if (
                    _PRONOUN.match(span.text)
                    and index
                    and topic is clauses[index - 1]
                    and not decided_by_people(cue[0])
                ):
                    added = named_before(lex, passage, topic, added, date)
                if added.label != span.text or not added_here or decided_by_people(cue[0]):
                    added_here = True
                    yield index, added
            continue
        said = None
        references = _references(lex, span.text)
        if references:
            said = _status_before_reference(lex, span.text)
            if said in (None, PLEDGED) and _against_the_promise(span.text):
                said = None  # 'disabled 52 strips, far more than the 30 we promised in April'
            elif said in (None, PLEDGED):
                topic, topic_label = span, span.text  # 'signed their plan, they promised to
                # dismantle fifteen networks'
                if said is None and reports_occasion(span.text[: references[0].start]):
                    # 'met to review what they signed'
                    yield index, counted(span, date, occasion=True)
                continue
        found = clause_item(lex, span, date, strong=False, label=span.text, status=said)
        if found is not None:
            found, rest_taken = _with_neighbours(lex, clauses, index, found)
            taken = index + 1 if rest_taken else taken
        if found is None or _asks(passage, span):
            # 'LC: … the intelligence cell … was half empty.' / 'EC: It was, at that time.
            # Since January all twenty analysts are at their desks': the pronoun goes on
            # speaking of what the block before named
            goes_on = index == 0 and topic is before and topic is not None
            topic, topic_label = span, f"{topic_label}. {span.text}" if goes_on else span.text
            occasion = reports_occasion(span.text)
            done = occasion or counts_work_done(span.text)
            if found is None and done and not lex.exclusions.find(span.text):
                count = counted(span, date, occasion=occasion)
                # 'Has it met twice?' / 'It met once, in June': of what the question asked
                yield index, dataclasses.replace(count, label=topic_label) if goes_on else count
            continue
        if topic is not None and (topic is before if index == 0 else clauses[index - 1] is topic):
            # 'The weapons amnesty has made slower progress. Albanian police say 3,900
            # weapons have been handed in': the sentence before names what this one reports
            found = dataclasses.replace(found, label=f"{topic_label}. {span.text}")
        topic = None
        yield index, found


#: A measure named before a reference cue ('The toll-free number launched in mid-2024'): a
#: determiner and a few words, no clause of its own.
_A_MEASURE = re.compile(r"(?:the|its|their|this|that)\s+(?:[\w'-]+\s+){0,6}", re.IGNORECASE)


def _status_before_reference(lex: Lexicon, text: str) -> str | None:
    """The status a clause that names the earlier agreement states before naming it: 'has
    met twice, in keeping with the rhythm agreed in the MoU' reports; 'the memorandum
    signed in 2025, officials admit mixed results' judges the whole pact, and 'the accord
    signed on 14 November' names it ('signed' is a word of fulfilment). A measure named just
    before the cue and dropped after it ('The toll-free number launched in mid-2024 was
    quietly dropped in July') is abandoned: a pact is not what one launches and drops."""
    cues = lex.reference_cues.find(text)
    if not cues:
        return status_in(lex, text)
    if changes_rhythm(text) and status_in(lex, text) == REVISED:
        return REVISED  # 'held every six months since the plan was signed, will from 2025
        # take place once a year': the change spans the naming
    before = status_in(lex, text[: cues[0].start])
    if before is None and _A_MEASURE.fullmatch(text, 0, cues[0].start):
        after = status_in(lex, text[cues[0].end :])
        return after if after == ABANDONED else None
    return before


def _with_neighbours(
    lex: Lexicon, clauses: list[Span], index: int, item: ReportedItem
) -> tuple[ReportedItem, bool]:
    """The item of a clause as the clauses beside it qualify it, and whether the next one
    is used up: a delay of an occasion the clause before reports held is over; some of a
    target with the rest given up ('17 of the 20 patrols went ahead; the others were called
    off') is partial fulfilment, the rest no item of its own; else the next clause may
    judge a figure."""
    if index and item.status == DELAYED and delay_made_up(clauses[index - 1].text, item.label):
        return dataclasses.replace(item, status=IN_PROGRESS), False
    if index + 1 == len(clauses):
        return item, False
    if rest_given_up(lex, item.figure, clauses[index + 1].text):
        return dataclasses.replace(item, status=PARTLY_FULFILLED), True
    return _judged_by_next(lex, clauses[index], clauses[index + 1], item), False


def _judged_by_next(lex: Lexicon, clause: Span, following: Span, item: ReportedItem):
    """A clause that gives only a figure ('Eight of the ten help desks are now open') takes
    the verdict of the next clause when that states one ('… so that part of the plan has
    been only partly delivered')."""
    if status_in(lex, clause.text) not in (None, PLEDGED):
        return item
    verdict = status_in(lex, following.text)
    if verdict in (None, PLEDGED) or addition_cues(lex, following.text):
        return item
    both = f"{clause.text}; {following.text}"
    return dataclasses.replace(item, status=checked_status(verdict, item.figure, both))
