"""The follow-up resources: a commitment's status history, an agreement's scorecard, overdue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.pipeline import load_paths
from graph.store import EmbeddedStore

OWN = Path(__file__).parent / "fixtures" / "followup" / "own"
ANNOUNCEMENT = "own01-a-chile-argentina"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    store = EmbeddedStore()
    load_paths(store, sorted(OWN.glob("own01_*.txt")), workers=1)
    with TestClient(create_app(Settings(load_model=False), store)) as test_client:
        yield test_client


def _by_label(rows: list[dict], label: str) -> list[dict]:
    return [row for row in rows if row["commitmentLabel"] == label]


def test_scorecard_gives_latest_status_and_flags_overdue(client: TestClient) -> None:
    response = client.get(f"/agreements/{ANNOUNCEMENT}/1/scorecard", params={"today": "2026-06-01"})
    assert response.status_code == 200
    rows = response.json()["items"]
    ballistics = _by_label(rows, "Shared Ballistics Database")
    assert [(r["status"].rsplit("/", 1)[-1], r["overdue"]) for r in ballistics] == [
        ("delayed", "true")
    ]
    extradition = _by_label(rows, "Extradition Fast Track")
    assert [(r["status"].rsplit("/", 1)[-1], r["overdue"]) for r in extradition] == [
        ("fulfilled", "false")
    ]
    early = client.get(f"/agreements/{ANNOUNCEMENT}/1/scorecard", params={"today": "2025-04-01"})
    assert {row["overdue"] for row in early.json()["items"]} == {"false"}


def test_status_history_of_a_commitment(client: TestClient) -> None:
    card = client.get(f"/agreements/{ANNOUNCEMENT}/1/scorecard").json()["items"]
    iri = _by_label(card, "Border Crossing Scanners")[0]["commitment"]
    number = iri.rsplit("/", 1)[-1]
    rows = client.get(f"/commitments/{ANNOUNCEMENT}/{number}/status-history").json()["items"]
    assert [(r["status"].rsplit("/", 1)[-1], r["figure"], r["current"]) for r in rows] == [
        ("pledged", None, "false"),
        ("partially-fulfilled", "4 of 6", "true"),
    ]


def test_overdue_commitments_across_agreements(client: TestClient) -> None:
    rows = client.get("/overdue-commitments", params={"today": "2026-06-01"}).json()["items"]
    assert [r["commitmentLabel"] for r in rows] == ["Shared Ballistics Database"]
    assert client.get("/overdue-commitments", params={"party": "BRA"}).json()["items"] == []
    assert client.get("/overdue-commitments", params={"today": "not-a-day"}).status_code == 422
