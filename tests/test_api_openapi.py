"""The OpenAPI document describes the API accurately: schemathesis finds no 5xx and no
response (status, content type, body) that the schema does not allow.

The app runs read-only over a small store that holds the model, so every
resource, named query and SPARQL operation has real data to answer with.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from api.settings import Settings
from graph.model_graph import ensure_model
from graph.store import EmbeddedStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _app():
    store = EmbeddedStore(None, allow_external=True)
    ensure_model(store)
    triple = '<https://w3id.org/pactgraph/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .'
    store.db.load(triple.encode(), format=ox.RdfFormat.N_TRIPLES)
    return create_app(Settings(load_model=False, timeout=20, max_rows=200), store)


@schemathesis.serializer(
    "application/sparql-query",
    "application/sparql-update",
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "text/n3",
    "text/plain",
)
def _text(ctx: object, value: object) -> bytes:
    """Bodies that are SPARQL or RDF text: the generated string, as UTF-8."""
    return str(value).encode("utf-8", errors="replace")


schemathesis.serializer.alias("application/ld+json", "application/json")

schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_answers_as_its_schema_says(case) -> None:
    case.call_and_validate(checks=CHECKS)
