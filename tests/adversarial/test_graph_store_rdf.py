"""Hostile RDF sent to the Graph Store endpoint: refused, nothing fetched, nothing loaded.

``api.guard`` refuses what would make a parser fetch or expand without
bound (external entities and DTDs, entity expansion, remote JSON-LD
contexts) before any parser runs; ``api.rdf_io`` parses the whole body
before the store is touched, so a syntax error at the last line leaves the
graph as it was. The recording listener proves that nothing connected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import AUTH

EX = "http://example.org/"
TARGET = f"/store?graph={EX}g"
BEFORE = f'<{EX}s> <{EX}p> "before" .\n'
SECRET = "PG-SECRET-0d41"


@pytest.fixture
def store(client):
    """The client, with graph <g> holding one triple that every refusal must leave alone."""
    headers = {"content-type": "application/n-triples", **AUTH}
    assert client.put(TARGET, content=BEFORE, headers=headers).status_code == 201
    return client


def unchanged(client) -> bool:
    """True when the store holds exactly the one triple it held before."""
    graph = client.get(TARGET, headers={"accept": "application/n-triples"}).text
    everything = client.get(
        "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}
    ).json()["results"]["bindings"][0]["n"]["value"]
    return graph.strip() == BEFORE.strip() and everything == "1"


def put(client, body: bytes | str, media: str):
    return client.put(TARGET, content=body, headers={"content-type": media, **AUTH})


def rdf_xml(doctype: str, value: str) -> str:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="{EX}s"><rdf:value>{value}</rdf:value>'
        "</rdf:Description></rdf:RDF>"
    )


LAUGHS = '<!ENTITY lol0 "lol"> ' + " ".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
)


def test_billion_laughs_is_refused(store) -> None:
    """Holds: guard.check_rdf_xml refuses entities that refer to entities."""
    response = put(
        store, rdf_xml(f"<!DOCTYPE rdf:RDF [ {LAUGHS} ]>", "&lol9;"), "application/rdf+xml"
    )
    assert response.status_code == 400
    assert "entity expansion" in response.json()["message"]
    assert unchanged(store)


def test_flat_entity_expansion_over_the_budget_is_refused(store) -> None:
    """Holds: the expansion budget (MAX_ENTITY_EXPANSION) counts every reference."""
    body = rdf_xml(f'<!DOCTYPE rdf:RDF [ <!ENTITY big "{"x" * 1000}"> ]>', "&big;" * 200)
    response = put(store, body, "application/rdf+xml")
    assert response.status_code == 400
    assert "expand to 200000 characters" in response.json()["message"]
    assert unchanged(store)


def test_an_external_entity_reads_no_file(store, tmp_path: Path) -> None:
    """Holds: guard.check_rdf_xml refuses SYSTEM entities; the file's text never appears."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    doctype = f'<!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM "{secret.as_uri()}"> ]>'
    response = put(store, rdf_xml(doctype, "&leak;"), "application/rdf+xml")
    assert response.status_code == 400
    assert "external entity 'leak'" in response.json()["message"]
    assert SECRET not in store.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"}).text
    assert unchanged(store)


@pytest.mark.parametrize(
    ("doctype", "value", "says"),
    [
        ('<!DOCTYPE rdf:RDF SYSTEM "{url}/rdf.dtd">', "x", "external DTD"),
        ('<!DOCTYPE rdf:RDF [ <!ENTITY web SYSTEM "{url}/e"> ]>', "&web;", "external entity"),
        ('<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM "{url}/p"> %p; ]>', "x", "external entity"),
        ('<!DOCTYPE rdf:RDF PUBLIC "-//X//Y" "{url}/pub.dtd">', "x", "external DTD"),
    ],
    ids=["external-dtd", "external-entity", "parameter-entity", "public-dtd"],
)
def test_rdf_xml_fetches_nothing(store, recorder, doctype: str, value: str, says: str) -> None:
    """Holds: no DTD or entity is loaded from the network (recording listener stays empty)."""
    body = rdf_xml(doctype.format(url=recorder.url), value)
    response = put(store, body, "application/rdf+xml")
    assert response.status_code == 400
    assert says in response.json()["message"]
    assert recorder.connections == []
    assert unchanged(store)


@pytest.mark.parametrize(
    "template",
    [
        '{{"@context": "{url}/ctx.jsonld", "@id": "{ex}x", "name": "x"}}',
        '{{"@context": ["{url}/ctx.jsonld", {{"n": "{ex}n"}}], "@id": "{ex}x", "n": "x"}}',
        '{{"@context": {{"@import": "{url}/ctx.jsonld"}}, "@id": "{ex}x"}}',
        '{{"@graph": [{{"@context": "{url}/ctx.jsonld", "@id": "{ex}x", "name": "x"}}]}}',
    ],
    ids=["string", "array", "import", "nested"],
)
def test_a_remote_json_ld_context_is_never_fetched(store, recorder, template: str) -> None:
    """Holds: guard.check_json_ld refuses any context given by URL, wherever it sits."""
    body = template.format(url=recorder.url, ex=EX)
    response = put(store, body, "application/ld+json")
    assert response.status_code == 400
    assert "remote JSON-LD context" in response.json()["message"]
    assert recorder.connections == []
    assert unchanged(store)


@pytest.mark.parametrize(
    ("body", "media", "line"),
    [
        (f"<{EX}a> <{EX}b> <{EX}c> .\n<{EX}a> <{EX}b> .\n", "text/turtle", 2),
        (f"<{EX}a> <{EX}b> <not an iri> .\n", "application/n-triples", 1),
        (f'<{EX}a> <{EX}b> "x" .\n<a b> <{EX}b> "y" .\n', "application/n-triples", 2),
        (f'<{EX}a> <{EX}b> "unterminated .\n', "application/n-triples", 1),
        ("@prefix x: <http://example.org/> .\nx:a x:b x:c ;\n", "text/turtle", 3),
    ],
    ids=["turtle-missing-object", "nt-relative", "nt-space", "nt-literal", "turtle-cut"],
)
def test_malformed_rdf_is_a_400_with_its_line_and_loads_nothing(store, body, media, line) -> None:
    """Holds: the whole body is parsed before the store is written (rdf_io.parse_upload)."""
    response = put(store, body, media)
    assert response.status_code == 400
    assert response.json()["error"] == "rdf-syntax-error"
    assert response.json()["line"] == line
    assert unchanged(store)


def test_a_large_body_broken_at_its_end_loads_nothing(store) -> None:
    """Holds: 50,000 good triples before a bad one are not half-loaded."""
    good = "".join(f'<{EX}s{i}> <{EX}p> "{i}" .\n' for i in range(50_000))
    response = put(store, good + "<broken", "application/n-triples")
    assert response.status_code == 400
    assert unchanged(store)


def test_named_graphs_and_unknown_syntaxes_are_refused(store) -> None:
    """Holds: one upload is one graph; a TriG or unknown body is a 415 with the choices."""
    trig = f"<{EX}other> {{ <{EX}a> <{EX}b> <{EX}c> }}"
    assert put(store, trig, "application/trig").status_code == 415
    response = put(store, "a,b,c", "text/csv")
    assert response.status_code == 415
    assert "text/turtle" in response.json()["message"]
    assert unchanged(store)


def test_an_invalid_graph_name_is_refused(store) -> None:
    """Holds: the ?graph parameter must be an absolute IRI."""
    headers = {"content-type": "text/turtle", **AUTH}
    response = store.put("/store?graph=not a name", content=BEFORE, headers=headers)
    assert response.status_code == 400
    assert response.json()["error"] == "bad-graph-iri"
    assert unchanged(store)
