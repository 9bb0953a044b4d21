"""Every commitment, safeguard and approach carries evidence that slices exactly its quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph

from graph.documents.intake import read_source
from graph.namespaces import OA, PG, PROV
from graph.pipeline import process_path
from tests.conftest import corpus_documents, example_documents

DOCUMENTS = corpus_documents() + example_documents()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_offsets_slice_the_quote(path: Path) -> None:
    text = read_source(path).text
    processed = process_path(path)
    graph: Graph = processed.graph
    checked = 0
    for cls in (PG.Commitment, PG.Safeguard, PG.NationalApproach, PG.Outcome):
        for node in graph.subjects(RDF.type, cls):
            assert (node, PROV.wasDerivedFrom, processed.iri) in graph
            selectors = list(graph.objects(node, PG.evidence))
            assert selectors, f"{node} has no evidence"
            for selector in selectors:
                start = int(graph.value(selector, OA.start))
                end = int(graph.value(selector, OA.end))
                assert text[start:end] == str(graph.value(selector, OA.exact))
                checked += 1
    assert checked >= 5


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_document_passes_the_shapes(path: Path) -> None:
    report = process_path(path).report
    assert report.conforms, [str(v) for v in report.violations]
