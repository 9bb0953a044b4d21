"""One contract, three stores: embedded pyoxigraph (with and without its copy in memory),
Oxigraph server, Virtuoso 7.

Every test runs against each store and compares with the same expected
values, so passing everywhere means the stores answer identically. The
server stores are slow (they start a server once per module); Virtuoso is
skipped where it is not installed (.ci/install-services installs it in CI).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD
from servers import Endpoints, oxigraph_server, virtuoso_server

from graph.namespaces import DCTERMS, PG, SKOS, document_iri, nation_iri
from graph.store import EmbeddedStore, Store

DOC_1 = document_iri("contract-one")
DOC_2 = document_iri("contract-two")
AGREEMENT = URIRef("https://w3id.org/pactgraph/id/agreement/contract-test")
USA = nation_iri("USA")
BRA = nation_iri("BRA")


def agreement_graph(version: str = "v1", *, as_stored: bool = False) -> Graph:
    """A small document graph with every kind of term the contract checks.

    ``as_stored`` spells the literals the way every store gives them back: language tags
    in lower case, decimals in canonical form.
    """
    graph = Graph()
    commitment = BNode()
    graph.add((AGREEMENT, RDF.type, PG.Agreement))
    graph.add((AGREEMENT, RDFS.label, Literal(f"Joint plan {version}", lang="en")))
    graph.add(
        (
            AGREEMENT,
            SKOS.altLabel,
            Literal("Plano conjunto", lang="pt-br" if as_stored else "pt-BR"),
        )
    )
    graph.add((AGREEMENT, DCTERMS.date, Literal("2021-03-04", datatype=XSD.date)))
    graph.add((AGREEMENT, PG.party, USA))
    graph.add((AGREEMENT, PG.party, BRA))
    graph.add((AGREEMENT, PG.hasCommitment, commitment))
    graph.add((commitment, RDF.type, PG.Commitment))
    amount = "2500000.5" if as_stored else "2500000.50"
    graph.add((commitment, PG.amount, Literal(amount, datatype=XSD.decimal)))
    graph.add((commitment, PG.officers, Literal(40)))
    graph.add((commitment, RDFS.comment, Literal('Says "hello"\\ and\nbye')))
    return graph


def nation_graph() -> Graph:
    graph = Graph()
    graph.add((USA, RDFS.label, Literal("United States", lang="en")))
    graph.add((BRA, RDFS.label, Literal("Brazil", lang="en")))
    graph.add((BRA, PG.alpha2, Literal("BR")))
    return graph


@pytest.fixture(scope="module")
def oxigraph_endpoints(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoints]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as endpoints:
        yield endpoints


@pytest.fixture(scope="module")
def virtuoso_endpoints(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoints]:
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as endpoints:
        yield endpoints


@pytest.fixture(
    params=[
        "embedded",
        "embedded-memory-copy",
        pytest.param("oxigraph", marks=pytest.mark.slow),
        pytest.param("virtuoso", marks=pytest.mark.slow),
    ]
)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each kind (server stores are emptied before each test)."""
    if request.param.startswith("embedded"):
        copy = request.param == "embedded-memory-copy"
        opened: Store = EmbeddedStore(tmp_path / "store", memory_copy=copy)
    else:
        opened = request.getfixturevalue(f"{request.param}_endpoints").remote_store()
        for name in opened.graph_names():
            opened.remove_graph(name)
    yield opened
    opened.close()


