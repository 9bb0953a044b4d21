"""`pactgraph ontology check` fails on each kind of broken model and passes on good ones.

Every broken model is a small good model written into tmp_path plus one
defect; each test asserts the report names the culprit (term, file, line).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from graph.ontology.check import CheckReport, check

PREFIXES = """\
@prefix pg: <https://w3id.org/pactgraph/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix pgs: <https://w3id.org/pactgraph/shapes#> .
@prefix crime: <https://w3id.org/pactgraph/id/crime/> .
@prefix nation: <https://w3id.org/pactgraph/id/nation/> .
@prefix agency: <https://w3id.org/pactgraph/id/agency/> .
"""

ONTO = "rdfs:isDefinedBy <https://w3id.org/pactgraph/ontology>"

GOOD = {
    "core.ttl": f"""
<https://w3id.org/pactgraph/ontology> a owl:Ontology ;
    owl:versionIRI <https://w3id.org/pactgraph/ontology/0.1.0> .
skos:definition a owl:AnnotationProperty .
pg:Actor a owl:Class ; rdfs:label "actor"@en ; skos:definition "A party."@en ; {ONTO} .
pg:Nation a owl:Class ; rdfs:subClassOf pg:Actor ;
    rdfs:label "nation"@en ; skos:definition "A state."@en ; {ONTO} .
pg:Agency a owl:Class ; rdfs:subClassOf pg:Actor ;
    rdfs:label "agency"@en ; skos:definition "A government body."@en ; {ONTO} .
pg:CriminalActivityCategory a owl:Class ;
    rdfs:label "criminal activity category"@en ; skos:definition "A kind of crime."@en ; {ONTO} .
pg:agencyOf a owl:ObjectProperty ; rdfs:domain pg:Agency ; rdfs:range pg:Actor ;
    rdfs:label "agency of"@en ; skos:definition "The nation an agency serves."@en ; {ONTO} .
pg:acronym a owl:DatatypeProperty ;
    rdfs:label "acronym"@en ; skos:definition "Short name."@en ; {ONTO} .
pg:servedBy a owl:ObjectProperty ; owl:deprecated true ; dcterms:isReplacedBy pg:agencyOf ;
    rdfs:label "served by"@en ; skos:definition "Replaced by agency of."@en ; {ONTO} .
""",
    "crime.ttl": """
crime: a skos:ConceptScheme ; skos:prefLabel "crime categories"@en .
crime:fraud a skos:Concept, pg:CriminalActivityCategory ; skos:inScheme crime: ;
    skos:prefLabel "Fraud"@en, "Fraude"@es, "Fraude"@fr, "Fraude"@pt ;
    skos:altLabel "scam"@en, "estafa"@es, "escroquerie"@fr, "burla"@pt ; skos:notation "0701" ;
    skos:definition "Deceiving for gain."@en ;
    rdfs:isDefinedBy <https://w3id.org/pactgraph/ontology/crime> .
crime:corruption a skos:Concept, pg:CriminalActivityCategory ; skos:inScheme crime: ;
    skos:prefLabel "Corruption"@en, "Corrupción"@es, "Corruption"@fr, "Corrupção"@pt ;
    skos:altLabel "bribery"@en ;
    skos:definition "Abuse of office."@en ;
    rdfs:isDefinedBy <https://w3id.org/pactgraph/ontology/crime> .
""",
    "nations.ttl": """
nation:USA a pg:Nation ; rdfs:label "United States"@en ; skos:prefLabel "United States"@en ;
    skos:altLabel "U.S."@en .
agency:USA\\/drug-enforcement-administration a pg:Agency ; pg:agencyOf nation:USA ;
    rdfs:label "Drug Enforcement Administration"@en ; pg:acronym "DEA" .
""",
    "shapes.ttl": """
pgs:AgencyShape a sh:NodeShape ; sh:targetClass pg:Agency ;
    sh:property [
        sh:path pg:agencyOf ; sh:minCount 1 ; sh:class pg:Nation ;
        sh:message "An agency names the nation it serves." ;
    ] , [
        sh:path pg:acronym ; sh:maxCount 1 ; sh:severity sh:Warning ;
        sh:message "An agency has one acronym." ;
    ] .
""",
}


def write_model(folder: Path, extra: dict[str, str] | None = None) -> Path:
    """The good model, with ``extra`` Turtle appended to (or creating) the named files."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = dict(GOOD)
    for name, text in (extra or {}).items():
        texts[name] = texts.get(name, "") + text
    for name, text in texts.items():
        (folder / name).write_text(PREFIXES + text, encoding="utf-8")
    return folder


