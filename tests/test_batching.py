"""A load in batches stores exactly what loading the documents one by one stores,
and a bad document in a batch is refused alone."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from graph import pipeline
from graph.namespaces import PG, document_iri
from graph.pipeline import load_paths, process_batch, process_path, store_document
from graph.store.embedded import EmbeddedStore
from graph.validate import validate_document, validate_documents
from tests.conftest import EXAMPLES

GENRE = Path(__file__).parent / "fixtures" / "genre"


def _quads(store: EmbeddedStore) -> set[tuple[object, ...]]:
    """Every quad without blank nodes (the model's lists get new labels in every store)."""
    rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    quads = {tuple(row[v] for v in ("g", "s", "p", "o")) for row in rows}
    return {q for q in quads if not any(isinstance(t, BNode) for t in q)}


def test_a_batched_load_stores_what_one_by_one_stores(tmp_path: Path) -> None:
    documents = sorted(GENRE.glob("*.txt"))[:6]
    with EmbeddedStore(tmp_path / "one") as one, EmbeddedStore(tmp_path / "batch") as batch:
        for path in documents:
            store_document(one, process_path(path))
        outcomes = load_paths(batch, documents, workers=2)
        assert {o.status for o in outcomes} == {"loaded"}
        assert _quads(batch) == _quads(one)


def _graph(path: Path) -> Graph:
    return process_path(path).graph


def test_batch_validation_gives_each_document_its_own_report() -> None:
    graphs = [_graph(p) for p in sorted(GENRE.glob("*.txt"))[:3]]
    broken = URIRef("https://w3id.org/pactgraph/id/document/broken/commitment/1")
    bad = Graph()
    bad.add((broken, RDF.type, PG.Commitment))
    bad.add((broken, PG.months, Literal("soon")))
    graphs.insert(1, bad)
    reports = validate_documents(graphs)
    assert reports == [validate_document(g) for g in graphs]
    assert [r.conforms for r in reports] == [True, False, True, True]


def test_a_bad_document_in_a_batch_is_refused_alone(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    (folder / "broken.txt").write_bytes(b"Mexico \xff\xfe and Canada")
    results = process_batch(sorted(folder.iterdir()), infer=True)
    assert [isinstance(r, str) for r in results].count(True) == 1
    with EmbeddedStore(tmp_path / "store") as store:
        outcomes = load_paths(store, [folder], workers=1)
        refused = [o.name for o in outcomes if o.status == "refused"]
        assert refused == ["broken.txt"]
        names = store.graph_names()
        assert document_iri("broken") not in names
        assert all(document_iri(o.key) in names for o in outcomes if o.status == "loaded")


def _frozen_objects(paths: list[Path], infer: bool) -> list[str]:
    """Stands in for a worker's batch: says how many objects the worker had set aside."""
    return [str(gc.get_freeze_count())] * len(paths)


def test_load_workers_set_aside_what_they_inherit(monkeypatch) -> None:
    """The workers a load forks stop walking the inherited model and lexicon in their
    collections; the loading process itself keeps collecting everything."""
    monkeypatch.setattr(pipeline, "process_batch", _frozen_objects)
    documents = sorted(GENRE.glob("*.txt"))[:4]
    before = gc.get_freeze_count()
    counts = [int(result) for _, result in pipeline.process_many(documents, workers=2)]
    assert len(counts) == len(documents)
    assert min(counts) > 100_000
    assert gc.get_freeze_count() == before
