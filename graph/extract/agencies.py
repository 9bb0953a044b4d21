"""Recognising government agencies: from the gazetteer, and by the shape of their names.

Three ways in, in order of trust:
1. a name or acronym of the gazetteer, accepted only where the document
   speaks of the agency's nation (an acronym such as "PF" or "AFP" means
   different bodies in different countries);
2. "Full Name (ACRONYM)" in running text, after which the acronym alone —
   even alone in a table cell — means that body;
3. a capitalized name with a government head word (Police, Agency,
   Directorate ... from the cues in ``ontology/``) that reads as a proper
   name: opened by a modifier such as National or Federal, naming a nation,
   or following a possessive ("Brazil's Federal Revenue Service").

A body the gazetteer does not know is recorded under its owner by
``graph.extract.agency_owners``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import URIRef

from graph.documents.model import BlockKind, Document, Span
from graph.extract.agency_owners import AgencyOwners
from graph.extract.body_names import as_body_name, is_media_name
from graph.extract.facts import ActorMention, NewAgency
from graph.extract.names import (
    acronym_long_form,
    capitalized_runs,
    proper_name_after,
    proper_name_before,
)
from graph.extract.phrases import alternatives
from graph.language import grammar
from graph.lexicon import ActorEntry, Lexicon
from graph.namespaces import ID

_ACRONYM = re.compile(r"\(([A-Za-z][A-Za-z0-9.&\-]{1,14})\)")
_CELL_DEFINITION = re.compile(r"^(.*?\S)\s*\(([A-Za-z][A-Za-z0-9.&\-]{1,14})\)$")
#: Where a cell's lead ends and its partners begin: 'Philippine Navy, with the Indonesian
#: Navy (TNI AL)' (a comma inside a name is not followed by them: 'Ministère de
#: l'Intérieur, du Développement communautaire …').
_CELL_PARTNERS = re.compile(
    rf",\s+(?:{alternatives(grammar.all_words(grammar.PARTNERS))})\b", re.IGNORECASE
)
_MIN_BARE_ACRONYM = 3
#: What stands between two items of a list of bodies: '), the', ' and its', '; the', ' and
#: Türkiye's'.
_LIST_GAP = re.compile(
    r"^\)?\s*[,;]?\s*(?:(?:and|as\s+well\s+as)\s+)?"
    r"(?:(?:the|its|their)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+)?$"
)
_LIST_GAP_MAX = 30
_LEADING_ARTICLE = re.compile(r"^(?:The|the|El|La|Los|Las|Le|Les|O|Os)\s+|^L['’](?=\w)", re.UNICODE)
_NAME_PREPOSITIONS = grammar.all_words(grammar.NAME_PREPOSITIONS)
_AND = "|".join(w for w in grammar.all_words(grammar.COORDINATORS) if w.isalpha())


@dataclass
class AgencyFindings:
    """Agencies of one document: mentions, new bodies, and what each acronym means here."""

    mentions: list[ActorMention] = field(default_factory=list)
    new_agencies: dict[URIRef, NewAgency] = field(default_factory=dict)
    acronyms: dict[str, URIRef] = field(default_factory=dict)
    labels: dict[str, URIRef] = field(default_factory=dict)

    def name_spans(self) -> list[Span]:
        return [m.span for m in self.mentions]

    def add(self, iri: URIRef, span: Span) -> None:
        self.mentions.append(ActorMention(iri, "agency", span))


def prose_spans(document: Document) -> list[Span]:
    """Paragraphs and bullet items: the running text where names are introduced."""
    spans: list[Span] = []
    for block in document.blocks:
        if block.kind is BlockKind.PARAGRAPH:
            spans.append(block.span)
        elif block.kind is BlockKind.BULLET_LIST:
            spans.extend(block.items)
    return spans


def table_cells(document: Document) -> list[Span]:
    """Cells of tables: a cell may define an acronym ("Forces armées togolaises (FAT)")."""
    return [
        cell.span
        for block in document.blocks
        if block.kind is BlockKind.TABLE
        for row in ([block.header] if block.header else []) + list(block.rows)
        for cell in row.cells
    ]


class AgencyRecognizer:
    """Finds the agencies of one document given the nations it speaks of."""

    def __init__(
        self,
        lexicon: Lexicon,
        document: Document,
        nations: list[ActorMention],
        parties: tuple[URIRef, ...],
    ) -> None:
        self.lexicon = lexicon
        self.document = document
        self.text = document.text
        self.nations = nations
        self.parties = parties
        self.context = {m.iri for m in nations} | set(parties)
        self.found = AgencyFindings()
        self.owners = AgencyOwners(lexicon, self.text, nations, parties, self.found.new_agencies)

    # ---------------------------------------------------------------- gazetteer

    def _in_context(self, entry: ActorEntry, matched: str) -> bool:
        owner = entry.owner
        if owner is None:
            return False
        if owner in self.context or str(owner).startswith(f"{ID}org/"):
            return True
        inside = {m.iri for m in self.owners.nations_in(matched)}
        return owner in inside

    def _choose(self, entries: tuple[ActorEntry, ...], matched: str) -> ActorEntry | None:
        fitting = [e for e in entries if self._in_context(e, matched)]
        fitting.sort(key=lambda e: (e.owner not in self.parties, e.owner not in self.context))
        return fitting[0] if fitting else None

    def gazetteer_names(self) -> None:
        hits = self.lexicon.agency_names.find(self.text)
        owned = {id(h): self.owners.possessive_owner(Span(h.start, h.end, h.text)) for h in hits}
        # Possessive mentions first: "Bangladesh's Ministry of Home Affairs" is Bangladesh's,
        # whatever else shares the name, and so is every later bare mention of that name.
        for hit in sorted(hits, key=lambda h: owned[id(h)] is None):
            span = Span(hit.start, hit.end, hit.text)
            owner = owned[id(hit)]
            full = proper_name_after(self.text, hit.start, self.lexicon.inner_name_words)
            if full is not None and full.end > hit.end and not self._names_another(full, hit.end):
                # "Ministry of Security and Civil Protection" is not the gazetteer's
                # "Ministry of Security": a longer name is another body.
                if owner is not None and (iri := self.owners.new_agency(full, None)) is not None:
                    self.found.add(iri, full)
                    self.found.labels.setdefault(full.text, iri)
                continue
            if owner is not None:
                own = [e for e in hit.values if e.owner == owner]
                iri = own[0].iri if own else self.owners.new_agency(span, None)
                if iri is not None:
                    self.found.add(iri, span)
                    self.found.labels.setdefault(hit.text, iri)
                continue
            if hit.text in self.found.labels:
                self.found.add(self.found.labels[hit.text], span)
                continue
            chosen = self._choose(hit.values, hit.text)
            if chosen is not None:
                self.found.add(chosen.iri, span)
                if chosen.acronym:
                    self.found.acronyms.setdefault(chosen.acronym, chosen.iri)

    # ---------------------------------------------------------------- acronym definitions

    def _taken(self, span: Span) -> bool:
        return any(s.start < span.end and span.start < s.end for s in self.found.name_spans())

    def _is_other_actor(self, name: str) -> bool:
        lex = self.lexicon
        return bool(
            lex.nations.lookup(name) or lex.organizations.lookup(name) or lex.media.lookup(name)
        )

    def _has_head_word(self, name: str) -> bool:
        return bool(self.lexicon.head_words.find(name))

    def definitions(self) -> None:
        """'Full Name (ACR)' read as a body where its name reads as one; then, once those
        are known, where it stands in a list among them ('the Ministry of Home Affairs
        (MHA), the Sashastra Seema Bal (SSB), the Narcotics Control Bureau (NCB)')."""
        matches = [
            match
            for span in prose_spans(self.document) + table_cells(self.document)
            for match in _ACRONYM.finditer(self.text, span.start, span.end)
        ]
        listed = [match for match in matches if not self._definition(match, listed=False)]
        for match in listed:
            self._definition(match, listed=True)

    def _definition(self, match: re.Match[str], *, listed: bool) -> bool:
        """Record the body 'Full Name (ACR)' defines; False when it may not be one (yet).
        ``listed`` accepts a name that stands in a list beside bodies already found."""
        acronym = match.group(1)
        name = self._defined_name(match.start(), acronym)
        if name is None:
            return True
        name = _without_article(self.text, name)
        if (
            len(name.text.split()) < 2
            or self._is_other_actor(name.text)
            or is_media_name(self.lexicon, name.text)
        ):
            return True
        known = self._gazetteer_entry(name.text, acronym)
        reads_as_body = self._names_a_body(name, acronym) or (
            listed and self._listed_among_bodies(name, match.end())
        )
        if known is None and not reads_as_body:
            return False
        acronym_span = Span(match.start(1), match.end(1), acronym)
        iri = known.iri if known is not None else self.owners.new_agency(name, acronym)
        if iri is None:
            return True
        if not self._taken(name):
            self.found.add(iri, name)
        self.found.add(iri, acronym_span)
        self.found.acronyms[acronym] = iri
        self.found.labels[name.text] = iri
        return True

    def _listed_among_bodies(self, name: Span, end: int) -> bool:
        """Whether a defined name stands in a list next to a body already found: the text
        between them only separates items (', the', ' and its'). A cooperation mechanism
        ('Joint Task Force (JTF)') is not taken for a body however it is listed."""
        if self._opens_a_mechanism(name.text):
            return False
        for found in self.found.name_spans():
            if found.end <= name.start:
                between = self.text[found.end : name.start]
            elif found.start >= end:
                between = self.text[end : found.start]
            else:
                continue
            if len(between) <= _LIST_GAP_MAX and _LIST_GAP.match(between):
                return True
        return False

    def _defined_name(self, position: int, acronym: str) -> Span | None:
        """The name an acronym defines: the capitalized run before it, or the longer form
        its letters spell when that starts with a head word's capital ("Parquet national
        antiterroriste (PNAT)")."""
        name = proper_name_before(self.text, position, self.lexicon.inner_name_words)
        longer = acronym_long_form(self.text, position, acronym)
        if longer is None or not longer.text[:1].isupper() or not self._has_head_word(longer.text):
            return name
        return longer if name is None or longer.start <= name.start else name

    def _names_another(self, full: Span, end: int) -> bool:
        """'Guardia Civil and Policía Nacional': what follows 'and' is a body of its own."""
        rest = self.text[end : full.end]
        if not re.match(rf"\s*(?:,|&|(?:{_AND})\b)", rest):
            return False
        return self._has_head_word(rest) or bool(self.lexicon.agency_names.find(rest))

    def _gazetteer_entry(self, name: str, acronym: str) -> ActorEntry | None:
        entry = self._choose(self.lexicon.agency_names.lookup(name), name)
        return entry or self._choose(self.lexicon.agency_acronyms.lookup(acronym), name)

    def _names_a_body(self, name: Span, acronym: str) -> bool:
        """An unknown 'Full Name (ACR)' is a government body when its name reads as one."""
        if self._opens_a_mechanism(name.text):
            return False
        words = name.text.split()
        return self._has_head_word(name.text) or bool(
            sum(c.isupper() for c in acronym) >= 2
            and (self.lexicon.modifier_words.lookup(words[0]) or self.owners.nations_in(name.text))
        )

    def _opens_a_mechanism(self, name: str) -> bool:
        """'Joint Task Force', 'Binational Commission': cooperation mechanisms, not agencies."""
        return bool(self.lexicon.mechanism_openers.lookup(name.split()[0]))

    # ---------------------------------------------------------------- names by their shape

    def _reads_as_proper_name(self, name: Span) -> bool:
        words = name.text.split()
        if (
            len(words) < 2
            or not self._has_head_word(name.text)
            or self._opens_a_mechanism(name.text)
        ):
            return False
        if self.lexicon.head_words.lookup(words[0]) and (
            words[1] in _NAME_PREPOSITIONS or self.lexicon.modifier_words.lookup(words[1])
        ):
            return True  # "Ministry of ...", "Ministério do ...", "Policía Nacional"
        if self.lexicon.modifier_words.lookup(words[0]) or self.owners.nations_in(name.text):
            return True
        return self.owners.possessive_owner(name) is not None

    def discover(self, excluded: set[str]) -> None:
        for span in prose_spans(self.document):
            for run in capitalized_runs(
                self.text, span.start, span.end, self.lexicon.inner_name_words
            ):
                for split in _split_on_and(self.text, _without_article(self.text, run), self):
                    part = as_body_name(self.lexicon, self.text, split)
                    if part is None:
                        continue
                    if (
                        part.text in excluded
                        or self._taken(part)
                        or self._is_other_actor(part.text)
                    ):
                        continue
                    if self._reads_as_proper_name(part):
                        iri = self._known(part.text) or self.owners.new_agency(part, None)
                        if iri is not None:
                            self.found.add(iri, part)
                            self.found.labels[part.text] = iri

    def _known(self, name: str) -> URIRef | None:
        if name in self.found.labels:
            return self.found.labels[name]
        entry = self._choose(self.lexicon.agency_names.lookup(name), name)
        return entry.iri if entry else None

    # ---------------------------------------------------------------- acronyms alone

    def acronym_uses(self) -> None:
        for acronym, iri in list(self.found.acronyms.items()):
            for match in re.finditer(rf"(?<![\w]){re.escape(acronym)}(?![\w])", self.text):
                span = Span(match.start(), match.end(), acronym)
                if not self._taken(span):
                    self.found.add(iri, span)
        for hit in self.lexicon.agency_acronyms.find(self.text):
            if len(hit.text) < _MIN_BARE_ACRONYM:
                continue  # "MP", "PF", "ED": too often something else unless the text defines them
            span = Span(hit.start, hit.end, hit.text)
            chosen = self._choose(hit.values, hit.text)
            if chosen is not None and not self._taken(span) and chosen.owner in self.context:
                self.found.add(chosen.iri, span)
                self.found.acronyms.setdefault(hit.text, chosen.iri)

    def resolve_cell(self, cell: Span, *, create: bool = True) -> URIRef | None:
        """The agency a table cell names: by acronym, by name, or (``create``) a new proper name."""
        iri = self._cell_agency(cell, create)
        if iri is not None and create:
            self.found.add(iri, cell)
        return iri

    def _cell_agency(self, cell: Span, create: bool) -> URIRef | None:
        partners = _CELL_PARTNERS.search(cell.text)
        if partners is not None:
            cell = Span(cell.start, cell.start + partners.start(), cell.text[: partners.start()])
        defined = _CELL_DEFINITION.match(cell.text)
        if defined:
            name = Span(cell.start, cell.start + len(defined.group(1)), defined.group(1))
            iri = self._known(name.text) or (
                self.owners.new_agency(name, defined.group(2)) if create else None
            )
            if iri is not None:
                self.found.acronyms.setdefault(defined.group(2), iri)
            return iri
        text = cell.text
        if text in self.found.acronyms:
            return self.found.acronyms[text]
        known = self._known(text)
        if known is not None:
            return known
        inside = self._named_inside(cell)
        if inside is not None:
            return inside
        if create and self._has_head_word(text) and text[:1].isupper() and len(text.split()) >= 2:
            return self.owners.new_agency(cell, None)
        return None

    def _named_inside(self, cell: Span) -> URIRef | None:
        """The first agency a cell names among other words: 'DEA and ATF', "Brazil's Police"."""
        hits = []
        for acronym, iri in self.found.acronyms.items():
            match = re.search(rf"(?<![\w]){re.escape(acronym)}(?![\w])", cell.text)
            if match:
                hits.append((match.start(), iri))
        for index in (self.lexicon.agency_names, self.lexicon.agency_acronyms):
            for hit in index.find(cell.text):
                chosen = self._choose(hit.values, hit.text)
                if chosen is not None:
                    hits.append((hit.start, chosen.iri))
        return min(hits, key=lambda h: h[0])[1] if hits else None

    def run(self, excluded: set[str]) -> AgencyFindings:
        self.gazetteer_names()
        self.definitions()
        self.discover(excluded)
        self.acronym_uses()
        return self.found


def _without_article(text: str, name: Span) -> Span:
    match = _LEADING_ARTICLE.match(name.text)
    if not match:
        return name
    start = name.start + match.end()
    return Span(start, name.end, text[start : name.end])


def _split_on_and(text: str, run: Span, recognizer: AgencyRecognizer) -> list[Span]:
    """'X Police and Y Agency' names two bodies when the left side ends in a head word. A
    people's adjective alone after the last 'and' opens another phrase, not a name ('the
    Ministry of National Security and Venezuelan instructors')."""
    parts: list[Span] = []
    start = run.start
    for match in re.finditer(rf"\s+(?:{_AND})\s+", run.text):
        left = text[start : run.start + match.start()]
        if recognizer.lexicon.demonyms.lookup(run.text[match.end() :]):
            return [*parts, Span(start, run.start + match.start(), left)]
        if left.split() and recognizer.lexicon.head_words.lookup(left.split()[-1]):
            parts.append(Span(start, run.start + match.start(), left))
            start = run.start + match.end()
    parts.append(Span(start, run.end, text[start : run.end]))
    return parts
