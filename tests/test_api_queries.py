"""Named queries over HTTP: typed parameters, 422 on bad values, results as negotiated.

The catalog here is a folder of .rq files written by the test (the header
format of graph.catalog), over a small store, so each parameter type and the
binding's safety can be checked on known data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import EmbeddedStore

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

DATA = """
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:name "Alpha" ; ex:size 3 ; ex:when "2024-01-05"^^xsd:date ; ex:open true ; ex:kind ex:big .
ex:b ex:name "Beta" ; ex:size 7 ; ex:when "2025-06-30"^^xsd:date ; ex:open false ;
     ex:kind ex:small .
ex:c ex:name "Gamma \\"quoted\\"" ; ex:size 12 ; ex:when "2026-02-01"^^xsd:date ; ex:open true ;
     ex:kind ex:big .
"""
QUERIES = {
    "things-by-kind.rq": """# name: things-by-kind
# description: Things of one kind
# param: kind | iri | http://example.org/big | The kind
# param: limit | integer | 100 | Most rows
PREFIX ex: <http://example.org/>
SELECT ?thing ?name WHERE {
  ?thing ex:kind ?kind ; ex:name ?name .
}
ORDER BY ?name
LIMIT 100
""",
    "things-filtered.rq": """# name: things-filtered
# description: Things by size, date, openness and name
# param: minimum | integer | 0 | Smallest size
# param: after | date | 2000-01-01 | Only things after this date
# param: open | boolean | * | Only open (or closed) things
# param: name | string | * | Exact name
PREFIX ex: <http://example.org/>
SELECT ?name WHERE {
  ?thing ex:size ?size ; ex:when ?when ; ex:open ?open ; ex:name ?name .
  FILTER(?size >= ?minimum && ?when > ?after)
}
ORDER BY ?name
""",
    "thing.rq": """# name: thing
# description: One thing's name (required parameter)
# param: thing | iri |  | The thing
PREFIX ex: <http://example.org/>
SELECT ?name WHERE { ?thing ex:name ?name }
""",
}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    for name, text in QUERIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = EmbeddedStore(None, allow_external=True)
    store.db.load(DATA.encode(), format=ox.RdfFormat.TURTLE)
    settings = Settings(load_model=False, queries_dir=tmp_path)
    with TestClient(create_app(settings, store)) as test_client:
        yield test_client


def names(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [row["name"]["value"] for row in response.json()["results"]["bindings"]]


def test_the_list_describes_each_query_and_its_typed_parameters(client: TestClient) -> None:
    listed = {q["name"]: q for q in client.get("/queries").json()["items"]}
    assert set(listed) == {"things-by-kind", "things-filtered", "thing"}
    kind = listed["things-by-kind"]["parameters"][0]
    assert kind == {
        "name": "kind",
        "type": "iri",
        "default": "http://example.org/big",
        "required": False,
        "description": "The kind",
    }
    assert listed["thing"]["parameters"][0]["required"] is True
    assert listed["thing"]["links"]["self"] == "http://testserver/queries/thing"


def test_defaults_apply_and_parameters_bind(client: TestClient) -> None:
    assert names(client.get("/queries/things-by-kind")) == ["Alpha", 'Gamma "quoted"']
    small = client.get("/queries/things-by-kind", params={"kind": "http://example.org/small"})
    assert names(small) == ["Beta"]
    assert names(client.get("/queries/things-by-kind", params={"limit": 1})) == ["Alpha"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"minimum": 5}, ["Beta", 'Gamma "quoted"']),
        ({"after": "2025-01-01"}, ["Beta", 'Gamma "quoted"']),
        ({"open": "true"}, ["Alpha", 'Gamma "quoted"']),
        ({"open": "false", "minimum": 1}, ["Beta"]),
        ({"name": 'Gamma "quoted"'}, ['Gamma "quoted"']),
    ],
)
def test_each_parameter_type_binds_a_typed_value(client: TestClient, params, expected) -> None:
    assert names(client.get("/queries/things-filtered", params=params)) == expected


@pytest.mark.parametrize(
    ("query", "params", "fragment"),
    [
        ("things-filtered", {"minimum": "many"}, "integer"),
        ("things-filtered", {"after": "yesterday"}, "YYYY-MM-DD"),
        ("things-filtered", {"open": "perhaps"}, "true or false"),
        ("things-by-kind", {"kind": "not an iri"}, "IRI"),
        ("things-by-kind", {"colour": "red"}, "unknown parameter"),
        ("thing", {}, "required"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(client, query, params, fragment) -> None:
    response = client.get(f"/queries/{query}", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid-parameter"
    assert fragment in body["message"]


def test_a_string_value_cannot_change_the_query(client: TestClient) -> None:
    attack = '" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o #'
    assert names(client.get("/queries/things-filtered", params={"name": attack})) == []
    assert len(names(client.get("/queries/things-by-kind"))) == 2


def test_results_follow_the_accept_header(client: TestClient) -> None:
    response = client.get("/queries/things-by-kind", headers={"accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert [row["name"] for row in csv.DictReader(io.StringIO(response.text))] == [
        "Alpha",
        'Gamma "quoted"',
    ]
    turtle = {"accept": "text/turtle"}
    assert client.get("/queries/things-by-kind", headers=turtle).status_code == 406


def test_an_unknown_query_is_404(client: TestClient) -> None:
    response = client.get("/queries/nothing-like-this")
    assert response.status_code == 404
    assert "GET /queries" in response.json()["message"]


def test_openapi_lists_each_query_with_its_parameter_types(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    parameters = {p["name"]: p for p in paths["/queries/things-filtered"]["get"]["parameters"]}
    assert parameters["minimum"]["schema"] == {"type": "integer"}
    assert parameters["after"]["schema"] == {"type": "string", "format": "date"}
    assert parameters["open"]["schema"] == {"type": "boolean"}
