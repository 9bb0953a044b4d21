"""Which status phrases of a clause speak for the item it reports, and as what.

A clause of a follow-up holds many words of status, and not all of them are said of its
item: a phrase denied or only intended ('has not been abandoned', 'was supposed to be in
force') says nothing, or a delay when what should have happened by now did not ('should have
been complete'); so says nothing a phrase of a clause that says what a text is about ('what
has been done'), asks ('(a) how many posts have been filled') or gives a reason ('because
the cases have not yet reached the courts'), nor a phrase of a range ('wholly or partly'),
of a name ('the Joint Operational Working Group') or of a rhythm ('only twice a year'). The
phrases of a clause of background (the agreement's own start, what had happened before) give
way to the sentence's own, and what a 'by which time' clause says had been reached gives way
to the event it dates."""

from __future__ import annotations

import re

from graph.extract.phrases import Hit
from graph.extract.values import MONTH_NAMES
from graph.followup.facts import ABANDONED, DELAYED, FULFILLED, IN_PROGRESS, PARTLY_FULFILLED
from graph.followup.numerals import NUMBER
from graph.lexicon import Lexicon

#: A phrase right after a denial says the opposite ('It has not been abandoned'), and one
#: after an intention says what was meant, not what happened ('supposed to be in force',
#: 'should be operational by', 'to be in place by spring', 'which should have met four
#: times').
_MODALS = r"(?:should|would|ought\s+to)"
_DENIED = re.compile(
    r"\b(?:(?:not|never|n't)|(?:supposed|meant|due|expected|scheduled|planned)\s+to)"
    r"\s+(?:been\s+|be\s+)?$|\b(?:should\s+be|its\s+becoming|to\s+be)\s+$"
    rf"|\b{_MODALS}\s+have\s+(?:been\s+)?$",
    re.IGNORECASE,
)

#: What should have happened by now ('when it should have been complete with 1,500'), or a
#: completion denied ('the target has not been met', 'Nor has the promise … been met'): a
#: delay.
_SHOULD_HAVE = re.compile(r"\b(?:should|ought\s+to)\s+have\s+(?:been\s+)?$", re.IGNORECASE)
_DENIAL_BEFORE = re.compile(r"\b(?:not|never|n't)\s+(?:yet\s+)?(?:been\s+|be\s+)?$", re.IGNORECASE)
_NOR = re.compile(r"\W*(?:nor|neither)\s+(?:has|have|had|is|are|was|were)\b", re.IGNORECASE)

#: A delay that had to be ('Its second session had to be postponed'): it happened.
_HAD_TO_BE = re.compile(r"\b(?:had|has|have)\s+to\s+be\s+$", re.IGNORECASE)


#: A modal before a phrase that opens on 'have' ('should have met four times').
_MODAL = re.compile(rf"\b{_MODALS}\s+$", re.IGNORECASE)
#: Some occasions of the work called off, counted: 'Eight were cancelled owing to the low
#: water', 'Two were cancelled': the work goes on.
_SOME_CALLED_OFF = re.compile(
    rf"(?:^|[.;:,]\s*|\band\s+)(?:{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+$",
    re.IGNORECASE,
)


def _denied(text: str, hit: Hit[str]) -> bool:
    """Whether a phrase is denied or only intended (see ``_DENIED``)."""
    return bool(_DENIED.search(text, 0, hit.start)) or (
        hit.text.casefold().startswith("have ") and bool(_MODAL.search(text, 0, hit.start))
    )


def _had_to_be_delayed(text: str, hit: Hit[str]) -> bool:
    """Whether a delay phrase follows 'had to be', which ``_DENIED`` reads as intended."""
    return hit.values[0] == DELAYED and bool(_HAD_TO_BE.search(text, 0, hit.start))


#: A trend after a word of going on ('Fraud continues to grow in the region'): the crime
#: goes on, not the work against it.
_TREND = re.compile(
    r"\s+to\s+(?:grow|rise|increase|climb|spread|worsen|fall|decline)\b", re.IGNORECASE
)

