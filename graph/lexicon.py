"""Everything the extractor knows about words, read from the ontology's Turtle files.

Nation names and demonyms, organizations, agencies, media outlets, crime
phrases, frequency words and the cues of document structure are labels in
``ontology/``; this module reads them once per process into phrase indexes.
There is no second copy of any of them in code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.extract.crimes_lexicon import CrimeMatcher
from graph.extract.phrases import PhraseIndex
from graph.namespaces import DCTERMS, ID, PG, SKOS
from graph.ontology.files import model_graph


@dataclass(frozen=True)
class ActorEntry:
    """A nation, organization, agency or media outlet of the gazetteers."""

    iri: URIRef
    kind: str
    label: str
    code: str | None = None
    acronym: str | None = None
    owner: URIRef | None = None


@dataclass(frozen=True, eq=False)
class Lexicon:
    nations: PhraseIndex[ActorEntry]
    demonyms: PhraseIndex[ActorEntry]
    organizations: PhraseIndex[ActorEntry]
    agency_names: PhraseIndex[ActorEntry]
    agency_acronyms: PhraseIndex[ActorEntry]
    media: PhraseIndex[ActorEntry]
    crimes: CrimeMatcher
    frequencies: PhraseIndex[str]
    cooperation_types: PhraseIndex[str]
    cues: dict[URIRef, tuple[str, ...]]
    head_words: PhraseIndex[str]
    modifier_words: PhraseIndex[str]
    mechanism_openers: PhraseIndex[str]
    exclusions: PhraseIndex[str]
    safeguard_content: PhraseIndex[str]
    actors: dict[URIRef, ActorEntry]

    def cue_index(self, term: URIRef) -> PhraseIndex[URIRef]:
        """Case-insensitive index of the cues of one ontology term."""
        return _cue_index(self, term)


@cache
def _cue_index(lexicon: Lexicon, term: URIRef) -> PhraseIndex[URIRef]:
    return PhraseIndex(((cue, term) for cue in lexicon.cues.get(term, ())), case_sensitive=False)


def _first(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    value = graph.value(subject, predicate)
    return str(value) if value is not None else None


def _actor_entries(graph: Graph, cls: URIRef, kind: str) -> dict[URIRef, ActorEntry]:
    """Gazetteer entries of one class, read by direct lookups (rdflib SPARQL is slow here)."""
    entries = {}
    for actor in graph.subjects(RDF.type, cls):
        label = _first(graph, actor, RDFS.label)
        if not isinstance(actor, URIRef) or label is None:
            continue
        owner = graph.value(actor, PG.agencyOf)
        entries[actor] = ActorEntry(
            iri=actor,
            kind=kind,
            label=label,
            code=_first(graph, actor, DCTERMS.identifier),
            acronym=_first(graph, actor, PG.acronym),
            owner=owner if isinstance(owner, URIRef) else None,
        )
    return entries


def _names(
    graph: Graph, entries: dict[URIRef, ActorEntry], *predicates: URIRef
) -> list[tuple[str, ActorEntry]]:
    return [
        (str(name), entry)
        for actor, entry in entries.items()
        for predicate in predicates
        for name in graph.objects(actor, predicate)
        if isinstance(name, Literal)
    ]


def _concept_phrases(graph: Graph, scheme: str) -> list[tuple[str, str]]:
    """(phrase, concept key) for every label of the scheme's concepts outside the ICCS backbone."""
    phrases = []
    for concept in graph.subjects(SKOS.inScheme, URIRef(f"{ID}{scheme}/")):
        if (concept, RDF.type, PG.ICCSCategory) in graph:
            continue
        key = str(concept).rsplit("/", 1)[-1]
        for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            phrases.extend((str(label), key) for label in graph.objects(concept, predicate))
    return phrases


def _cues(graph: Graph) -> dict[URIRef, tuple[str, ...]]:
    found: dict[URIRef, list[str]] = defaultdict(list)
    for subject, cue in graph.subject_objects(PG.cue):
        found[subject].append(str(cue))
    return {term: tuple(sorted(set(cues))) for term, cues in found.items()}


def _cue_words(
    graph: Graph, term: URIRef, prop: URIRef, *, case_sensitive: bool
) -> PhraseIndex[str]:
    """One kind of cue of one term ('name head cues of pg:Agency') as a phrase index."""
    return PhraseIndex(
        ((str(cue), str(prop)) for cue in graph.objects(term, prop)), case_sensitive=case_sensitive
    )


def build_lexicon(graph: Graph) -> Lexicon:
    """Read every lexicon of the model graph into phrase indexes."""
    nations = _actor_entries(graph, PG.Nation, "nation")
    organizations = _actor_entries(graph, PG.InternationalOrganization, "organization")
    agencies = _actor_entries(graph, PG.Agency, "agency")
    media = _actor_entries(graph, PG.MediaOutlet, "media")
    names = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
    return Lexicon(
        nations=PhraseIndex(_names(graph, nations, *names, PG.officialName), case_sensitive=True),
        demonyms=PhraseIndex(_names(graph, nations, PG.demonym), case_sensitive=True),
        organizations=PhraseIndex(
            _names(graph, organizations, *names, PG.acronym), case_sensitive=True
        ),
        agency_names=PhraseIndex(_names(graph, agencies, *names), case_sensitive=True),
        agency_acronyms=PhraseIndex(_names(graph, agencies, PG.acronym), case_sensitive=True),
        media=PhraseIndex(_names(graph, media, *names), case_sensitive=True),
        crimes=CrimeMatcher(_concept_phrases(graph, "crime")),
        frequencies=PhraseIndex(_concept_phrases(graph, "frequency"), case_sensitive=False),
        cooperation_types=PhraseIndex(_concept_phrases(graph, "cooperation"), case_sensitive=False),
        cues=_cues(graph),
        head_words=_cue_words(graph, PG.Agency, PG.nameHeadCue, case_sensitive=True),
        modifier_words=_cue_words(graph, PG.Agency, PG.nameModifierCue, case_sensitive=True),
        mechanism_openers=_cue_words(graph, PG.Commitment, PG.nameModifierCue, case_sensitive=True),
        exclusions=_cue_words(graph, PG.addresses, PG.exclusionCue, case_sensitive=False),
        safeguard_content=_cue_words(graph, PG.Safeguard, PG.contentCue, case_sensitive=False),
        actors={**nations, **organizations, **agencies, **media},
    )


@cache
def lexicon() -> Lexicon:
    """The lexicon of the installed model, built once per process."""
    return build_lexicon(model_graph())
