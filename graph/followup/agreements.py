"""The agreements in a store as the follow-up matcher reads them: each with its parties,
date and commitments, each commitment with its words, its lead agency's names, its deadline
and the standard of time it sets. Read from the documents' own graphs, never from derived
ones, so that tracking is a function of the documents alone."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from rdflib import RDFS

from graph.followup.judged import deadline_of
from graph.followup.linking import AgreementRecord
from graph.followup.matching import CommitmentRecord
from graph.followup.standards import standard_share
from graph.followup.words import matchable, rhythm_word, without_actors
from graph.namespaces import DCTERMS, ID, PG
from graph.store.base import Store

#: The prefix of the named graphs that hold one document each.
DOCUMENT_GRAPHS = f"{ID}document/"

_AGREEMENTS = f"""
PREFIX pg: <{PG}> PREFIX rdfs: <{RDFS}> PREFIX dcterms: <{DCTERMS}>
SELECT ?agreement ?title ?date ?party WHERE {{
  GRAPH ?g {{ ?agreement a pg:Agreement ; rdfs:label ?title ; pg:party ?party .
             OPTIONAL {{ ?agreement dcterms:date ?date }} }}
  FILTER (STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""

_COMMITMENTS = f"""
PREFIX pg: <{PG}> PREFIX rdfs: <{RDFS}> PREFIX dcterms: <{DCTERMS}>
SELECT ?agreement ?commitment ?label ?context ?agency ?rhythm WHERE {{
  GRAPH ?g {{
    ?agreement pg:hasCommitment ?commitment .
    ?commitment rdfs:label ?label .
    OPTIONAL {{
      {{ ?commitment dcterms:description ?context }}
      UNION {{ ?commitment pg:aimsAt/rdfs:label ?context }}
    }}
    OPTIONAL {{ ?commitment pg:implementedBy ?agency }}
    OPTIONAL {{ ?commitment pg:hasFrequency ?rhythm }}
  }}
  FILTER (STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""

#: Commitments held to something: a target outcome, a deadline or a rhythm.
_SPECIFIC = f"""
PREFIX pg: <{PG}>
SELECT DISTINCT ?commitment WHERE {{
  GRAPH ?g {{ ?commitment pg:aimsAt|pg:hasTimeline|pg:hasFrequency ?held }}
  FILTER (STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""

#: Commitments due by a deadline (a timeline, in months), and whether they also recur.
_TIMELINES = f"""
PREFIX pg: <{PG}>
SELECT ?commitment ?months ?rhythm WHERE {{
  GRAPH ?g {{
    ?commitment pg:hasTimeline/pg:months ?months .
    OPTIONAL {{ ?commitment pg:hasFrequency ?rhythm }}
  }}
  FILTER (STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""

_AGENCY_NAMES = f"""
PREFIX pg: <{PG}> PREFIX rdfs: <{RDFS}>
SELECT ?agency ?name WHERE {{
  ?commitment pg:implementedBy ?agency .
  {{ ?agency rdfs:label ?name }} UNION {{ ?agency pg:acronym ?name }}
}}"""


def agreements_in(store: Store) -> list[AgreementRecord]:
    """Every agreement of the store's documents, with its commitments as the matcher reads
    them: label and context in matchable words, lead agency's names, deadline, standard."""
    found: dict[str, dict] = {}
    for row in store.select(_AGREEMENTS):
        entry = found.setdefault(
            str(row["agreement"]),
            {"title": str(row["title"]), "date": None, "parties": set(), "commitments": {}},
        )
        entry["parties"].add(str(row["party"]))
        if row.get("date") is not None:
            entry["date"] = str(row["date"])
    contexts: dict[tuple[str, str], list[str]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    agencies: dict[tuple[str, str], str] = {}
    for row in store.select(_COMMITMENTS):
        key = (str(row["agreement"]), str(row["commitment"]))
        labels[key] = str(row["label"])
        if row.get("context") is not None:
            contexts[key].append(str(row["context"]))
        if row.get("agency") is not None:
            agencies[key] = str(row["agency"])
        rhythm = rhythm_word(str(row["rhythm"]).rsplit("/", 1)[-1]) if row.get("rhythm") else None
        if rhythm is not None:
            contexts[key].append(rhythm)
    names = _agency_names(store)
    specific = {str(row["commitment"]) for row in store.select(_SPECIFIC)}
    timelines = {str(row["commitment"]): row for row in store.select(_TIMELINES)}
    commitments: dict[str, list[CommitmentRecord]] = defaultdict(list)
    for (agreement, commitment), label in sorted(labels.items()):
        context = " ".join(sorted(set(contexts[(agreement, commitment)])))
        agency = names.get(agencies.get((agreement, commitment), ""), ())
        timeline = timelines.get(commitment)
        signed = found[agreement]["date"]
        commitments[agreement].append(
            CommitmentRecord(
                commitment,
                matchable(label),
                matchable(context),
                agency,
                broad=commitment not in specific,
                set_up_once=timeline is not None and timeline.get("rhythm") is None,
                deadline=deadline_of(signed, float(timeline["months"])) if timeline else None,
                standard=_standard(contexts[(agreement, commitment)]),
            )
        )
    return [
        AgreementRecord(
            iri=iri,
            title=entry["title"],
            parties=frozenset(entry["parties"]),
            date=entry["date"],
            commitments=tuple(commitments[iri]),
        )
        for iri, entry in sorted(found.items())
    ]


def _standard(contexts: list[str]) -> Decimal | None:
    """The share of cases a commitment's description or outcomes ask to be handled in time,
    the lowest where they differ: a share stated ('85% … within 20 working days') over the
    whole that a bare time limit ('within 20 days') asks."""
    return min((s for s in map(standard_share, contexts) if s is not None), default=None)


def _agency_names(store: Store) -> dict[str, tuple[str, ...]]:
    """The names (labels and acronyms) of every agency that leads a commitment."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_AGENCY_NAMES):
        name = without_actors(str(row["name"]))  # as in the item text: 'Cocoa Board'
        if name:
            names[str(row["agency"])].add(name)
    return {agency: tuple(sorted(found)) for agency, found in names.items()}