def line_of(path: Path, fragment: str) -> int:
    """The 1-based line number of the first line of ``path`` containing ``fragment``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if fragment in line)


def messages(report: CheckReport, key: str) -> list[str]:
    return [problem.message for problem in report.result(key).problems]


def failing(report: CheckReport) -> set[str]:
    return {result.key for result in report.results if not result.ok}


@pytest.fixture(scope="module")
def good_report(tmp_path_factory: pytest.TempPathFactory) -> CheckReport:
    return check(write_model(tmp_path_factory.mktemp("good")))


def test_good_model_passes_every_check(good_report: CheckReport) -> None:
    assert good_report.ok, [p.message for p in good_report.problems]
    assert not [r.key for r in good_report.results if r.skipped]
    assert {"syntax", "consistency", "satisfiability", "shacl-meta"} <= {
        r.key for r in good_report.results
    }


def test_unsatisfiable_class_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    extra = f"""
pg:A a owl:Class ; rdfs:label "a"@en ; skos:definition "A."@en ; {ONTO} .
pg:B a owl:Class ; owl:disjointWith pg:A ; rdfs:label "b"@en ; skos:definition "B."@en ; {ONTO} .
pg:C a owl:Class ; rdfs:subClassOf pg:A , pg:B ;
    rdfs:label "c"@en ; skos:definition "C."@en ; {ONTO} .
"""
    folder = write_model(tmp_path, {"core.ttl": extra})
    report = check(folder)
    assert failing(report) == {"satisfiability"}
    [problem] = report.result("satisfiability").problems
    assert "pg:C is unsatisfiable" in problem.message
    assert problem.term == "https://w3id.org/pactgraph/ontology#C"
    assert (problem.file, problem.line) == ("core.ttl", line_of(folder / "core.ttl", "pg:C a"))


def test_inconsistent_model_names_the_error_and_the_file_to_blame(tmp_path: Path) -> None:
    core = "pg:Agency owl:disjointWith pg:Nation .\n"
    nations = "nation:USA a pg:Agency .\n"
    report = check(write_model(tmp_path, {"core.ttl": core, "nations.ttl": nations}))
    [problem] = report.result("consistency").problems
    assert "OwlReadyInconsistentOntologyError" in problem.message
    assert problem.file == "nations.ttl"
    assert report.result("satisfiability").skipped == "the model is inconsistent"


def test_term_without_definition_is_named(tmp_path: Path) -> None:
    extra = f'pg:Widget a owl:Class ; rdfs:label "widget"@en ; {ONTO} .\n'
    folder = write_model(tmp_path, {"core.ttl": extra})
    report = check(folder, reasoner=False)
    assert failing(report) == {"annotations"}
    [problem] = report.result("annotations").problems
    assert problem.message == "pg:Widget has no skos:definition"
    assert (problem.file, problem.line) == ("core.ttl", line_of(folder / "core.ttl", "pg:Widget"))


def test_concept_outside_any_scheme_is_named(tmp_path: Path) -> None:
    extra = """
crime:piracy a skos:Concept ; skos:prefLabel "Piracy"@en ; skos:definition "Robbery at sea."@en ;
    rdfs:isDefinedBy <https://w3id.org/pactgraph/ontology/crime> .
"""
    report = check(write_model(tmp_path, {"crime.ttl": extra}), reasoner=False)
    assert failing(report) == {"skos-schemes"}
    [problem] = report.result("skos-schemes").problems
    assert "id:crime/piracy is in no concept scheme" in problem.message
    assert problem.file == "crime.ttl"


def test_concept_in_an_undeclared_scheme_is_named(tmp_path: Path) -> None:
    extra = "crime:fraud skos:inScheme <https://w3id.org/pactgraph/id/crimes/> .\n"
    report = check(write_model(tmp_path, {"crime.ttl": extra}), reasoner=False)
    assert any(
        "id:crime/fraud is skos:inScheme id:crimes/" in m for m in messages(report, "skos-schemes")
    )


def test_dangling_pg_iri_is_named_where_it_is_used(tmp_path: Path) -> None:
    folder = write_model(tmp_path, {"nations.ttl": 'nation:USA pg:alpha3 "USA" .\n'})
    report = check(folder, reasoner=False)
    assert failing(report) == {"dangling"}
    [problem] = report.result("dangling").problems
    assert "pg:alpha3 is used in nations.ttl" in problem.message
    assert problem.line == line_of(folder / "nations.ttl", "pg:alpha3")


def test_shape_pointing_at_a_misspelt_class_is_a_dangling_iri(tmp_path: Path) -> None:
    extra = "pgs:S a sh:NodeShape ; sh:targetClass pg:Agencyy ; sh:closed false .\n"
    report = check(write_model(tmp_path, {"shapes.ttl": extra}), reasoner=False)
    assert any("pg:Agencyy is used in shapes.ttl" in m for m in messages(report, "dangling"))


def test_instance_iri_nobody_describes_is_named(tmp_path: Path) -> None:
    extra = """
