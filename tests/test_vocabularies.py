"""The SKOS vocabularies the extractor reads and researchers query.

Crime categories (with their ICCS backbone), frequencies, cooperation types
and commitment statuses: their keys and codes are part of the public contract
(../shared/spec/core-vocabulary.md), and their labels are the extractor's
lexicon, so these tests pin both the structure and the phrases.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS

from graph.extract.phrases import PhraseIndex, phrase_key
from graph.ontology.files import ontology_dir

PG = Namespace("https://w3id.org/pactgraph/ontology#")
CRIME = Namespace("https://w3id.org/pactgraph/id/crime/")
FREQ = Namespace("https://w3id.org/pactgraph/id/frequency/")
COOP = Namespace("https://w3id.org/pactgraph/id/cooperation/")
STATUS = Namespace("https://w3id.org/pactgraph/id/status/")
CORE = URIRef("https://w3id.org/pactgraph/ontology")
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

VOCABULARIES = {
    "crime-categories.ttl": URIRef(CRIME),
    "frequencies.ttl": URIRef(FREQ),
    "cooperation-types.ttl": URIRef(COOP),
    "commitment-status.ttl": URIRef(STATUS),
}

# The spec's table: key -> ICCS code where the match is exact.
EXACT_ICCS = {
    "arms-trafficking": "09012",
    "human-trafficking": "0204",
    "migrant-smuggling": "08051",
    "money-laundering": "07041",
    "organized-crime": "09051",
    "corruption": "0703",
    "kidnapping": "020221",
}
# The spec's table: key -> ICCS codes marked "~" (close match only).
CLOSE_ICCS = {
    "drug-trafficking": {"0601"},
    "violent-crime": {"0101", "0201"},
    "cybercrime": {"0903"},
    "extortion": {"0205"},
    "wildlife-trafficking": {"1003"},
    "terrorism": {"09061", "09062"},
    "fraud": {"0701"},
}
CRIME_KEYS = {
    *EXACT_ICCS, *CLOSE_ICCS, "illegal-mining", "illegal-fishing", "piracy", "smuggling-of-goods",
}  # fmt: skip

SECTION_TITLES = {
    "01": "Acts leading to death or intending to cause death",
    "02": "Acts causing harm or intending to cause harm to the person",
    "03": "Injurious acts of a sexual nature",
    "04": "Acts against property involving violence or threat against a person",
    "05": "Acts against property only",
    "06": "Acts involving controlled drugs or other psychoactive substances",
    "07": "Acts involving fraud, deception or corruption",
    "08": "Acts against public order, authority and provisions of the State",
    "09": "Acts against public safety and state security",
    "10": "Acts against the natural environment",
    "11": "Other criminal acts not elsewhere classified",
}
ICCS_LEVELS = {2: "section", 4: "division", 5: "group", 6: "class"}

# Words that mean something else in this genre, or name agencies
# ("National Narcotics Board", "Bureau of Alcohol, Tobacco, Firearms and
# Explosives", "Financial Crimes Enforcement Network"), or more than one crime.
FORBIDDEN_PHRASES = {
    "arms", "harms", "drug", "drugs", "safeguard", "safeguards", "force", "security", "assault",
    "narcotics", "firearms", "weapons", "smuggling", "trafficking", "crime", "crimes",
    "financial crime", "financial crimes", "real time",
}  # fmt: skip

FREQUENCY_MONTHS = {
    "daily": Decimal("0.033"),
    "weekly": Decimal("0.23"),
    "biweekly": Decimal("0.46"),
    "semimonthly": Decimal("0.5"),
    "monthly": Decimal("1"),
    "bimonthly": Decimal("2"),
    "quarterly": Decimal("3"),
    "semiannual": Decimal("6"),
    "annual": Decimal("12"),
    "biennial": Decimal("24"),
}
FREQUENCY_KEYS = {"continuous", *FREQUENCY_MONTHS}


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    """Each vocabulary parsed on its own, so a test failure names the file at fault."""
    parsed = {}
    for name in VOCABULARIES:
        graph = Graph()
        graph.parse(ontology_dir() / name, format="turtle")
        parsed[name] = graph
    return parsed


@pytest.fixture(scope="module")
def crime(graphs: dict[str, Graph]) -> Graph:
    return graphs["crime-categories.ttl"]


@pytest.fixture(scope="module")
def frequencies(graphs: dict[str, Graph]) -> Graph:
    return graphs["frequencies.ttl"]


def key_of(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[1]


def categories(crime: Graph) -> set[URIRef]:
    """The pactgraph categories: every crime concept that is not part of the ICCS backbone."""
    return {
        c
        for c in crime.subjects(RDF.type, PG.CriminalActivityCategory)
        if (c, RDF.type, PG.ICCSCategory) not in crime
    }


def iccs_nodes(crime: Graph) -> set[URIRef]:
    return set(crime.subjects(RDF.type, PG.ICCSCategory))


def lexicon(graph: Graph, concepts: set[URIRef]) -> list[tuple[str, str]]:
    """(phrase, concept key) for every alt and hidden label: what the extractor matches."""
    return [
        (str(label), key_of(concept))
        for concept in concepts
        for prop in (SKOS.altLabel, SKOS.hiddenLabel)
        for label in graph.objects(concept, prop)
    ]


def concepts_of(graph: Graph, scheme: URIRef) -> set[URIRef]:
    return set(graph.subjects(SKOS.inScheme, scheme))


# ---------------------------------------------------------------- every vocabulary


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_vocabulary_declares_a_versioned_licensed_ontology(
    graphs: dict[str, Graph], name: str
) -> None:
    graph = graphs[name]
    ontology = URIRef(f"{CORE}/{name.removesuffix('.ttl')}")
    assert (ontology, RDF.type, OWL.Ontology) in graph
    assert graph.value(ontology, OWL.versionInfo) == Literal("0.1.0")
    assert graph.value(ontology, DCTERMS.title) is not None
    assert graph.value(ontology, DCTERMS.license) == URIRef(
        "https://www.apache.org/licenses/LICENSE-2.0"
    )
    assert graph.value(ontology, DCTERMS.created) is not None
    scheme = VOCABULARIES[name]
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert graph.value(scheme, SKOS.definition) is not None


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_every_concept_is_labelled_defined_and_in_its_scheme(
    graphs: dict[str, Graph], name: str
) -> None:
    graph, scheme = graphs[name], VOCABULARIES[name]
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts, name
    assert concepts == concepts_of(graph, scheme)
    ontology = URIRef(f"{CORE}/{name.removesuffix('.ttl')}")
    for concept in concepts:
        pref = [label for label in graph.objects(concept, SKOS.prefLabel) if label.language == "en"]
        definitions = [d for d in graph.objects(concept, SKOS.definition) if d.language == "en"]
        assert len(pref) == 1, concept
        assert len(definitions) == 1, concept
        assert graph.value(concept, RDFS.isDefinedBy) == ontology, concept


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_a_label_names_one_concept_of_its_scheme(graphs: dict[str, Graph], name: str) -> None:
    """Any label, however spelt or hyphenated, leads to one concept (no phrase names two)."""
    graph = graphs[name]
    owners: dict[str, set[URIRef]] = {}
    for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
        for concept, label in graph.subject_objects(prop):
            if (concept, RDF.type, SKOS.Concept) in graph:
                owners.setdefault(phrase_key(label, case_sensitive=False), set()).add(concept)
    assert {label: c for label, c in owners.items() if len(c) > 1} == {}


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_preferred_alternative_and_hidden_labels_are_disjoint(
    graphs: dict[str, Graph], name: str
) -> None:
    """SKOS S13: one concept never gives the same literal two label roles."""
    graph = graphs[name]
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        roles = [set(graph.objects(concept, p)) for p in (SKOS.prefLabel, SKOS.altLabel)]
        roles.append(set(graph.objects(concept, SKOS.hiddenLabel)))
        assert not roles[0] & roles[1], concept
        assert not roles[0] & roles[2], concept
        assert not roles[1] & roles[2], concept


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_top_concepts_are_declared_both_ways(graphs: dict[str, Graph], name: str) -> None:
    graph, scheme = graphs[name], VOCABULARIES[name]
    has_top = set(graph.objects(scheme, SKOS.hasTopConcept))
    top_of = set(graph.subjects(SKOS.topConceptOf, scheme))
    assert has_top
    assert has_top == top_of
    assert not any(graph.value(top, SKOS.broader) for top in has_top)


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_every_pg_term_used_is_defined_by_the_core_ontology(
    graphs: dict[str, Graph], name: str
) -> None:
    core = Graph().parse(ontology_dir() / "pactgraph.ttl", format="turtle")
    used = {p for p in graphs[name].predicates() if str(p).startswith(str(PG))}
    used |= {o for o in graphs[name].objects(None, RDF.type) if str(o).startswith(str(PG))}
    assert used
    for term in used:
        assert (term, RDFS.isDefinedBy, CORE) in core, term


# ---------------------------------------------------------------- crime categories


def test_the_category_keys_are_exactly_the_spec_keys(crime: Graph) -> None:
    assert {key_of(c) for c in categories(crime)} == CRIME_KEYS
    assert set(SECTIONS_OF) == CRIME_KEYS


@pytest.mark.parametrize(("key", "code"), sorted(EXACT_ICCS.items()))
def test_exact_iccs_matches_carry_the_iccs_code(crime: Graph, key: str, code: str) -> None:
    category = CRIME[key]
    assert set(crime.objects(category, SKOS.notation)) == {Literal(code)}
    assert set(crime.objects(category, SKOS.exactMatch)) == {CRIME[f"iccs-{code}"]}
    assert crime.value(CRIME[f"iccs-{code}"], SKOS.notation) == Literal(code)


@pytest.mark.parametrize(("key", "codes"), sorted(CLOSE_ICCS.items()))
def test_close_iccs_matches_carry_no_notation(crime: Graph, key: str, codes: set[str]) -> None:
    category = CRIME[key]
    assert set(crime.objects(category, SKOS.closeMatch)) == {CRIME[f"iccs-{c}"] for c in codes}
    assert crime.value(category, SKOS.notation) is None
    assert crime.value(category, SKOS.exactMatch) is None


def test_every_category_reaches_an_iccs_section(crime: Graph) -> None:
    orphans = crime.query(
        """
        SELECT ?category WHERE {
            ?category a pg:CriminalActivityCategory .
            FILTER NOT EXISTS {
                ?category skos:broader* ?section .
                ?section skos:topConceptOf crime: ; pg:iccsLevel "section" .
            }
        }
        """,
        initNs={"pg": PG, "skos": SKOS, "crime": CRIME},
    )
    assert [row.category for row in orphans] == []


# Which sections' queries must find which category (violent-crime spans two sections).
SECTIONS_OF = {
    "drug-trafficking": "06", "arms-trafficking": "09", "organized-crime": "09",
    "terrorism": "09", "cybercrime": "09", "money-laundering": "07", "corruption": "07",
    "fraud": "07", "human-trafficking": "02", "kidnapping": "02", "extortion": "02",
    "violent-crime": "01 02", "migrant-smuggling": "08", "smuggling-of-goods": "08",
    "wildlife-trafficking": "10", "illegal-mining": "10", "illegal-fishing": "10", "piracy": "11",
}  # fmt: skip
SECTION_OF = [
    (section, key) for key, sections in SECTIONS_OF.items() for section in sections.split()
]


@pytest.mark.parametrize(("section", "key"), SECTION_OF)
def test_a_section_query_finds_its_categories(crime: Graph, section: str, key: str) -> None:
    found = crime.query(
        "ASK { ?category skos:broader+ ?section }",
        initNs={"skos": SKOS},
        initBindings={"category": CRIME[key], "section": CRIME[f"iccs-{section}"]},
    )
    assert found.askAnswer


def test_section_09_does_not_find_drug_trafficking(crime: Graph) -> None:
    found = crime.query(
        "ASK { crime:drug-trafficking skos:broader+ crime:iccs-09 }",
        initNs={"skos": SKOS, "crime": CRIME},
    )
    assert not found.askAnswer


def test_the_iccs_sections_are_the_top_concepts_with_the_spec_titles(crime: Graph) -> None:
    tops = set(crime.objects(URIRef(CRIME), SKOS.hasTopConcept))
    assert {key_of(t) for t in tops} == {f"iccs-{code}" for code in SECTION_TITLES}
    for code, title in SECTION_TITLES.items():
        assert crime.value(CRIME[f"iccs-{code}"], SKOS.prefLabel) == Literal(title, lang="en")


def test_iccs_nodes_follow_their_codes(crime: Graph) -> None:
    """Notation, level and parent of every ICCS node all follow from the code in its IRI."""
    nodes = iccs_nodes(crime)
    assert len(nodes) > len(SECTION_TITLES)
    for node in nodes:
        code = key_of(node).removeprefix("iccs-")
        assert crime.value(node, SKOS.notation) == Literal(code)
        assert crime.value(node, PG.iccsLevel) == Literal(ICCS_LEVELS[len(code)])
        assert (node, RDF.type, PG.CriminalActivityCategory) in crime
        parents = {key_of(p).removeprefix("iccs-") for p in crime.objects(node, SKOS.broader)}
        if len(code) == 2:
            assert parents == set()
        else:
            assert len(parents) == 1
            parent = parents.pop()
            assert code.startswith(parent)
            assert len(code) - len(parent) in (1, 2)


def test_iccs_nodes_carry_no_lexicon(crime: Graph) -> None:
    """The backbone is for queries; only pactgraph categories name crimes in text."""
    assert lexicon(crime, iccs_nodes(crime)) == []


def test_every_category_has_a_lexicon(crime: Graph) -> None:
    phrases = lexicon(crime, categories(crime))
    for key in CRIME_KEYS:
        assert len([p for p, k in phrases if k == key]) >= 5, key


def test_no_crime_phrase_is_a_word_with_another_sense(crime: Graph) -> None:
    forbidden = {phrase_key(p, case_sensitive=False) for p in FORBIDDEN_PHRASES}
    bad = [
        p
        for p, _ in lexicon(crime, categories(crime))
        if phrase_key(p, case_sensitive=False) in forbidden
    ]
    assert bad == []


def test_longest_phrase_decides_between_categories(crime: Graph) -> None:
    index = PhraseIndex(lexicon(crime, categories(crime)), case_sensitive=False)
    text = "to dismantle drug cartels, stop customs fraud and end semi-legal gun-running"
    assert [hit.values for hit in index.find(text)] == [
        ("organized-crime",),
        ("smuggling-of-goods",),
        ("arms-trafficking",),
    ]


def corpus_documents() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not corpus_documents(), reason="shared corpus not present")
@pytest.mark.parametrize("document", corpus_documents(), ids=lambda p: p.stem)
def test_crime_lexicon_finds_exactly_the_gold_categories(crime: Graph, document: Path) -> None:
    gold = json.loads(document.with_suffix(".gold.json").read_text(encoding="utf-8"))
    index = PhraseIndex(lexicon(crime, categories(crime)), case_sensitive=False)
    found = {key for hit in index.find(document.read_text(encoding="utf-8")) for key in hit.values}
    assert found == set(gold["crime_categories"])


# ---------------------------------------------------------------- frequencies


def test_frequency_keys_are_exactly_the_spec_keys(frequencies: Graph) -> None:
    keys = {key_of(f) for f in frequencies.subjects(RDF.type, PG.Frequency)}
    assert keys == FREQUENCY_KEYS


@pytest.mark.parametrize(("key", "months"), sorted(FREQUENCY_MONTHS.items()))
def test_frequency_intervals_are_decimal_months(
    frequencies: Graph, key: str, months: Decimal
) -> None:
    interval = frequencies.value(FREQ[key], PG.intervalMonths)
    assert interval is not None
    assert interval.datatype == URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    assert interval.toPython() == months


def test_a_continuous_activity_has_no_interval(frequencies: Graph) -> None:
    assert frequencies.value(FREQ.continuous, PG.intervalMonths) is None


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("biannual", "semiannual"),
        ("twice a year", "semiannual"),
        ("every 6 months", "semiannual"),
        ("biennially", "biennial"),
        ("every two years", "biennial"),
        ("ongoing", "continuous"),
        ("every three months", "quarterly"),
        ("yearly", "annual"),
    ],
)
def test_frequency_lexicon_states_each_recurrence(
    frequencies: Graph, phrase: str, key: str
) -> None:
    assert Literal(phrase, lang="en") in set(frequencies.objects(FREQ[key], SKOS.altLabel))


def test_frequency_spellings_and_the_longest_phrase(frequencies: Graph) -> None:
    index = PhraseIndex(
        lexicon(frequencies, set(frequencies.subjects(RDF.type, PG.Frequency))),
        case_sensitive=False,
    )
    for phrase in ("semi-annual", "Semi-Annually", "twice-yearly", "Half-Yearly", "bi-annual"):
        assert index.lookup(phrase) == ("semiannual",), phrase
    hits = index.find("reviewed semi-annually, audited annually")
    assert [hit.values for hit in hits] == [("semiannual",), ("annual",)]


def table_rows(text: str) -> list[list[str]]:
    """The cells of every body row of every pipe table (header separators skipped)."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not re.fullmatch(r"[|\-: ]+", line.strip()):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


