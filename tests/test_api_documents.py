"""Document uploads run extraction → validation → load; removals drop the document's graph."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api.documents
from api.app import create_app
from api.settings import Settings
from graph.pipeline import process_upload
from graph.store import EmbeddedStore
from graph.validate import Finding, ValidationReport

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`:DeprecationWarning")

TOKEN = "documents-test-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "japan_australia_cybercrime.txt"
KEY = "japan-australia-cybercrime"


@pytest.fixture
def client() -> Iterator[TestClient]:
    settings = Settings(allow_writes=True, token=TOKEN, load_model=False)
    with TestClient(create_app(settings, EmbeddedStore(None, allow_external=True))) as test:
        yield test


def upload(client: TestClient, data: bytes, name: str):
    return client.post("/documents", files={"file": (name, data, "text/plain")}, headers=AUTH)


def test_an_upload_is_extracted_validated_and_stored(client: TestClient) -> None:
    response = upload(client, EXAMPLE.read_bytes(), EXAMPLE.name)
    assert response.status_code == 201, response.text
    added = response.json()
    assert (added["status"], added["key"]) == ("loaded", KEY)
    assert added["iri"] == f"https://w3id.org/pactgraph/id/document/{KEY}"
    assert added["triples"] > 100
    assert added["nodes"]["Agreement"] == 1
    assert added["nodes"]["Commitment"] == 7
    document = client.get(added["links"]["self"]).json()
    assert document["sourceName"] == EXAMPLE.name
    labels = {e["label"] for e in document["evidence"]}
    assert "Joint Cyber Investigation Team" in labels
    commitments = client.get("/commitments", params={"party": "JPN"}).json()["items"]
    assert len(commitments) == 7


def test_the_same_bytes_again_change_nothing(client: TestClient) -> None:
    upload(client, EXAMPLE.read_bytes(), EXAMPLE.name)
    again = upload(client, EXAMPLE.read_bytes(), EXAMPLE.name)
    assert again.status_code == 200
    assert again.json()["status"] == "unchanged"


def test_an_unreadable_upload_is_422_and_stores_nothing(client: TestClient) -> None:
    response = upload(client, b"\x00\x01binary\x00", "scan.txt")
    assert response.status_code == 422
    assert response.json()["error"] == "unreadable-document"
    assert "NUL byte" in response.json()["message"]
    assert client.get("/documents").json()["items"] == []


def test_a_document_that_fails_validation_is_refused_with_the_report(client, monkeypatch) -> None:
    violation = Finding("Violation", f"id:document/{KEY}/agreement/1", "pg:party", "needs a party")

    def invalid(data: bytes, filename: str):
        processed = process_upload(data, filename)
        return dataclasses.replace(processed, report=ValidationReport(violations=(violation,)))

    monkeypatch.setattr(api.documents, "process_upload", invalid)
    response = upload(client, EXAMPLE.read_bytes(), EXAMPLE.name)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid-document"
    assert body["report"]["conforms"] is False
    assert body["report"]["violations"][0]["message"] == "needs a party"
    assert client.get(f"/documents/{KEY}").status_code == 404


def test_a_removed_document_is_gone(client: TestClient) -> None:
    upload(client, EXAMPLE.read_bytes(), EXAMPLE.name)
    assert client.delete(f"/documents/{KEY}", headers=AUTH).status_code == 204
    assert client.get(f"/documents/{KEY}").status_code == 404
    assert client.get("/commitments", params={"party": "JPN"}).json()["items"] == []
    assert client.delete(f"/documents/{KEY}", headers=AUTH).status_code == 404