agency:XXX\\/ghost-police a pg:Agency ; pg:agencyOf nation:XXX ; rdfs:label "Ghost Police"@en .
"""
    report = check(write_model(tmp_path, {"nations.ttl": extra}), reasoner=False)
    assert "instances" in failing(report)
    assert any("id:nation/XXX is pointed at" in m for m in messages(report, "instances"))
    # The model's own agency also fails the agency shape: its nation is not a pg:Nation.
    assert any(
        "id:agency/XXX/ghost-police fails property shape on pg:agencyOf" in m
        for m in messages(report, "shacl-model")
    )


def test_deprecated_term_without_replacement_is_named(tmp_path: Path) -> None:
    extra = f"""
pg:oldTerm a owl:DatatypeProperty ; owl:deprecated true ;
    rdfs:label "old"@en ; skos:definition "Old."@en ; {ONTO} .
"""
    report = check(write_model(tmp_path, {"core.ttl": extra}), reasoner=False)
    assert messages(report, "deprecation") == [
        "pg:oldTerm is owl:deprecated but has no dcterms:isReplacedBy"
    ]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            'crime:fraud skos:prefLabel "Swindle"@en .\n',
            'id:crime/fraud has 2 skos:prefLabel @en: "Fraud"@en, "Swindle"@en',
        ),
        (
            'crime:corruption skos:altLabel "fraud"@en .\n',
            'label "fraud"@en names several concepts of id:crime/: '
            "id:crime/corruption, id:crime/fraud",
        ),
        (
            'crime:fraud skos:altLabel "Fraud"@en .\n',
            'id:crime/fraud has "Fraud"@en as both prefLabel and altLabel',
        ),
    ],
)
def test_skos_label_rules(tmp_path: Path, extra: str, expected: str) -> None:
    report = check(write_model(tmp_path, {"crime.ttl": extra}), reasoner=False)
    assert expected in messages(report, "skos-labels")


@pytest.mark.parametrize(
    ("file", "extra", "expected"),
    [
        (
            "crime.ttl",
            """crime:bribery a skos:Concept ; skos:inScheme crime: ; skos:prefLabel "Bribery"@en,
    "Soborno"@es ; skos:altLabel "bribes"@en ; skos:definition "Bribes."@en ;
    rdfs:isDefinedBy <https://w3id.org/pactgraph/ontology/crime> .
""",
            "id:crime/bribery has no skos:prefLabel @fr, @pt",
        ),
        (
            "core.ttl",
            'pg:Agency pg:nameHeadCue "Police", "Policía"@es, "Police"@fr .\n',
            "pg:Agency has no pg:nameHeadCue @pt",
        ),
    ],
)
def test_lexicons_speak_the_four_languages(
    tmp_path: Path, file: str, extra: str, expected: str
) -> None:
    report = check(write_model(tmp_path, {file: extra}), reasoner=False)
    assert expected in messages(report, "languages")


def test_malformed_shapes_file_fails_meta_shacl(tmp_path: Path) -> None:
    extra = """
pgs:BadShape a sh:NodeShape ; sh:targetClass pg:Nation ;
    sh:property [ sh:path pg:acronym ; sh:minCount "x" ; sh:message "Bad." ] .
"""
    folder = write_model(tmp_path, {"shapes.ttl": extra})
    report = check(folder, reasoner=False)
    assert "shacl-meta" in failing(report)
    [problem] = report.result("shacl-meta").problems
    assert "property shape on pg:acronym of pgs:BadShape" in problem.message
    assert 'sh:minCount "x"' in problem.message
    assert (problem.file, problem.line) == (
        "shapes.ttl",
        line_of(folder / "shapes.ttl", "pgs:BadShape"),
    )


def test_shape_without_message_or_with_unknown_severity_is_named(tmp_path: Path) -> None:
    extra = """
