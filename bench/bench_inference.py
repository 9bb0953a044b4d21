"""What inference costs at load time, reasonable against owlrl, and what query rewriting costs.

Prints ratios, asserts nothing. Run from the repository root:

    .venv/bin/python bench/bench_inference.py [--triples 1000000] [--owlrl-triples 10000]

1. Per document: ``infer_document`` (reasonable over the schema, the model's links of
   the nodes named and the document) against owlrl over the same premises, and against
   reasonable over the whole model plus the document.
2. At scale: synthetic documents (the corpus graphs with their IRIs renamed) up to
   ``--triples`` asserted triples, loaded into an in-memory store; the time to store
   them, then the time to refresh their entailments, per document and in total.
   owlrl over the whole of them would take minutes: it runs on the first
   ``--owlrl-triples`` (plus the model) next to reasonable on the same input.
3. Query rewriting: the same questions asked of the materialised entailments and of the
   asserted triples only (inverse swapped, ``rdfs:subClassOf*``, ``skos:broader+``,
   sub-properties as alternatives), median of five runs each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import owlrl
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.inference import (  # noqa: E402
    _model_triples,
    document_premises,
    entail,
    infer_document,
    refresh_inferences,
    refresh_model_inferences,
)
from graph.model_graph import ensure_model  # noqa: E402
from graph.namespaces import document_iri  # noqa: E402
from graph.pipeline import process_path  # noqa: E402
from graph.store import EmbeddedStore  # noqa: E402

PREFIXES = """PREFIX pg: <https://w3id.org/pactgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
ICCS_09 = "<https://w3id.org/pactgraph/id/crime/iccs-09>"
#: (question, asked of the entailments, asked of asserted triples only)
QUERIES = [
    (
        "inverse: agencies and what they implement",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a pg:implements ?c }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?c pg:implementedBy ?a }",
    ),
    (
        "subclass: documents naming an agent",
        "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d pg:mentions ?x . ?x a prov:Agent }",
        "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d pg:mentions ?x . "
        "?x a/rdfs:subClassOf* prov:Agent }",
    ),
    (
        "transitive: agreements against ICCS section 09",
        f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a pg:addresses ?c . "
        f"?c skos:broaderTransitive {ICCS_09} }}",
        f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a pg:addresses ?c . "
        f"?c skos:broader+ {ICCS_09} }}",
    ),
    (
        "sub-property: actors a document mentions or cites",
        "SELECT (COUNT(*) AS ?n) WHERE { ?d pg:mentionedIn ?x }",
        "SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?d ?x WHERE "
        "{ ?x pg:mentions|pg:citesMediaOutlet ?d } } }",
    ),
]


