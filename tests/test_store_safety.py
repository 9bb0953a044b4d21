"""The embedded store does not reach outside itself unless told to.

A recording HTTP server on 127.0.0.1 proves both halves: refused requests
never arrive, and the same requests with ``allow_external=True`` do arrive
(so these tests would notice if the refusal stopped working).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from servers import Recorder, running_recorder

from graph.namespaces import document_iri
from graph.store import EmbeddedStore, QuerySyntaxError, UnsafeQueryError
from graph.store.safety import inspect_query

DOC = document_iri("safety")


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    with running_recorder() as running:
        yield running


@pytest.fixture
def store() -> EmbeddedStore:
    graph = Graph()
    graph.add((URIRef("https://example.org/s"), RDFS.label, Literal("SERVICE FROM LOAD")))
    closed = EmbeddedStore(None)
    closed.replace_graph(DOC, graph)
    return closed


def service_query(url: str) -> str:
    return f"SELECT ?o WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"


def test_service_is_refused_and_never_called(store: EmbeddedStore, recorder: Recorder) -> None:
    with pytest.raises(UnsafeQueryError, match="SERVICE"):
        store.query(service_query(recorder.url))
    with pytest.raises(UnsafeQueryError, match="SERVICE"):
        store.select(service_query(recorder.url))
    assert recorder.calls == []


def test_service_reaches_the_server_when_allowed(recorder: Recorder) -> None:
    store = EmbeddedStore(None, allow_external=True)
    rows = list(store.select(service_query(recorder.url)))
    assert rows == [{"o": Literal("from the outside")}]
    assert recorder.calls == [("POST", "/sparql")]


def test_load_is_refused_unless_allowed(store: EmbeddedStore, recorder: Recorder) -> None:
    load = f"LOAD <{recorder.url}/data.nt> INTO GRAPH <https://example.org/loaded>"
    with pytest.raises(UnsafeQueryError, match="LOAD"):
        store.update(load)
    assert recorder.calls == []
    EmbeddedStore(None, allow_external=True).update(load)
    assert recorder.calls == [("GET", "/data.nt")]


def test_service_hidden_in_an_update_or_behind_a_prefix_is_refused(
    store: EmbeddedStore, recorder: Recorder
) -> None:
    update = (
        f"PREFIX far: <{recorder.url}/> INSERT {{ GRAPH <https://example.org/g> {{ ?s ?p ?o }} }} "
        "WHERE { SERVICE far:sparql { ?s ?p ?o } }"
    )
    with pytest.raises(UnsafeQueryError, match=f"{recorder.url}/sparql"):
        store.update(update)
    with pytest.raises(UnsafeQueryError, match="SERVICE"):
        store.query("SELECT * WHERE { SERVICE ?anywhere { ?s ?p ?o } }")
    assert recorder.calls == []


def test_from_a_local_file_is_refused(store: EmbeddedStore, tmp_path) -> None:
    secret = tmp_path / "secret.ttl"
    secret.write_text('<https://example.org/x> <https://example.org/pin> "1234" .\n')
    with pytest.raises(UnsafeQueryError, match="not a graph of this store"):
        store.query(f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}")
    with pytest.raises(UnsafeQueryError, match=secret.as_uri()):
        store.query(f"BASE <{tmp_path.as_uri()}/> SELECT * FROM NAMED <secret.ttl> WHERE {{}}")
    with pytest.raises(UnsafeQueryError, match="USING"):
        store.update(f"DELETE {{ ?s ?p ?o }} USING <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}")


def test_from_a_graph_of_the_store_is_fine(store: EmbeddedStore) -> None:
    rows = list(store.select(f"SELECT ?o FROM <{DOC}> WHERE {{ ?s ?p ?o }}"))
    assert rows == [{"o": Literal("SERVICE FROM LOAD")}]


def test_keywords_inside_strings_and_comments_are_harmless(store: EmbeddedStore) -> None:
    query = (
        "# SERVICE <http://elsewhere/> and LOAD in a comment\n"
        'SELECT ?s WHERE { ?s ?p "SERVICE FROM LOAD" }'
    )
    assert len(list(store.select(query))) == 1
    assert not inspect_query(query).services


def test_unparseable_requests_mentioning_keywords_are_refused(store: EmbeddedStore) -> None:
    with pytest.raises(QuerySyntaxError, match="cannot be checked"):
        store.query("SELECT * WHERE { SERVICE <http://x/> { ?s ?p }")


def test_a_keyword_inside_a_longer_name_is_no_keyword() -> None:
    """prov:wasDerivedFrom or pg:reload hold no FROM or LOAD: such text is not even parsed
    (an unparseable one is left to the engine's own syntax error)."""
    assert inspect_query("SELECT * WHERE { ?s prov:wasDerivedFrom ?d . ?d pg:reload ?x") == (
        inspect_query("ASK {}")
    )
    with pytest.raises(QuerySyntaxError, match="cannot be checked"):
        inspect_query("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p")