pgs:QuietShape a sh:NodeShape ; sh:targetClass pg:Nation ;
    sh:property [ sh:path pg:acronym ; sh:maxCount 1 ] .
pgs:OddShape a sh:NodeShape ; sh:targetClass pg:Nation ; sh:closed false ;
    sh:severity sh:Debug ; sh:message "Odd." .
"""
    report = check(write_model(tmp_path, {"shapes.ttl": extra}), reasoner=False)
    found = messages(report, "shacl-messages")
    assert "property shape on pg:acronym of pgs:QuietShape has no sh:message" in found
    assert any(m.startswith("pgs:OddShape has sh:severity sh:Debug") for m in found)


def test_shape_that_cannot_run_is_reported(tmp_path: Path) -> None:
    extra = """
pgs:RegexShape a sh:NodeShape ; sh:targetClass pg:Agency ;
    sh:property [ sh:path pg:acronym ; sh:pattern "([A-Z" ; sh:message "Bad regex." ] .
"""
    report = check(write_model(tmp_path, {"shapes.ttl": extra}), reasoner=False)
    [problem] = report.result("shacl-model").problems
    assert problem.message.startswith("the shapes cannot run")
    assert problem.file == "shapes.ttl"


def test_turtle_syntax_error_names_file_and_line_and_skips_the_rest(tmp_path: Path) -> None:
    folder = write_model(tmp_path, {"broken.ttl": 'nation:FRA rdfs:label "France ;\n'})
    report = check(folder)
    [problem] = report.result("syntax").problems
    assert problem.file == "broken.ttl"
    assert problem.line == line_of(folder / "broken.ttl", "nation:FRA")
    assert problem.message.startswith(f"broken.ttl:{problem.line}:")
    assert all(r.skipped for r in report.results if r.key != "syntax")


def test_no_reasoner_skips_hermit_only(tmp_path: Path) -> None:
    extra = f"""
pg:A a owl:Class ; rdfs:label "a"@en ; skos:definition "A."@en ; {ONTO} .
pg:C a owl:Class ; rdfs:subClassOf pg:A , [ owl:complementOf pg:A ] ;
    rdfs:label "c"@en ; skos:definition "C."@en ; {ONTO} .
"""
    report = check(write_model(tmp_path, {"core.ttl": extra}), reasoner=False)
    assert report.ok
    assert report.result("satisfiability").skipped == "--no-reasoner"


def test_cli_prints_one_line_per_check_and_exits_zero_on_a_good_model(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["ontology", "check", str(write_model(tmp_path)), "--no-reasoner"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("✓") == 11
    assert "HermiT: the OWL model is consistent (skipped: --no-reasoner)" in result.output


def test_cli_exits_non_zero_and_lists_problems(tmp_path: Path) -> None:
    folder = write_model(tmp_path, {"nations.ttl": 'nation:USA pg:alpha3 "USA" .\n'})
    result = CliRunner().invoke(app, ["ontology", "check", str(folder), "--no-reasoner"])
    assert result.exit_code == 1
    assert "✗ every pg: IRI used is declared (1 problem)" in result.output
    assert f"nations.ttl:{line_of(folder / 'nations.ttl', 'pg:alpha3')}" in result.output


def test_cli_json_report_is_machine_readable(tmp_path: Path) -> None:
    folder = write_model(tmp_path, {"nations.ttl": 'nation:USA pg:alpha3 "USA" .\n'})
    result = CliRunner().invoke(app, ["ontology", "check", str(folder), "--json", "--no-reasoner"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False
    dangling = next(c for c in report["checks"] if c["key"] == "dangling")
    assert dangling["problems"][0]["term"] == "https://w3id.org/pactgraph/ontology#alpha3"
    assert dangling["problems"][0]["file"] == "nations.ttl"


def test_the_shipped_ontology_passes_every_check() -> None:
    """The real model under ontology/, HermiT included, through the CLI."""
    result = CliRunner().invoke(app, ["ontology", "check"])
    assert result.exit_code == 0, result.output
    assert "✗" not in result.output


def test_iri_rdflib_accepts_but_cannot_serialize_is_a_syntax_problem(tmp_path: Path) -> None:
    folder = write_model(tmp_path, {"nations.ttl": "nation:USA rdfs:seeAlso <not an iri> .\n"})
    report = check(folder, reasoner=False)
    [problem] = report.result("syntax").problems
    assert problem.file == "nations.ttl"
    assert "not an iri does not look like a valid URI" in problem.message
