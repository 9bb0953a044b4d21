"""`pactgraph export` and `pactgraph stats` over a small hand-made store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from servers import oxigraph_server
from typer.testing import CliRunner

from cli import app
from graph.namespaces import PG, SKOS, crime_iri, document_iri, nation_iri
from graph.store import EmbeddedStore
from graph.store.remote import RemoteStore

MODEL = URIRef("https://w3id.org/pactgraph/id/graph/model-test")
FIRST = document_iri("first-pact")
SECOND = document_iri("second-pact")
runner = CliRunner()


def pact(key: str, crimes: list[str], commitments: int) -> Graph:
    """One agreement addressing ``crimes`` with ``commitments`` commitments."""
    graph = Graph()
    agreement = URIRef(f"https://w3id.org/pactgraph/id/agreement/{key}")
    graph.add((agreement, RDF.type, PG.Agreement))
    graph.add((agreement, PG.party, nation_iri("USA")))
    for crime in crimes:
        graph.add((agreement, PG.addresses, crime_iri(crime)))
    for i in range(commitments):
        commitment = BNode()
        graph.add((agreement, PG.hasCommitment, commitment))
        graph.add((commitment, RDF.type, PG.Commitment))
        graph.add((commitment, RDFS.label, Literal(f"{key} item {i}")))
    return graph


def model() -> Graph:
    graph = Graph()
    graph.add(
        (crime_iri("drug-trafficking"), SKOS.prefLabel, Literal("Drug trafficking", lang="en"))
    )
    graph.add((crime_iri("drug-trafficking"), SKOS.prefLabel, Literal("Narcotráfico", lang="es")))
    return graph


def fill(store: EmbeddedStore | RemoteStore) -> None:
    store.replace_graph(FIRST, pact("first", ["drug-trafficking", "corruption"], 3))
    store.replace_graph(SECOND, pact("second", ["drug-trafficking"], 2))
    store.replace_graph(MODEL, model())


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    path = tmp_path / "store"
    with EmbeddedStore(path) as store:
        fill(store)
    return str(path)


def expected_stats() -> dict[str, object]:
    return {
        "documents": 2,
        "graphs": 3,
        "triples": len(pact("first", ["drug-trafficking", "corruption"], 3))
        + len(pact("second", ["drug-trafficking"], 2))
        + len(model()),
        "agreements": 2,
        "commitments": 5,
        "by_crime": [
            {
                "crime": str(crime_iri("drug-trafficking")),
                "label": "Drug trafficking",
                "commitments": 5,
            },
            {"crime": str(crime_iri("corruption")), "label": "corruption", "commitments": 3},
        ],
    }


def test_stats_counts_documents_agreements_and_commitments_per_crime(store_path: str) -> None:
    result = runner.invoke(app, ["stats", "--json", "--store", store_path])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == expected_stats()


def test_stats_prints_tables(store_path: str) -> None:
    result = runner.invoke(app, ["stats", "--store", store_path])
    assert result.exit_code == 0, result.output
    assert "commitments" in result.output
    assert "Drug trafficking" in result.output


@pytest.mark.parametrize(("fmt", "parser"), [("trig", "trig"), ("nq", "nquads")])
def test_export_keeps_one_graph_per_document(
    store_path: str, tmp_path: Path, fmt: str, parser: str
) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--store", store_path, "-f", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(target, format=parser)
    graphs = {g for *_, g in dataset.quads((None, None, None, None))}
    assert graphs == {FIRST, SECOND, MODEL}


def test_export_of_one_document_to_stdout(store_path: str) -> None:
    result = runner.invoke(app, ["export", "--store", store_path, "-f", "ttl", "-d", "second-pact"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert len(graph) == len(pact("second", ["drug-trafficking"], 2))


def test_export_as_csv_lists_quads(store_path: str) -> None:
    result = runner.invoke(app, ["export", "--store", store_path, "-f", "csv", "-d", "first-pact"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "graph,subject,predicate,object"
    assert len(lines) == 1 + len(pact("first", ["drug-trafficking", "corruption"], 3))
    assert all(line.startswith(str(FIRST)) for line in lines[1:])


def test_export_refuses_unknown_documents_and_formats(store_path: str) -> None:
    missing = runner.invoke(app, ["export", "--store", store_path, "-d", "no-such-pact"])
    assert missing.exit_code == 1
    assert "no-such-pact" in missing.output
    wrong = runner.invoke(app, ["export", "--store", store_path, "-f", "xml"])
    assert wrong.exit_code == 2
    orphan = runner.invoke(app, ["stats", "--update-endpoint", "http://127.0.0.1:9/u"])
    assert orphan.exit_code == 2


@pytest.mark.slow
def test_stats_from_a_remote_store(tmp_path: Path) -> None:
    with oxigraph_server(tmp_path) as endpoints:
        fill(RemoteStore(endpoints.query, endpoints.update, endpoints.store))
        result = runner.invoke(
            app,
            [
                "stats",
                "--json",
                "--endpoint",
                endpoints.query,
                "--update-endpoint",
                endpoints.update,
            ],
        )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == expected_stats()
