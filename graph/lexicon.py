"""Everything the extractor knows about words, read from the ontology's Turtle files.

Nation names and demonyms, organizations, agencies, media outlets, crime
phrases, frequency words, commitment statuses and the cues of document structure are labels in
``ontology/``; this module reads them once per process into phrase indexes.
There is no second copy of any of them in code.

Labels are language-tagged. A lexicon is built for a set of languages: it
holds the English words (tagged ``@en`` or untagged) and those of the
languages asked for, so a document in English never reads a French "an"
(year) or "violence".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.extract.crimes_lexicon import CrimeMatcher
from graph.extract.phrases import PhraseIndex
from graph.namespaces import DCTERMS, ID, PG, SKOS
from graph.ontology.files import model_graph

ENGLISH = "en"
LANGUAGES = ("en", "es", "fr", "pt")


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
    capitals: PhraseIndex[ActorEntry]
    organizations: PhraseIndex[ActorEntry]
    agency_names: PhraseIndex[ActorEntry]
    agency_acronyms: PhraseIndex[ActorEntry]
    media: PhraseIndex[ActorEntry]
    crimes: CrimeMatcher
    frequencies: PhraseIndex[str]
    cooperation_types: PhraseIndex[str]
    cues: dict[URIRef, tuple[str, ...]]
    head_words: PhraseIndex[str]
    #: Titles of an office a person holds ('Minister', 'Chief'): what opens no body's name.
    office_titles: PhraseIndex[str]
    #: Heads of a media outlet's name ('News Agency'): what ends no government body's name.
    media_heads: PhraseIndex[str]
    modifier_words: PhraseIndex[str]
    mechanism_openers: PhraseIndex[str]
    #: Last words of the names of bodies an agreement sets up to meet ('Committee', 'Meeting').
    body_heads: PhraseIndex[str]
    deliverable_heads: PhraseIndex[str]
    posting_words: PhraseIndex[str]
    posted_words: PhraseIndex[str]
    reciprocity_words: PhraseIndex[str]
    exchange_names: tuple[str, ...]
    instrument_words: PhraseIndex[str]
    training_words: PhraseIndex[str]
    training_names: tuple[str, ...]
    exclusions: PhraseIndex[str]
    safeguard_content: PhraseIndex[str]
    #: Words by which a sentence lays down a rule ('shall', 'nothing in'): a safeguard in prose.
    rule_words: PhraseIndex[str]
    statuses: PhraseIndex[str]
    #: Scorecard words that state a status only as a whole status cell: 'met' → 'fulfilled'.
    status_verdicts: dict[str, str]
    followup_cues: PhraseIndex[str]
    reference_cues: PhraseIndex[str]
    #: The two parts of a decision to bring a measure into being ('agreed … to create').
    decision_words: PhraseIndex[str]
    creation_words: PhraseIndex[str]
    #: Words that say the work keeps to its schedule ('on track'): no shortfall to judge.
    on_schedule_words: PhraseIndex[str]
    #: What work against a crime category seizes or arrests ('rifles') → the category's key.
    result_words: PhraseIndex[str]
    actors: dict[URIRef, ActorEntry]
    languages: frozenset[str] = frozenset({ENGLISH})
    inner_name_words: frozenset[str] = frozenset()
    #: Words that open a code name ('Exercise Palk Shield').
    code_name_words: frozenset[str] = frozenset()
    #: Words of a measure at work ('operating', 'staffed'): 'has been staffed … since 1 June'.
    running_words: frozenset[str] = frozenset()
    #: Keys of the frequencies with an interval between occasions (``pg:intervalMonths``):
    #: 'monthly' is a rhythm, 'continuous' says only how a thing runs.
    rhythms: frozenset[str] = frozenset()
    #: Words for the place where officers of the parties work side by side ('cell', 'desk').
    seat_words: frozenset[str] = frozenset()
    #: Nouns a later document calls an agreement by ('the Compact', 'under the plan').
    agreement_words: frozenset[str] = frozenset()
    #: Nouns for one kind of measure, each with the kinds it names ('link' → the channel).
    kin_words: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Words heading a table column of a report's own advice ('Recommendation (2024)').
    advice_heads: frozenset[str] = frozenset()
    #: Words of the act that concluded an agreement ('signed', 'signature', 'promised').
    conclusion_words: frozenset[str] = frozenset()

    def cue_index(self, term: URIRef) -> PhraseIndex[URIRef]:
        """Case-insensitive index of the cues of one ontology term."""
        return _cue_index(self, term)

    def build_cue_indexes(self) -> None:
        """Compile every term's cue index now rather than at its first use: a process
        that forks workers calls this first, so they share the compiled scans."""
        for term in self.cues:
            _cue_index(self, term)


@cache
def _cue_index(lexicon: Lexicon, term: URIRef) -> PhraseIndex[URIRef]:
    return PhraseIndex(((cue, term) for cue in lexicon.cues.get(term, ())), case_sensitive=False)


def speaks(label: object, languages: frozenset[str]) -> bool:
    """An untagged or English label belongs to every lexicon; a tagged one to its language's."""
    language = label.language if isinstance(label, Literal) else None
    return language in (None, ENGLISH) or language in languages


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
    graph: Graph,
    entries: dict[URIRef, ActorEntry],
    languages: frozenset[str] | None,
    *predicates: URIRef,
) -> list[tuple[str, ActorEntry]]:
    """Names of the entries; with ``languages``, only those in English or one of them.

    Bodies keep their proper names in every language ("Policía Nacional" is
    cited so in English news); nations' names are translated, so they follow
    the document's languages.
    """
    return [
        (str(name), entry)
        for actor, entry in entries.items()
        for predicate in predicates
        for name in graph.objects(actor, predicate)
        if isinstance(name, Literal) and (languages is None or speaks(name, languages))
    ]


