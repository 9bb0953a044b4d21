"""The remote store's own machinery: result repair, chunked updates, GSP fallback, auth."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD
from servers import Endpoints, oxigraph_server, virtuoso_ini, virtuoso_server

from graph.namespaces import document_iri
from graph.store import StoreError
from graph.store.chunks import insert_operations, replace_requests
from graph.store.remote import RemoteStore
from graph.store.results import normalize_json, rows, write_results

EX = "https://example.org/"
DOC = document_iri("remote-test")

VIRTUOSO_SELECT = b"""{ "head": { "link": [], "vars": ["o", "b", "n"] },
  "results": { "distinct": false, "ordered": true, "bindings": [
    { "o": { "type": "typed-literal",
             "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "1" },
      "b": { "type": "bnode", "value": "nodeID://b10002" },
      "n": { "type": "typed-literal",
             "datatype": "http://www.w3.org/2001/XMLSchema#decimal", "value": "2.50" } },
    { "o": { "type": "typed-literal",
             "datatype": "http://www.w3.org/2001/XMLSchema#string", "value": "s" } },
    { "o": { "type": "literal", "xml:lang": "PT-BR", "value": "x" } } ] } }"""


def test_virtuoso_spellings_are_repaired() -> None:
    document = normalize_json(VIRTUOSO_SELECT)
    assert rows(document) == [
        {"o": Literal(True), "b": BNode("b10002"), "n": Literal("2.5", datatype=XSD.decimal)},
        {"o": Literal("s"), "b": None, "n": None},
        {"o": Literal("x", lang="pt-br"), "b": None, "n": None},
    ]
    tsv = write_results(document, "text/tab-separated-values").decode()
    assert tsv.splitlines()[0] == "?o\t?b\t?n"
    assert tsv.splitlines()[1] == "true\t_:b10002\t2.5"


def test_virtuoso_boolean_answers_are_read() -> None:
    document = normalize_json(b'{ "head": { "link": [] }, "boolean": true}')
    assert json.loads(write_results(document, "application/sparql-results+json"))["boolean"]


def chain_graph(chains: int, length: int) -> Graph:
    """``chains`` lists of blank nodes, each ``length`` long, hung from one IRI each."""
    graph = Graph()
    for c in range(chains):
        node = BNode()
        graph.add((URIRef(f"{EX}head{c}"), URIRef(EX + "first"), node))
        for i in range(length):
            following = BNode()
            graph.add((node, RDF.value, Literal(i)))
            graph.add((node, URIRef(EX + "rest"), following))
            node = following
        graph.add((node, RDFS.label, Literal(f"end of {c}")))
    return graph


def test_blank_node_groups_never_straddle_two_operations() -> None:
    graph = chain_graph(chains=6, length=10)
    operations = list(insert_operations(DOC, graph, chunk_triples=25))
    assert len(operations) == 6
    rebuilt = Graph()
    for operation in operations:
        body = operation.split("{\n", 1)[1].removesuffix("} } WHERE {}")
        rebuilt += Graph().parse(data=body, format="nt")
    assert isomorphic(rebuilt, graph)


def test_large_replacements_split_into_requests_and_drop_first() -> None:
    graph = chain_graph(chains=6, length=10)
    requests = replace_requests(DOC, graph, chunk_triples=25, max_request_chars=3000)
    assert len(requests) > 1
    assert requests[0].startswith(f"DROP SILENT GRAPH <{DOC}>")
    assert not any("DROP" in request for request in requests[1:])


def test_private_virtuoso_ini_moves_files_and_ports(tmp_path: Path) -> None:
    packaged = (
        "[Database]\nDatabaseFile = /var/lib/v/db/virtuoso.db\nLockFile = /var/lib/v/v.lck\n"
        "[Parameters]\nServerPort = 1111\n;ServerPort = 9\n"
        "[HTTPServer]\nServerPort = 8890\nServerRoot = /var/lib/v/vsp\n"
    )
    ini = virtuoso_ini(packaged, tmp_path, 4001, 4002)
    assert f"DatabaseFile = {tmp_path / 'virtuoso.db'}" in ini
    assert f"LockFile = {tmp_path / 'v.lck'}" in ini
    assert "ServerPort = 127.0.0.1:4001" in ini
    assert "ServerPort = 127.0.0.1:4002" in ini
    assert ";ServerPort = 9" in ini
    assert "ServerRoot = /var/lib/v/vsp" in ini


def test_unreachable_server_is_a_store_error() -> None:
    store = RemoteStore("http://127.0.0.1:9/sparql", timeout=2)
    with pytest.raises(StoreError, match="unreachable"):
        store.graph_names()


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def endpoints(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Endpoints]:
    start = oxigraph_server if request.param == "oxigraph" else virtuoso_server
    with start(tmp_path_factory.mktemp(request.param)) as running:
        yield running


def connect(endpoints: Endpoints, **options: object) -> RemoteStore:
    settings: dict[str, object] = {
        "user": endpoints.user,
        "password": endpoints.password,
        "auth": endpoints.auth,
    }
    settings.update(options)
    return RemoteStore(endpoints.query, endpoints.update, **settings)


@pytest.mark.slow
def test_update_fallback_keeps_blank_node_structure_across_requests(endpoints: Endpoints) -> None:
    graph = chain_graph(chains=8, length=30)
    store = connect(endpoints, chunk_triples=40, max_request_chars=4000)
    store.replace_graph(DOC, chain_graph(chains=2, length=3))
    store.replace_graph(DOC, graph)
    assert isomorphic(store.get_graph(DOC), graph)
    assert store.remove_graph(DOC) is True


@pytest.mark.slow
def test_failing_graph_store_falls_back_to_update(endpoints: Endpoints) -> None:
    missing = endpoints.query.rsplit("/", 1)[0] + "/no-such-graph-store"
    store = connect(endpoints, store_url=missing)
    graph = chain_graph(chains=2, length=4)
    store.replace_graph(DOC, graph)
    assert store.store_url is None
    assert isomorphic(store.get_graph(DOC), graph)
    store.remove_graph(DOC)


@pytest.mark.slow
def test_graph_store_upload_of_a_bigger_document(endpoints: Endpoints) -> None:
    graph = chain_graph(chains=50, length=40)
    store = connect(endpoints, store_url=endpoints.store)
    store.replace_graph(DOC, graph)
    assert store.store_url == endpoints.store
    assert len(store.get_graph(DOC)) == len(graph)
    store.remove_graph(DOC)


@pytest.mark.slow
def test_wrong_credentials_are_refused(endpoints: Endpoints) -> None:
    if endpoints.user is None:
        pytest.skip("this server accepts anonymous updates")
    store = connect(endpoints, password="not-the-password")
    with pytest.raises(StoreError):
        store.update(f'INSERT DATA {{ GRAPH <{DOC}> {{ <{EX}s> <{EX}p> "o" }} }}')
    assert DOC not in store.graph_names()
