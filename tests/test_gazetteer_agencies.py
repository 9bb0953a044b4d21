"""The agencies gazetteer and the agency-type scheme.

The extractor recognises a government body in text only through the labels,
alt labels and acronyms of ontology/agencies.ttl, and tells apart agencies that
share an acronym (PNP, AFP, DNA) by the nation they serve, so every agency must
be well formed, serve exactly one nation or organization, and carry names that
are unique within that owner; and the file must reach documents from any region.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL

from graph.namespaces import DCTERMS, ID, ORG, PG, SKOS, agency_iri

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY = REPO / "ontology"
CORPUS = REPO.parent / "shared" / "corpus"
SCHEME = URIRef(f"{ID}agency-type/")
NAME_PREDICATES = (RDFS.label, SKOS.altLabel, PG.acronym)
OWNER = re.compile(rf"^{re.escape(str(ID))}(nation/(?P<nation>[A-Z]{{3}})|org/(?P<org>[A-Z]+))$")
AGENCY_TYPES = {
    "law-enforcement",
    "border",
    "customs",
    "coast-guard",
    "financial-intelligence",
    "prosecution",
    "intelligence",
    "ministry",
    "drug-control",
    "military",
    "regulator",
    "judiciary",
    "other",
}
REGIONS = {
    "Americas": "USA CAN MEX GTM BLZ HND SLV NIC CRI PAN CUB DOM HTI JAM BHS BRB TTO GUY SUR "
    "COL VEN ECU PER BOL CHL ARG PRY URY BRA",
    "Europe": "GBR IRL FRA DEU ESP PRT ITA NLD BEL CHE AUT POL UKR RUS BLR MDA ROU BGR GRC CYP "
    "SRB HRV BIH ALB SWE NOR DNK FIN EST LVA LTU CZE SVK HUN GEO AZE TUR",
    "Africa": "NGA KEN ZAF GHA MAR DZA TUN LBY ETH TZA UGA SEN CIV CMR COD RWA ZMB ZWE MOZ AGO "
    "SOM BWA NAM SLE LBR GNB",
    "Middle East": "EGY ISR SAU ARE QAT KWT BHR OMN JOR IRQ IRN LBN YEM",
    "South and Central Asia": "IND PAK BGD AFG LKA NPL MDV KAZ UZB KGZ TJK",
    "East Asia and Pacific": "CHN HKG TWN JPN KOR PRK AUS NZL MYS SGP THA VNM MMR KHM LAO "
    "PHL IDN BRN TLS PNG FJI SLB",
}
REGION_OF = {code: region for region, codes in REGIONS.items() for code in codes.split()}
LATIN_AMERICA_AND_CARIBBEAN = [c for c in REGIONS["Americas"].split() if c not in {"USA", "CAN"}]


@pytest.fixture(scope="module")
def agencies_graph() -> Graph:
    return Graph().parse(ONTOLOGY / "agencies.ttl", format="turtle")


@pytest.fixture(scope="module")
def types_graph() -> Graph:
    return Graph().parse(ONTOLOGY / "agency-types.ttl", format="turtle")


@pytest.fixture(scope="module")
def agencies(agencies_graph: Graph) -> list[URIRef]:
    return sorted(agencies_graph.subjects(RDF.type, PG.Agency))


def owner_code(graph: Graph, agency: URIRef) -> str:
    """The alpha-3 code or organization code of the one actor the agency serves."""
    match = OWNER.match(str(graph.value(agency, PG.agencyOf)))
    assert match, f"{agency} serves neither a nation nor an organization"
    return match["nation"] or match["org"]


def nations_served(graph: Graph, agencies: list[URIRef]) -> dict[str, set[URIRef]]:
    """The agencies of each nation (organizations left out)."""
    served: dict[str, set[URIRef]] = defaultdict(set)
    for agency in agencies:
        match = OWNER.match(str(graph.value(agency, PG.agencyOf)))
        if match and match["nation"]:
            served[match["nation"]].add(agency)
    return served


def lookup(graph: Graph, name: str, owner: str) -> set[URIRef]:
    """The agencies of one owner that a name in text (label, alt label or acronym) denotes."""
    return {
        agency
        for predicate in NAME_PREDICATES
        for agency, value in graph.subject_objects(predicate)
        if str(value) == name and owner_code(graph, agency) == owner
    }


def is_of_type(graph: Graph, agency: URIRef, key: str) -> bool:
    return (agency, PG.agencyType, URIRef(f"{SCHEME}{key}")) in graph


@pytest.mark.parametrize(
    ("name", "iri"),
    [
        ("agencies.ttl", "https://w3id.org/pactgraph/ontology/agencies"),
        ("agency-types.ttl", "https://w3id.org/pactgraph/ontology/agency-types"),
    ],
)
def test_each_file_declares_a_versioned_licensed_ontology(name: str, iri: str) -> None:
    graph = Graph().parse(ONTOLOGY / name, format="turtle")
    ontology = URIRef(iri)
    assert (ontology, RDF.type, OWL.Ontology) in graph
    assert graph.value(ontology, OWL.versionInfo) == Literal("0.1.0")
    assert graph.value(ontology, DCTERMS.title) is not None
    assert str(graph.value(ontology, DCTERMS.created)) == "2026-11-28"
    assert graph.value(ontology, DCTERMS.license) == URIRef(
        "https://www.apache.org/licenses/LICENSE-2.0"
    )


def test_the_scheme_has_exactly_the_agency_types_of_the_contract(types_graph: Graph) -> None:
    concepts = set(types_graph.subjects(SKOS.inScheme, SCHEME))
    assert {str(c).removeprefix(str(SCHEME)) for c in concepts} == AGENCY_TYPES
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in types_graph
    for concept in concepts:
        assert (concept, RDF.type, PG.AgencyType) in types_graph
        assert (concept, SKOS.topConceptOf, SCHEME) in types_graph
        assert (SCHEME, SKOS.hasTopConcept, concept) in types_graph
        for predicate in (SKOS.prefLabel, SKOS.definition):
            values = list(types_graph.objects(concept, predicate))
            assert len(values) == 1 and values[0].language == "en", (concept, predicate)


def test_the_gazetteer_holds_at_least_200_agencies(agencies: list[URIRef]) -> None:
    assert len(agencies) >= 200


def test_every_agency_is_a_labelled_defined_actor(
    agencies_graph: Graph, agencies: list[URIRef]
) -> None:
    for agency in agencies:
        assert (agency, RDF.type, PG.Actor) in agencies_graph
        assert (agency, RDF.type, ORG.Organization) in agencies_graph
        labels = list(agencies_graph.objects(agency, RDFS.label))
        assert len(labels) == 1 and labels[0].language == "en", agency
        assert list(agencies_graph.objects(agency, SKOS.prefLabel)) == labels, agency
        definitions = list(agencies_graph.objects(agency, SKOS.definition))
        assert len(definitions) == 1 and definitions[0].language == "en", agency
        for acronym in agencies_graph.objects(agency, PG.acronym):
            assert acronym.language is None and acronym.datatype is None, agency


def test_every_agency_serves_one_known_nation_or_organization(
    agencies_graph: Graph, agencies: list[URIRef]
) -> None:
    for agency in agencies:
        assert len(list(agencies_graph.objects(agency, PG.agencyOf))) == 1, agency
        match = OWNER.match(str(agencies_graph.value(agency, PG.agencyOf)))
        assert match, agency
        if match["nation"]:
            assert pycountry.countries.get(alpha_3=match["nation"]), agency


def test_every_agency_type_is_a_concept_of_the_scheme(
    agencies_graph: Graph, types_graph: Graph, agencies: list[URIRef]
) -> None:
    for agency in agencies:
        types = list(agencies_graph.objects(agency, PG.agencyType))
        assert types, agency
        for concept in types:
            assert (concept, SKOS.inScheme, SCHEME) in types_graph, (agency, concept)


def test_iris_are_computed_from_owner_and_english_label(
    agencies_graph: Graph, agencies: list[URIRef]
) -> None:
    for agency in agencies:
        label = str(agencies_graph.value(agency, RDFS.label))
        assert agency == agency_iri(owner_code(agencies_graph, agency), label)


def test_each_name_denotes_one_agency_within_its_owner(
    agencies_graph: Graph, agencies: list[URIRef]
) -> None:
    """Nation context can split a shared acronym between countries, never within one."""
    carriers: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    for agency in agencies:
        owner = owner_code(agencies_graph, agency)
        for predicate in NAME_PREDICATES:
            for name in agencies_graph.objects(agency, predicate):
                carriers[(owner, str(name).casefold())].add(agency)
    clashes = {key: sorted(found) for key, found in carriers.items() if len(found) > 1}
    assert clashes == {}


def test_nations_of_every_region_are_covered(agencies_graph: Graph, agencies: list[URIRef]) -> None:
    served = nations_served(agencies_graph, agencies)
    assert len(served) >= 70
    unmapped = set(served) - set(REGION_OF)
    assert unmapped == set(), "give each new nation a region in REGIONS"
    per_region: dict[str, int] = defaultdict(int)
    for nation in served:
        per_region[REGION_OF[nation]] += 1
    assert {region for region, count in per_region.items() if count >= 5} == set(REGIONS)


def test_eighty_nations_have_a_law_enforcement_agency(
    agencies_graph: Graph, agencies: list[URIRef]
) -> None:
    served = nations_served(agencies_graph, agencies)
    policed = {
        nation
        for nation, found in served.items()
        if any(is_of_type(agencies_graph, agency, "law-enforcement") for agency in found)
    }
    assert len(policed) >= 80


def test_every_latin_american_and_caribbean_nation_has_a_police_body(
    agencies_graph: Graph, agencies: list[URIRef]
) -> None:
    served = nations_served(agencies_graph, agencies)
    for nation in LATIN_AMERICA_AND_CARIBBEAN:
        assert any(
            is_of_type(agencies_graph, agency, "law-enforcement") for agency in served[nation]
        ), nation


@pytest.mark.parametrize(
    ("name", "owner", "label"),
    [
        ("ATF", "USA", "Bureau of Alcohol, Tobacco, Firearms and Explosives"),
        ("FinCEN", "USA", "Financial Crimes Enforcement Network"),
        ("SENAD", "PRY", "National Anti-Drug Secretariat"),
        ("SEPRELAD", "PRY", "Secretariat for the Prevention of Money Laundering"),
        ("Bakamla", "IDN", "Indonesian Maritime Security Agency"),
        ("Densus 88", "IDN", "Special Detachment 88"),
        ("FINTRAC", "CAN", "Financial Transactions and Reports Analysis Centre of Canada"),
        ("Polícia Federal", "BRA", "Federal Police"),
        ("Receita Federal", "BRA", "Federal Revenue Service"),
        ("Guardia Civil", "ESP", "Civil Guard"),
        ("Hawks", "ZAF", "Directorate for Priority Crime Investigation"),
        ("Europol", "EU", "European Union Agency for Law Enforcement Cooperation"),
        ("INTERPOL", "INTERPOL", "International Criminal Police Organization"),
    ],
)
def test_a_name_and_its_nation_find_the_agency(
    agencies_graph: Graph, name: str, owner: str, label: str
) -> None:
    found = lookup(agencies_graph, name, owner)
    assert [str(agencies_graph.value(a, RDFS.label)) for a in found] == [label]


def test_a_shared_acronym_is_told_apart_by_nation(agencies_graph: Graph) -> None:
    philippine = lookup(agencies_graph, "PNP", "PHL")
    peruvian = lookup(agencies_graph, "PNP", "PER")
    assert len(philippine) == 1 and len(peruvian) == 1
    assert philippine != peruvian
    assert lookup(agencies_graph, "PNP", "USA") == set()


def gold_agencies() -> list[dict[str, str]]:
    """The agencies the annotated corpus documents name, with the nation they serve."""
    found = []
    for path in sorted(CORPUS.glob("*.gold.json")):
        found += [a for a in json.loads(path.read_text("utf-8"))["agencies"] if a.get("nation")]
    return found


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not checked out")
def test_every_agency_of_the_annotated_corpus_is_in_the_gazetteer(agencies_graph: Graph) -> None:
    missing = [
        (agency["label"], agency["nation"])
        for agency in gold_agencies()
        if not lookup(agencies_graph, agency["label"], agency["nation"])
        or (
            agency.get("acronym")
            and not lookup(agencies_graph, agency["acronym"], agency["nation"])
        )
    ]
    assert missing == []
