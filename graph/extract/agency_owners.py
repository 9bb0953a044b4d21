"""Which nation an agency serves, and the record of a body known only by its name.

A body the gazetteer does not know gets its IRI from its owner's code and its name, so the
owner must be found first: a nation named in the name ("Ministry of Security of Panama"),
a possessive before it ("Brazil's Federal Revenue Service"), the last nation named earlier
in the sentence, or else the agreement's first party.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from graph.documents.model import Span
from graph.extract.actors import nation_mentions
from graph.extract.facts import ActorMention, NewAgency
from graph.language import grammar
from graph.lexicon import Lexicon
from graph.namespaces import agency_iri

_POSSESSIVE_BEFORE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)['’]s\s+$")
_POSSESSIVE_PREFIX = re.compile(r"^[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*['’]s\s+")
# "of the", "de la", "du", "d'": what joins a body's name to the nation that ends it.
_JOINING_PREPOSITIONS = "|".join(
    sorted(w for w in grammar.all_words(grammar.NAME_PREPOSITIONS) if w.isalpha())
)
_JOINING_ARTICLES = "|".join(sorted(w for w in grammar.all_words(grammar.ARTICLES) if w.isalpha()))
_NATION_COMPLEMENT = re.compile(
    rf"\s+(?:{_JOINING_PREPOSITIONS})(?:\s+(?:{_JOINING_ARTICLES}))?\s*(?:[lL]['’])?$"
    r"|\s+[dD]['’]$"
)


class AgencyOwners:
    """The owners of one document's agencies, and the new bodies recorded under them."""

    def __init__(
        self,
        lexicon: Lexicon,
        text: str,
        nations: list[ActorMention],
        parties: tuple[URIRef, ...],
        new_agencies: dict[URIRef, NewAgency],
    ) -> None:
        self.lexicon = lexicon
        self.text = text
        self.nations = nations
        self.parties = parties
        self.new_agencies = new_agencies

    def nations_in(self, text: str) -> list[ActorMention]:
        """The nations ``text`` names (not their demonyms or organizations)."""
        return [m for m in nation_mentions(self.lexicon, text) if m.kind == "nation"]

    def possessive_owner(self, name: Span) -> URIRef | None:
        """The nation of a possessive just before ``name``: "Bangladesh's Ministry …"."""
        before = self.text[max(0, name.start - 60) : name.start]
        match = _POSSESSIVE_BEFORE.search(before)
        if not match:
            return None
        owners = self.lexicon.nations.lookup(match.group(1))
        return owners[0].iri if owners else None

    def owner_of(self, name: Span) -> URIRef | None:
        """The nation an unknown agency serves: named in it, before it, or the first party."""
        inside = self.nations_in(name.text)
        if inside:
            return inside[0].iri
        possessive = self.possessive_owner(name)
        if possessive is not None:
            return possessive
        sentence_start = max(
            self.text.rfind(". ", 0, name.start), self.text.rfind("\n", 0, name.start)
        )
        earlier = [m for m in self.nations if m.span.end <= name.start and m.kind == "nation"]
        in_sentence = [m for m in earlier if m.span.start > sentence_start]
        if in_sentence:
            return in_sentence[-1].iri
        return self.parties[0] if self.parties else (earlier[-1].iri if earlier else None)

    def new_agency(self, name: Span, acronym: str | None) -> URIRef | None:
        """The IRI of the body ``name`` names, recorded as new unless already known; None
        when no owner can be found."""
        possessive = _POSSESSIVE_PREFIX.match(name.text)
        if possessive:  # "Uzbekistan's Ministry of Internal Affairs" in a cell
            start = name.start + possessive.end()
            name = Span(start, name.end, self.text[start : name.end])
        owner = self.owner_of(name)
        if owner is None:
            return None
        entry = self.lexicon.actors.get(owner)
        code = entry.code if entry and entry.code else str(owner).rsplit("/", 1)[-1]
        iri = agency_iri(code, name.text)
        if iri not in self.lexicon.actors and iri not in self.new_agencies:
            short = self._without_nation(name, owner)
            self.new_agencies[iri] = NewAgency(iri, name.text, owner, acronym, name, short)
        return iri

    def _without_nation(self, name: Span, owner: URIRef) -> str | None:
        """'Ministry of Security of Panama' → 'Ministry of Security', when Panama owns it."""
        ending = [m for m in self.nations_in(name.text) if m.span.end == len(name.text)]
        if not ending or ending[-1].iri != owner:
            return None
        match = _NATION_COMPLEMENT.search(name.text[: ending[-1].span.start])
        short = name.text[: match.start()] if match else ""
        return short if len(short.split()) >= 2 else None