@pytest.mark.skipif(not corpus_documents(), reason="shared corpus not present")
@pytest.mark.parametrize("document", corpus_documents(), ids=lambda p: p.stem)
def test_frequency_lexicon_reads_the_gold_recurrence_of_each_table_row(
    frequencies: Graph, document: Path
) -> None:
    gold = json.loads(document.with_suffix(".gold.json").read_text(encoding="utf-8"))
    index = PhraseIndex(
        lexicon(frequencies, set(frequencies.subjects(RDF.type, PG.Frequency))),
        case_sensitive=False,
    )
    expected = {c["label"]: c["frequency"] for c in gold["commitments"]}
    rows = [row for row in table_rows(document.read_text(encoding="utf-8")) if row[0] in expected]
    assert rows
    for row in rows:
        found = {key for cell in row for hit in index.find(cell) for key in hit.values}
        want = expected[row[0]]
        assert found == ({want} if want else set()), row


# ---------------------------------------------------------------- cooperation types and statuses


def test_cooperation_types_carry_their_cameo_codes(graphs: dict[str, Graph]) -> None:
    graph = graphs["cooperation-types.ttl"]
    codes = {}
    for concept in graph.subjects(RDF.type, PG.CooperationType):
        code = str(graph.value(concept, SKOS.notation))
        assert key_of(concept) == f"cameo-{code}"
        codes[code] = concept
    assert {"057", "061", "062", "063", "064"} <= set(codes)
    for code in ("061", "062", "063", "064"):
        assert graph.value(codes[code], SKOS.broader) == COOP["cameo-060"]


