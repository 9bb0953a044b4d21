"""What the extractor finds, as plain dataclasses with their evidence.

These are the hand-over between the recognisers (which read a Document) and
the RDF builder (which knows the vocabulary); neither side sees the other's
details. Every fact carries the Span of text that supports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import URIRef

from graph.documents.model import Document, Span
from graph.followup.facts import FollowUpFacts
from graph.language.detect import Languages


@dataclass(frozen=True)
class ActorMention:
    """A nation, organization, agency or media outlet named in the document."""

    iri: URIRef
    kind: str
    span: Span


@dataclass(frozen=True)
class NewAgency:
    """An agency the gazetteer lacks, found by its name's shape; asserted in the document graph."""

    iri: URIRef
    label: str
    owner: URIRef
    acronym: str | None
    span: Span
    #: The name without the nation it ends with ("Ministère de la Sécurité" for "... du Burkina
    #: Faso"): what the body is called at home, kept as an alternative label.
    short_label: str | None = None


@dataclass(frozen=True)
class Timeline:
    """A span such as '18 months' or '90 days', normalized to months."""

    value: Decimal
    unit: str
    months: Decimal
    span: Span


@dataclass(frozen=True)
class Frequency:
    key: str
    span: Span


@dataclass(frozen=True)
class LabelledText:
    """A piece of text that becomes a node's label: an outcome, a focus area, an aspect."""

    label: str
    span: Span


@dataclass(frozen=True)
class CommitmentFact:
    label: str
    span: Span
    kind: str
    description: str | None = None
    outcome: LabelledText | None = None
    timeline: Timeline | None = None
    frequency: Frequency | None = None
    agency: URIRef | None = None
    focus_area: LabelledText | None = None
    cooperation_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class SafeguardFact:
    label: str
    span: Span


@dataclass(frozen=True)
class ApproachFact:
    actor: URIRef
    aspect: LabelledText
    label: str
    span: Span


@dataclass(frozen=True)
class AgreementFact:
    title: str
    span: Span
    agreement_class: URIRef | None
    parties: tuple[URIRef, ...]
    crimes: tuple[str, ...]
    crime_evidence: tuple[Span, ...]
    commitments: tuple[CommitmentFact, ...]
    safeguards: tuple[SafeguardFact, ...]
    approaches: tuple[ApproachFact, ...]


@dataclass(frozen=True)
class DocumentFacts:
    """Everything extracted from one document."""

    document: Document
    agreements: tuple[AgreementFact, ...]
    mentions: tuple[ActorMention, ...]
    new_agencies: tuple[NewAgency, ...]
    date: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    languages: Languages = field(default_factory=lambda: Languages("en"))
    followup: FollowUpFacts | None = None
