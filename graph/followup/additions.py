"""Where a follow-up says the parties added a measure to their agreement.

Reports announce new measures in many words: a fixed phrase of the ontology ('not part of
the original plan', 'agreed to set up') or a decision and a creation a few words apart
('the ministers agreed in Athens to create', 'a cyber-patrol unit would be set up', 'asked
officials to propose'), both word lists read from the ontology too. An addition is read
as an item of its own: named by the proper name after the cue or by its clause, with the
status one of the next clauses gives it ('The post is under construction'), else pledged.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from graph.documents.model import Span
from graph.extract.names import proper_name_after
from graph.extract.phrases import Hit, alternatives
from graph.extract.values import MONTH_NAMES
from graph.followup.facts import PLEDGED, REVISED, ReportedItem
from graph.followup.figures import figure_in
from graph.followup.values import as_of_date, reports_occasion, status_in
from graph.lexicon import Lexicon
from graph.namespaces import PG

#: Words that may stand between a decision and its creation ('agreed in Athens to create').
_GAP_WORDS = 4
_BREAK = re.compile(r"[.,;:!?()]")
_DENIAL = re.compile(r"\b(?:not|never|n't)\b", re.IGNORECASE)
#: Words between a decision and a creation that say the work goes on, not that it begins
#: ('the three border commands will continue to exchange alerts').
_GOING_ON = re.compile(r"\b(?:continue|continues|keep|keeps)\b", re.IGNORECASE)
#: A gap ending on an article makes the creation a noun ('agreed by an exchange of letters').
_ARTICLE_LAST = re.compile(r"\b(?:an?|the)\s*$", re.IGNORECASE)
#: A creation whose object is a pronoun brings about what was named before ('intend to
#: launch it before the end of the year'): no new measure.
_SAID_BEFORE = re.compile(r"\s+(?:it|them)\b", re.IGNORECASE)
#: A word of decision used of a thing, not a decision taken: 'the agreed share of
#: containers screened', 'its agreed deadline'.
_ATTRIBUTIVE = re.compile(r"\b(?:the|an?|its|their|this|that)\s+$", re.IGNORECASE)
#: A clause that opens on a pronoun speaks of the measure just named ('This post was not
#: part of the original Plan').
_RESTATING = re.compile(r"(?:It|This|These|They)\b")
#: A decision cue that opens on a modal is said of a thing ('It will be set up'), not taken
#: by people ('They agreed to …').
_MODAL = re.compile(r"(?:will|would)\b", re.IGNORECASE)
_FOLLOWING = 2  # clauses after an addition that may say what became of it
#: Words a heading may have beside an addition cue ('A', 'Measures … Programme', 'Developments …
#: the Plan') and the numbering of its section ('7.', '4.5').
_HEADING_WORDS = 3
_NUMBERING = re.compile(r"^\(?\d+(?:\.\d+)*[.)]?$")
_ARTICLE = re.compile(r"\s*(?:an?|the)\s+", re.IGNORECASE)
#: An aside between commas, which neither parts nor lengthens the phrase ('I intend, together
#: with my Belgian colleague, to create a joint fund').
_ASIDE = re.compile(r"^\s*,[^,.;:!?()]{1,60},")
#: The day a decision was taken, which may stand between it and its creation without
#: counting as words between them ('agreed on 19 March 2025 to set up a joint task team').
_DAY_TAKEN = re.compile(rf"\b(?:on|in)\s+(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})(?:\s+\d{{4}})?\b")
#: A measure named as decided since, by the parties or at one of their meetings: 'The cattle
#: brand register agreed by the ministers in February 2025 now holds 11,800 brands', 'The
#: working group on virtual assets created at the Khiva summit met for the first time'.
_DECIDED_SINCE = re.compile(
    r"\b(?:agreed|created|introduced|launched|set\s+up)\s+(?:by|at)\s+the\s+(?:[\w-]+\s+){0,4}?"
    rf"(?:(?:in|on)\s+(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})|summit|meeting|session)\b"
)
#: ... unless what was so decided is the agreement itself, named by one of its nouns
#: (``pg:nounCue``: 'the Action Plan adopted by the two ministers in Ankara', 'the
#: arrangements agreed at the UK-France Summit in March 2023') ... or the decision is taken
#: then, on what it names next ('agreed at the … meeting … to reduce the exchange of liaison
#: officers').
_TO_DO = re.compile(r"\bto\s+[a-z]+", re.IGNORECASE)


def says_added(lex: Lexicon, text: str) -> bool:
    """Whether ``text`` holds a fixed phrase saying a measure was added ('not part of the
    original plan', 'item added after signature', 'ALSO NEW'), not denied: what marks a
    table's caption, row or key, and a heading over a list, as telling of additions."""
    return bool(_fixed_cues(lex, text))


def _fixed_cues(lex: Lexicon, text: str) -> list[Hit]:
    return [hit for hit in lex.cue_index(PG.AdditionStatusAssertion).find(text)
            if not _denied(text[: hit.start])]  # fmt: skip


def addition_cues(lex: Lexicon, text: str) -> list[Hit]:
    """The phrases of ``text`` that say a measure was added, first one first: a cue of the
    addition ('not part of the original plan'), else a decision and a creation ('agreed …
    to create'), which stands for ``pg:decisionCue``."""
    fixed = _fixed_cues(lex, text)
    if fixed:
        return fixed
    since = _DECIDED_SINCE.search(text)
    if since is not None and _named_as_decided_since(lex, text, since):
        # said of the measure, like a fixed cue: the rest of its clause tells what became of it
        return [Hit(since.start(), since.end(), since.group(), (PG.AdditionStatusAssertion,))]
    decided = _decision_and_creation(lex, text)
    return [decided] if decided is not None else []


def _decision_and_creation(lex: Lexicon, text: str) -> Hit | None:
    """A decision and the creation it decides, a few words apart ('agreed … to create'),
    which stands for ``pg:decisionCue``."""
    creations = lex.creation_words.find(text)
    for decision in lex.decision_words.find(text):
        if decision.text.endswith("ed") and _ATTRIBUTIVE.search(text, 0, decision.start):
            continue
        for creation in creations:
            gap = text[decision.end : creation.start]
            if (
                creation.start >= decision.end
                and _within(gap)
                and not _SAID_BEFORE.match(text, creation.end)
                and not _revises(lex, text[: decision.start], text[creation.end :])
            ):
                start, end = decision.start, creation.end
                return Hit(start, end, text[start:end], (str(PG.decisionCue),))
    return None


def _named_as_decided_since(lex: Lexicon, text: str, since: re.Match[str]) -> bool:
    """Whether the words before a decision of ``_DECIDED_SINCE`` name a measure, not the
    agreement, and the decision is said of it, not taken then ('The two Governments agreed
    at the High-Level Security Group meeting … to reduce the exchange' revises a measure)."""
    before = " ".join(text[: since.start()].split()[-6:])
    after = _BREAK.split(text[since.end() :], maxsplit=1)[0]
    return not naming_agreement(lex.agreement_words).search(before) and not _TO_DO.search(after)


@cache
def naming_agreement(words: frozenset[str]) -> re.Pattern[str]:
    """One of the nouns an agreement is called by, as a word."""
    return re.compile(rf"\b(?:{alternatives(words)})\b", re.IGNORECASE)


def _revises(lex: Lexicon, before: str, after: str) -> bool:
    """Whether the words around a decision to create say it changes a measure already
    agreed ('scaled back the promise … would produce more seizures', 'decided to run a
    longer course once a year rather than two short courses'). The decision's own words are
    left out: 'agreed to extend cooperation to cybercrime' adds a line of work."""
    return REVISED in (status_in(lex, before), status_in(lex, after))


def decided_by_people(cue: Hit) -> bool:
    """Whether a cue is a decision someone took ('They also agreed to draw up a protocol'):
    its pronoun names the parties, not a measure named before, as a modal's may ('It will
    be set up in Dakar')."""
    return cue.values[0] == str(PG.decisionCue) and not _MODAL.match(cue.text)


def _restates(text: str, cues: list[Hit]) -> bool:
    """Whether a clause says of the measure just added, by a pronoun, that it is one ('This
    post was not part of the original Plan')."""
    return bool(cues) and cues[0].values[0] != str(PG.decisionCue) and bool(_RESTATING.match(text))


def only_the_cue(text: str, cue: Hit) -> bool:
    """Whether a clause or list item is only the cue: a heading ('7. A new measure', '4.5
    Measures not in the original Programme', 'Developments not foreseen in the Plan') over
    the addition, not the addition: beside its numbering, a word or so on either side."""
    words = [
        w for w in (text[: cue.start] + " " + text[cue.end :]).split() if not _NUMBERING.match(w)
    ]
    return len(words) <= _HEADING_WORDS


#: What may follow a cue that closes its sentence: a word of when ('Finally, we agreed
#: something new today.').
_CLOSING = re.compile(
    r"\s*(?:today|yesterday|this\s+(?:morning|week|month|year)|as\s+well|too)?\s*[.!:]?\s*",
    re.IGNORECASE,
)


#: A measure named only by its kind, with no colon before its name: 'at least one measure',
#: 'The best-performing document measure was not …', 'a new measure, described in section
#: 6.8'; the measure is told of elsewhere.
_ONLY_A_MEASURE = re.compile(
    r"\bat\s+least\s+one\s+(?:new\s+)?measure\b"
    r"|\b(?:the|this)\s+(?:[\w-]+\s+){0,2}measure\s+(?:was|is)\s+not\b"
    r"|\ba\s+new\s+measure,\s+(?:described|set\s+out|detailed)\b",
    re.IGNORECASE,
)


def names_no_measure(text: str) -> bool:
    """Whether a clause that says something was added names it only by its kind ('The
    parties have also added at least one measure that was not in the original text', 'The
    same session agreed a new measure, described in section 6.8'): the measure is told of
    elsewhere, and the clause is no item of its own."""
    return ":" not in text and bool(_ONLY_A_MEASURE.search(text))


def announced_later(
    lex: Lexicon, clauses: list[Span], index: int, cue: Hit
) -> tuple[int, Hit] | None:
    """The clause an announcement of something new speaks of, and its decision, when the
    cue closes its own sentence ('Finally, we agreed something new today. The RTS Link …
    opens at the end of this year. … We have therefore agreed that … officers will carry out
    joint drug screening'): the next clause that states a decision. None when the cue is
    followed by the measure itself, or no later clause decides, or the cue is a heading."""
    text = clauses[index].text
    closes = _CLOSING.fullmatch(text, cue.end) or names_no_measure(text)
    if only_the_cue(text, cue) or not closes:
        return None  # a heading over the addition ('4.8 Measure added after signature.')
    for later in range(index + 1, len(clauses)):
        decisions = lex.decision_words.find(clauses[later].text)
        if decisions:
            first = decisions[0]
            return later, Hit(first.start, first.end, first.text, (str(PG.decisionCue),))
    return None


def _denied(before: str) -> bool:
    """Whether the words just before a cue deny it ('decided not to proceed with the
    creation of a ranger unit'): a measure given up, not added."""
    return bool(_DENIAL.search(" ".join(before.split()[-_GAP_WORDS - 1 :])))


def _within(gap: str) -> bool:
    """Whether a decision and a creation this far apart make one phrase; a denial between
    them unmakes it ('The centre will not be established')."""
    said = _ASIDE.sub(" ", _DAY_TAKEN.sub(" ", gap))
    return (
        len(said.split()) <= _GAP_WORDS
        and not _BREAK.search(said)
        and not _DENIAL.search(gap)
        and not _GOING_ON.search(gap)
        and not _ARTICLE_LAST.search(gap)
    )


def added_status(status: str | None) -> str:
    """The status of a commitment the report says was added: one just made has not been
    revised yet ('checked once, instead of twice' describes it), and one that states no
    status is pledged."""
    return PLEDGED if status in (None, REVISED) else status


def addition(
    lex: Lexicon, passage: Span, clauses: list[Span], index: int, cue: Hit, date: str | None
) -> tuple[ReportedItem, int]:
    """A commitment the parties added: named after the cue when it has a proper name, with
    the status of one of the next two clauses when one states it ('The post is under
    construction'); else pledged. Returns the item and the index of the last clause it takes."""
    clause = clauses[index]
    article = _ARTICLE.match(clause.text, cue.end)
    name = proper_name_after(clause.text, article.end() if article else cue.end)
    label = name.text if name is not None and len(name.text.split()) >= 2 else clause.text
    # what a decision creates is described after it ('agreed to build a centre where people
    # … will be screened before any handover'): its words are the pledge, not its status,
    # even when a fixed cue marks the addition ('decided to create a joint working group on
    # … mercury delivered to gold sites, a measure not foreseen in the plan')
    decided = (
        cue if cue.values[0] == str(PG.decisionCue) else _decision_and_creation(lex, clause.text)
    )
    own = clause.text[: decided.end] if decided is not None else clause.text
    if decided is not None and reports_occasion(clause.text[: decided.start]):
        own = clause.text[decided.start : decided.end]  # 'When the ministers met in Cairo
        # in June they agreed to create': the meeting that decided, not the measure's status
    status = added_status(status_in(lex, own))
    last = index
    for later in range(index + 1, min(index + 1 + _FOLLOWING, len(clauses))):
        if status not in (None, PLEDGED):
            break
        text = clauses[later].text
        cues = addition_cues(lex, text)
        if later == last + 1 and _restates(text, cues):
            last = later  # 'This post was not part of the original Plan': said of this one
            continue
        if cues or lex.reference_cues.find(text):
            continue  # 'This measure was not part of the accord signed in 2024'
        following = added_status(status_in(lex, text))
        if following not in (None, PLEDGED):
            status, last = following, later
    start, end = clause.start, clauses[last].end
    offset = passage.start
    span = Span(start, end, passage.text[start - offset : end - offset])
    item = ReportedItem(
        label=label,
        status=status or PLEDGED,
        span=span,
        strong=True,
        as_of=as_of_date(span.text) or date,
        figure=figure_in(span.text),
        added=True,
    )
    return item, last


def named_before(
    lex: Lexicon, passage: Span, before: Span, added: ReportedItem, date: str | None
) -> ReportedItem:
    """An addition said of the sentence before ('The Customs Service will post an officer to
    Colombo. This post was not part of the original Plan'): that sentence names it."""
    start = before.start
    span = Span(
        start, added.span.end, passage.text[start - passage.start : added.span.end - passage.start]
    )
    status = added.status
    if status == PLEDGED:
        status = added_status(status_in(lex, before.text))
    return dataclasses.replace(
        added,
        label=before.text,
        span=span,
        status=status,
        as_of=as_of_date(span.text) or date,
        figure=figure_in(span.text),
    )
