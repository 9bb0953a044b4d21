"""The query catalog: headers, typed binding that never lets input become syntax, and the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from typer.testing import CliRunner

from cli import app
from graph.catalog import (
    CatalogError,
    NamedQuery,
    ParameterError,
    load_catalog,
    load_query_file,
    parse_query,
)
from graph.namespaces import ID
from graph.store import EmbeddedStore

HEADER = "# name: sample\n# description: A sample.\n"
#: A value of each type, for binding required parameters in syntax checks.
SAMPLES = {
    "iri": "https://w3id.org/pactgraph/id/nation/USA",
    "string": "text",
    "integer": "3",
    "decimal": "1.5",
    "date": "2024-01-31",
    "boolean": "true",
}


def query(text: str, name: str = "sample") -> NamedQuery:
    return parse_query(text, Path(f"{name}.rq"))


def run(sparql: str) -> list[dict[str, object]]:
    """Rows of a query run on an empty pyoxigraph store (enough to see what VALUES bound)."""
    solutions = ox.Store().query(sparql)
    names = [v.value for v in solutions.variables]
    return [{n: row[n] for n in names} for row in solutions]


def projected(text: str) -> list[str]:
    head = re.search(r"SELECT(.*?)WHERE", text, re.S | re.I).group(1)
    head = re.sub(r"\([^()]*\([^()]*\)[^()]*AS (\?\w+)\)", r"\1", head)
    return re.findall(r"\?(\w+)", head)


def ordered(text: str) -> list[str]:
    tail = text[text.upper().rindex("ORDER BY") :]
    return re.findall(r"\?(\w+)", tail)


# ---------------------------------------------------------------- the shipped catalog


def test_the_catalog_has_the_queries_the_issue_asks_for() -> None:
    catalog = load_catalog()
    assert len(catalog) >= 15
    for name in (
        "commitments",
        "commitments-by-crime",
        "commitments-due-within",
        "agreement-safeguards",
        "approaches-side-by-side",
        "nation-agencies",
        "crime-party-matrix",
        "agreements-between",
        "frequency-calendar",
        "evidence",
        "actor-documents",
        "recurring-commitments",
        "commitment-status",
        "commitment-status-history",
        "agreement-scorecard",
        "overdue-commitments",
        "outcomes-by-cooperation-type",
        "agencies-across-documents",
        "document-overview",
    ):
        assert name in catalog
    for named in catalog.values():
        assert named.description and named.path is not None
        assert named.path.stem == named.name


@pytest.mark.parametrize("name", sorted(load_catalog()))
def test_every_query_parses_with_its_parameters_bound(name: str) -> None:
    named = load_catalog()[name]
    values = {p.name: SAMPLES[p.type] for p in named.parameters if p.required}
    run(named.bind(values))
    run(named.bind({p.name: SAMPLES[p.type] for p in named.parameters}))


@pytest.mark.parametrize("name", sorted(load_catalog()))
def test_every_query_orders_by_everything_it_returns(name: str) -> None:
    lines = load_catalog()[name].text.splitlines()
    text = "\n".join(line for line in lines if not line.startswith("#"))
    missing = set(projected(text)) - set(ordered(text))
    assert not missing, f"{name} does not order by {sorted(missing)}"


# ---------------------------------------------------------------- headers


def test_a_header_is_read_into_typed_parameters() -> None:
    named = query(
        HEADER + "# param: crime | iri | | The category\n"
        "# param: since | date | * | Optional\n"
        "# param: limit | integer | 10 | Rows\n"
        "SELECT ?c WHERE { ?c ?p ?crime FILTER(!BOUND(?since) || ?c > ?since) }\n"
        "ORDER BY ?c LIMIT 10"
    )
    crime, since, limit = named.parameters
    assert (crime.type, crime.required, crime.default) == ("iri", True, None)
    assert (since.type, since.required, since.default) == ("date", False, None)
    assert (limit.type, limit.required, limit.default) == ("integer", False, "10")
    assert named.description == "A sample."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            HEADER + "# param: x | uri | | X\nSELECT ?x WHERE { ?x ?p ?o }",
            r"sample\.rq:3: .*type 'uri'",
        ),
        ("# description: none\nSELECT * WHERE { ?s ?p ?o }", r"sample\.rq:1: .*no '# name:'"),
        ("# name: other\nSELECT * WHERE { ?s ?p ?o }", r"sample\.rq:1: .*differs"),
        (
            HEADER + "# param: x | iri |\nSELECT ?x WHERE { ?x ?p ?o }",
            r"sample\.rq:3: .*'name \| type",
        ),
        (HEADER + "# param: x | integer | ten | X\nSELECT ?x WHERE { ?x ?p ?o }", r":3: default"),
        (
            HEADER + "# param: x | iri | | X\n# param: x | iri | | X\nSELECT ?x WHERE {?x ?p ?o}",
            r":4: .*twice",
        ),
        (
            HEADER + "# parm: x | iri | | X\nSELECT ?x WHERE { ?x ?p ?o }",
            r":3: unknown header key 'parm'",
        ),
        (HEADER + "# param: x | iri | | X\nSELECT ?s WHERE { ?s ?p ?o }", r"'x' is not used"),
        (
            HEADER + "# param: limit | integer | 5 | N\nSELECT ?s WHERE { ?s ?p ?o }",
            r"LIMIT clause",
        ),
        (
            HEADER + "# param: limit | string | 5 | N\nSELECT ?s WHERE { ?s ?p ?o } LIMIT 5",
            r"integer",
        ),
    ],
)
def test_header_errors_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        query(text)


def test_a_bad_file_in_the_folder_stops_the_catalog_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "good.rq").write_text("# name: good\nSELECT * WHERE { ?s ?p ?o }\n")
    (tmp_path / "bad.rq").write_text("# name: bad\n# param: x | number | 1 | X\nASK { ?x ?p ?o }\n")
    with pytest.raises(CatalogError, match=r"bad\.rq:2:"):
        load_catalog(tmp_path)
    (tmp_path / "bad.rq").unlink()
    assert list(load_catalog(tmp_path)) == ["good"]


def test_a_file_outside_the_catalog_may_omit_its_name(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("SELECT * WHERE { ?s ?p ?o }\n")
    assert load_query_file(path, require_name=False).name == "mine"


# ---------------------------------------------------------------- binding


def test_values_go_into_the_top_level_where_block_not_a_template_or_subquery() -> None:
    named = query(
        HEADER + "# param: x | iri | | X\n"
        'CONSTRUCT { ?x <urn:p> "{ not here }" } WHERE {\n'
        "  { SELECT ?x WHERE { ?x <urn:q> ?y } }\n"
        "}"
    )
    bound = named.bind({"x": "urn:a"})
    assert 'CONSTRUCT { ?x <urn:p> "{ not here }" } WHERE { VALUES ?x { <urn:a> }\n' in bound


def test_a_hash_inside_an_iri_or_string_is_not_a_comment() -> None:
    named = query(
        HEADER + "# param: x | string | | X\n"
        "PREFIX pg: <https://w3id.org/pactgraph/ontology#>\n"
        'SELECT ?x ?y WHERE { BIND ("#not-a-comment" AS ?y) } # a comment\n'
    )
    bound = named.bind({"x": "v"})
    assert "ontology#>" in bound and '"#not-a-comment"' in bound
    assert "a comment" not in bound
    assert run(bound) == [{"x": ox.Literal("v"), "y": ox.Literal("#not-a-comment")}]


def test_binding_keeps_every_line_where_it_was() -> None:
    text = HEADER + "# param: x | iri | | X\nSELECT ?x\nWHERE {\n  ?x ?p ?o\n}\n"
    bound = query(text).bind({"x": "urn:a"})
    assert bound.count("\n") == text.count("\n")
    assert bound.splitlines()[4].startswith("WHERE { VALUES ?x { <urn:a> }")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_any_string_comes_back_exactly_as_given(text: str) -> None:
    named = query(HEADER + "# param: x | string | | X\nSELECT ?x WHERE { }\n")
    if not text.strip():
        return
    assert run(named.bind({"x": text})) == [{"x": ox.Literal(text)}]


def test_an_injection_attempt_stays_a_literal() -> None:
    attack = '" } } ; DROP ALL ; SELECT * WHERE { "'
    named = query(HEADER + "# param: x | string | | X\nSELECT ?x WHERE { }\n")
    assert run(named.bind({"x": attack})) == [{"x": ox.Literal(attack)}]


@pytest.mark.parametrize(
    ("kind", "value", "term"),
    [
        (
            "iri",
            "https://w3id.org/pactgraph/id/crime/fraud",
            "<https://w3id.org/pactgraph/id/crime/fraud>",
        ),
        ("iri", "id:crime/fraud", f"<{ID}crime/fraud>"),
        ("integer", " 12 ", "12"),
        ("decimal", "1.50", '"1.50"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        ("date", "2024-02-29", '"2024-02-29"^^<http://www.w3.org/2001/XMLSchema#date>'),
        ("boolean", "Yes", "true"),
        ("boolean", "0", "false"),
    ],
)
def test_values_are_written_as_terms_of_their_type(kind: str, value: str, term: str) -> None:
    named = query(HEADER + f"# param: x | {kind} | | X\nSELECT ?x WHERE {{ }}\n")
    assert f"VALUES ?x {{ {term} }}" in named.bind({"x": value})


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("iri", "https://example.org/a b"),
        ("iri", "https://example.org/a> } ; DROP ALL ; <x:y"),
        ("iri", 'https://example.org/"q"'),
        ("iri", "no-scheme"),
        ("integer", "1.5"),
        ("integer", "12; DROP ALL"),
        ("decimal", "NaN"),
        ("date", "2024-02-30"),
        ("boolean", "maybe"),
    ],
)
def test_a_badly_typed_value_is_refused_naming_parameter_expectation_and_value(
    kind: str, value: str
) -> None:
    named = query(HEADER + f"# param: x | {kind} | | X\nSELECT ?x WHERE {{ }}\n")
    with pytest.raises(ParameterError) as caught:
        named.bind({"x": value})
    message = str(caught.value)
    assert "'x'" in message and "expects" in message and repr(value) in message


def test_missing_required_and_unknown_parameters_are_refused() -> None:
    named = query(HEADER + "# param: x | iri | | The thing\nSELECT ?x WHERE { }\n")
    with pytest.raises(ParameterError, match=r"'x' is required .*The thing"):
        named.bind({})
    with pytest.raises(ParameterError, match=r"'x' is required"):
        named.bind({"x": "  "})
    with pytest.raises(ParameterError, match=r"unknown parameter 'y'.*\['x'\]"):
        named.bind({"x": "urn:a", "y": "1"})


def test_an_optional_parameter_left_out_leaves_its_variable_free() -> None:
    named = query(
        HEADER + "# param: x | integer | * | X\n"
        "SELECT ?n WHERE { VALUES ?n { 1 2 3 } FILTER (!BOUND(?x) || ?n = ?x) } ORDER BY ?n"
    )
    assert [row["n"].value for row in run(named.bind({}))] == ["1", "2", "3"]
    assert [row["n"].value for row in run(named.bind({"x": "2"}))] == ["2"]


def test_limit_and_offset_change_only_the_top_level_clauses() -> None:
    named = query(
        HEADER + "# param: limit | integer | 100 | Rows\n# param: offset | integer | 0 | Skip\n"
        "SELECT ?n WHERE { { SELECT ?n WHERE { VALUES ?n { 1 2 3 4 } } LIMIT 3 } }\n"
        "ORDER BY ?n LIMIT 100 OFFSET 0\n"
    )
    bound = named.bind({"limit": "1", "offset": "1"})
    assert "LIMIT 3 }" in bound and bound.rstrip().endswith("LIMIT 1 OFFSET 1")
    assert [row["n"].value for row in run(bound)] == ["2"]
    assert named.bind({}).rstrip().endswith("LIMIT 100 OFFSET 0")
    with pytest.raises(ParameterError, match="non-negative"):
        named.bind({"limit": "-1"})


# ---------------------------------------------------------------- the CLI


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with EmbeddedStore(path) as store:
        graph = Graph()
        graph.add((URIRef(f"{ID}nation/USA"), RDFS.label, Literal("United States")))
        store.replace_graph(URIRef(f"{ID}graph/test"), graph)
    return path


def test_cli_runs_a_file_with_parameters_as_a_table_json_and_csv(
    tmp_path: Path, store_path: Path
) -> None:
    path = tmp_path / "labels.rq"
    path.write_text(
        "# param: thing | iri | | X\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?thing ?label WHERE { ?thing rdfs:label ?label } ORDER BY ?label\n"
    )
    runner = CliRunner()
    base = ["query", str(path), "--store", str(store_path), "-p", "thing=id:nation/USA"]
    table = runner.invoke(app, base)
    assert table.exit_code == 0, table.output
    assert "id:nation/USA" in table.output and "United States" in table.output
    as_json = runner.invoke(app, [*base, "--format", "json"])
    bindings = json.loads(as_json.output)["results"]["bindings"]
    assert bindings == [
        {
            "thing": {"type": "uri", "value": f"{ID}nation/USA"},
            "label": {"type": "literal", "value": "United States"},
        }
    ]
    as_csv = runner.invoke(app, [*base, "--format", "csv"])
    assert as_csv.output.splitlines() == [
        "thing,label",
        f"{ID}nation/USA,United States",
    ]


def test_cli_names_the_known_queries_when_the_name_is_unknown(store_path: Path) -> None:
    result = CliRunner().invoke(app, ["query", "no-such-query", "--store", str(store_path)])
    assert result.exit_code == 2
    assert "no named query 'no-such-query'" in result.output
    assert "commitments-by-crime" in result.output


def test_cli_shows_where_a_syntax_error_is(tmp_path: Path, store_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# a comment\nSELECT *\nWHERE {\n  ?s ?p ?o FILTER (?s = )\n}\n")
    result = CliRunner().invoke(app, ["query", str(path), "--store", str(store_path)])
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(str(path))}:4:12: syntax error", result.output)
    assert "  ?s ?p ?o FILTER (?s = )\n           ^" in result.output


def test_cli_refuses_a_bad_parameter_clearly(store_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["query", "agreements-between", "-p", "first=not an iri", "--store", str(store_path)]
    )
    assert result.exit_code == 2
    assert "parameter 'first' expects an absolute IRI" in result.output


def test_cli_lists_the_catalog_without_arguments() -> None:
    result = CliRunner().invoke(app, ["query"])
    assert result.exit_code == 0
    assert "commitments-due-within" in result.output
