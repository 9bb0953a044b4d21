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
from graph.lexicon import ActorEntry, Lexicon
from graph.namespaces import PG, media_iri

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


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
    found = _mentions(lexicon.media.find(text), "media")
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
            end = _SENTENCE_END.search(text)
            stop = end.start() if end else len(text)
            return Span(block.span.start, block.span.start + stop, text[:stop])
    return None


def parties(
    lexicon: Lexicon, document: Document, mentions: list[ActorMention]
) -> tuple[URIRef, ...]:
    """Parties from the title and first sentence; else the two most mentioned nations."""
    places = [s for s in (document.title, first_sentence(document)) if s is not None]
    named: list[URIRef] = []
    for place in places:
        for mention in nation_mentions(lexicon, place.text, demonyms=False):
            if mention.iri not in named:
                named.append(mention.iri)
    if len(named) >= 2:
        return tuple(named)
    counts = Counter(m.iri for m in mentions if m.kind in ("nation", "organization"))
    ranked = [iri for iri, n in counts.most_common() if n >= 2]
    return tuple(dict.fromkeys([*named, *ranked]))[: max(2, len(named))]


def entry(lexicon: Lexicon, iri: URIRef) -> ActorEntry | None:
    return lexicon.actors.get(iri)