#: 'measures that fall wholly or partly to …', 'in whole or in part': a range, no status.
_EITHER_BEFORE = re.compile(
    r"\b(?:wholly|fully|entirely|totally|in\s+whole)\s+or\s+$", re.IGNORECASE
)
_EITHER_AFTER = re.compile(
    r"\s+or\s+(?:wholly|fully|entirely|totally|in\s+(?:whole|full))\b", re.IGNORECASE
)
#: A rhythm after a phrase ('now meet in person only twice a year'): how often, not how
#: much of a promise was kept ('completed a year late' is no rhythm).
_RHYTHM = re.compile(
    r"\s+(?:a|per|each|every)\s+(?:day|week|fortnight|month|quarter|year)\b"
    r"(?!\s+(?:ago|late|early|later|earlier|ahead|behind|after|before)\b)",
    re.IGNORECASE,
)
#: A capitalized word after a phrase, which then is part of a name ('Operational Working
#: Group'); a month ('Operational May 2024') does not make one.
_NAME_GOES_ON = re.compile(rf"\s+(?!(?:{MONTH_NAMES})\b)[A-Z][a-z]")
#: What comes before a word of a name: an article or another capitalized word ('the Working
#: Group', 'Joint Operational'); a sentence's first word ('Since Austria's police') starts none.
_NAME_BEGAN = re.compile(r"(?:\b(?:the|a|an|its|their)|[A-Z][\w'-]*)\s+$")
#: A phrase in a clause that says what a text is about ('summarises what has been done
#: since', 'We welcome the results achieved under the Compact') names no item's status.
_WHAT_HAS_BEEN = re.compile(
    r"\bwhat\s+(?:has|have|had|was|were)\s+(?:[a-z]+ly\s+)?(?:been\s+)?$"
    r"|\bthe\s+(?:results|progress|successes)\s+(?:so\s+far\s+)?$",
    re.IGNORECASE,
)
#: A phrase of a question asked ('(a) how many of the planned positions have been filled',
#: '(c) which elements have been modified', 'and whether any of those commitments have been
#: dropped'): asked, not reported ('which was supposed to …' opens a relative clause).
_ASKED = re.compile(
    r"(?:^|:)\s*(?:and\s+)?(?:\(\w\)\s*)?(?:how\s+(?:many|much|far)|what)\b[^.;:]*$"
    r"|\(\w\)\s*(?:how\s+(?:many|much|far)|what|which)\b[^.;:]*$|\bwhether\b[^.;:]*$",
    re.IGNORECASE,
)

#: What a clause says had been reached when its main event happened ('It was wound up in
#: August, by which time only 38 had completed the course'): the main event is the status.
_BY_WHICH_TIME = re.compile(r"\bby\s+which\s+(?:time|point|date)\b", re.IGNORECASE)

#: A clause that gives the background of what a sentence reports: the agreement's own
#: start ('met only twice since the Plan entered into force') or what had happened before
#: ('The memorandum, which had been held up for months, was signed'; 'a first session that
#: had been pushed back'). Its phrases give way to those of the sentence's own clause; a
#: relative clause of the simple past ('The Commission, which met for the first time in
#: Banjul') is the report itself.
_BACKGROUND = re.compile(
    r"(?:^|[,;(—]|\s)\s*(?:which|that)\s+had\b[^,;()—]*$"
    r"|\b(?:since|after|before|until)\s+(?:the|its|their)\s+(?:signing|signature)\b[^,;()—]*$",
    re.IGNORECASE,
)
#: A meeting reported held, for which a clause of background gives no status of its own.
_OCCASION_HELD = re.compile(r"\b(?:met|convened|was\s+held|were\s+held|took\s+place)\b", re.I)
#: The agreement's own start, named in a clause of time ('since the Plan entered into force',
#: 'held every three months since the Plan was signed').
_AGREEMENT_STARTED = re.compile(
    r"\b(?:since|after|before|until)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
_STARTS = frozenset(
    {"entered into force", "took effect", "came into force", "signed", "was signed"}
)


#: A body named by where it was set up, the participle after its name ('This report is
#: submitted by the Joint Technical Committee established under the Declaration'): how it
#: began, not what became of it; 'was established by decree' reports it done.
_NAMED_BY_ORIGIN = re.compile(r"\s+(?:under|by|through|pursuant\s+to)\b", re.IGNORECASE)
_ORIGINS = frozenset({"established", "set up", "created", "formed"})
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|formally|officially|finally|now|newly)"
    r"\s+$",
    re.IGNORECASE,
)