def count(store: Store, name: URIRef) -> int:
    rows = list(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"))
    return int(rows[0]["n"])


def test_replace_lists_and_stores_the_graph(store: Store) -> None:
    store.replace_graph(DOC_1, agreement_graph())
    store.replace_graph(DOC_2, nation_graph())
    assert store.graph_names() == sorted([DOC_1, DOC_2])
    assert isomorphic(store.get_graph(DOC_1), agreement_graph(as_stored=True))
    assert count(store, DOC_2) == 3


def test_replacing_again_leaves_only_the_new_version(store: Store) -> None:
    store.replace_graph(DOC_1, agreement_graph("v1"))
    store.replace_graph(DOC_1, agreement_graph("v2"))
    assert count(store, DOC_1) == len(agreement_graph())
    labels = list(store.select(f"SELECT ?l WHERE {{ <{AGREEMENT}> <{RDFS.label}> ?l }}"))
    assert labels == [{"l": Literal("Joint plan v2", lang="en")}]
    commitments = list(store.select(f"SELECT ?c WHERE {{ ?c a <{PG.Commitment}> }}"))
    assert len(commitments) == 1


def test_remove_reports_whether_the_graph_existed(store: Store) -> None:
    store.replace_graph(DOC_1, agreement_graph())
    store.replace_graph(DOC_2, nation_graph())
    assert store.remove_graph(DOC_1) is True
    assert store.remove_graph(DOC_1) is False
    assert store.graph_names() == [DOC_2]
    assert len(store.get_graph(DOC_1)) == 0


def test_select_returns_every_kind_of_term_alike(store: Store) -> None:
    store.replace_graph(DOC_1, agreement_graph())
    rows = list(
        store.select(
            f"""SELECT ?party ?label ?alt ?date ?commitment ?amount ?officers ?comment WHERE {{
                <{AGREEMENT}> <{PG.party}> ?party ; <{RDFS.label}> ?label ;
                    <{SKOS.altLabel}> ?alt ; <{DCTERMS.date}> ?date ;
                    <{PG.hasCommitment}> ?commitment .
                ?commitment <{PG.amount}> ?amount ; <{PG.officers}> ?officers ;
                    <{RDFS.comment}> ?comment .
            }} ORDER BY ?party"""
        )
    )
    assert [row["party"] for row in rows] == [BRA, USA]
    first = rows[0]
    assert isinstance(first["commitment"], BNode)
    assert first["commitment"] == rows[1]["commitment"]
    assert {k: v for k, v in first.items() if k not in ("party", "commitment")} == {
        "label": Literal("Joint plan v1", lang="en"),
        "alt": Literal("Plano conjunto", lang="pt-br"),
        "date": Literal("2021-03-04", datatype=XSD.date),
        "amount": Literal("2500000.5", datatype=XSD.decimal),
        "officers": Literal("40", datatype=XSD.integer),
        "comment": Literal('Says "hello"\\ and\nbye'),
    }


def test_unbound_variables_come_back_as_none(store: Store) -> None:
    store.replace_graph(DOC_2, nation_graph())
    rows = list(
        store.select(
            f"SELECT ?n ?code WHERE {{ ?n <{RDFS.label}> ?l "
            f"OPTIONAL {{ ?n <{PG.alpha2}> ?code }} }} ORDER BY ?n"
        )
    )
    assert rows == [{"n": BRA, "code": Literal("BR")}, {"n": USA, "code": None}]


def test_ask_and_its_serializations(store: Store) -> None:
    store.replace_graph(DOC_2, nation_graph())
    yes = store.query(f"ASK {{ ?n <{PG.alpha2}> 'BR' }}")
    no = store.query(
        f"ASK {{ ?n <{PG.alpha2}> 'XX' }}", media_type="application/sparql-results+xml"
    )
    assert (yes.kind, json.loads(yes.payload)["boolean"]) == ("boolean", True)
    assert no.media_type == "application/sparql-results+xml"
    assert b"<boolean>false</boolean>" in no.payload


def test_csv_results_are_byte_identical(store: Store) -> None:
    store.replace_graph(DOC_2, nation_graph())
    result = store.query(
        f"SELECT ?n ?l WHERE {{ ?n <{RDFS.label}> ?l }} ORDER BY ?n", media_type="text/csv"
    )
    assert result.payload == (
        b"n,l\r\n"
        b"https://w3id.org/pactgraph/id/nation/BRA,Brazil\r\n"
        b"https://w3id.org/pactgraph/id/nation/USA,United States\r\n"
    )


def test_construct_returns_the_graph_in_the_asked_syntax(store: Store) -> None:
    store.replace_graph(DOC_1, agreement_graph())
    for media, rdflib_format in [("text/turtle", "turtle"), ("application/ld+json", "json-ld")]:
        result = store.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC_1}> {{ ?s ?p ?o }} }}",
            media_type=media,
        )
        assert (result.kind, result.media_type) == ("graph", media)
        returned = Graph().parse(data=result.payload, format=rdflib_format)
        assert isomorphic(returned, agreement_graph(as_stored=True))


def test_update_inserts_and_deletes(store: Store) -> None:
    store.replace_graph(DOC_2, nation_graph())
    store.update(f'INSERT DATA {{ GRAPH <{DOC_2}> {{ <{USA}> <{PG.alpha2}> "US" }} }}')
    assert count(store, DOC_2) == 4
    store.update(f"DELETE WHERE {{ GRAPH <{DOC_2}> {{ ?n <{PG.alpha2}> ?code }} }}")
    codes = list(store.select(f"SELECT ?code WHERE {{ ?n <{PG.alpha2}> ?code }}"))
    assert codes == []
    assert count(store, DOC_2) == 2


def test_union_of_graphs_is_the_default_graph(store: Store) -> None:
    store.replace_graph(DOC_1, agreement_graph())
    store.replace_graph(DOC_2, nation_graph())
    rows = list(
        store.select(
            f"SELECT ?label WHERE {{ <{AGREEMENT}> <{PG.party}> ?n . ?n <{RDFS.label}> ?label }}"
            " ORDER BY ?label"
        )
    )
    assert [row["label"] for row in rows] == [
        Literal("Brazil", lang="en"),
        Literal("United States", lang="en"),
    ]
