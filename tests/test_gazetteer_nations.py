"""The nations, international-organization and media-outlet gazetteers.

The extractor resolves names in text through these labels alone, so each name
must lead to exactly one actor, and the generated nations file must be what
its generator writes today.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL

from graph.extract.actors import nation_mentions
from graph.lexicon import lexicon
from graph.namespaces import DCTERMS, ORG, PG, SKOS, media_iri, nation_iri, organization_iri

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY = REPO / "ontology"
GAZETTEERS = ("nations.ttl", "international-organizations.ttl", "media-outlets.ttl")
NAME_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, PG.demonym, PG.acronym)


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {name: Graph().parse(ONTOLOGY / name, format="turtle") for name in GAZETTEERS}


@pytest.fixture(scope="module")
def nations(graphs: dict[str, Graph]) -> Graph:
    return graphs["nations.ttl"]


def names_by_actor(graph: Graph, actor_class: URIRef) -> dict[URIRef, set[str]]:
    """Every name, alias and demonym of each actor of the class, case-folded."""
    names: dict[URIRef, set[str]] = defaultdict(set)
    for actor in graph.subjects(RDF.type, actor_class):
        for predicate in NAME_PREDICATES:
            names[actor] |= {str(value).casefold() for value in graph.objects(actor, predicate)}
    return names


def clashes(names: dict[URIRef, set[str]]) -> dict[str, list[str]]:
    """Names that more than one actor carries, with the actors that carry them."""
    owners: dict[str, set[str]] = defaultdict(set)
    for actor, words in names.items():
        for word in words:
            owners[word].add(str(actor).rsplit("/", 1)[-1])
    return {word: sorted(codes) for word, codes in sorted(owners.items()) if len(codes) > 1}


def resolve(graph: Graph, text: str) -> set[str]:
    """The alpha-3 codes of the nations that a name in text denotes."""
    return {
        str(graph.value(nation, DCTERMS.identifier))
        for predicate in NAME_PREDICATES
        for nation in graph.subjects(predicate, Literal(text, lang="en"))
    }


@pytest.mark.parametrize("name", GAZETTEERS)
def test_each_file_declares_a_versioned_licensed_ontology(
    graphs: dict[str, Graph], name: str
) -> None:
    graph = graphs[name]
    iri = URIRef(f"https://w3id.org/pactgraph/ontology/{name.removesuffix('.ttl')}")
    assert (iri, RDF.type, OWL.Ontology) in graph
    assert graph.value(iri, OWL.versionInfo) == Literal("0.1.0")
    assert graph.value(iri, DCTERMS.title) is not None
    assert graph.value(iri, DCTERMS.license) == URIRef(
        "https://www.apache.org/licenses/LICENSE-2.0"
    )


def test_every_iso_3166_country_and_kosovo_is_a_nation_and_an_actor(nations: Graph) -> None:
    expected = {nation_iri(country.alpha_3) for country in pycountry.countries}
    found = set(nations.subjects(RDF.type, PG.Nation))
    assert len(found) == 250
    assert found == expected | {nation_iri("XKX")}  # Kosovo, under its user-assigned code
    assert found <= set(nations.subjects(RDF.type, PG.Actor))


def test_nations_carry_their_iso_codes(nations: Graph) -> None:
    for country in pycountry.countries:
        nation = nation_iri(country.alpha_3)
        assert nations.value(nation, DCTERMS.identifier) == Literal(country.alpha_3)
        assert nations.value(nation, PG.alpha2) == Literal(country.alpha_2)


def test_every_nation_has_label_official_name_and_a_demonym(nations: Graph) -> None:
    for nation in nations.subjects(RDF.type, PG.Nation):
        label = nations.value(nation, RDFS.label)
        assert label is not None and label.language == "en", nation
        assert nations.value(nation, SKOS.prefLabel) == label, nation
        assert nations.value(nation, PG.officialName) is not None, nation
        assert list(nations.objects(nation, PG.demonym)), f"{nation} has no demonym"


def test_no_name_alias_or_demonym_names_two_nations(nations: Graph) -> None:
    found = clashes(names_by_actor(nations, PG.Nation))
    assert not found, f"names shared by several nations: {found}"


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("American", "USA"),
        ("Brazilian", "BRA"),
        ("Philippine", "PHL"),
        ("Filipino", "PHL"),
        ("the Philippines", "PHL"),
        ("Indonesian", "IDN"),
        ("Paraguayan", "PRY"),
        ("Mexican", "MEX"),
        ("Canadian", "CAN"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("Holland", "NLD"),
        ("Dutch", "NLD"),
        ("DRC", "COD"),
        ("DR Congo", "COD"),
        ("Czech Republic", "CZE"),
        ("Burma", "MMR"),
        ("Türkiye", "TUR"),
        ("Swaziland", "SWZ"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Korea", "KOR"),  # news writes the South's name short; the North is always 'North'
        ("Korean", "KOR"),
        ("North Korean", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Cabo Verdean", "CPV"),
    ],
)
def test_names_in_news_text_resolve_to_one_nation(nations: Graph, text: str, alpha3: str) -> None:
    assert resolve(nations, text) == {alpha3}


@pytest.mark.parametrize(
    ("alpha3", "label"),
    [
        ("BOL", "Bolivia"),
        ("RUS", "Russia"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("IRN", "Iran"),
        ("VNM", "Vietnam"),
        ("SYR", "Syria"),
        ("VEN", "Venezuela"),
        ("TZA", "Tanzania"),
        ("TWN", "Taiwan"),
        ("LAO", "Laos"),
        ("MDA", "Moldova"),
        ("CZE", "Czechia"),
        ("USA", "United States"),
    ],
)
def test_labels_are_the_names_news_writes(nations: Graph, alpha3: str, label: str) -> None:
    assert nations.value(nation_iri(alpha3), RDFS.label) == Literal(label, lang="en")


def test_demonyms_are_typed_as_demonyms_not_aliases(nations: Graph) -> None:
    brazil = nation_iri("BRA")
    assert Literal("Brazilian", lang="en") in set(nations.objects(brazil, PG.demonym))
    assert Literal("Brazilians", lang="en") in set(nations.objects(brazil, PG.demonym))
    assert Literal("U.S.", lang="en") not in set(nations.objects(nation_iri("USA"), PG.demonym))


def test_organizations_are_typed_coded_labelled_and_defined(graphs: dict[str, Graph]) -> None:
    graph = graphs["international-organizations.ttl"]
    organizations = set(graph.subjects(RDF.type, PG.InternationalOrganization))
    codes = {str(graph.value(o, DCTERMS.identifier)) for o in organizations}
    assert {"EU", "UN", "OAS", "AU", "ASEAN", "INTERPOL", "EUROPOL", "FRONTEX", "UNODC"} <= codes
    for organization in organizations:
        code = str(graph.value(organization, DCTERMS.identifier))
        assert organization == organization_iri(code)
        assert (organization, RDF.type, PG.Actor) in graph
        assert (organization, RDF.type, ORG.FormalOrganization) in graph
        assert graph.value(organization, RDFS.label) is not None, code
        assert graph.value(organization, SKOS.prefLabel) is not None, code
        assert graph.value(organization, SKOS.definition) is not None, code


def test_eu_has_its_27_member_nations(graphs: dict[str, Graph]) -> None:
    members = set(
        graphs["international-organizations.ttl"].objects(organization_iri("EU"), PG.memberNation)
    )
    assert len(members) == 27
    assert members <= set(graphs["nations.ttl"].subjects(RDF.type, PG.Nation))
    assert nation_iri("DEU") in members and nation_iri("GBR") not in members


def test_media_outlets_are_labelled_and_based_in_a_nation(graphs: dict[str, Graph]) -> None:
    graph = graphs["media-outlets.ttl"]
    nations = set(graphs["nations.ttl"].subjects(RDF.type, PG.Nation))
    outlets = set(graph.subjects(RDF.type, PG.MediaOutlet))
    assert len(outlets) >= 80
    for outlet in outlets:
        label = graph.value(outlet, RDFS.label)
        assert label is not None, outlet
        assert outlet == media_iri(str(label)), "IRI must be media_iri(label)"
        assert (outlet, RDF.type, PG.Actor) in graph
        assert graph.value(outlet, PG.basedIn) in nations, outlet


@pytest.mark.parametrize(
    ("name", "slug", "alpha3"),
    [
        ("The New York Times", "the-new-york-times", "USA"),
        ("Folha de S.Paulo", "folha-de-s-paulo", "BRA"),
        ("The Jakarta Post", "the-jakarta-post", "IDN"),
        ("The Globe and Mail", "the-globe-and-mail", "CAN"),
    ],
)
def test_outlets_cited_in_the_corpus_are_known(
    graphs: dict[str, Graph], name: str, slug: str, alpha3: str
) -> None:
    graph = graphs["media-outlets.ttl"]
    outlet = URIRef(f"https://w3id.org/pactgraph/id/media/{slug}")
    assert graph.value(outlet, RDFS.label) == Literal(name, lang="en")
    assert graph.value(outlet, PG.basedIn) == nation_iri(alpha3)


def test_no_name_is_shared_between_any_two_actors(graphs: dict[str, Graph]) -> None:
    names: dict[URIRef, set[str]] = {}
    for name, actor_class in zip(
        GAZETTEERS, (PG.Nation, PG.InternationalOrganization, PG.MediaOutlet), strict=True
    ):
        names |= names_by_actor(graphs[name], actor_class)
    found = clashes(names)
    assert not found, f"names shared by several actors: {found}"


def test_generator_reproduces_the_committed_nations_file(tmp_path: Path) -> None:
    output = tmp_path / "nations.ttl"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_nations.py"), "--output", str(output)],
        check=True,
        cwd=tmp_path,
    )
    assert output.read_bytes() == (ONTOLOGY / "nations.ttl").read_bytes()


def test_nations_file_says_it_is_generated_and_from_what() -> None:
    head = (ONTOLOGY / "nations.ttl").read_text(encoding="utf-8").splitlines()[:3]
    assert "GENERATED" in head[0] and "scripts/build_nations.py" in head[0]
    assert any("pycountry" in line for line in head)


@pytest.mark.parametrize(
    ("language", "text", "codes"),
    [
        ("es", "México y Guatemala acuerdan", ["MEX", "GTM"]),
        ("es", "Costa de Marfil y Estados Unidos", ["CIV", "USA"]),
        ("fr", "La Côte d'Ivoire et le Royaume-Uni", ["CIV", "GBR"]),
        ("pt", "Guiné-Bissau e Moçambique", ["GNB", "MOZ"]),
        ("pt", "Coreia do Sul e Timor-Leste", ["KOR", "TLS"]),
    ],
)
def test_nations_are_named_in_the_languages_of_the_genre(
    language: str, text: str, codes: list[str]
) -> None:
    lex = lexicon([language])
    found = [lex.actors[m.iri].code for m in nation_mentions(lex, text)]
    assert found == codes


def test_a_translated_name_of_two_nations_names_neither_and_english_reads_no_french() -> None:
    assert nation_mentions(lexicon(["es"]), "Corea y Congo") == []
    assert nation_mentions(lexicon(), "Mexique") == []
    assert [m.iri for m in nation_mentions(lexicon(["fr"]), "Mexique")] == [nation_iri("MEX")]


@pytest.mark.parametrize(
    ("language", "text", "codes"),
    [
        ("fr", "la République tunisienne et les autorités algériennes", ["TUN", "DZA"]),
        ("fr", "un partenariat tuniso-algérien", ["TUN", "DZA"]),
        ("es", "la República Tunecina y los tunecinos", ["TUN", "TUN"]),
    ],
)
def test_romance_demonyms_and_official_adjectival_names(
    language: str, text: str, codes: list[str]
) -> None:
    lex = lexicon([language])
    assert [lex.actors[m.iri].code for m in nation_mentions(lex, text)] == codes


def test_capitals_are_named_in_each_language_and_english_reads_no_french() -> None:
    french = lexicon(["fr"])
    assert [french.actors[h.values[0].iri].code for h in french.capitals.find("Alger")] == ["DZA"]
    assert lexicon().capitals.find("Alger") == []


def test_a_romance_demonym_of_two_nations_names_neither(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(REPO / "scripts"))
    words = importlib.import_module("romance_nation_words")
    table = words.parse("GIN | fr | Conakry | guinéen; guinéenne\nGNQ | fr | Malabo | guinéen\n")
    kept = words.without_clashes(table, {})
    assert kept["GIN"]["fr"].demonyms == ["guinéenne"]
    assert kept["GNQ"]["fr"].demonyms == []
    with pytest.raises(ValueError, match="line 1"):
        words.parse("GIN | xx | Conakry | guinéen\n")
