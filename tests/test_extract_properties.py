"""Property-based tests: no input crashes the extractor, and refused input changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from graph.build import build_graph
from graph.documents.intake import DocumentError
from graph.documents.text import parse_text
from graph.extract.extractor import extract
from graph.namespaces import PG, PROV
from graph.pipeline import DocumentRefused, ProcessedDocument, process_upload, store_document
from graph.store import dataset_dump
from graph.store.embedded import EmbeddedStore
from graph.validate import validate_document
from tests.conftest import EXAMPLES

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=30
)


def _run(text: str) -> Graph:
    document = parse_text(text, key="prop", source_name="prop.txt", sha256="0" * 64)
    return build_graph(extract(document))


@FAST
@given(st.text(max_size=600))
def test_any_text_extracts_without_crashing(text: str) -> None:
    graph = _run(text)
    assert (None, RDF.type, PG.SourceDocument) in graph


@FAST
@given(
    header=st.lists(cell_text, min_size=1, max_size=6),
    rows=st.lists(st.lists(cell_text, min_size=0, max_size=7), max_size=6),
    separator=st.booleans(),
)
@example(header=[""], rows=[], separator=True)  # '|' then '|---|': a table with no cell
def test_any_table_shape_extracts_without_crashing(header, rows, separator) -> None:
    lines = ["Mexico and Canada sign a pact against arms trafficking.", ""]
    lines.append("| " + " | ".join(header) + " |")
    if separator:
        lines.append("|" + "---|" * len(header))
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    graph = _run("\n".join(lines))
    for node in graph.subjects(RDF.type, PG.Commitment):
        assert (node, PROV.wasDerivedFrom, None) in graph


@pytest.fixture()
def loaded_store(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "store")
    store_document(
        store, process_upload((EXAMPLES / "japan_australia_cybercrime.txt").read_bytes(), "a.txt")
    )
    yield store
    store.close()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_refused_bytes_leave_the_store_unchanged(loaded_store, data: bytes) -> None:
    before = dataset_dump(loaded_store, format="nq")
    try:
        processed = process_upload(data, "upload.txt")
        if processed.report.conforms:
            return  # readable text that forms a valid document is loaded, not refused
        store_document(loaded_store, processed)
    except (DocumentError, DocumentRefused):
        pass
    assert dataset_dump(loaded_store, format="nq") == before


def test_a_graph_with_violations_is_refused_whole(loaded_store) -> None:
    before = dataset_dump(loaded_store, format="nq")
    graph = Graph()
    commitment = URIRef("https://w3id.org/pactgraph/id/document/broken/commitment/1")
    graph.add((commitment, RDF.type, PG.Commitment))
    graph.add((commitment, PG.months, Literal("soon")))
    report = validate_document(graph)
    assert not report.conforms
    processed = ProcessedDocument(
        key="broken",
        source_name="broken.txt",
        sha256=hashlib.sha256(b"broken").hexdigest(),
        ntriples=graph.serialize(format="nt"),
        report=report,
    )
    with pytest.raises(DocumentRefused) as refused:
        store_document(loaded_store, processed)
    assert "must belong to an agreement" in str(refused.value)
    assert dataset_dump(loaded_store, format="nq") == before
