"""Resources, named queries and the ontology over the examples shipped with the repo.

The store holds the four example documents (loaded once for the module
through the same pipeline as `pactgraph load`); the Japan–Australia
arrangement gives facts with known answers: parties JPN and AUS, a 6-month
team led by the AFP, a weekly alert exchange, a 12-week (2.8-month) sharing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from api.app import create_app
from api.settings import Settings
from graph.catalog import load_catalog
from graph.namespaces import PG, nation_iri
from graph.pipeline import expand_paths, load_paths
from graph.store import EmbeddedStore

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
JAPAN = "japan-australia-cybercrime"
JAPAN_TEXT = (EXAMPLES / "japan_australia_cybercrime.txt").read_text(encoding="utf-8")
LD = {"accept": "application/ld+json"}


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    loaded = EmbeddedStore(None, allow_external=True)
    outcomes = load_paths(loaded, expand_paths([EXAMPLES]), workers=1)
    assert {o.status for o in outcomes} == {"loaded"}
    return loaded


@pytest.fixture(scope="module")
def client(store: EmbeddedStore) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(load_model=False), store)) as test_client:
        yield test_client


def labels(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["label"] for item in response.json()["items"]]


def test_nations_come_in_pages_linked_by_next(client: TestClient) -> None:
    first = client.get("/nations", params={"limit": 2})
    body = first.json()
    assert [n["code"] for n in body["items"]] == ["ABW", "AFG"]
    assert first.headers["link"] == f'<{body["next"]}>; rel="next"'
    second = client.get(body["next"]).json()
    assert second["offset"] == 2
    assert [n["code"] for n in second["items"]] == ["AGO", "AIA"]
    last = client.get("/nations", params={"limit": 200, "offset": 200}).json()
    assert (
        last["next"] is None and "link" not in client.get("/nations?limit=200&offset=200").headers
    )


def test_a_nation_has_its_iri_labels_and_links(client: TestClient) -> None:
    japan = client.get("/nations/JPN").json()
    assert japan["iri"] == str(nation_iri("JPN"))
    assert japan["label"] == "Japan"
    assert japan["links"]["agreements"] == "http://testserver/agreements?party=JPN"
    assert client.get("/nations/ZZZ").status_code == 404
    invalid = client.get("/nations/J1P")
    assert invalid.status_code == 422
    assert "code" in invalid.json()["message"]


def test_agencies_filter_by_nation_and_resolve_by_path(client: TestClient) -> None:
    australian = client.get("/agencies", params={"nation": "AUS", "limit": 200}).json()["items"]
    assert "Australian Federal Police" in [a["label"] for a in australian]
    assert {a["owner"]["iri"] for a in australian} == {str(nation_iri("AUS"))}
    afp = client.get("/agencies/AUS/australian-federal-police").json()
    assert afp["acronym"] == "AFP"
    assert afp["links"]["self"] == "http://testserver/agencies/AUS/australian-federal-police"


def test_agreements_by_party_with_parties_and_crimes(client: TestClient) -> None:
    agreements = client.get("/agreements", params={"party": "JPN"}).json()["items"]
    assert len(agreements) == 1
    agreement = agreements[0]
    assert {p["label"] for p in agreement["parties"]} == {"Japan", "Australia"}
    assert {c["iri"].rsplit("/", 1)[1] for c in agreement["addresses"]} == {"cybercrime", "fraud"}
    assert (
        client.get("/agreements", params={"party": "KEN", "crime": "cybercrime"}).json()["items"]
        == []
    )


def _evidence_matches_the_source(evidence: list[dict[str, Any]]) -> None:
    assert evidence
    for quote in evidence:
        assert JAPAN_TEXT[quote["start"] : quote["end"]] == quote["exact"]


def test_an_agreement_carries_evidence_at_exact_offsets(client: TestClient) -> None:
    agreement = client.get(f"/agreements/{JAPAN}/1").json()
    assert (
        agreement["label"]
        == "Japan and Australia Sign Cybercrime and Fraud Cooperation Arrangement"
    )
    _evidence_matches_the_source(agreement["evidence"])
    assert len(agreement["commitments"]) == 7
    assert client.get(f"/agreements/{JAPAN}/9").status_code == 404


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"due_within_months": 3}, ["Financial Intelligence Sharing"]),
        (
            {"due_within_months": 6},
            ["Joint Cyber Investigation Team", "Financial Intelligence Sharing"],
        ),
        ({"frequency": "weekly"}, ["Scam Alert Exchange"]),
        ({"agency": "AUS/australian-federal-police"}, ["Joint Cyber Investigation Team"]),
        ({"crime": "wildlife-trafficking"}, []),
    ],
)
def test_commitment_filters(client: TestClient, filters: dict, expected: list[str]) -> None:
    found = labels(client.get("/commitments", params={"party": "JPN", **filters}))
    assert sorted(found) == sorted(expected)


def test_a_crime_filter_includes_narrower_categories(client: TestClient) -> None:
    """ICCS section 09 holds cybercrime (0903): the arrangement's commitments are under it."""
    exact = labels(client.get("/commitments", params={"party": "JPN", "crime": "cybercrime"}))
    section = labels(client.get("/commitments", params={"party": "JPN", "crime": "iccs-09"}))
    assert len(exact) == 7
    assert sorted(section) == sorted(exact)
    by_iri = "https://w3id.org/pactgraph/id/crime/iccs-09"
    assert sorted(labels(client.get("/commitments", params={"party": "JPN", "crime": by_iri}))) == (
        sorted(exact)
    )


