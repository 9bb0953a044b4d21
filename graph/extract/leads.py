"""Who leads a commitment pledged in a sentence: the agency the sentence puts in charge.

A table or list has a column or a phrase for the lead agency; a sentence says it in its
grammar. "The Djibouti Coast Guard will lead a Maritime Law Enforcement Course", "the
Cyprus Police will set up a Secure Police Communications Link": the agency is the subject
of the pledge. "A Fentanyl Intelligence Working Group, convened by the DEA and bringing
together analysts from the RCMP …": it follows a phrase of leading, one of the cues of
``pg:implementedBy`` that ends in "by" ("convened by", "led by", "chaired by"). The
agencies are those the recognizer found, so a name is only ever a lead if it is an agency.
Two agencies in charge together ("The Indian Coast Guard and the Sri Lanka Navy will hold
…", "co-chaired by the Secretary … and the Minister …") make no single lead, and agencies
named after the body ("A Working Group of the ATF, the RCMP and CBP will meet") are its
members, not its lead.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from graph.documents.model import Span
from graph.extract.bodies import pledge_word
from graph.extract.facts import ActorMention
from graph.language import grammar
from graph.lexicon import Lexicon
from graph.namespaces import PG

#: A lead shared by its prefix: 'co-chaired by', 'jointly led by'.
_SHARED = re.compile(r"(?:\bco-|\bjointly\s+)$", re.IGNORECASE)
#: Between a phrase of leading and its agency: 'led by the', 'convened by'.
_AFTER_CUE = re.compile(r"^\s*(?:the\s+)?$")
#: Between the subject and the auxiliary of its pledge: 'the Cyprus Police will', 'the
#: Landespolizei (LP) will'.
_BEFORE_AUXILIARY = re.compile(r"^(?:\s*\([^()]{1,20}\))?\s*$")
#: Between two agencies of one subject: 'the PF and SENAD will', 'the PF, the PRF and'.
_AND_ANOTHER = re.compile(r"^\s*(?:,|,?\s+and)\s+(?:the\s+)?$")


def lead_agency(
    lexicon: Lexicon, clause: Span, label: str, agencies: list[ActorMention]
) -> URIRef | None:
    """The one agency ``clause`` puts in charge of ``label``, what it pledges, if it names
    one."""
    inside = sorted(
        (m for m in agencies if clause.start <= m.span.start and m.span.end <= clause.end),
        key=lambda m: m.span.start,
    )
    if not inside:
        return None
    text = clause.text
    for cue in lexicon.cue_index(PG.implementedBy).find(text):
        if not cue.text.casefold().endswith(" by") or _SHARED.search(text[: cue.start]):
            continue
        after = [m for m in inside if m.span.start - clause.start >= cue.end]
        if after and _AFTER_CUE.match(text[cue.end : after[0].span.start - clause.start]):
            return None if _joined(text, clause.start, after) else after[0].iri
    return _subject(clause, label, inside, lexicon)


def _joined(text: str, offset: int, mentions: list[ActorMention]) -> bool:
    """Whether the first of ``mentions`` is joined by 'and' or a comma to the next."""
    if len(mentions) < 2:
        return False
    between = text[mentions[0].span.end - offset : mentions[1].span.start - offset]
    return bool(_AND_ANOTHER.match(between))


def _subject(
    clause: Span, label: str, inside: list[ActorMention], lexicon: Lexicon
) -> URIRef | None:
    """The agency that is the whole subject of the pledge: right before 'will' or 'shall',
    joined to no other, and not named after the body it would lead."""
    pledge = pledge_word(clause, grammar.words(grammar.PLEDGE_AUXILIARIES, lexicon.languages))
    if pledge is None:
        return None
    text, offset = clause.text, clause.start
    before = [m for m in inside if m.span.end - offset <= pledge.start()]
    if not before:
        return None
    subject = before[-1]
    if not _BEFORE_AUXILIARY.match(text[subject.span.end - offset : pledge.start()]):
        return None
    if len(before) > 1 and _joined(text, offset, before[-2:]):
        return None
    if label in text[: subject.span.start - offset]:
        return None
    return subject.iri
