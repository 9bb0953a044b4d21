"""The embedded (pyoxigraph) store: persistence, atomic replacement, formats, terms."""

from __future__ import annotations

import json
import threading

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from graph.namespaces import document_iri
from graph.store import (
    EmbeddedStore,
    NotAcceptableError,
    QuerySyntaxError,
    Store,
    StoreError,
    dataset_dump,
    open_store,
)

DOC_A = document_iri("a")
DOC_B = document_iri("b")
EX = "https://example.org/"


def numbered_graph(size: int, marker: str) -> Graph:
    """``size`` triples, all with the same subject, so a count tells which version is stored."""
    graph = Graph()
    subject = URIRef(EX + marker)
    for i in range(size):
        graph.add((subject, URIRef(f"{EX}p{i}"), Literal(i)))
    return graph


def count_in(store: EmbeddedStore, name: URIRef) -> int:
    rows = list(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"))
    return int(rows[0]["n"])


def test_embedded_store_satisfies_the_protocol() -> None:
    assert isinstance(EmbeddedStore(None), Store)


def test_on_disk_store_keeps_graphs_across_reopen(tmp_path) -> None:
    store = open_store(tmp_path / "db")
    store.replace_graph(DOC_A, numbered_graph(5, "a"))
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.graph_names()
    reopened = open_store(tmp_path / "db")
    assert reopened.graph_names() == [DOC_A]
    assert len(reopened.get_graph(DOC_A)) == 5
    reopened.close()


def test_default_location_comes_from_the_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PACTGRAPH_STORE", str(tmp_path / "from-env"))
    store = open_store()
    assert isinstance(store, EmbeddedStore)
    assert store.path == tmp_path / "from-env"
    store.close()


def test_replace_swaps_the_whole_graph_and_remove_reports_existence() -> None:
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, numbered_graph(10, "old"))
    store.replace_graph(DOC_A, numbered_graph(3, "new"))
    kept = store.get_graph(DOC_A)
    assert len(kept) == 3
    assert set(kept.subjects()) == {URIRef(EX + "new")}
    assert store.remove_graph(DOC_A) is True
    assert store.remove_graph(DOC_A) is False
    assert store.graph_names() == []


def test_readers_never_see_half_a_document() -> None:
    """A reader counting one graph while a writer swaps 400- and 700-triple versions."""
    store = EmbeddedStore(None)
    versions = [numbered_graph(400, "x"), numbered_graph(700, "y")]
    store.replace_graph(DOC_A, versions[0])
    seen: set[int] = set()
    done = threading.Event()

    def write() -> None:
        for round_ in range(30):
            store.replace_graph(DOC_A, versions[round_ % 2])
        done.set()

    writer = threading.Thread(target=write)
    writer.start()
    while not done.is_set():
        seen.add(count_in(store, DOC_A))
    writer.join()
    assert seen <= {400, 700}


def test_blank_nodes_stay_apart_per_graph() -> None:
    graph = Graph()
    node = BNode("shared")
    graph.add((node, RDFS.label, Literal("x")))
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, graph)
    store.replace_graph(DOC_B, graph)
    rows = list(store.select("SELECT DISTINCT ?b WHERE { ?b ?p ?o }"))
    assert len(rows) == 2
    assert all(isinstance(row["b"], BNode) for row in rows)


def test_terms_round_trip_in_normal_form() -> None:
    graph = Graph()
    subject = URIRef(EX + "thing")
    values = [
        Literal("plain"),
        Literal("typed string", datatype=XSD.string),
        Literal("Polícia Federal", lang="pt-BR"),
        Literal("12.50", datatype=XSD.decimal),
        Literal(7),
        Literal("2021-03-04", datatype=XSD.date),
        Literal('quote " backslash \\ newline \n tab \t', lang="en"),
        URIRef("https://example.org/ä?q=1"),
    ]
    for i, value in enumerate(values):
        graph.add((subject, URIRef(f"{EX}p{i}"), value))
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, graph)
    back = {p: o for _, p, o in store.get_graph(DOC_A)}
    assert back[URIRef(EX + "p0")] == Literal("plain")
    assert back[URIRef(EX + "p1")] == Literal("typed string")
    assert back[URIRef(EX + "p2")] == Literal("Polícia Federal", lang="pt-br")
    assert back[URIRef(EX + "p3")] == Literal("12.5", datatype=XSD.decimal)
    assert back[URIRef(EX + "p4")].datatype == XSD.integer
    assert back[URIRef(EX + "p5")].toPython().year == 2021
    assert back[URIRef(EX + "p6")] == values[6]
    assert back[URIRef(EX + "p7")] == values[7]


def test_invalid_terms_are_refused_and_nothing_is_written() -> None:
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, numbered_graph(2, "ok"))
    broken = numbered_graph(2, "bad")
    broken.add((URIRef("not an iri"), RDFS.label, Literal("x")))
    with pytest.raises(StoreError, match="invalid RDF term"):
        store.replace_graph(DOC_A, broken)
    assert set(store.get_graph(DOC_A).subjects()) == {URIRef(EX + "ok")}