@pytest.mark.parametrize(
    "params",
    [
        {"crime": "not a key"},
        {"party": "J4"},
        {"due_within_months": -1},
        {"agency": "afp"},
        {"limit": 0},
        {"limit": 5000},
    ],
)
def test_bad_filter_values_are_422_with_a_message(client: TestClient, params: dict) -> None:
    response = client.get("/commitments", params=params)
    assert response.status_code == 422
    assert response.json()["error"] in ("invalid-parameter", "invalid-request")
    assert next(iter(params)) in response.json()["message"]


def test_a_commitment_has_timeline_agency_agreement_and_evidence(client: TestClient) -> None:
    team = next(
        item
        for item in client.get("/commitments", params={"party": "JPN"}).json()["items"]
        if item["label"] == "Joint Cyber Investigation Team"
    )
    detail = client.get(team["links"]["self"]).json()
    assert detail["timeline"]["months"] == 6.0
    assert [a["label"] for a in detail["implementedBy"]] == ["Australian Federal Police"]
    assert detail["agreement"]["href"] == f"http://testserver/agreements/{JAPAN}/1"
    _evidence_matches_the_source(detail["evidence"])


def test_json_ld_is_the_same_data_as_rdf(client: TestClient) -> None:
    as_json = client.get("/commitments", params={"party": "JPN"}).json()["items"]
    response = client.get("/commitments", params={"party": "JPN"}, headers=LD)
    assert response.headers["content-type"].startswith("application/ld+json")
    quads = list(ox.parse(response.content, format=ox.RdfFormat.JSON_LD))
    triples = {(str(q.subject.value), str(q.predicate.value), str(q.object.value)) for q in quads}
    for item in as_json:
        assert (item["iri"], str(RDF.type), str(PG.Commitment)) in triples
        assert (item["iri"], str(PG.committedBy), str(nation_iri("JPN"))) in triples
    detail = client.get(f"/agreements/{JAPAN}/1", headers=LD).json()
    graph = Graph().parse(data=detail, format="json-ld")
    agreement = URIRef(detail["iri"])
    assert (agreement, PG.party, nation_iri("AUS")) in graph


def test_resources_refuse_formats_they_do_not_write(client: TestClient) -> None:
    response = client.get("/nations", headers={"accept": "text/csv"})
    assert response.status_code == 406


def _find(tree: list[dict[str, Any]], code: str) -> dict[str, Any] | None:
    for node in tree:
        if node["code"] == code:
            return node
        found = _find(node["narrower"], code)
        if found is not None:
            return found
    return None


def test_crime_categories_form_a_tree_along_broader(client: TestClient) -> None:
    tree = client.get("/crime-categories").json()["items"]
    assert {node["code"] for node in tree} >= {"iccs-06", "iccs-09"}
    section = _find(tree, "iccs-09")
    assert section is not None and section["notation"] == "09"
    assert _find(section["narrower"], "cybercrime") is not None
    assert _find(tree, "drug-trafficking")["links"]["commitments"].endswith(
        "crime=drug-trafficking"
    )


def test_documents_list_and_one_with_the_evidence_of_every_node(client: TestClient) -> None:
    keys = [d["key"] for d in client.get("/documents").json()["items"]]
    assert JAPAN in keys and len(keys) == 4
    document = client.get(f"/documents/{JAPAN}").json()
    assert document["sourceName"] == "japan_australia_cybercrime.txt"
    _evidence_matches_the_source(document["evidence"])
    kinds = {t.rsplit("#", 1)[1] for e in document["evidence"] for t in e["types"]}
    assert {"Agreement", "Commitment", "Safeguard"} <= kinds
    assert client.get("/documents/not-there").status_code == 404


def test_the_catalog_lists_every_named_query_with_its_parameters(client: TestClient) -> None:
    listed = {q["name"]: q for q in client.get("/queries").json()["items"]}
    assert set(listed) == set(load_catalog())
    for name, query in load_catalog().items():
        assert [p["name"] for p in listed[name]["parameters"]] == [p.name for p in query.parameters]
        assert [p["type"] for p in listed[name]["parameters"]] == [p.type for p in query.parameters]


def test_the_ontology_in_turtle_json_ld_and_html(client: TestClient) -> None:
    turtle = client.get("/ontology")
    assert turtle.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (PG.Commitment, RDF.type, OWL.Class) in graph
    json_ld = client.get("/ontology", headers=LD)
    quads = ox.parse(json_ld.content, format=ox.RdfFormat.JSON_LD)
    assert any(q.subject.value == str(PG.Commitment) for q in quads)
    html = client.get("/ontology", headers={"accept": "text/html,application/xhtml+xml"})
    assert html.status_code == 200
    assert str(html.url).endswith("/ontology/docs/index.html")
    assert "<html" in html.text
    assert client.get("/ontology/docs/..%2Fsecret.html").status_code == 404
