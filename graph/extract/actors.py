"""Recognising nations, international organizations and media outlets, and the parties.

Names, aliases and demonyms come from the gazetteers in ``ontology/``.
Parties are the nations and organizations the document's title and opening
sentence name: news of an agreement names its parties first ("Brazil and
Paraguay have signed ..."), while nations only mentioned ("Argentina ... is
not a signatory") come later.
"""

from __future__ import annotations

import re
from collections import Counter

from rdflib import URIRef

from graph.documents.model import BlockKind, Document, Span
from graph.extract.facts import ActorMention
from graph.extract.names import proper_name_after
from graph.extract.phrases import alternatives
from graph.language import grammar
from graph.lexicon import Lexicon
from graph.namespaces import PG, media_iri

_CONTINUED_NAME = re.compile(r"[ \t]+[A-Z]")  # "The Australian Federal Police" is no outlet
#: Where a sentence ends: after its stop, before the capital that opens the next.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ\"“«])")


def _mentions(hits, kind: str) -> list[ActorMention]:
    return [ActorMention(h.values[0].iri, kind, Span(h.start, h.end, h.text)) for h in hits]


def nation_mentions(lexicon: Lexicon, text: str, *, demonyms: bool = True) -> list[ActorMention]:
    """Nations named (or, with ``demonyms``, described by adjective) in ``text``."""
    found = _mentions(lexicon.nations.find(text), "nation")
    organizations = _mentions(lexicon.organizations.find(text), "organization")
    if demonyms:
        taken = [(m.span.start, m.span.end) for m in found]
        for mention in _mentions(lexicon.demonyms.find(text), "nation"):
            if not any(s < mention.span.end and mention.span.start < e for s, e in taken):
                found.append(mention)
    return sorted(found + organizations, key=lambda m: m.span.start)


def media_mentions(lexicon: Lexicon, document: Document) -> list[ActorMention]:
    """Outlets of the gazetteer, and unknown ones introduced by a citing cue ('according to X')."""
    text = document.text
    found = [
        m
        for m in _mentions(lexicon.media.find(text), "media")
        if not _CONTINUED_NAME.match(text, m.span.end)
    ]
    known = [(m.span.start, m.span.end) for m in found]
    for cue in lexicon.cue_index(PG.MediaOutlet).find(text):
        name = proper_name_after(text, cue.end)
        if name is None or any(s <= name.start < e for s, e in known):
            continue
        if lexicon.nations.lookup(name.text) or lexicon.agency_names.lookup(name.text):
            continue
        if len(name.text.split()) >= 2:
            found.append(ActorMention(media_iri(name.text), "media", name))
    return found


def first_sentence(document: Document) -> Span | None:
    """The opening sentence of the first paragraph: where news names the parties."""
    for block in document.blocks:
        if block.kind is BlockKind.PARAGRAPH:
            text = block.span.text
            end = SENTENCE_END.search(text)
            stop = end.start() if end else len(text)
            return Span(block.span.start, block.span.start + stop, text[:stop])
    return None


def _headings_above_text(document: Document) -> list[Span]:
    """The headings between the title and the first paragraph: a headline's deck, a dateline."""
    headings = []
    for block in document.blocks:
        if block.kind is BlockKind.PARAGRAPH:
            break
        if block.kind is BlockKind.HEADING and block.span != document.title:
            headings.append(block.span)
    return headings


# "the United States and Mexico", "México y Guatemala", "le Mali et le Niger", "Moçambique e a
# Tanzânia", "de Cabo Verde, do Senegal e de Portugal": parties are joined by a conjunction,
# a preposition and an article, in any language of the genre.
_COORDINATION = re.compile(
    rf"^[\s,]*(?:(?:{alternatives(grammar.all_words(grammar.COORDINATORS))})\s+)?"
    rf"(?:(?:{alternatives(grammar.all_words(grammar.PREPOSITIONS))})\s*)?"
    rf"(?:(?:{alternatives(grammar.all_words(grammar.ARTICLES))})\s*)?$",
    re.IGNORECASE,
)


def capital_mentions(lexicon: Lexicon, text: str) -> list[ActorMention]:
    """Capitals standing for their governments: headlines write «Tunis et Alger renforcent…»."""
    return _mentions(lexicon.capitals.find(text), "nation")


def leading_group(lexicon: Lexicon, place: Span, *, capitals: bool = False) -> list[URIRef]:
    """The nations and organizations named together first: 'the United States and Mexico have ...'.

    News names the parties as one coordinated phrase; a nation named later in
    the sentence ('... the Strait of Gibraltar') is not one of them. With
    ``capitals`` (for a headline) a capital names its nation's government.
    """
    mentions = nation_mentions(lexicon, place.text, demonyms=False)
    if capitals:
        taken = [(m.span.start, m.span.end) for m in mentions]
        mentions = sorted(
            mentions
            + [
                m
                for m in capital_mentions(lexicon, place.text)
                if not any(s < m.span.end and m.span.start < e for s, e in taken)
            ],
            key=lambda m: m.span.start,
        )
    group: list[URIRef] = []
    previous_end = None
    for mention in mentions:
        if previous_end is not None:
            gap = place.text[previous_end : mention.span.start]
            if not _COORDINATION.match(gap):
                break
        if mention.iri not in group:
            group.append(mention.iri)
        previous_end = mention.span.end
    return group


def parties(
    lexicon: Lexicon, document: Document, mentions: list[ActorMention]
) -> tuple[URIRef, ...]:
    """Parties named together in the title, a heading above the text ('Brazil, Colombia and
    Peru adopt the Tres Fronteras Plan' under the title and the ministries' names) or the
    first sentence; else the most mentioned."""
    places = [(document.title, True), *((h, True) for h in _headings_above_text(document))]
    places.append((first_sentence(document), False))
    for place, is_title in places:
        if place is None:
            continue
        group = leading_group(lexicon, place, capitals=is_title)
        if len(group) >= 2:
            return tuple(group)
    counts = Counter(m.iri for m in mentions if m.kind in ("nation", "organization"))
    ranked = [iri for iri, n in counts.most_common() if n >= 2]
    return tuple(ranked[:2])
