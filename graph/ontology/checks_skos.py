"""Checks on the SKOS vocabularies: scheme membership and labels.

The extractor's lexicon is made of these labels, so a concept outside any
scheme is never offered, and one phrase naming two concepts of a scheme
makes the extractor guess. SKOS's own integrity conditions S13 and S14
(one prefLabel per language; pref, alt and hidden labels disjoint) are
checked on every resource, concept or not.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from graph.namespaces import SKOS
from graph.ontology.checks_source import Problem, Sources

LABEL_KINDS = {
    SKOS.prefLabel: "prefLabel",
    SKOS.altLabel: "altLabel",
    SKOS.hiddenLabel: "hiddenLabel",
}


def _concepts(sources: Sources) -> list[Node]:
    return sorted(set(sources.union.subjects(RDF.type, SKOS.Concept)))


def _schemes_of(sources: Sources, concept: Node) -> set[Node]:
    graph = sources.union
    return (
        set(graph.objects(concept, SKOS.inScheme))
        | set(graph.objects(concept, SKOS.topConceptOf))
        | set(graph.subjects(SKOS.hasTopConcept, concept))
    )


def _show(label: Literal) -> str:
    return f'"{label}"@{label.language}' if label.language else f'"{label}"'


def concepts_outside_schemes(sources: Sources) -> list[Problem]:
    """Every concept is in a declared scheme (skos:inScheme, topConceptOf or hasTopConcept)."""
    graph = sources.union
    declared = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    problems = []
    for concept in _concepts(sources):
        name = sources.curie(concept)
        schemes = _schemes_of(sources, concept)
        if not schemes:
            message = f"skos:Concept {name} is in no concept scheme (add skos:inScheme)"
            problems.append(sources.problem(message, concept, sources.model))
        for scheme in sorted(schemes - declared):
            message = (
                f"{name} is skos:inScheme {sources.curie(scheme)}, "
                "which no file declares a skos:ConceptScheme"
            )
            problems.append(sources.problem(message, concept, sources.model))
    return problems


def concept_annotations(sources: Sources) -> list[Problem]:
    """Concepts are terms too: they need a definition and a link to where they are defined."""
    graph = sources.union
    problems = []
    for concept in _concepts(sources):
        missing = [
            name
            for prop, name in (
                (SKOS.definition, "skos:definition"),
                (RDFS.isDefinedBy, "rdfs:isDefinedBy"),
            )
            if graph.value(concept, prop) is None
        ]
        if missing:
            message = f"skos:Concept {sources.curie(concept)} has no {' and no '.join(missing)}"
            problems.append(sources.problem(message, concept, sources.model))
    return problems


def pref_labels_per_language(sources: Sources) -> list[Problem]:
    """Each concept has a prefLabel, and no resource has two prefLabels in one language (S14)."""
    graph = sources.union
    problems = []
    concepts = set(_concepts(sources))
    subjects = sorted(set(graph.subjects(SKOS.prefLabel, None)) | concepts)
    for subject in subjects:
        by_language: dict[str, list[Literal]] = defaultdict(list)
        for label in graph.objects(subject, SKOS.prefLabel):
            if isinstance(label, Literal):
                by_language[label.language or ""].append(label)
        name = sources.curie(subject)
        if subject in concepts and not by_language:
            problems.append(sources.problem(f"skos:Concept {name} has no skos:prefLabel", subject))
        for language, labels in sorted(by_language.items()):
            if len(labels) > 1:
                shown = ", ".join(sorted(_show(label) for label in labels))
                where = f"@{language}" if language else "without a language tag"
                message = f"{name} has {len(labels)} skos:prefLabel {where}: {shown}"
                problems.append(sources.problem(message, subject, sources.model))
    return problems


def overlapping_label_kinds(sources: Sources) -> list[Problem]:
    """A resource's pref, alt and hidden labels are pairwise disjoint (S13)."""
    graph = sources.union
    problems = []
    for subject in sorted(set(graph.subjects(SKOS.prefLabel, None))):
        kinds: dict[Literal, list[str]] = defaultdict(list)
        for prop, kind in LABEL_KINDS.items():
            for label in set(graph.objects(subject, prop)):
                if isinstance(label, Literal):
                    kinds[label].append(kind)
        for label, found in sorted(kinds.items()):
            if len(found) > 1:
                message = (
                    f"{sources.curie(subject)} has {_show(label)} as both {' and '.join(found)}"
                )
                problems.append(sources.problem(message, subject, sources.model))
    return problems


def ambiguous_labels_in_schemes(sources: Sources) -> list[Problem]:
    """Within one scheme a label (pref or alt, ignoring case) names one concept only.

    The extractor maps a phrase to a concept through these labels; a phrase
    naming two concepts of the same scheme cannot be resolved.
    """
    graph = sources.union
    owners: dict[tuple[Node, str, str], set[URIRef]] = defaultdict(set)
    for concept in _concepts(sources):
        for scheme in _schemes_of(sources, concept):
            for prop in (SKOS.prefLabel, SKOS.altLabel):
                for label in graph.objects(concept, prop):
                    if isinstance(label, Literal):
                        key = (scheme, str(label).strip().casefold(), label.language or "")
                        owners[key].add(concept)  # type: ignore[arg-type]
    problems = []
    for (scheme, text, language), concepts in sorted(owners.items()):
        if len(concepts) < 2:
            continue
        names = ", ".join(sources.curie(c) for c in sorted(concepts))
        tag = f"@{language}" if language else ""
        message = f'label "{text}"{tag} names several concepts of {sources.curie(scheme)}: {names}'
        problems.append(sources.problem(message, min(concepts), sources.model))
    return problems


def skos_labels(sources: Sources) -> list[Problem]:
    """All label rules of the SKOS vocabularies, as one check."""
    return [
        *pref_labels_per_language(sources),
        *overlapping_label_kinds(sources),
        *ambiguous_labels_in_schemes(sources),
    ]


def skos_membership(sources: Sources) -> list[Problem]:
    """All membership and annotation rules of concepts, as one check."""
    return [*concepts_outside_schemes(sources), *concept_annotations(sources)]
