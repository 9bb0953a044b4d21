"""Documents in Spanish, French and Portuguese give the same graph as English ones.

Each small document below is written for this test in the shape of the
genre; the shared concepts (crime categories, frequencies) are the same IRIs
whatever the language, so one SPARQL query finds them all.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from graph.build import build_graph
from graph.documents.text import parse_text
from graph.extract.extractor import extract
from graph.extract.facts import DocumentFacts
from graph.extract.names import acronym_long_form
from graph.namespaces import DCTERMS, ID, PG, nation_iri

SPANISH = """\
México y Guatemala acuerdan combatir el narcotráfico y el tráfico de armas

Ciudad de Guatemala — México y Guatemala firmaron hoy un plan de acción contra el tráfico
ilícito de armas de fuego y la trata de personas en su frontera común.

| Acción | Plazo | Frecuencia | Resultado esperado |
|---|---|---|---|
| Patrullajes conjuntos en el río Suchiate | seis meses | Semestral | Menos cruces ilegales |
| Registro común de armas incautadas | 12 meses | Permanente | Rastreo de cada arma |
"""

FRENCH = """\
Le Sénégal et la Côte d'Ivoire s'engagent contre le trafic d'armes

Dakar — Le Sénégal et la Côte d'Ivoire ont signé une feuille de route contre le trafic d'armes
et la traite des êtres humains.

| Action | Échéance | Fréquence | Résultat attendu |
|---|---|---|---|
| Patrouilles conjointes sur le fleuve | dix-huit mois | Trimestriel | Moins de passages |
| Fichier commun des armes saisies | un an | Annuel | Traçabilité des armes |
"""

PORTUGUESE = """\
Angola e Moçambique assinam acordo contra o tráfico de armas

Luanda — Angola e Moçambique assinaram um memorando de entendimento contra o tráfico de armas
e o branqueamento de capitais.

| Ação | Prazo | Periodicidade | Resultado esperado |
|---|---|---|---|
| Base de dados comum de armas apreendidas | dois anos | Mensal | Armas rastreadas |
"""

MIXED = """\
Colombia and Ecuador agree to fight arms trafficking along their border

Bogotá — Colombia and Ecuador signed an action plan today against arms trafficking and money
laundering. The plan's table, released in Spanish only, reads as follows.

| Acción | Plazo | Frecuencia | Institución responsable |
|---|---|---|---|
| Registro de armas incautadas | dieciocho meses | Trimestral | Policía Nacional de Colombia |
| Intercambio de información financiera | seis meses | Mensual | Unidad de Análisis Financiero |
"""


def _facts(text: str, key: str) -> DocumentFacts:
    return extract(parse_text(text, key=key, source_name=f"{key}.txt", sha256="0" * 64))


def _crimes(facts: DocumentFacts) -> set[str]:
    return set(facts.agreements[0].crimes)


def test_spanish_document_reads_like_an_english_one() -> None:
    facts = _facts(SPANISH, "es")
    agreement = facts.agreements[0]
    assert facts.languages.document == "es"
    assert [str(p).rsplit("/", 1)[-1] for p in agreement.parties] == ["MEX", "GTM"]
    assert {"drug-trafficking", "arms-trafficking", "human-trafficking"} <= _crimes(facts)
    first, second = agreement.commitments
    assert first.timeline is not None and first.timeline.months == Decimal(6)
    assert first.frequency is not None and first.frequency.key == "semiannual"
    assert second.frequency is not None and second.frequency.key == "continuous"
    assert first.outcome is not None and first.outcome.label == "Menos cruces ilegales"


def test_french_and_portuguese_documents() -> None:
    french, portuguese = _facts(FRENCH, "fr"), _facts(PORTUGUESE, "pt")
    assert (french.languages.document, portuguese.languages.document) == ("fr", "pt")
    assert {"arms-trafficking", "human-trafficking"} <= _crimes(french)
    assert {"arms-trafficking", "money-laundering"} <= _crimes(portuguese)
    months = [c.timeline.months for c in french.agreements[0].commitments if c.timeline]
    assert months == [Decimal(18), Decimal(12)]
    assert portuguese.agreements[0].commitments[0].timeline.months == Decimal(24)


def test_english_release_quoting_a_spanish_table() -> None:
    facts = _facts(MIXED, "mixed")
    assert facts.languages.document == "en"
    assert "es" in facts.languages.present
    commitments = facts.agreements[0].commitments
    assert [c.frequency.key for c in commitments if c.frequency] == ["quarterly", "monthly"]
    assert [c.timeline.months for c in commitments if c.timeline] == [Decimal(18), Decimal(6)]
    assert all(c.agency is not None for c in commitments)
    graph = build_graph(facts)
    tags = {
        label.language
        for node in graph.subjects(None, PG.Commitment)
        for label in graph.objects(node, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    }
    assert tags == {"es"}


def test_one_query_finds_arms_trafficking_in_every_language() -> None:
    union = Dataset(default_union=True)
    for key, text in (("es", SPANISH), ("fr", FRENCH), ("pt", PORTUGUESE), ("en", MIXED)):
        graph = build_graph(_facts(text, key))
        union.addN((s, p, o, union.default_graph) for s, p, o in graph)
        language = Literal(key, datatype=XSD.language)
        assert (None, DCTERMS.language, language) in graph
    rows = union.query(
        """SELECT ?language WHERE {
            ?agreement pg:addresses ?crime ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc .
            ?doc <http://purl.org/dc/terms/language> ?language }""",
        initNs={"pg": PG},
        initBindings={"crime": URIRef(f"{ID}crime/arms-trafficking")},
    )
    assert {str(row[0]) for row in rows} == {"es", "fr", "pt", "en"}


