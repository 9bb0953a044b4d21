"""Facts → RDF: one rdflib Graph per document, in the core vocabulary.

Every extracted node gets ``prov:wasDerivedFrom`` its document and
``pg:evidence``: a W3C Web Annotation selector holding the exact quote and
its offsets. Node IRIs are minted under the document's IRI, so re-loading the
same bytes yields the same graph and nothing is duplicated.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from graph import __version__
from graph.documents.inline import plain
from graph.documents.model import Span
from graph.extract.facts import (
    AgreementFact,
    ApproachFact,
    CommitmentFact,
    DocumentFacts,
    NewAgency,
    Timeline,
)
from graph.followup.facts import Figure, FollowUpFacts
from graph.followup.judged import JUDGED_CLASSES
from graph.lexicon import Lexicon, lexicon
from graph.namespaces import (
    DCTERMS,
    ID,
    OA,
    ORG,
    PG,
    PREFIXES,
    PROV,
    TIME,
    crime_iri,
    document_iri,
    frequency_iri,
    slug,
)


class _Builder:
    def __init__(self, facts: DocumentFacts, lex: Lexicon) -> None:
        self.facts = facts
        self.lex = lex
        self.document = facts.document
        self.doc = document_iri(self.document.key)
        # rdflib's SimpleMemory store: a document graph has one context, and adding to it
        # costs a quarter of what the default store's context bookkeeping does (2 against
        # 8 ms a document).
        self.graph = Graph(store="SimpleMemory")
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def label(self, text: str) -> str:
        """Label text as a reader sees it: inline markup removed, whitespace trimmed.

        The genre writes Markdown-style emphasis even in .txt files, so every
        document's labels go through the inline parser.
        """
        return plain(text) or " ".join(text.split())

    def mint(self, kind: str, number: int | str) -> URIRef:
        return URIRef(f"{self.doc}/{kind}/{number}")

    def evidence(self, node: URIRef, span: Span) -> None:
        selector = self.mint("evidence", f"{span.start}-{span.end}")
        self.add(node, PG.evidence, selector)
        if (selector, RDF.type, PG.Evidence) in self.graph:
            return
        for cls in (PG.Evidence, OA.TextQuoteSelector, OA.TextPositionSelector):
            self.add(selector, RDF.type, cls)
        self.add(selector, OA.exact, Literal(span.text))
        self.add(selector, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger))
        self.add(selector, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(selector, OA.hasSource, self.doc)

    def text(self, text: str, span: Span | None) -> Literal:
        """Text read from the document, tagged with the language of the block it stands in."""
        languages = self.facts.languages
        language = languages.at(span.start) if span is not None else languages.document
        return Literal(self.label(text), lang=language)

    def extracted(self, node: URIRef, cls: URIRef, label: str | None, span: Span | None) -> None:
        self.add(node, RDF.type, cls)
        if label:
            self.add(node, RDFS.label, self.text(label, span))
        self.add(node, PROV.wasDerivedFrom, self.doc)
        if span is not None:
            self.evidence(node, span)

    # ---------------------------------------------------------------- the document

    def source_document(self) -> None:
        document, doc = self.document, self.doc
        self.add(doc, RDF.type, PG.SourceDocument)
        self.add(doc, RDF.type, PROV.Entity)
        self.add(doc, PG.contentSha256, Literal(document.sha256))
        self.add(doc, PG.documentKey, Literal(document.key))
        self.add(doc, PG.sourceName, Literal(document.source_name))
        self.add(doc, DCTERMS.format, Literal(document.media_type))
        self.add(doc, PG.extractorVersion, Literal(__version__))
        title = document.title.text if document.title else document.source_name
        self.add(doc, DCTERMS.title, self.text(title, document.title))
        language = Literal(self.facts.languages.document, datatype=XSD.language)
        self.add(doc, DCTERMS.language, language)
        if self.facts.date:
            self.add(doc, DCTERMS.date, Literal(self.facts.date, datatype=XSD.date))
        self.add(doc, PG.textContent, Literal(document.text))

    def actors(self) -> None:
        for mention in self.facts.mentions:
            self.add(self.doc, PG.mentions, mention.iri)
            if mention.kind == "media":
                self.add(self.doc, PG.citesMediaOutlet, mention.iri)
                if mention.iri not in self.lex.actors:
                    self.add(mention.iri, RDF.type, PG.MediaOutlet)
                    self.add(mention.iri, RDF.type, PG.Actor)
                    self.add(mention.iri, RDFS.label, Literal(mention.span.text))
        for agency in self.facts.new_agencies:
            self.new_agency(agency)

    def new_agency(self, agency: NewAgency) -> None:
        for cls in (PG.Agency, PG.Actor, ORG.Organization):
            self.add(agency.iri, RDF.type, cls)
        self.add(agency.iri, RDFS.label, Literal(agency.label))
        self.add(agency.iri, PG.agencyOf, agency.owner)
        if agency.acronym:
            self.add(agency.iri, PG.acronym, Literal(agency.acronym))
        if agency.short_label:
            self.add(agency.iri, SKOS.altLabel, Literal(agency.short_label))
        self.add(self.doc, PG.mentions, agency.iri)

    # ---------------------------------------------------------------- the agreement

    def agreement(self, number: int, fact: AgreementFact) -> None:
        node = self.mint("agreement", number)
        self.extracted(node, PG.Agreement, fact.title, fact.span)
        if fact.agreement_class is not None:
            self.add(node, RDF.type, fact.agreement_class)
        if self.facts.date:
            self.add(node, DCTERMS.date, Literal(self.facts.date, datatype=XSD.date))
        for party in fact.parties:
            self.add(node, PG.party, party)
        for key in fact.crimes:
            self.add(node, PG.addresses, crime_iri(key))
        for index, commitment in enumerate(fact.commitments, start=1):
            self.commitment(node, f"{number}-{index}", commitment, fact.parties)
        self.hierarchy(number, fact)
        for index, safeguard in enumerate(fact.safeguards, start=1):
            safeguard_node = self.mint("safeguard", f"{number}-{index}")
            self.extracted(safeguard_node, PG.Safeguard, safeguard.label, safeguard.span)
            self.add(node, PG.safeguardedBy, safeguard_node)
        for index, approach in enumerate(fact.approaches, start=1):
            self.approach(node, f"{number}-{index}", approach)

    def commitment(
        self, agreement: URIRef, number: str, fact: CommitmentFact, parties: tuple[URIRef, ...]
    ) -> None:
        node = self.mint("commitment", number)
        self.extracted(node, PG.Commitment, fact.label, fact.span)
        self.add(node, RDF.type, PG.CooperationArea if fact.kind == "area" else PG.Action)
        self.add(agreement, PG.hasCommitment, node)
        if fact.description:
            self.add(node, DCTERMS.description, self.text(fact.description, fact.span))
        for party in parties:
            self.add(node, PG.committedBy, party)
        for hit in self.lex.crimes.find(fact.span.text):
            self.add(node, PG.addresses, crime_iri(hit.key))
        for key in fact.cooperation_types:
            self.add(node, PG.cooperationType, URIRef(f"{ID}cooperation/{key}"))
        if fact.agency is not None:
            self.add(node, PG.implementedBy, fact.agency)
        if fact.outcome is not None:
            outcome = self.mint("outcome", number)
            self.extracted(outcome, PG.Outcome, fact.outcome.label, fact.outcome.span)
            self.add(node, PG.aimsAt, outcome)
        if fact.timeline is not None:
            self.timeline(node, number, fact.timeline)
        if fact.frequency is not None:
            self.add(node, PG.hasFrequency, frequency_iri(fact.frequency.key))
        if fact.focus_area is not None:
            area = self.mint("focus-area", slug(fact.focus_area.label))
            self.add(area, RDF.type, PG.FocusArea)
            self.add(area, RDFS.label, self.text(fact.focus_area.label, fact.focus_area.span))
            self.add(node, PG.inFocusArea, area)
        self.status(node, number)

    def hierarchy(self, number: int, fact: AgreementFact) -> None:
        """An action whose focus area names a pillar of its agreement is part of that pillar."""
        pillars = {
            self.label(c.label).casefold(): self.mint("commitment", f"{number}-{index}")
            for index, c in enumerate(fact.commitments, start=1)
            if c.kind == "area"
        }
        for index, commitment in enumerate(fact.commitments, start=1):
            if commitment.focus_area is None:
                continue
            pillar = pillars.get(self.label(commitment.focus_area.label).casefold())
            if pillar is not None:
                self.add(self.mint("commitment", f"{number}-{index}"), PG.partOf, pillar)

    def timeline(self, commitment: URIRef, number: str, fact: Timeline) -> None:
        node = self.mint("timeline", number)
        self.add(node, RDF.type, TIME.Duration)
        self.add(node, TIME.numericDuration, Literal(Decimal(fact.value), datatype=XSD.decimal))
        self.add(node, TIME.unitType, URIRef(fact.unit))
        self.add(node, PG.months, Literal(fact.months, datatype=XSD.decimal))
        self.add(node, RDFS.label, self.text(fact.span.text, fact.span))
        self.add(commitment, PG.hasTimeline, node)

    def status(self, commitment: URIRef, number: str) -> None:
        """The document reports the commitment as pledged; later documents may report progress."""
        node = self.mint("status", number)
        self.add(node, RDF.type, PG.StatusAssertion)
        self.add(node, PG.status, URIRef(f"{ID}status/pledged"))
        self.add(node, PROV.wasDerivedFrom, self.doc)
        if self.facts.date:
            self.add(node, DCTERMS.date, Literal(self.facts.date, datatype=XSD.date))
        self.add(commitment, PG.hasStatus, node)

    # ---------------------------------------------------------------- a follow-up

    def report(self, followup: FollowUpFacts) -> None:
        """A follow-up: a pg:ProgressReport and one status assertion per reported item.

        Which agreement and commitment each item speaks of is derived later, across
        documents (graph/followup/tracking.py); the document graph holds only what it says.
        """
        self.add(self.doc, RDF.type, PG.ProgressReport)
        self.add(self.doc, PG.agreementReference, Literal(self.label(followup.reference)))
        for year in followup.years:
            self.add(self.doc, PG.referencedYear, Literal(year, datatype=XSD.gYear))
        for number, item in enumerate(followup.items, start=1):
            node = self.mint("report-item", number)
            self.extracted(node, PG.StatusAssertion, item.label, item.span)
            self.add(self.doc, PG.reportsStatus, node)
            if item.judged:  # its status is judged in the report's tracking graph
                self.add(node, RDF.type, PG.JudgedStatusAssertion)
                self.add(node, RDF.type, JUDGED_CLASSES[item.judged])
            else:
                self.add(node, PG.status, URIRef(f"{ID}status/{item.status}"))
            if item.as_of:
                self.add(node, DCTERMS.date, Literal(item.as_of, datatype=XSD.date))
            if item.added:
                self.add(node, RDF.type, PG.AdditionStatusAssertion)
            elif not item.strong:
                self.add(node, RDF.type, PG.ProseStatusAssertion)
            if item.counted:
                self.add(node, RDF.type, PG.CountStatusAssertion)
            if item.occasion:
                self.add(node, RDF.type, PG.OccasionStatusAssertion)
            if item.figure is not None:
                self.figure(node, item.figure)

    def figure(self, node: URIRef, figure: Figure) -> None:
        self.add(node, PG.reportedFigure, Literal(self.label(figure.text)))
        if figure.reached is not None:
            self.add(node, PG.reportedValue, Literal(figure.reached, datatype=XSD.decimal))
        if figure.target is not None:
            self.add(node, PG.targetValue, Literal(figure.target, datatype=XSD.decimal))

    def approach(self, agreement: URIRef, number: str, fact: ApproachFact) -> None:
        node = self.mint("approach", number)
        self.extracted(node, PG.NationalApproach, fact.label, fact.span)
        self.add(node, PG.actor, fact.actor)
        aspect = self.mint("aspect", slug(fact.aspect.label))
        self.add(aspect, RDF.type, PG.Aspect)
        self.add(aspect, RDFS.label, self.text(fact.aspect.label, fact.aspect.span))
        self.add(node, PG.aspect, aspect)
        self.add(agreement, PG.hasNationalApproach, node)

    def build(self) -> Graph:
        self.source_document()
        self.actors()
        for number, agreement in enumerate(self.facts.agreements, start=1):
            self.agreement(number, agreement)
        if self.facts.followup is not None:
            self.report(self.facts.followup)
        return self.graph


def build_graph(facts: DocumentFacts, lex: Lexicon | None = None) -> Graph:
    """The named graph of one document."""
    return _Builder(facts, lex or lexicon(facts.languages.present)).build()
