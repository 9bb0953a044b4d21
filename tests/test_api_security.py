"""Safe by default: read-only without a token, and nothing a client sends reaches outside.

Every protection has a test that fails without it: a loopback listener
records any connection the server makes, and a secret file must never show up
in the store or in a response.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from servers import Recorder, running_recorder

import api.deps
from api.app import create_app
from api.settings import Settings
from graph.store import EmbeddedStore

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

TOKEN = "security-test-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
SECRET = "the-secret-that-must-stay-on-disk"
UPDATE = {"content-type": "application/sparql-update", **AUTH}
TURTLE = {"content-type": "text/turtle", **AUTH}


def app_with(**options: object) -> TestClient:
    settings = Settings(load_model=False, **options)
    return TestClient(create_app(settings, EmbeddedStore(None, allow_external=True)))


@pytest.fixture
def client() -> Iterator[TestClient]:
    with app_with(allow_writes=True, token=TOKEN) as test_client:
        yield test_client


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    with running_recorder() as running:
        yield running


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.ttl"
    path.write_text(f'<http://example.org/s> <http://example.org/p> "{SECRET}" .\n')
    return path


def everything(client: TestClient) -> str:
    """All the store holds, as text."""
    query = "SELECT * WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    return client.get("/sparql", params={"query": query}).text


WRITES = [
    ("POST", "/update", UPDATE, b"CLEAR ALL"),
    ("PUT", "/store?graph=http://example.org/g", TURTLE, b"<a:s> <a:p> <a:o> ."),
    ("POST", "/store?graph=http://example.org/g", TURTLE, b"<a:s> <a:p> <a:o> ."),
    ("DELETE", "/store?graph=http://example.org/g", AUTH, None),
    ("DELETE", "/documents/some-document", AUTH, None),
]


def _without_auth(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k != "authorization"}


@pytest.mark.parametrize(("method", "url", "headers", "body"), WRITES)
def test_writes_are_refused_when_writes_are_disabled(method, url, headers, body) -> None:
    with app_with() as read_only:
        response = read_only.request(method, url, headers=headers, content=body)
    assert response.status_code == 403
    assert response.json()["error"] == "writes-disabled"


@pytest.mark.parametrize(("method", "url", "headers", "body"), WRITES)
def test_writes_need_the_right_bearer_token(client, method, url, headers, body) -> None:
    anonymous = client.request(method, url, headers=_without_auth(headers), content=body)
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    wrong = {**headers, "authorization": "Bearer not-the-token"}
    assert client.request(method, url, headers=wrong, content=body).status_code == 403
    assert client.request(method, url, headers=headers, content=body).status_code not in (401, 403)


def test_an_upload_without_the_token_is_refused_before_it_is_read(client: TestClient) -> None:
    files = {"file": ("note.txt", b"Mexico and the United States agreed.", "text/plain")}
    assert client.post("/documents", files=files).status_code == 401


def test_the_token_is_compared_in_constant_time(client, monkeypatch) -> None:
    calls = []

    def recording(given: bytes, expected: bytes) -> bool:
        calls.append((given, expected))
        return given == expected

    monkeypatch.setattr(api.deps.hmac, "compare_digest", recording)
    client.post("/update", content=b"CLEAR ALL", headers=UPDATE)
    assert calls == [(TOKEN.encode(), TOKEN.encode())]


def test_writes_cannot_be_enabled_without_a_token() -> None:
    with pytest.raises(ValidationError, match="token"):
        Settings(allow_writes=True)


def test_service_calls_nobody(client: TestClient, recorder: Recorder) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{recorder.url}/sparql> {{ ?s ?p ?o }} }}"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert "SERVICE" in response.json()["message"]
    assert recorder.calls == []


def test_service_inside_an_update_calls_nobody(client: TestClient, recorder: Recorder) -> None:
    update = f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{recorder.url}/sparql> {{ ?s ?p ?o }} }}"
    response = client.post("/update", content=update, headers=UPDATE)
    assert response.status_code == 400
    assert recorder.calls == []
    assert "from the outside" not in everything(client)


def test_load_fetches_nothing(client: TestClient, recorder: Recorder) -> None:
    response = client.post("/update", content=f"LOAD <{recorder.url}/data>", headers=UPDATE)
    assert response.status_code == 400
    assert "LOAD" in response.json()["message"]
    assert recorder.calls == []
    assert "outside" not in everything(client)


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_from_a_loopback_url_is_refused(client: TestClient, recorder: Recorder, clause) -> None:
    query = f"SELECT * {clause} <{recorder.url}/data> WHERE {{ ?s ?p ?o }}"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert "this machine or its local network" in response.json()["message"] or (
        "loopback" in response.json()["message"]
    )
    assert recorder.calls == []


@pytest.mark.parametrize("parameter", ["default-graph-uri", "named-graph-uri"])
def test_dataset_parameters_pointing_outside_are_refused(
    client: TestClient, recorder: Recorder, parameter: str
) -> None:
    params = {"query": "SELECT * WHERE { ?s ?p ?o }", parameter: f"{recorder.url}/data"}
    response = client.get("/sparql", params=params)
    assert response.status_code == 400
    assert recorder.calls == []


def test_using_graph_uri_pointing_outside_is_refused(client: TestClient, recorder) -> None:
    update = "INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } WHERE { ?s ?p ?o }"
    url = f"/update?using-graph-uri={recorder.url}/data"
    assert client.post(url, content=update, headers=UPDATE).status_code == 400
    assert recorder.calls == []


def test_from_a_file_is_refused_and_the_file_stays_unread(client, secret_file: Path) -> None:
    query = f"SELECT * FROM <{secret_file.as_uri()}> WHERE {{ ?s ?p ?o }}"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert "file: scheme" in response.json()["message"]
    params = {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": secret_file.as_uri()}
    assert client.get("/sparql", params=params).status_code == 400
    update = f"LOAD <{secret_file.as_uri()}>"
    assert client.post("/update", content=update, headers=UPDATE).status_code == 400
    assert SECRET not in everything(client)


def test_virtuoso_pragmas_are_refused(client: TestClient) -> None:
    """`get:soft` makes Virtuoso download FROM graphs; a remote store must never see it."""
    query = 'DEFINE get:soft "replace" SELECT * FROM <http://example.org/x> WHERE { ?s ?p ?o }'
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert "DEFINE pragmas refused" in response.json()["message"]


def test_a_remote_json_ld_context_is_never_fetched(client: TestClient, recorder) -> None:
    context = f"{recorder.url}/context.jsonld"
    body = f'{{"@context": "{context}", "@id": "http://example.org/x", "name": "x"}}'
    headers = {"content-type": "application/ld+json", **AUTH}
    response = client.put("/store?graph=http://example.org/g", content=body, headers=headers)
    assert response.status_code == 400
    assert "remote JSON-LD context" in response.json()["message"]
    assert recorder.calls == []


def test_an_inline_json_ld_context_is_fine(client: TestClient) -> None:
    context = '{"name": "http://example.org/name"}'
    body = f'{{"@context": {context}, "@id": "http://example.org/x", "name": "x"}}'
    headers = {"content-type": "application/ld+json", **AUTH}
    response = client.put("/store?graph=http://example.org/g", content=body, headers=headers)
    assert response.status_code == 201


def _rdf_xml(doctype: str, value: str) -> bytes:
    return (
        '<?xml version="1.0"?>\n'
        f"{doctype}\n"
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="http://example.org/s"><rdf:value>{value}</rdf:value>'
        "</rdf:Description></rdf:RDF>"
    ).encode()


def test_xml_external_entities_are_refused(client: TestClient, secret_file: Path) -> None:
    body = _rdf_xml(
        f'<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "{secret_file.as_uri()}"> ]>', "&secret;"
    )
    headers = {"content-type": "application/rdf+xml", **AUTH}
    response = client.put("/store?graph=http://example.org/g", content=body, headers=headers)
    assert response.status_code == 400
    assert "external entity" in response.json()["message"]
    assert SECRET not in everything(client)


def test_xml_entity_expansion_is_refused(client: TestClient) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    body = _rdf_xml(f"<!DOCTYPE rdf:RDF [ {entities} ]>", "&b;" * 10)
    headers = {"content-type": "application/rdf+xml", **AUTH}
    response = client.put("/store?graph=http://example.org/g", content=body, headers=headers)
    assert response.status_code == 400
    assert "entity expansion" in response.json()["message"]


def test_an_external_dtd_is_refused(client: TestClient, recorder: Recorder) -> None:
    body = _rdf_xml(f'<!DOCTYPE rdf:RDF SYSTEM "{recorder.url}/rdf.dtd">', "x")
    headers = {"content-type": "application/rdf+xml", **AUTH}
    response = client.put("/store?graph=http://example.org/g", content=body, headers=headers)
    assert response.status_code == 400
    assert "external DTD" in response.json()["message"]
    assert recorder.calls == []


def test_a_crafted_host_header_cannot_add_sparql(client: TestClient) -> None:
    headers = {"host": "x> SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } #"}
    response = client.get("/sparql", params={"query": "ASK {}"}, headers=headers)
    assert response.status_code == 200
    assert response.json()["boolean"] is True


def test_bodies_over_the_limit_are_413() -> None:
    with app_with(max_upload_bytes=1000, allow_writes=True, token=TOKEN) as small:
        big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 2000
        direct = {"content-type": "application/sparql-query"}
        assert small.post("/sparql", content=big, headers=direct).status_code == 413
        streamed = small.post("/sparql", content=iter([big.encode()]), headers=direct)
        assert streamed.status_code == 413
        upload = {"file": ("big.txt", b"x" * 5000, "text/plain")}
        assert small.post("/documents", files=upload, headers=AUTH).status_code == 413
        assert small.post("/sparql", content="ASK {}", headers=direct).status_code == 200


def test_cors_is_off_by_default(client: TestClient) -> None:
    preflight = client.options(
        "/sparql",
        headers={"origin": "https://app.example", "access-control-request-method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    plain = client.get("/health", headers={"origin": "https://app.example"})
    assert "access-control-allow-origin" not in plain.headers


def test_cors_allows_the_configured_origins_only() -> None:
    with app_with(cors_origins=["https://app.example"]) as open_to_one:
        allowed = open_to_one.get("/health", headers={"origin": "https://app.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        other = open_to_one.get("/health", headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_uploaded_rdf_is_parsed_without_fetching_anything(client: TestClient) -> None:
    body = "@base <http://example.org/> . <s> <p> <o> ."
    assert (
        client.put("/store?graph=http://example.org/g", content=body, headers=TURTLE).status_code
        == 201
    )
    graph = client.get(
        "/store?graph=http://example.org/g", headers={"accept": "application/n-triples"}
    )
    assert list(ox.parse(graph.content, format=ox.RdfFormat.N_TRIPLES))