def test_acronym_long_forms_with_many_connectors() -> None:
    """Romance names spend words on connectors; the long form still reaches its head word."""
    text = (
        "Le Bureau central des enquêtes (BCE) et la Cellule nationale de traitement des "
        "informations financières (CENTIF) travaillent avec la Direction de la Police de "
        "l'air et des frontières (DPAF) et l'Office de lutte contre la traite des personnes "
        "et le trafic de migrants (OLTM)."
    )
    found = {
        acronym: long.text
        for acronym in ("CENTIF", "DPAF", "OLTM")
        if (long := acronym_long_form(text, text.index(f"({acronym})"), acronym))
    }
    assert found == {
        "CENTIF": "Cellule nationale de traitement des informations financières",
        "DPAF": "Direction de la Police de l'air et des frontières",
        "OLTM": "Office de lutte contre la traite des personnes et le trafic de migrants",
    }


def test_a_ministry_named_with_its_nation_keeps_its_home_name() -> None:
    """ "X et de la Y" is one name; a trailing nation also gives the name used at home."""
    text = (
        "Le Niger et le Tchad s'engagent contre le trafic d'armes\n\n"
        "Niamey — Le Niger et le Tchad ont signé un plan contre le trafic d'armes. "
        "Le plan est conduit par le Ministère de l'Intérieur et de la Décentralisation du "
        "Niger et par la Commission de la CEDEAO et du Groupe régional d'experts.\n"
    )
    facts = _facts(text, "fr-ministry")
    names = {(a.label, a.short_label) for a in facts.new_agencies}
    assert (
        "Ministère de l'Intérieur et de la Décentralisation du Niger",
        "Ministère de l'Intérieur et de la Décentralisation",
    ) in names
    assert not any("CEDEAO et du Groupe" in label for label, _ in names)


def test_capitals_in_a_headline_and_comparison_headers_name_their_nations() -> None:
    text = (
        "Tunis et Alger renforcent la lutte contre la contrebande\n\n"
        "Le Ministère de l'Intérieur de la République tunisienne a signé un plan avec les "
        "autorités algériennes contre le trafic de migrants.\n\n"
        "| Volet | À Tunis | À Alger |\n|---|---|---|\n"
        "| Renseignement financier | Déclarations à la cellule | Déclarations au comité |\n"
    )
    (agreement,) = _facts(text, "fr-capitals").agreements
    assert agreement.parties == (nation_iri("TUN"), nation_iri("DZA"))
    assert [a.actor for a in agreement.approaches] == [nation_iri("TUN"), nation_iri("DZA")]