def test_cooperation_phrases_signal_their_type(graphs: dict[str, Graph]) -> None:
    graph = graphs["cooperation-types.ttl"]
    index = PhraseIndex(
        lexicon(graph, set(graph.subjects(RDF.type, PG.CooperationType))), case_sensitive=False
    )
    assert index.lookup("intelligence sharing") == ("cameo-064",)
    assert index.lookup("extradition") == ("cameo-063",)
    hits = index.find("mutual legal assistance and military aid")
    assert [hit.values for hit in hits] == [("cameo-063",), ("cameo-072",)]


def test_commitment_statuses_are_the_seven_stages_in_order(graphs: dict[str, Graph]) -> None:
    graph = graphs["commitment-status.ttl"]
    stages = sorted(
        graph.subjects(RDF.type, PG.CommitmentStatus),
        key=lambda s: int(graph.value(s, SKOS.notation)),
    )
    # The first four keep their notations; the follow-up stages of issue 12 come after them.
    assert [key_of(s) for s in stages] == [
        "pledged",
        "in-progress",
        "fulfilled",
        "abandoned",
        "partially-fulfilled",
        "delayed",
        "revised",
    ]
    index = PhraseIndex(lexicon(graph, set(stages)), case_sensitive=False)
    assert index.lookup("under way") == ("in-progress",)
    assert index.lookup("suspended") == ("abandoned",)
    assert index.lookup("partly implemented") == ("partially-fulfilled",)
    assert index.lookup("behind schedule") == ("delayed",)
    assert index.lookup("scaled back") == ("revised",)
