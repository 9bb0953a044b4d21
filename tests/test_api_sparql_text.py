"""The rewrites the API makes to SPARQL text, checked by running the result in pyoxigraph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.guard import outside_reason
from api.sparql_text import (
    shape,
    update_names_dataset,
    with_dataset,
    with_row_cap,
    with_using,
    with_values,
)

STORE = ox.Store()
STORE.load(
    b"""
    <http://g/1> { <http://e/a> <http://e/p> 1 . <http://e/b> <http://e/p> 2 . }
    <http://g/2> { <http://e/c> <http://e/p> 3 . }
    """,
    format=ox.RdfFormat.TRIG,
)


def values_of(query: str, variable: str = "o") -> list[str]:
    """Values of ``variable``; the default graph is the union unless the query names one."""
    union = shape(query).dataset_spans == []
    rows = STORE.query(query, use_default_graph_as_union=union)
    return sorted(row[variable].value for row in rows)


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("PREFIX x: <http://e/> SELECT * { ?s ?p ?o }", "SELECT"),
        ("# SELECT in a comment\nASK {}", "ASK"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("describe <http://e/a>", "DESCRIBE"),
        ("INSERT DATA { <http://e/a> <http://e/p> 'SELECT' }", "INSERT"),
        ("PREFIX select: <http://e/> CLEAR ALL", "CLEAR"),
    ],
)
def test_the_form_is_found_past_prologues_comments_and_strings(query: str, form: str) -> None:
    assert shape(query).form == form


def test_the_protocol_dataset_replaces_from_clauses() -> None:
    query = "SELECT ?o FROM <http://g/2> WHERE { ?s <http://e/p> ?o }"
    assert values_of(query) == ["3"]
    assert values_of(with_dataset(query, ["http://g/1"], [])) == ["1", "2"]


def test_named_graphs_are_added_for_graph_patterns() -> None:
    query = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert set(values_of(with_dataset(query, [], ["http://g/2"]), "g")) == {"http://g/2"}


@pytest.mark.parametrize(
    "query",
    [
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "CONSTRUCT WHERE { ?s ?p ?o }",
        "DESCRIBE <http://e/a>",
        "ASK { ?s ?p 3 }",
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(?o < 3 && ?o > 0) }",
    ],
)
def test_every_form_stays_valid_with_a_dataset(query: str) -> None:
    rewritten = with_dataset(query, ["http://g/2"], ["http://g/1"])
    assert "FROM <http://g/2>" in rewritten
    STORE.query(rewritten)


def test_a_row_cap_adds_or_lowers_the_top_level_limit_only() -> None:
    query = "SELECT ?o WHERE { { SELECT ?o WHERE { ?s ?p ?o } LIMIT 5 } } ORDER BY ?o"
    assert values_of(with_row_cap(query, 2)) == ["1", "2"]
    assert "LIMIT 5" in with_row_cap(query, 2)
    assert with_row_cap(query + " LIMIT 1", 2).endswith("LIMIT 1")
    assert with_row_cap(query + " LIMIT 100", 2).endswith("LIMIT 2")
    trailing = "SELECT ?o WHERE { ?s ?p ?o } VALUES ?o { 1 2 3 }"
    assert values_of(with_row_cap(trailing, 1)) == ["1"]


def test_values_open_the_where_clause() -> None:
    query = "SELECT ?o WHERE { ?s <http://e/p> ?o }"
    assert values_of(with_values(query, {"s": "<http://e/b>"})) == ["2"]


def test_using_goes_before_each_modify_where_but_not_delete_where() -> None:
    update = (
        "INSERT { GRAPH <http://g/x> { ?s ?p ?o } } WHERE { ?s ?p ?o } ;\n"
        "DELETE WHERE { GRAPH <http://g/y> { ?s ?p ?o } }"
    )
    rewritten = with_using(update, ["http://g/2"], ["http://g/1"])
    assert rewritten.count("USING <http://g/2> USING NAMED <http://g/1>") == 1
    store = ox.Store()
    store.load(b"<http://g/2> { <http://e/c> <http://e/p> 3 . }", format=ox.RdfFormat.TRIG)
    store.update(rewritten)
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode("http://g/x")))) == 1


def test_own_dataset_clauses_of_an_update_are_seen() -> None:
    assert update_names_dataset("WITH <http://g/1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert update_names_dataset("DELETE { ?s ?p ?o } USING <http://g/1> WHERE { ?s ?p ?o }")
    assert not update_names_dataset("INSERT DATA { <http://e/a> <http://e/p> 'USING' }")


@pytest.mark.parametrize(
    ("iri", "outside"),
    [
        ("http://example.org/graph", False),
        ("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", False),
        ("file:///etc/passwd", True),
        ("ftp://example.org/data.ttl", True),
        ("http://localhost:8000/data", True),
        ("http://127.0.0.1:9/data", True),
        ("http://[::1]/data", True),
        ("http://10.1.2.3/data", True),
        ("http://169.254.169.254/latest/meta-data", True),
        ("http://db.internal/graph", True),
        ("http://8.8.8.8/graph", False),
    ],
)
def test_graph_names_that_only_locate_local_things_are_outside(iri: str, outside: bool) -> None:
    assert (outside_reason(iri) is not None) == outside


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_values_bound_through_pyoxigraph_terms_never_break_the_query(text: str) -> None:
    term = str(ox.Literal(text))
    query = with_values("SELECT ?o WHERE { BIND(?x AS ?o) }", {"x": term})
    assert values_of(query) == [text]
