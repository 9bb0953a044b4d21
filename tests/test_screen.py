"""rudof's screen against pyshacl on mutated graphs: it may send a clean batch to pyshacl,
but it must never pass a graph that pyshacl would refuse or warn about."""

from __future__ import annotations

import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD
from test_api_support import children_of

from graph import screen
from graph.model_graph import model_subset
from graph.namespaces import ID, PG
from graph.pipeline import process_path
from graph.store.terms import ntriples
from graph.validate import validate_document, validate_documents

FIXTURES = Path(__file__).parent / "fixtures"
MUTATIONS = 80
ODD_OBJECTS = (
    Literal("x"),
    Literal(""),
    Literal(" padded "),
    Literal("-3", datatype=XSD.decimal),
    Literal(5),
    Literal("2020-01-01", datatype=XSD.date),
    URIRef(f"{ID}crime/jaywalking"),
    URIRef(f"{ID}nation/TGO"),
    URIRef(f"{ID}frequency/annual"),
    URIRef("http://example.org/elsewhere"),
)


@pytest.fixture(scope="module")
def bases() -> list[Graph]:
    good = Graph().parse(FIXTURES / "shapes" / "good.ttl", format="turtle")
    documents = sorted((FIXTURES / "genre").glob("*.txt"))[:3]
    return [good, *(process_path(path).graph for path in documents)]


def _mutated(base: Graph, rng: random.Random) -> Graph:
    """``base`` with one to three triples removed, changed or doubled with an odd object."""
    graph = Graph()
    for triple in base:
        graph.add(triple)
    triples = sorted(graph)
    for _ in range(rng.randint(1, 3)):
        subject, predicate, obj = rng.choice(triples)
        roll = rng.random()
        if roll < 0.7:
            graph.remove((subject, predicate, obj))
        if roll >= 0.4:
            graph.add((subject, predicate, rng.choice(ODD_OBJECTS)))
    return graph


def test_the_screen_never_passes_what_pyshacl_reports(bases: list[Graph]) -> None:
    rng = random.Random(20261204)
    reported = passed = 0
    for _ in range(MUTATIONS):
        graph = _mutated(rng.choice(bases), rng)
        report = validate_document(graph)
        if report.violations or report.warnings:
            reported += 1
            assert not screen.clean([graph]), [str(f) for f in report.violations[:3]]
        elif screen.clean([graph]):
            passed += 1
    assert reported > MUTATIONS / 2  # the mutations do break shapes
    assert passed > 0  # and a graph still valid after one is screened clean


def test_a_literal_where_shapes_target_objects_is_left_to_pyshacl(bases: list[Graph]) -> None:
    good = bases[0]
    commitment = next(good.subjects(PG.hasFrequency, None))
    bad = Graph()
    for triple in good:
        bad.add(triple)
    bad.set((commitment, PG.hasFrequency, Literal("x")))
    assert screen.clean([good])
    assert not screen.clean([bad])
    assert not validate_document(bad).conforms


def test_clean_batches_get_empty_reports_and_bad_ones_pyshacl_reports(
    bases: list[Graph],
) -> None:
    documents = bases[1:]
    assert all(r.conforms and not r.warnings for r in validate_documents(documents))
    broken = Graph()
    for subject, predicate, obj in documents[0]:
        if predicate != PG.party:
            broken.add((subject, predicate, obj))
    reports = validate_documents([broken, *documents[1:]])
    assert not reports[0].conforms
    assert any("at least two parties" in f.message for f in reports[0].violations)
    assert all(r.conforms for r in reports[1:])


def test_screening_leaves_the_process_safe_to_fork(bases: list[Graph]) -> None:
    """rudof's thread pool would hang a forked child that validates again; the screen runs
    rudof in children of its own, so a process that screened can still fork workers."""
    assert screen.clean(bases[1:2])
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        assert pool.submit(screen.clean, bases[1:2]).result(timeout=60)


def _rudof_findings(data: str) -> list[tuple[str, str | None, str]]:
    return sorted(screen.findings(data), key=str)


def test_leaving_out_what_no_shape_reads_changes_no_finding(bases: list[Graph]) -> None:
    """rudof finds the same in a batch's data with and without the triples whose
    predicate no shape names (compared in a process of its own: see screen.findings)."""
    rng = random.Random(7)
    graphs = [_mutated(rng.choice(bases), rng) for _ in range(12)]
    full = [ntriples(g) + ntriples(model_subset([g])) for g in graphs]
    read = [screen.read_lines(text) for text in full]
    assert sum(map(len, read)) < 0.8 * sum(map(len, full))
    fork = multiprocessing.get_context("fork")  # a child that has not run rudof yet
    with ProcessPoolExecutor(1, mp_context=fork) as pool:
        whole = list(pool.map(_rudof_findings, full))
        kept = list(pool.map(_rudof_findings, read))
    assert kept == whole
    assert any(whole)  # the mutations do break shapes


def test_shapes_beyond_shacl_core_get_all_the_data() -> None:
    core = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ( ex:p [ sh:inversePath ex:q ] ) ; sh:minCount 1 ] .""",
        format="turtle",
    )
    wanted = screen.read_predicates(core)
    assert wanted is not None
    assert {"<http://example.org/p>", "<http://example.org/q>", f"<{RDF.type}>"} <= wanted
    closed = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .""",
        format="turtle",
    )
    assert screen.read_predicates(closed) is None


def test_one_screening_process_serves_batch_after_batch_and_keeps_none_of_them(
    bases: list[Graph],
) -> None:
    """A batch's data is gone before the next: a broken batch, then a clean one, then the
    broken one again are judged as if each came alone, by the same kept process."""
    good = bases[1]
    broken = Graph()
    for subject, predicate, obj in good:
        if predicate != PG.party:
            broken.add((subject, predicate, obj))
    assert screen.clean([good])
    screening = screen.screening_pid()
    assert screening is not None
    assert [screen.clean([g]) for g in (broken, good, broken, good)] == [False, True, False, True]
    assert screen.screening_pid() == screening
    assert screening not in children_of(os.getpid())  # left out of the children tests count
    assert Path(f"/proc/{screening}").exists()
