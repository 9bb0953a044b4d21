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
#: A lead stated after the agency: 'the PJ will lead.', 'with the FIC as lead', 'the
#: Directorate General of Immigration, which will lead the work, and …'.
_LEADS_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,20}\))?(?:\s+will\s+lead\s*[.;]|\s+as\s+(?:the\s+)?lead\b"
    r"|,\s+which\s+will\s+lead\b)",
    re.IGNORECASE,
)
#: A lead stated before the agency: 'under the lead of the Guarda Nacional Republicana'.
_LEADS_BEFORE = re.compile(r"\bunder\s+the\s+lead(?:ership)?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


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
    stated = [m for m in inside if _stated_lead(text, clause.start, m)]
    if len(stated) == 1:
        return stated[0].iri
    for cue in lexicon.cue_index(PG.implementedBy).find(text):
        if not cue.text.casefold().endswith(" by") or _SHARED.search(text[: cue.start]):
            continue
        after = [m for m in inside if m.span.start - clause.start >= cue.end]
        if after and _AFTER_CUE.match(text[cue.end : after[0].span.start - clause.start]):
            return None if _joined(text, clause.start, after) else after[0].iri
    return _subject(clause, label, inside, lexicon)


def _stated_lead(text: str, offset: int, mention: ActorMention) -> bool:
    """Whether the words around ``mention`` say in so many words that it leads ('CITCO will
    lead.', 'with the UIF as lead', 'under the lead of the GNR'): that outweighs the grammar
    of the pledge, which may have two subjects ('the PJ and the Policía Nacional will set up
    … ; the PJ will lead')."""
    before, after = text[: mention.span.start - offset], text[mention.span.end - offset :]
    return bool(_LEADS_AFTER.match(after) or _LEADS_BEFORE.search(before))


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