def test_queries_see_the_union_unless_they_name_a_dataset() -> None:
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, numbered_graph(2, "a"))
    store.replace_graph(DOC_B, numbered_graph(3, "b"))
    union = list(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    only_b = list(store.select(f"SELECT (COUNT(*) AS ?n) FROM <{DOC_B}> WHERE {{ ?s ?p ?o }}"))
    assert int(union[0]["n"]) == 5
    assert int(only_b[0]["n"]) == 3


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/sparql-results+json"),
        ("text/csv", "text/csv"),
        ("text/turtle;q=0.9, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/html, */*;q=0.1", "application/sparql-results+json"),
        ("text/*", "text/csv"),
    ],
)
def test_select_results_follow_the_accept_value(accept: str | None, expected: str) -> None:
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, numbered_graph(1, "a"))
    result = store.query("SELECT ?s WHERE { ?s ?p ?o }", media_type=accept)
    assert (result.kind, result.media_type) == ("bindings", expected)
    assert b"https://example.org/a" in result.payload


def test_graph_and_boolean_results_and_refused_media_types() -> None:
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, numbered_graph(2, "a"))
    constructed = store.query("CONSTRUCT WHERE { ?s ?p ?o }", media_type="application/ld+json")
    assert constructed.kind == "graph"
    assert len(Graph().parse(data=constructed.payload, format="json-ld")) == 2
    asked = store.query("ASK { ?s ?p 1 }")
    assert (asked.kind, json.loads(asked.payload)["boolean"]) == ("boolean", True)
    with pytest.raises(NotAcceptableError, match="available"):
        store.query("ASK { ?s ?p 1 }", media_type="text/turtle")
    with pytest.raises(QuerySyntaxError):
        store.query("SELECT WHERE {")
    with pytest.raises(StoreError, match="SELECT"):
        store.select("ASK { ?s ?p ?o }")


@pytest.mark.parametrize("fmt", ["trig", "nq", "ttl", "nt", "jsonld"])
def test_dataset_dump_parses_back(fmt: str) -> None:
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, numbered_graph(2, "a"))
    store.replace_graph(DOC_B, numbered_graph(3, "b"))
    data = dataset_dump(store, None, fmt)
    rdflib_format = {"ttl": "turtle", "nq": "nquads", "jsonld": "json-ld"}.get(fmt, fmt)
    dataset = Dataset()
    dataset.parse(data=data, format=rdflib_format)
    triples = {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    assert len(triples) == 5
    if fmt in ("trig", "nq"):
        assert {g for *_, g in dataset.quads((None, None, None, None))} == {DOC_A, DOC_B}


def test_dataset_dump_of_one_document_and_as_csv() -> None:
    store = EmbeddedStore(None)
    store.replace_graph(DOC_A, numbered_graph(2, "a"))
    store.replace_graph(DOC_B, numbered_graph(3, "b"))
    one = Graph().parse(data=dataset_dump(store, DOC_B, "ttl"), format="turtle")
    assert set(one.subjects()) == {URIRef(EX + "b")}
    rows = dataset_dump(store, None, "csv").decode().splitlines()
    assert rows[0] == "graph,subject,predicate,object"
    assert len(rows) == 6


def test_a_long_load_hands_its_writes_to_disk_as_it_goes(tmp_path, monkeypatch) -> None:
    """The write buffers are flushed every FLUSH_BYTES of updates (they held a whole load in
    memory before), and what was flushed reads back after the store is opened again."""
    from graph.store import embedded

    monkeypatch.setattr(embedded, "FLUSH_BYTES", 2_000)
    flushed = []
    with EmbeddedStore(tmp_path / "store") as store:
        for i in range(6):
            store.replace_graph(document_iri(f"d{i}"), numbered_graph(30, f"m{i}"))
            flushed.append(store._unflushed)
    assert 0 in flushed[1:] and max(flushed) < 2_000 + 30 * 200
    with EmbeddedStore(tmp_path / "store") as reopened:
        assert [count_in(reopened, document_iri(f"d{i}")) for i in range(6)] == [30] * 6


def _batch(marker: str) -> dict[URIRef, str]:
    return {
        name: "".join(
            f"<{EX}{marker}{i}> <{EX}p> {json.dumps(f'{marker} {i} .')} .\n" for i in range(3)
        )
        for name in (DOC_A, DOC_B)
    }


def test_a_batch_of_new_graphs_lands_whole_as_an_update_would_write_it() -> None:
    loaded, updated = EmbeddedStore(None), EmbeddedStore(None)
    loaded.replace_graphs(_batch("x"))  # no graph there yet: one N-Quads load
    updated.replace_graph(DOC_A, Graph())
    updated.replace_graphs({**_batch("y"), DOC_B: ""})
    updated.replace_graphs(_batch("x"))  # DOC_A there: one drop-and-insert update
    assert dataset_dump(loaded, format="nq") == dataset_dump(updated, format="nq")
    assert count_in(loaded, DOC_A) == count_in(loaded, DOC_B) == 3


def test_a_batch_of_new_graphs_with_a_broken_line_writes_nothing() -> None:
    store = EmbeddedStore(None)
    store.replace_graphs({DOC_A: _batch("x")[DOC_A]})
    before = dataset_dump(store, format="nq")
    broken = {document_iri("c"): _batch("c")[DOC_A], document_iri("d"): '<a> <b> "open .\n'}
    with pytest.raises(StoreError):
        store.replace_graphs(broken)
    assert dataset_dump(store, format="nq") == before


def test_blank_nodes_of_a_batch_stay_apart_per_graph() -> None:
    store = EmbeddedStore(None)
    store.replace_graphs({DOC_A: f"_:n <{EX}p> 1 .\n", DOC_B: f"_:m <{EX}p> 2 .\n"})
    rows = list(store.select("SELECT DISTINCT ?b WHERE { ?b ?p ?o }"))
    assert len(rows) == 2
