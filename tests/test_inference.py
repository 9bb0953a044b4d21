"""Materialised entailments: queries find what only the ontology implies, and lose it with the
document that implied it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDFS, SKOS

from graph import inference
from graph.inference import (
    MODEL_INFERENCES,
    drop_inferences,
    entail,
    infer_document,
    inferred_graph_iri,
    model_entailments,
    refresh_all_inferences,
    refresh_inferences,
)
from graph.model_graph import ensure_model
from graph.namespaces import ID, PG, agency_iri, document_iri, nation_iri
from graph.ontology.files import model_graph
from graph.pipeline import load_paths, remove_document
from graph.store import EmbeddedStore
from tests.conftest import CORPUS, requires_shared

PREFIXES = """
PREFIX pg: <https://w3id.org/pactgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
"""
KEY = "synthetic"
DOC = document_iri(KEY)
ACTION = URIRef(f"{DOC}/commitment/1-2")
AREA = URIRef(f"{DOC}/commitment/1-1")
GOAL = URIRef(f"{DOC}/commitment/1-0")
AGREEMENT = URIRef(f"{DOC}/agreement/1")
NEW_AGENCY = agency_iri("URY", "Invented Harbour Police")
ICCS_09 = URIRef(f"{ID}crime/iccs-09")


def synthetic_document() -> Graph:
    """A document graph that asserts only the most specific terms, leaving the rest implied."""
    graph = Graph()
    graph.add((AGREEMENT, RDF.type, PG.ActionPlan))
    graph.add((AGREEMENT, PG.party, nation_iri("URY")))
    graph.add((AGREEMENT, PG.hasCommitment, ACTION))
    graph.add((ACTION, RDF.type, PG.Action))
    graph.add((ACTION, RDFS.label, Literal("Harbour patrols")))
    graph.add((ACTION, PG.partOf, AREA))
    graph.add((AREA, PG.partOf, GOAL))
    graph.add((ACTION, PG.implementedBy, NEW_AGENCY))
    graph.add((NEW_AGENCY, PG.agencyOf, nation_iri("URY")))
    graph.add((DOC, PG.citesMediaOutlet, URIRef(f"{ID}media/el-pais")))
    return graph


def values(store: EmbeddedStore, sparql: str) -> set[str]:
    return {str(next(iter(row.values()))) for row in store.select(PREFIXES + sparql)}


@pytest.fixture
def store() -> Iterator[EmbeddedStore]:
    with EmbeddedStore() as opened:
        ensure_model(opened)
        yield opened


def load(store: EmbeddedStore, graph: Graph, key: str = KEY) -> None:
    store.replace_graph(document_iri(key), graph)
    refresh_inferences(store, key)


# ---------------------------------------------------------------- what is derived


def test_a_query_finds_through_inference_what_no_document_asserts(store: EmbeddedStore) -> None:
    load(store, synthetic_document())
    commitments = {str(ACTION), str(AREA), str(GOAL)}  # AREA, GOAL: range of pg:partOf
    assert values(store, "SELECT ?x WHERE { ?x a pg:Commitment }") == commitments
    assert values(store, "SELECT ?x WHERE { ?x a pg:Agreement }") == {str(AGREEMENT)}
    assert values(store, f"SELECT ?c WHERE {{ <{NEW_AGENCY}> pg:implements ?c }}") == {str(ACTION)}
    assert values(store, f"SELECT ?a WHERE {{ <{nation_iri('URY')}> pg:partyTo ?a }}") == {
        str(AGREEMENT)
    }
    assert values(store, f"SELECT ?g WHERE {{ <{ACTION}> pg:partOf ?g }}") == {str(AREA), str(GOAL)}
    assert values(store, f"SELECT ?p WHERE {{ <{GOAL}> pg:hasPart ?p }}") == {
        str(AREA),
        str(ACTION),
    }
    assert values(store, f"SELECT ?n WHERE {{ <{NEW_AGENCY}> org:subOrganizationOf ?n }}") == {
        str(nation_iri("URY"))
    }
    assert values(store, f"SELECT ?x WHERE {{ <{DOC}> pg:mentions ?x }}") == {f"{ID}media/el-pais"}


def test_the_asserted_graph_alone_does_not_answer(store: EmbeddedStore) -> None:
    store.replace_graph(DOC, synthetic_document())
    assert values(store, "SELECT ?x WHERE { ?x a pg:Commitment }") == set()
    assert values(store, f"SELECT ?c WHERE {{ <{NEW_AGENCY}> pg:implements ?c }}") == set()


def test_crimes_under_an_iccs_section_through_broader_transitive(store: EmbeddedStore) -> None:
    query = f"SELECT ?c WHERE {{ ?c skos:broaderTransitive <{ICCS_09}> }}"
    assert values(store, query) == set()
    refresh_all_inferences(store)
    expected = set(model_graph().transitive_subjects(SKOS.broader, ICCS_09)) - {ICCS_09}
    assert {URIRef(c) for c in values(store, query)} == expected
    assert {URIRef(f"{ID}crime/{k}") for k in ("arms-trafficking", "terrorism")} <= expected


def test_agencies_of_the_gazetteer_are_sub_organizations_of_their_nation(
    store: EmbeddedStore,
) -> None:
    refresh_all_inferences(store)
    dea = agency_iri("USA", "Drug Enforcement Administration")
    assert values(store, f"SELECT ?n WHERE {{ <{dea}> org:transitiveSubOrganizationOf ?n }}") == {
        str(nation_iri("USA"))
    }


def test_entailments_hold_no_blank_nodes_literal_artefacts_or_owl_thing() -> None:
    inferred = infer_document(synthetic_document())
    assert len(inferred) > 0
    for s, p, o in inferred:
        assert not isinstance(s, Literal)
        assert o != URIRef("http://www.w3.org/2002/07/owl#Thing")
        assert (s, p, o) not in synthetic_document()
    assert all((s, p, o) not in inferred for s, p, o in model_graph())
    assert ORG.transitiveSubOrganizationOf in {p for _, p, _ in model_entailments()}


def test_reasoning_with_part_of_the_model_gives_what_the_whole_model_gives() -> None:
    document = synthetic_document()
    everything = entail([*inference._model_triples(), *document])
    known = inference._model_triples() | model_entailments()
    brute = {t for t in everything if t not in known and t not in set(document)}
    brute = {t for t in brute if inference._useful(t)}
    assert set(infer_document(document)) == brute


# ---------------------------------------------------------------- kept current


def test_removing_the_document_removes_its_entailments_only(store: EmbeddedStore) -> None:
    load(store, synthetic_document())
    assert inferred_graph_iri(KEY) in store.graph_names()
    assert drop_inferences(store, KEY)
    store.remove_graph(DOC)
    assert values(store, f"SELECT ?c WHERE {{ <{NEW_AGENCY}> pg:implements ?c }}") == set()
    assert MODEL_INFERENCES in store.graph_names()


def test_a_changed_document_replaces_its_entailments(store: EmbeddedStore) -> None:
    load(store, synthetic_document())
    changed = synthetic_document()
    changed.remove((ACTION, PG.implementedBy, NEW_AGENCY))
    load(store, changed)
    assert values(store, f"SELECT ?c WHERE {{ <{NEW_AGENCY}> pg:implements ?c }}") == set()
    assert values(store, "SELECT ?x WHERE { ?x a pg:Action }") == {str(ACTION)}
    assert values(store, f"SELECT ?a WHERE {{ <{ACTION}> pg:commitmentOf ?a }}") == {str(AGREEMENT)}


def test_refreshing_what_is_current_writes_nothing(store: EmbeddedStore) -> None:
    load(store, synthetic_document())
    assert refresh_inferences(store, KEY) == 0
    assert refresh_all_inferences(store) == 0


def test_a_new_model_refreshes_every_document(
    store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(store, synthetic_document(), "one")
    load(store, synthetic_document(), "two")
    monkeypatch.setattr(inference, "model_version", lambda: "another model")
    written = refresh_inferences(store, "two")
    assert written == 2 * len(infer_document(synthetic_document()))


# ---------------------------------------------------------------- through the pipeline


@requires_shared
def test_loading_and_removing_a_corpus_document_keeps_entailments_in_step() -> None:
    customs = agency_iri("PRY", "National Customs Directorate")
    query = f"SELECT ?c WHERE {{ <{customs}> pg:implements ?c }}"
    with EmbeddedStore() as store:
        (outcome,) = load_paths(store, [CORPUS / "dev_01_brazil_paraguay.txt"])
        assert outcome.status == "loaded"
        found = values(store, query)
        assert len(found) == 1
        (commitment,) = found
        labels = values(store, f"SELECT ?l WHERE {{ <{commitment}> <{RDFS.label}> ?l }}")
        assert labels == {"Cigarette and electronics seizure reports"}
        document = document_iri("dev-01-brazil-paraguay")
        assert (
            values(store, f"SELECT ?c WHERE {{ GRAPH <{document}> {{ ?a pg:implements ?c }} }}")
            == set()
        )
        assert remove_document(store, "dev-01-brazil-paraguay")
        assert values(store, query) == set()
        assert inferred_graph_iri("dev-01-brazil-paraguay") not in store.graph_names()
