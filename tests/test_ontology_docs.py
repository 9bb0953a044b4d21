"""`pactgraph ontology docs` writes linked HTML pages that show what the model says."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html
from lxml.html import HtmlElement
from typer.testing import CliRunner

from cli import app
from graph.ontology.docs import write_docs

PREFIXES = """\
@prefix pg: <https://w3id.org/pactgraph/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix crime: <https://w3id.org/pactgraph/id/crime/> .
@prefix type: <https://w3id.org/pactgraph/id/agency-type/> .
@prefix nation: <https://w3id.org/pactgraph/id/nation/> .
@prefix usa: <https://w3id.org/pactgraph/id/agency/USA/> .
@prefix bra: <https://w3id.org/pactgraph/id/agency/BRA/> .
"""

MODEL = {
    "core.ttl": """
<https://w3id.org/pactgraph/ontology> a owl:Ontology ; dcterms:title "pactgraph ontology"@en ;
    owl:versionInfo "0.3.0" ; owl:versionIRI <https://w3id.org/pactgraph/ontology/0.3.0> .
pg:Actor a owl:Class ; rdfs:label "actor"@en ; skos:definition "A party to cooperation."@en .
pg:Nation a owl:Class ; rdfs:subClassOf pg:Actor ; rdfs:label "nation"@en ;
    skos:definition "A sovereign state listed in ISO 3166-1."@en .
pg:Agency a owl:Class ; rdfs:subClassOf pg:Actor ; owl:disjointWith pg:Nation ;
    rdfs:label "agency"@en ; skos:definition "A named government body."@en .
pg:agencyOf a owl:ObjectProperty ; rdfs:domain pg:Agency ; rdfs:range pg:Actor ;
    rdfs:label "agency of"@en ; skos:definition "The nation or organization served."@en .
pg:hasAgency a owl:ObjectProperty ; owl:inverseOf pg:agencyOf ;
    rdfs:label "has agency"@en ; skos:definition "An agency serving this actor."@en .
pg:servedBy a owl:ObjectProperty ; owl:deprecated true ; dcterms:isReplacedBy pg:hasAgency ;
    rdfs:label "served by"@en ; skos:definition "Old name of has agency."@en .
pg:acronym a owl:DatatypeProperty ; rdfs:label "acronym"@en ; skos:definition "Short name."@en .
pg:agencyType a owl:ObjectProperty ; rdfs:label "agency type"@en ;
    skos:definition "What kind of body an agency is."@en .
""",
    "crime.ttl": """
crime: a skos:ConceptScheme ; skos:prefLabel "criminal activity categories"@en ;
    skos:definition "Categories of crime, on the ICCS backbone."@en ;
    skos:hasTopConcept crime:iccs-06 .
crime:iccs-06 a skos:Concept ; skos:notation "06" ;
    skos:prefLabel "Acts involving controlled drugs or other psychoactive substances"@en .
crime:iccs-0601 a skos:Concept ; skos:inScheme crime: ; skos:broader crime:iccs-06 ;
    skos:notation "0601" ;
    skos:prefLabel "Unlawful acts involving controlled drugs or precursors"@en .
crime:drug-trafficking a skos:Concept ; skos:inScheme crime: ; skos:broader crime:iccs-0601 ;
    skos:prefLabel "Drug trafficking"@en ; skos:altLabel "narcotrafficking"@en ;
    skos:definition "Trade in controlled drugs."@en ; skos:closeMatch crime:iccs-0601 .
""",
    "agency-types.ttl": """
type: a skos:ConceptScheme ; skos:prefLabel "agency types"@en .
type:law-enforcement a skos:Concept ; skos:inScheme type: ;
    skos:prefLabel "law enforcement"@en ; skos:definition "Police."@en .
""",
    "nations.ttl": """
nation:USA a pg:Nation ; rdfs:label "United States"@en ; dcterms:identifier "USA" ;
    skos:altLabel "U.S."@en .
nation:BRA a pg:Nation ; rdfs:label "Brazil"@en ; dcterms:identifier "BRA" .
""",
    "agencies.ttl": """
usa:drug-enforcement-administration a pg:Agency ; pg:agencyOf nation:USA ;
    rdfs:label "Drug Enforcement Administration"@en ; pg:acronym "DEA" ;
    pg:agencyType type:law-enforcement .
usa:federal-bureau-of-investigation a pg:Agency ; pg:agencyOf nation:USA ;
    rdfs:label "Federal Bureau of Investigation"@en ; pg:acronym "FBI" .
bra:federal-police a pg:Agency ; pg:agencyOf nation:BRA ; rdfs:label "Federal Police"@en ;
    skos:altLabel "Polícia Federal"@pt ; pg:acronym "PF" ; pg:agencyType type:law-enforcement .
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("model")
    for name, text in MODEL.items():
        (source / name).write_text(PREFIXES + text, encoding="utf-8")
    output = tmp_path_factory.mktemp("site")
    write_docs(output, source)
    return output


