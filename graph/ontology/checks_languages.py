"""Checks that every lexicon speaks the four languages of the genre.

The extractor reads Spanish, French and Portuguese documents with the same
lexicons as English ones, so a concept whose phrases exist only in English
is silently missed in the other three. A lexicon concept (one with
alternative or hidden labels: the phrases the extractor matches) needs one
``skos:prefLabel`` in each language; a term with cues of some kind (header,
heading, name or exclusion cues) needs cues of that kind in each language,
an untagged cue counting as English.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from graph.namespaces import PG, SKOS
from graph.ontology.checks_source import Problem, Sources

LANGUAGES = ("en", "es", "fr", "pt")
CUE_PROPERTIES = (PG.cue, PG.nameHeadCue, PG.nameModifierCue, PG.exclusionCue, PG.contentCue)


def _language(label: Node) -> str | None:
    if not isinstance(label, Literal):
        return None
    return label.language or "en"


def lexicon_concepts(sources: Sources) -> list[Node]:
    """Concepts that carry phrases for the extractor (alt or hidden labels)."""
    graph = sources.union
    return sorted(
        concept
        for concept in set(graph.subjects(RDF.type, SKOS.Concept))
        if graph.value(concept, SKOS.altLabel) is not None
        or graph.value(concept, SKOS.hiddenLabel) is not None
    )


def concept_languages(sources: Sources) -> list[Problem]:
    """Each lexicon concept has a prefLabel in every language (S14 keeps it to one)."""
    graph = sources.union
    problems = []
    for concept in lexicon_concepts(sources):
        present = {_language(label) for label in graph.objects(concept, SKOS.prefLabel)}
        missing = [language for language in LANGUAGES if language not in present]
        if missing:
            tags = ", ".join(f"@{language}" for language in missing)
            message = f"{sources.curie(concept)} has no skos:prefLabel {tags}"
            problems.append(sources.problem(message, concept, sources.model))
    return problems


def cue_languages(sources: Sources) -> list[Problem]:
    """Each term with cues of one kind has cues of that kind in every language."""
    graph = sources.union
    problems = []
    for prop in CUE_PROPERTIES:
        terms: dict[Node, set[str | None]] = {}
        for term, cue in graph.subject_objects(prop):
            terms.setdefault(term, set()).add(_language(cue))
        for term, present in sorted(terms.items()):
            missing = [language for language in LANGUAGES if language not in present]
            if missing:
                tags = ", ".join(f"@{language}" for language in missing)
                message = f"{sources.curie(term)} has no {sources.curie(URIRef(prop))} {tags}"
                problems.append(sources.problem(message, term, sources.model))
    return problems


def lexicon_languages(sources: Sources) -> list[Problem]:
    """All language rules of the lexicons, as one check."""
    return [*concept_languages(sources), *cue_languages(sources)]