def timed(action: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """Median seconds of ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def owlrl_closure(triples: list) -> int:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return len(graph)


def source_documents() -> dict[str, tuple[Graph, float]]:
    """The corpus documents (the examples without ../shared) by document IRI, with the
    seconds the pipeline took to read, extract and validate each."""
    corpus = ROOT.parent / "shared" / "corpus"
    folder = corpus if corpus.is_dir() else ROOT / "examples"
    paths = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"})
    documents = [p for p in paths if p.name != "README.md"]
    process_path(documents[0])  # warm up: lexicons, shapes and the model are read once
    found = {}
    for path in documents:
        seconds, processed = timed(lambda p=path: process_path(p))
        found[str(processed.iri)] = (processed.graph, seconds)
    return found


def per_document(documents: dict[str, tuple[Graph, float]]) -> None:
    print("\n1. per document (median of 3); 'of pipeline' = share of reading, extracting and")
    print("   validating the document; owlrl and 'whole model' as multiples of infer_document")
    print(f"{'triples':>8} {'entailed':>9} {'infer_document':>15} {'of pipeline':>12} "
          f"{'owlrl':>9} {'ratio':>7} {'whole model':>12} {'ratio':>7}")  # fmt: skip
    model = list(_model_triples())
    for document, pipeline in documents.values():
        premises = document_premises(document)
        ours, inferred = timed(lambda d=document: infer_document(d), 3)
        theirs, _ = timed(lambda p=premises: owlrl_closure(p), 3)
        whole, _ = timed(lambda d=document: entail([*model, *d]), 3)
        print(f"{len(document):>8} {len(inferred):>9} {ours:>14.3f}s {ours / pipeline:>11.1%} "
              f"{theirs:>8.3f}s {theirs / ours:>6.1f}x {whole:>11.3f}s "
              f"{whole / ours:>6.1f}x")  # fmt: skip


def synthetic(documents: dict[str, tuple[Graph, float]], target: int) -> list[tuple[str, Graph]]:
    """Copies of the documents under new keys until ``target`` asserted triples."""
    texts = [(iri, graph.serialize(format="nt")) for iri, (graph, _) in documents.items()]
    made, total, copy = [], 0, 0
    while total < target:
        for index, (iri, text) in enumerate(texts):
            key = f"synthetic-{copy}-{index}"
            graph = Graph().parse(data=text.replace(iri, str(document_iri(key))), format="nt")
            made.append((key, graph))
            total += len(graph)
        copy += 1
    return made


def at_scale(
    documents: dict[str, tuple[Graph, float]], target: int, owlrl_triples: int
) -> EmbeddedStore:
    print(f"\n2. at scale: synthetic documents up to {target:,} asserted triples")
    made = synthetic(documents, target)
    asserted = sum(len(g) for _, g in made)
    store = EmbeddedStore()
    ensure_model(store)
    model_time, _ = timed(lambda: refresh_model_inferences(store))
    load_time, _ = timed(lambda: [store.replace_graph(document_iri(k), g) for k, g in made])
    infer_time, written = timed(lambda: sum(refresh_inferences(store, k) for k, _ in made))
    count = len(made)
    print(
        f"documents {count:,}, asserted {asserted:,}, entailed {written:,} "
        f"(+{written / asserted:.1%}); the model's own closure once: {model_time:.2f}s"
    )
    print(f"store the documents:       {load_time:8.1f}s  {load_time / count * 1000:7.1f} ms/doc")
    print(f"refresh their entailments: {infer_time:8.1f}s  {infer_time / count * 1000:7.1f} ms/doc"
          f"  = {infer_time / load_time:.1f}x the storing")  # fmt: skip
    sample: list = list(_model_triples())
    for _, graph in made:
        if len(sample) >= len(_model_triples()) + owlrl_triples:
            break
        sample.extend(graph)
    ours, _ = timed(lambda: entail(sample))
    theirs, _ = timed(lambda: owlrl_closure(sample))
    print(f"one closure of model + {len(sample) - len(_model_triples()):,} document triples: "
          f"reasonable {ours:.2f}s, owlrl {theirs:.2f}s = {theirs / ours:.1f}x")  # fmt: skip
    everything = [*_model_triples(), *(t for _, g in made for t in g)]
    whole, _ = timed(lambda: entail(everything))
    print(
        f"one closure of model + all {asserted:,} (reasonable, not incremental): {whole:.1f}s; "
        f"owlrl extrapolated linearly: {theirs / len(sample) * len(everything):.0f}s"
    )
    return store


def rewriting(store: EmbeddedStore) -> None:
    print("\n3. query rewriting instead of materialising (median of 5)")
    print(f"{'question':<52} {'materialised':>12} {'rewritten':>10} {'ratio':>7}  answers")
    for question, materialised, rewritten in QUERIES:
        fast, a = timed(lambda q=materialised: list(store.select(PREFIXES + q)), 5)
        slow, b = timed(lambda q=rewritten: list(store.select(PREFIXES + q)), 5)
        same = "same" if a == b else f"DIFFER {a} {b}"
        print(f"{question:<52} {fast * 1000:>10.1f}ms {slow * 1000:>8.1f}ms "
              f"{slow / fast:>6.1f}x  {same}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--owlrl-triples", type=int, default=10_000)
    args = parser.parse_args()
    documents = source_documents()
    per_document(documents)
    store = at_scale(documents, args.triples, args.owlrl_triples)
    rewriting(store)


if __name__ == "__main__":
    main()