def _named_by_origin(text: str, hit: Hit[str]) -> bool:
    return (
        hit.text.casefold() in _ORIGINS
        and bool(_NAMED_BY_ORIGIN.match(text, hit.end))
        and not _AUXILIARY_BEFORE.search(text, 0, hit.start)
    )


#: A reason ('because too many cases have not yet reached the courts') states no item's
#: status.
_REASON = re.compile(r"\bbecause\b[^,;.()—]*$", re.IGNORECASE)


def _in_background(text: str, hit: Hit[str]) -> bool:
    """Whether a phrase belongs to a clause of background (see ``_BACKGROUND``)."""
    return bool(_BACKGROUND.search(text, 0, hit.start)) or (
        hit.text.casefold() in _STARTS and bool(_AGREEMENT_STARTED.search(text, 0, hit.start))
    )


def _overdue(text: str, hit: Hit[str]) -> Hit[str]:
    """A completion that should have come by now ('should have been complete') or is denied
    ('has not been met') reads as a delay; any other phrase as itself."""
    if hit.values[0] == FULFILLED and (
        _SHOULD_HAVE.search(text, 0, hit.start)
        or _DENIAL_BEFORE.search(text, 0, hit.start)
        or _NOR.match(text)
    ):
        return Hit(hit.start, hit.end, hit.text, (DELAYED,))
    return hit


#: 'so far' beside a completion in its clause ('187 have completed the course so far', '140
#: officers have so far completed courses', '… the course to date'), or a share short of
#: the whole ('about 70 percent complete'): a count through work that goes on, not the work
#: completed.
_SO_FAR_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:so\s+far|to\s+date)\b", re.IGNORECASE)
_SO_FAR_BEFORE = re.compile(
    r"\bso\s+far\s+$|\b\d{1,2}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+$", re.IGNORECASE
)
#: So does a count of people who have been through it ('94 investigators have completed the
#: course', 'Twenty-two investigators … have now completed placements', '520 recruits have
#: now graduated'), unless all of them are counted ('All 300 officers have completed').
_PEOPLE_THROUGH = re.compile(
    rf"(?<!\ball\s)(?<![\w-])(?:{NUMBER})\s+(?:[\w().'-]+\s+){{0,8}}?(?:have|has|had)\s+"
    r"(?:now\s+|already\s+)?$",
    re.IGNORECASE,
)
_THROUGH = re.compile(r"completed|graduated|finished", re.IGNORECASE)