def _concept_phrases(graph: Graph, scheme: str, languages: frozenset[str]) -> list[tuple[str, str]]:
    """(phrase, concept key) for every label of the scheme's concepts outside the ICCS backbone."""
    phrases = []
    for concept in graph.subjects(SKOS.inScheme, URIRef(f"{ID}{scheme}/")):
        if (concept, RDF.type, PG.ICCSCategory) in graph:
            continue
        key = str(concept).rsplit("/", 1)[-1]
        for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            phrases.extend(
                (str(label), key)
                for label in graph.objects(concept, predicate)
                if speaks(label, languages)
            )
    return phrases


def _cues(graph: Graph, languages: frozenset[str]) -> dict[URIRef, tuple[str, ...]]:
    found: dict[URIRef, list[str]] = defaultdict(list)
    for subject, cue in graph.subject_objects(PG.cue):
        if speaks(cue, languages):
            found[subject].append(str(cue))
    return {term: tuple(sorted(set(cues))) for term, cues in found.items()}


def _kin_words(graph: Graph, languages: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each noun of a kind of measure (``pg:kinCue``), casefolded, with the kinds it names."""
    found: dict[str, set[str]] = defaultdict(set)
    for kind, cue in graph.subject_objects(PG.kinCue):
        if speaks(cue, languages):
            found[str(cue).casefold()].add(str(kind))
    return {word: frozenset(kinds) for word, kinds in found.items()}


def _cue_words(
    graph: Graph, term: URIRef, prop: URIRef, languages: frozenset[str], *, case_sensitive: bool
) -> PhraseIndex[str]:
    """One kind of cue of one term ('name head cues of pg:Agency') as a phrase index."""
    cues = ((str(c), str(prop)) for c in graph.objects(term, prop) if speaks(c, languages))
    return PhraseIndex(cues, case_sensitive=case_sensitive)


def _languages_of(graph: Graph, term: URIRef, prop: URIRef) -> frozenset[str]:
    """Every language one kind of cue of one term is given in."""
    return frozenset(
        str(cue.language)
        for cue in graph.objects(term, prop)
        if isinstance(cue, Literal) and cue.language
    )


def build_lexicon(graph: Graph, languages: frozenset[str] = frozenset({ENGLISH})) -> Lexicon:
    """Read every lexicon of the model graph, in English and ``languages``, into phrase indexes."""
    nations = _actor_entries(graph, PG.Nation, "nation")
    organizations = _actor_entries(graph, PG.InternationalOrganization, "organization")
    agencies = _actor_entries(graph, PG.Agency, "agency")
    media = _actor_entries(graph, PG.MediaOutlet, "media")
    names = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
    langs = languages

    def cue_words(term: URIRef, prop: URIRef, *, case_sensitive: bool) -> PhraseIndex[str]:
        return _cue_words(graph, term, prop, langs, case_sensitive=case_sensitive)

    def cue_set(term: URIRef, prop: URIRef, *, folded: bool = False) -> frozenset[str]:
        """One kind of cue of one term as plain words, in lower case when ``folded``."""
        cues = (str(c) for c in graph.objects(term, prop) if speaks(c, langs))
        return frozenset(c.casefold() if folded else c for c in cues)

    return Lexicon(
        nations=PhraseIndex(
            _names(graph, nations, langs, *names, PG.officialName), case_sensitive=True
        ),
        demonyms=PhraseIndex(_names(graph, nations, langs, PG.demonym), case_sensitive=True),
        capitals=PhraseIndex(_names(graph, nations, langs, PG.capital), case_sensitive=True),
        organizations=PhraseIndex(
            _names(graph, organizations, None, *names, PG.acronym), case_sensitive=True
        ),
        agency_names=PhraseIndex(_names(graph, agencies, None, *names), case_sensitive=True),
        agency_acronyms=PhraseIndex(_names(graph, agencies, None, PG.acronym), case_sensitive=True),
        media=PhraseIndex(_names(graph, media, None, *names), case_sensitive=True),
        crimes=CrimeMatcher(_concept_phrases(graph, "crime", langs)),
        frequencies=PhraseIndex(_concept_phrases(graph, "frequency", langs), case_sensitive=False),
        cooperation_types=PhraseIndex(
            _concept_phrases(graph, "cooperation", langs), case_sensitive=False
        ),
        cues=_cues(graph, langs),
        # an agency keeps its own language's name in a text in another ('Colombia's
        # Fiscalía General de la Nación'): its head words are read in every language
        head_words=_cue_words(
            graph,
            PG.Agency,
            PG.nameHeadCue,
            _languages_of(graph, PG.Agency, PG.nameHeadCue),
            case_sensitive=True,
        ),
        office_titles=cue_words(PG.Agency, PG.officeTitleCue, case_sensitive=True),
        media_heads=cue_words(PG.Agency, PG.mediaHeadCue, case_sensitive=True),
        modifier_words=cue_words(PG.Agency, PG.nameModifierCue, case_sensitive=True),
        mechanism_openers=cue_words(PG.Commitment, PG.nameModifierCue, case_sensitive=True),
        body_heads=cue_words(PG.Commitment, PG.nameHeadCue, case_sensitive=True),
        deliverable_heads=cue_words(PG.Action, PG.nameHeadCue, case_sensitive=True),
        posting_words=cue_words(PG.Action, PG.postingCue, case_sensitive=False),
        posted_words=cue_words(PG.Action, PG.postedCue, case_sensitive=False),
        reciprocity_words=cue_words(PG.Action, PG.reciprocityCue, case_sensitive=False),
        exchange_names=tuple(
            sorted(str(cue) for cue in graph.objects(PG.Action, PG.exchangeNameCue))
        ),
        instrument_words=cue_words(PG.Action, PG.instrumentCue, case_sensitive=False),
        training_words=cue_words(PG.Action, PG.trainingCue, case_sensitive=False),
        training_names=tuple(
            sorted(str(cue) for cue in graph.objects(PG.Action, PG.trainingNameCue))
        ),
        exclusions=cue_words(PG.addresses, PG.exclusionCue, case_sensitive=False),
        safeguard_content=cue_words(PG.Safeguard, PG.contentCue, case_sensitive=False),
        rule_words=cue_words(PG.Safeguard, PG.ruleCue, case_sensitive=False),
        statuses=PhraseIndex(_concept_phrases(graph, "status", langs), case_sensitive=False),
        status_verdicts={
            str(word).casefold(): str(status).rsplit("/", 1)[-1]
            for status, word in graph.subject_objects(PG.verdictCue)
            if speaks(word, langs)
        },
        followup_cues=cue_words(PG.ProgressReport, PG.statusCue, case_sensitive=False),
        reference_cues=cue_words(PG.reportsOn, PG.statusCue, case_sensitive=False),
        decision_words=cue_words(PG.AdditionStatusAssertion, PG.decisionCue, case_sensitive=False),
        creation_words=cue_words(PG.AdditionStatusAssertion, PG.creationCue, case_sensitive=False),
        on_schedule_words=cue_words(
            PG.ShortfallStatusAssertion, PG.exclusionCue, case_sensitive=False
        ),
        actors={**nations, **organizations, **agencies, **media},
        languages=frozenset({ENGLISH}) | languages,
        code_name_words=cue_set(PG.Commitment, PG.codeNameCue),
        running_words=cue_set(PG.RunningStatusAssertion, PG.statusCue),
        inner_name_words=frozenset(
            str(cue)
            for cue in graph.objects(PG.Agency, PG.nameModifierCue)
            if str(cue)[:1].islower() and speaks(cue, langs)
        ),
        rhythms=frozenset(
            str(concept).rsplit("/", 1)[-1] for concept in graph.subjects(PG.intervalMonths, None)
        ),
        seat_words=cue_set(PG.Commitment, PG.seatCue, folded=True),
        agreement_words=cue_set(PG.Agreement, PG.nounCue, folded=True),
        conclusion_words=cue_set(PG.Agreement, PG.conclusionCue, folded=True),
        advice_heads=cue_set(PG.Commitment, PG.exclusionCue, folded=True),
        kin_words=_kin_words(graph, langs),
        result_words=PhraseIndex(
            (
                (str(cue), str(category).rsplit("/", 1)[-1])
                for category, cue in graph.subject_objects(PG.resultCue)
                if speaks(cue, langs)
            ),
            case_sensitive=False,
        ),
    )


def lexicon(languages: Iterable[str] = ()) -> Lexicon:
    """The lexicon of the installed model in English and ``languages``, built once per process."""
    return _lexicon(frozenset({ENGLISH, *languages}))


@cache
def _lexicon(languages: frozenset[str]) -> Lexicon:
    return build_lexicon(model_graph(), languages)