def page(site: Path, name: str) -> HtmlElement:
    return html.parse(str(site / name)).getroot()


def by_id(root: HtmlElement, anchor: str) -> HtmlElement:
    [element] = root.xpath(f'//*[@id="{anchor}"]')
    return element


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def facts(term: HtmlElement) -> dict[str, str]:
    """A term's fact list as {'Subclass of': 'actor', ...}."""
    names = [text_of(dt) for dt in term.xpath('.//dl[@class="facts"]/dt')]
    return dict(
        zip(names, (text_of(dd) for dd in term.xpath('.//dl[@class="facts"]/dd')), strict=True)
    )


def test_index_links_every_page_written(site: Path) -> None:
    index = page(site, "index.html")
    linked = {a.get("href") for a in index.xpath('//table[@id="pages"]//a')}
    written = {p.name for p in site.glob("*.html")} - {"index.html"}
    assert linked == written
    assert written == {
        "ontology.html",
        "scheme-crime.html",
        "scheme-agency-type.html",
        "nations.html",
        "agencies.html",
    }
    assert "0.3.0" in text_of(index)


def test_gazetteer_columns_have_readable_headers(site: Path) -> None:
    headers = [text_of(th) for th in page(site, "nations.html").xpath("//th")]
    assert headers == ["Name", "code", "also known as"]


def test_core_page_lists_classes_with_definitions_and_hierarchy(site: Path) -> None:
    core = page(site, "ontology.html")
    nation = by_id(core, "Nation")
    assert "A sovereign state listed in ISO 3166-1." in text_of(nation)
    assert "pg:Nation" in text_of(nation)
    assert nation.xpath('.//dd/a[@href="ontology.html#Actor"]'), "superclass link"
    assert facts(by_id(core, "Actor"))["Superclass of"] == "agency, nation"
    assert facts(by_id(core, "Agency"))["Disjoint with"] == "nation"


def test_core_page_shows_domains_ranges_inverses_and_deprecation(site: Path) -> None:
    core = page(site, "ontology.html")
    agency_of = facts(by_id(core, "agencyOf"))
    assert (agency_of["Domain"], agency_of["Range"]) == ("agency", "actor")
    assert agency_of["Inverse of"] == "has agency"
    assert facts(by_id(core, "hasAgency"))["Inverse of"] == "agency of"
    served_by = by_id(core, "servedBy")
    assert served_by.xpath('.//*[@class="deprecated"]')
    assert served_by.xpath('.//a[@href="ontology.html#hasAgency"]'), "replacement link"
    assert not by_id(core, "agencyOf").xpath('.//*[@class="deprecated"]')


def test_crime_scheme_is_a_tree_along_broader_with_notations(site: Path) -> None:
    scheme = page(site, "scheme-crime.html")
    drugs = by_id(scheme, "crime-drug-trafficking")
    ancestors = [li.get("id") for li in drugs.iterancestors("li")]
    assert ancestors == ["crime-iccs-0601", "crime-iccs-06"]
    division = by_id(scheme, "crime-iccs-0601")
    assert division.xpath('./span[@class="notation"]/text()') == ["0601"]
    assert "narcotrafficking" in text_of(drugs)
    assert drugs.xpath('.//a[@href="scheme-crime.html#crime-iccs-0601"]'), "close match link"


def test_agencies_are_grouped_by_the_nation_they_serve(site: Path) -> None:
    agencies = page(site, "agencies.html")
    groups = {
        text_of(section.xpath("./h2")[0]): {tr.get("id") for tr in section.xpath(".//tr[@id]")}
        for section in agencies.xpath('//section[@class="group"]')
    }
    assert groups == {
        "Brazil": {"agency-bra-federal-police"},
        "United States": {
            "agency-usa-drug-enforcement-administration",
            "agency-usa-federal-bureau-of-investigation",
        },
    }
    police = text_of(by_id(agencies, "agency-bra-federal-police"))
    assert "PF" in police and "Polícia Federal @pt" in police
    type_link = by_id(agencies, "agency-bra-federal-police").xpath(".//a")[0]
    assert type_link.get("href") == "scheme-agency-type.html#agency-type-law-enforcement"


def test_nations_page_lists_each_nation(site: Path) -> None:
    nations = page(site, "nations.html")
    assert "U.S." in text_of(by_id(nations, "nation-usa"))
    assert "BRA" in text_of(by_id(nations, "nation-bra"))


def test_cli_documents_the_shipped_ontology(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ontology", "docs", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    index = page(tmp_path, "index.html")
    linked = {a.get("href") for a in index.xpath('//table[@id="pages"]//a')}
    assert "ontology.html" in linked
    assert all((tmp_path / name).is_file() for name in linked)
    assert by_id(page(tmp_path, "ontology.html"), "Agreement") is not None
