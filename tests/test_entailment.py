"""The schema's lookup tables entail what reasonable entails, document for document, and hand
back to reasonable where they would not be exact."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from bench.generate import documents
from graph import inference
from graph.documents.intake import read_source
from graph.entailment import DocumentReasoner, Line, split_lines
from graph.inference import document_inferences, document_reasoner, infer_document
from graph.namespaces import PG
from graph.pipeline import _build
from graph.store.embedded import stored_form
from graph.store.terms import ntriples
from tests.conftest import REPO, corpus_documents

FIXTURES = REPO / "tests" / "fixtures"
#: Folders of documents whose graphs the two engines are compared on.
FOLDERS = ("genre", "genre-es", "followup")


def _stored(graph: Graph) -> str:
    return stored_form(ntriples(graph))


def _by_reasonable(document: str) -> set[Line]:
    return set(split_lines(ntriples(infer_document(Graph().parse(data=document, format="nt")))))


def _reasoner() -> DocumentReasoner:
    reasoner = document_reasoner()
    assert reasoner is not None, "the model's schema uses a construct the tables do not cover"
    return reasoner


@cache
def _documents() -> tuple[tuple[str, str], ...]:
    """(name, stored N-Triples) of the corpus, fixture folders and generated documents."""
    paths = [
        *corpus_documents(),
        *(p for f in FOLDERS for p in sorted((FIXTURES / f).glob("*.txt"))),
    ]
    found = [(p.name, _stored(_build(read_source(p)))) for p in paths]
    return tuple(found)


def test_the_tables_entail_what_reasonable_entails_on_read_documents() -> None:
    reasoner = _reasoner()
    compared = 0
    for name, document in _documents():
        mine = reasoner.entailed(split_lines(document))
        assert mine is not None, f"{name}: left to reasonable"
        assert set(mine) == _by_reasonable(document), name
        compared += 1
    assert compared >= 40


def test_the_tables_entail_what_reasonable_entails_on_generated_documents(tmp_path: Path) -> None:
    reasoner = _reasoner()
    for name, text in documents(12, seed=11):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        document = _stored(_build(read_source(path)))
        mine = reasoner.entailed(split_lines(document))
        assert mine is not None and set(mine) == _by_reasonable(document), name


def _mutated(document: str, reasoner: DocumentReasoner, rng: random.Random) -> str:
    """The document with links the extraction never makes: properties of the schema between
    its nodes and the model's, so that inverses, chains of transitive properties through the
    model, symmetric properties and union ranges all fire. A link that would equate nodes or
    clash with a disjointness (left to reasonable, see below) is not kept."""
    lines = split_lines(document)
    nodes = sorted({t for s, _, o in lines for t in (s, o) if t.startswith("<")})
    nodes += rng.sample(sorted(reasoner.descriptions), 12)
    properties = sorted(
        {*reasoner.transitive, *reasoner.symmetric, *reasoner.inverses, *reasoner.superproperties}
    )
    classes = sorted(c for c in reasoner.superclasses if c.startswith("<"))
    for _ in range(40):
        if rng.random() < 0.8:
            link = (rng.choice(nodes), rng.choice(properties), rng.choice(nodes))
        else:
            link = (rng.choice(nodes), f"<{RDF.type}>", rng.choice(classes))
        if reasoner.entailed([*lines, link]) is not None:
            lines.append(link)
    return "".join(f"{s} {p} {o} .\n" for s, p, o in lines)


def test_the_tables_entail_what_reasonable_entails_on_mutated_documents() -> None:
    reasoner = _reasoner()
    rng = random.Random(5)
    for name, document in _documents()[:16]:
        mutated = _mutated(document, reasoner, rng)
        assert len(split_lines(mutated)) > len(split_lines(document)) + 5, name
        mine = reasoner.entailed(split_lines(mutated))
        assert mine is not None and set(mine) == _by_reasonable(mutated), name


def _commitment_of_two_agreements() -> str:
    """A commitment that two agreements claim, though a commitment belongs to one at most:
    OWL 2 RL may equate the two agreements (owl:sameAs), which the tables never do."""
    commitment = URIRef("https://w3id.org/pactgraph/id/document/t/commitment/1")
    graph = Graph()
    graph.add((commitment, RDF.type, PG.Action))
    for agreement in ("a1", "a2"):
        graph.add(
            (commitment, PG.commitmentOf, URIRef(f"https://w3id.org/pactgraph/id/t/{agreement}"))
        )
    return _stored(graph)


def _has_own_superclass(reasoner: DocumentReasoner, kind: str) -> bool:
    ancestors = reasoner.superclasses.get(kind, frozenset())
    return kind.startswith("<") and any(
        a != kind and a.startswith("<") and "owl#Thing" not in a for a in ancestors
    )


def _node_of_two_disjoint_classes(reasoner: DocumentReasoner) -> str:
    """A node typed with two disjoint classes that each have a superclass of their own, so
    that reasonable has something to entail (two top classes would entail nothing)."""
    first, second = next(
        pair
        for group in reasoner.disjoint
        if len(pair := sorted(c for c in group if _has_own_superclass(reasoner, c))[:2]) == 2
    )
    node = "<https://w3id.org/pactgraph/id/document/t/node>"
    return f"{node} <{RDF.type}> {first} .\n{node} <{RDF.type}> {second} .\n"


def test_what_the_tables_would_not_judge_exactly_is_left_to_reasonable() -> None:
    reasoner = _reasoner()
    for document in (_commitment_of_two_agreements(), _node_of_two_disjoint_classes(reasoner)):
        assert reasoner.entailed(split_lines(document)) is None
        _, stored = document_inferences("t", document)
        found = {line for line in split_lines(stored) if not line[1].endswith("hasVersion>")}
        assert found == _by_reasonable(document)
        assert found


@pytest.mark.parametrize(
    "axiom",
    [
        (PG.implements, RDF.type, OWL.FunctionalProperty),
        (PG.Commitment, OWL.disjointWith, PG.Agreement),
        (PG.Goal, OWL.equivalentClass, PG.Objective),
    ],
)
def test_a_schema_construct_the_tables_do_not_cover_leaves_every_document_to_reasonable(
    axiom: tuple[URIRef, URIRef, URIRef],
) -> None:
    schema = [*inference._schema(), axiom]
    closure = Graph()
    for triple in inference.entail(schema):
        closure.add(triple)
    assert DocumentReasoner.build(schema, closure, [], {}) is None
    assert DocumentReasoner.build(inference._schema(), closure, [], {}) is not None