def _so_far(text: str, hit: Hit[str]) -> Hit[str]:
    """A completion counted 'so far', or by the people through it, reads as work in progress;
    any other phrase as itself."""
    if hit.values[0] == FULFILLED and (
        _SO_FAR_AFTER.match(text, hit.end)
        or _SO_FAR_BEFORE.search(text, 0, hit.start)
        or (_THROUGH.fullmatch(hit.text) and _PEOPLE_THROUGH.search(text, 0, hit.start))
    ):
        return Hit(hit.start, hit.end, hit.text, (IN_PROGRESS,))
    return hit


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalized phrase is a word of a proper name that goes on after it
    ('the Joint Operational Working Group has met', 'the Working Group agreed'), not a
    status ('Operational since 3 May', '| Completed |')."""
    return (
        text[start].isupper()
        and bool(_NAME_GOES_ON.match(text, end))
        and bool(_NAME_BEGAN.search(text, 0, start))
    )


#: A word of status used before the noun it describes ('operational or coercive acts',
#: 'exchange operational intelligence', 'irregular migration', 'three complete production
#: lines were seized', 'the mixed river patrols', 'the 40 pending requests'), not of a measure ('is
#: operational', 'operational since May', 'fully operational in all four ports', '| 8
#: meetings in 2025 | Irregular |').
_ATTRIBUTIVE = frozenset({"operational", "irregular", "complete", "mixed", "pending"})
_NOUN_AFTER = re.compile(
    r"\s+(?:or\s+[a-z]+\s+)?"
    r"(?!(?:since|in|on|at|by|from|for|and|again|now|until|with|across|throughout|as|there"
    r"|before|after|within|ahead|once|but|so|yet|the|its|their|all)\b)[a-z]{3,}"
)


#: A word of status that, after 'the', names a change made before ('in time for the revised
#: deadline', 'the revised target of 300 was met'); 'agreed a revised target' is the change.
#: So 'the promised yearly report' names the pledge, and 'the agreed time frame' the one agreed:
#: neither says where the work stands.
_ATTRIBUTIVE_AFTER_THE = frozenset({"revised", "promised", "agreed"})
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


#: 'working' or 'operating' naming a kind of group, meeting, time or text ('a joint working
#: group', 'within 15 working days', 'the standard operating procedure'), not work under way
#: ('has been working since May', 'working together', 'has been operating since March'); so
#: 'opened' of gunfire, not of an office.
_AS_A_KIND = {
    "working": re.compile(
        r"\s+(?:group|party|parties|day|level|session|paper|hour|meeting|visit)s?\b",
        re.IGNORECASE,
    ),
    "operating": re.compile(
        r"\s+(?:procedure|manual|instruction|rule|guideline|cost|budget|base|model)s?\b",
        re.IGNORECASE,
    ),
    "opened": re.compile(r"\s+fire\b", re.IGNORECASE),  # 'smugglers opened fire on a patrol'
}


def _attributive(text: str, hit: Hit[str]) -> bool:
    """Whether a word of status describes the noun after it (see ``_ATTRIBUTIVE``)."""
    word = hit.text.casefold()
    kind = _AS_A_KIND.get(word)
    if kind is not None and kind.match(text, hit.end):
        return True
    described = word in _ATTRIBUTIVE or (
        word in _ATTRIBUTIVE_AFTER_THE and bool(_THE_BEFORE.search(text, 0, hit.start))
    )
    return described and bool(_NOUN_AFTER.match(text, hit.end))


def speaking_phrases(lex: Lexicon, text: str) -> list[Hit[str]]:
    """The status phrases of ``text`` said of the item it reports, as what they say."""
    read = [(found, _so_far(text, _overdue(text, found))) for found in lex.statuses.find(text)]
    hits = [
        h
        for found, h in read
        if (h is not found or not _denied(text, h) or _had_to_be_delayed(text, h))
        and not _WHAT_HAS_BEEN.search(text, 0, h.start)
        and not _REASON.search(text, 0, h.start)
        and not _ASKED.search(text, 0, h.start)
        and not _TREND.match(text, h.end)
        and not _EITHER_BEFORE.search(text, 0, h.start)
        and not _EITHER_AFTER.match(text, h.end)
        and not _in_a_name(text, h.start, h.end)
        and not _attributive(text, h)
        and not _named_by_origin(text, h)
        and not (h.values[0] == PARTLY_FULFILLED and _RHYTHM.match(text, h.end))
        and not (h.values[0] == ABANDONED and _SOME_CALLED_OFF.search(text, 0, h.start))
    ]
    foreground = [h for h in hits if not _in_background(text, h)]
    if foreground or _OCCASION_HELD.search(text):
        hits = foreground  # 'met for the second time, after a first session that had been
        # pushed back': the meeting held is the report, its background no status
    by_which_time = _BY_WHICH_TIME.search(text)
    if by_which_time and any(h.end <= by_which_time.start() for h in hits):
        hits = [h for h in hits if h.end <= by_which_time.start()]
    return hits
