"""Access: writes need the token, the token stays out of logs, no file outside the store is
read, and no request makes the server connect anywhere.

The write paths are found from the app's own routes, so a write endpoint
added later is checked without editing this file. The reach sweep sends the
recording listener's address in every parameter of every operation that the
OpenAPI document lists.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from test_api_support import running_api

from api.app import create_app
from api.settings import Settings
from graph.store import EmbeddedStore

from .support import AUTH, TOKEN, pact, tapped_logs

WRONG = "not-the-token-a9c0e7"
WRITE_METHODS = {"PUT", "POST", "DELETE", "PATCH"}
#: POST routes that only read: a SPARQL query sent in the body.
READS_BY_POST = {("POST", "/sparql")}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def routes(app) -> list[APIRoute]:
    """Every API route, also those inside included routers."""
    found: list[APIRoute] = []
    pending = list(app.routes)
    while pending:
        route = pending.pop()
        if isinstance(route, APIRoute):
            found.append(route)
        for attribute in ("routes", "original_router", "router"):
            inner = getattr(route, attribute, None)
            if isinstance(inner, list):
                pending.extend(inner)
            elif inner is not None and hasattr(inner, "routes"):
                pending.extend(inner.routes)
    return found


def write_paths() -> list[tuple[str, str]]:
    app = create_app(Settings(load_model=False), EmbeddedStore(None))
    paths = {
        (method, route.path.replace("{key}", "some-document"))
        for route in routes(app)
        for method in route.methods & WRITE_METHODS
        if (method, route.path) not in READS_BY_POST
    }
    return sorted(paths)


WRITES = write_paths()
BODIES = {
    "/update": (b"CLEAR ALL", "application/sparql-update"),
    "/store": (b'<http://example.org/s> <http://example.org/p> "1" .', "application/n-triples"),
}


def test_the_write_paths_are_found() -> None:
    """The route walk sees every write the API has (it would miss none added later)."""
    assert ("POST", "/update") in WRITES
    assert ("POST", "/documents") in WRITES
    assert ("DELETE", "/documents/some-document") in WRITES
    assert {path for _, path in WRITES} >= {"/store", "/update", "/documents"}


def _send(client: TestClient, method: str, path: str, authorization: str | None):
    headers = {} if authorization is None else {"authorization": authorization}
    url = f"{path}?graph=http://example.org/g" if path == "/store" else path
    if path == "/documents" and method == "POST":
        files = {"file": ("pact.txt", pact(1), "text/plain")}
        return client.request(method, url, headers=headers, files=files)
    if path == "/ui/upload":  # the web form carries the bearer token as a field
        scheme, _, token = (authorization or "").partition(" ")
        form = {"token": token} if scheme == "Bearer" else {}
        files = {"document": ("pact.txt", pact(1), "text/plain")}
        return client.request(method, url, data=form, files=files)
    body, media = BODIES.get(path, (None, None))
    if body is not None:
        headers["content-type"] = media
    return client.request(method, url, headers=headers, content=body)


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_every_write_refuses_a_missing_or_wrong_token(client, method: str, path: str) -> None:
    """Holds: api.deps.require_write on every write route; the store is left as it was."""
    before = client.get("/sparql", params={"query": COUNT}).json()
    for authorization, status in [
        (None, 401),
        (f"Bearer {WRONG}", 403),
        (f"Bearer {TOKEN.upper()}", 403),
        (f"Basic {TOKEN}", 401),
        (TOKEN, 401),
    ]:
        response = _send(client, method, path, authorization)
        assert response.status_code == status, (authorization, response.text)
        if response.headers["content-type"].startswith("text/html"):  # the web form's page
            assert ("unauthorized" if status == 401 else "forbidden") in response.text
        else:
            assert response.json()["error"] in ("unauthorized", "forbidden")
    assert client.get("/sparql", params={"query": COUNT}).json() == before
    assert _send(client, method, path, f"Bearer {TOKEN}").status_code not in (401, 403)


def test_a_token_in_the_query_string_is_no_token(client) -> None:
    """Holds: only the Authorization header counts."""
    response = client.post(f"/update?access_token={TOKEN}&token={TOKEN}", content=b"CLEAR ALL")
    assert response.status_code == 401


def test_the_token_never_reaches_the_logs(served) -> None:
    """Holds: no logger (ours, uvicorn's access and error logs, at DEBUG) writes the token."""
    with served() as base, httpx.Client(base_url=base, timeout=120) as http, tapped_logs() as lines:
        for authorization in (f"Bearer {TOKEN}", f"Bearer {WRONG}", f"Basic {TOKEN}"):
            headers = {"authorization": authorization}
            files = {"file": ("p.txt", pact(2), "text/plain")}
            http.post("/documents", files=files, headers=headers)
            http.post(
                "/update",
                content=b"CLEAR GRAPH <x:never",
                headers={**headers, "content-type": "application/sparql-update"},
            )
            http.get("/nothing-here", headers=headers)
        logged = "\n".join(lines)
    assert "POST /documents" in logged  # the access log was tapped
    assert TOKEN not in logged
    assert WRONG not in logged


def test_the_served_process_logs_no_token(tmp_path: Path) -> None:
    """Holds: `pactgraph serve` takes the token from the environment and never prints it."""
    options = ["--store", ":memory:", "--allow-writes", "--no-load-model"]
    with running_api(tmp_path, *options, token=TOKEN) as api:
        for token in (TOKEN, WRONG):
            httpx.post(
                f"{api.base}/update",
                timeout=60,
                content=b"CLEAR ALL",
                headers={
                    "authorization": f"Bearer {token}",
                    "content-type": "application/sparql-update",
                },
            )
    logs = "".join(path.read_text() for path in tmp_path.glob("serve-*.log"))
    assert "POST /update" in logs
    assert TOKEN not in logs
    assert WRONG not in logs


def test_settings_never_show_the_token() -> None:
    """Holds: the token field is kept out of the settings' repr (which errors may print)."""
    shown = Settings(allow_writes=True, token=TOKEN)
    assert TOKEN not in repr(shown)
    assert TOKEN not in str(shown)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "private" / "secret.txt"
    path.parent.mkdir()
    path.write_text("PG-PRIVATE-77e1\n")
    return path


def test_no_endpoint_reads_a_file_outside_the_store(client, secret: Path) -> None:
    """Holds: keys are slugs, graph names are names, pages match one pattern; nothing is read."""
    relative = "../" * 12 + str(secret).lstrip("/")
    encoded = relative.replace("/", "%2F")
    uri = secret.as_uri()
    responses = [
        client.get(f"/documents/{encoded}"),
        client.get(f"/documents/{relative}"),
        client.get(f"/ontology/docs/{encoded}"),
        client.get("/ontology/docs/..%2F..%2Fsecret.html"),
        client.get(f"/queries/{encoded}"),
        client.get("/store", params={"graph": uri}),
        client.get("/sparql", params={"query": f"SELECT * FROM <{uri}> {{ ?s ?p ?o }}"}),
        client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": uri}),
        client.get("/queries/evidence", params={"document": uri}),
        client.delete(f"/documents/{encoded}", headers=AUTH),
        client.post("/update", content=f"LOAD <{uri}>".encode(), headers=_update_headers()),
    ]
    for response in responses:
        assert response.status_code in (400, 404, 405, 422), (response.url, response.text)
        assert "PG-PRIVATE" not in response.text
    assert "PG-PRIVATE" not in client.get("/sparql", params={"query": COUNT}).text
    assert secret.read_text() == "PG-PRIVATE-77e1\n"


def _update_headers() -> dict[str, str]:
    return {"content-type": "application/sparql-update", **AUTH}


def test_an_upload_name_cannot_write_outside_the_store(client, tmp_path: Path) -> None:
    """Holds: an uploaded file's name only becomes a key; nothing is written at that path."""
    target = tmp_path / "planted.txt"
    name = "../" * 12 + str(target).lstrip("/")
    response = client.post(
        "/documents", files={"file": (name, pact(3), "text/plain")}, headers=AUTH
    )
    assert response.status_code == 201
    assert response.json()["key"] == "planted"
    assert not target.exists()


def _sweep_value(parameter: dict, url: str) -> str | int:
    schema = parameter.get("schema", {})
    kinds = {schema.get("type")} | {s.get("type") for s in schema.get("anyOf", [])}
    return 1 if kinds & {"integer", "number"} and "string" not in kinds else url


def test_no_parameter_of_any_operation_makes_the_server_connect(client, recorder) -> None:
    """Holds: guard.py and the stores fetch nothing, whatever parameter carries a URL."""
    url = f"{recorder.url}/fetch-me"
    spec = client.get("/openapi.json").json()
    sent = 0
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            parameters = operation.get("parameters", [])
            filled = path
            query: dict[str, str | int] = {}
            for parameter in parameters:
                value = _sweep_value(parameter, url)
                if parameter["in"] == "path":
                    filled = filled.replace("{" + parameter["name"] + "}", "x")
                elif parameter["in"] == "query":
                    query[parameter["name"]] = value
            client.request(method.upper(), filled, params=query, headers=AUTH)
            sent += 1
    hostile = [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"DESCRIBE <{url}>",
        f'DEFINE get:soft "replace" SELECT * FROM <{url}> {{ ?s ?p ?o }}',
    ]
    for query_text in hostile:
        client.get("/sparql", params={"query": query_text})
    for update in (
        f"LOAD <{url}>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ):
        client.post("/update", content=update.encode(), headers=_update_headers())
    page = f'<html><body><h1>Pact</h1><p>Mexico agreed.<img src="{url}"></p></body></html>'
    client.post("/documents", files={"file": ("p.html", page.encode(), "text/html")}, headers=AUTH)
    client.get("/health", headers={"host": url.removeprefix("http://")})
    assert sent > 30
    assert recorder.connections == []
