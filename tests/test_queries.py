"""Every named query against the four corpus documents, row by row.

The expected rows were checked by hand against the corpus texts and their
*.gold.json (commitments, outcomes, timelines, frequencies, lead agencies,
safeguards, approaches, parties, crime categories, agencies); what the gold
does not annotate (status, cooperation types, mentions, offsets, digests) was
checked against the text itself, and offsets and digests are re-derived here
from the files. Nodes minted per document (agreement/1, commitment/1-5 ...)
are compared as 'doc:{key}/{kind}' so that the extractor may renumber them;
shared nodes (nations, agencies, crimes, frequencies) are compared exactly.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from graph.catalog import load_catalog
from graph.namespaces import ID, document_iri
from graph.pipeline import load_paths
from graph.store import EmbeddedStore, Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
KEYS = ("dev-01-brazil-paraguay", "dev-02-philippines-indonesia", "dev-03-canada-united-states")
SEED = "seed-us-mexico"
DEV1, DEV2, DEV3 = KEYS
_DOCUMENT_NODE = re.compile(re.escape(f"{ID}document/") + r"([^/]+)(?:/([^/]+)/.*)?$")

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason="../shared/corpus is absent (it sits beside the repo); the named-query suite needs it",
)

Row = tuple[str | None, ...]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    """The four corpus documents, loaded once for the module."""
    with EmbeddedStore(tmp_path_factory.mktemp("queries") / "store") as opened:
        outcomes = load_paths(opened, sorted(CORPUS.glob("*.txt")))
        assert [o.status for o in outcomes] == ["loaded"] * 4
        yield opened


def value(term: object) -> str | None:
    """A result term as the expectations below write it."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        node = _DOCUMENT_NODE.match(str(term))
        if node:
            return f"doc:{node.group(1)}" + (f"/{node.group(2)}" if node.group(2) else "")
        return f"id:{term[len(ID) :]}" if term.startswith(str(ID)) else str(term)
    python = term.toPython() if isinstance(term, Literal) else None
    if isinstance(python, Decimal | int) and not isinstance(python, bool):
        number = Decimal(str(term.toPython()))
        return str(number.to_integral() if number == number.to_integral() else number)
    return str(term)


def run(store: Store, name: str, **params: str) -> list[Row]:
    text = load_catalog()[name].bind(params)
    return [tuple(value(v) for v in row.values()) for row in store.select(text)]


def corpus_text(key: str) -> str:
    return (CORPUS / f"{key.replace('-', '_')}.txt").read_text(encoding="utf-8")


def agreement(key: str) -> str:
    return f"doc:{key}/agreement"


def commitment(key: str) -> str:
    return f"doc:{key}/commitment"


def node_by_label(store: Store, label: str) -> str:
    query = f'SELECT ?n WHERE {{ ?n <{RDFS.label}> ?l FILTER (STR(?l) = "{label}") }}'
    rows = list(store.select(query))
    return str(rows[0]["n"])


# ---------------------------------------------------------------- commitments


def test_commitments_of_a_party(store: Store) -> None:
    dev1 = agreement(DEV1)
    title = "Brazil and Paraguay Sign Frontier Security Compact"
    c = commitment(DEV1)
    quarterly, annual = "id:frequency/quarterly", "id:frequency/annual"
    monthly, semiannual = "id:frequency/monthly", "id:frequency/semiannual"
    assert run(store, "commitments", party="id:nation/PRY") == [
        (dev1, title, c, "Cargo Scanners at the Friendship Bridge",
         "Faster inspection of trucks and buses", "9", None, None, None, None),
        (dev1, title, c, "Cigarette and electronics seizure reports", None, None, quarterly,
         "Quarterly", "id:agency/PRY/national-customs-directorate", "National Customs Directorate"),
        (dev1, title, c, "Common Seized-Weapons Record",
         "Serial numbers checked against both databases", "12", None, None, None, None),
        (dev1, title, c, "Customs Modernization", None, None, None, None, None, None),
        (dev1, title, c, "Drug route threat assessment", None, None, annual, "Annual",
         "id:agency/PRY/national-anti-drug-secretariat", "National Anti-Drug Secretariat"),
        (dev1, title, c, "Exchange-House Supervision Protocol",
         "Earlier detection of laundered proceeds", "18", None, None, None, None),
        (dev1, title, c, "Financial Tracing", None, None, None, None, None, None),
        (dev1, title, c, "Firearms Traceability", None, None, None, None, None, None),
        (dev1, title, c, "Joint Analysis Cell in Ciudad del Este",
         "Single picture of seizures on both sides", "6", None, None, None, None),
        (dev1, title, c, "Joint river patrols", None, None, monthly, "Monthly",
         "id:agency/BRA/federal-police", "Federal Police"),
        (dev1, title, c, "Review of suspicious exchange-house transfers", None, None, semiannual,
         "Semiannual", "id:agency/PRY/secretariat-for-the-prevention-of-money-laundering",
         "Secretariat for the Prevention of Money Laundering"),
        (dev1, title, c, "Shared Border Intelligence", None, None, None, None, None, None),
    ]  # fmt: skip


def test_commitments_implemented_by_an_agency(store: Store) -> None:
    assert run(store, "commitments", agency="id:agency/USA/drug-enforcement-administration") == [
        (agreement(DEV3), "Canada and the United States Unveil Northern Border Action Plan",
         commitment(DEV3), "Fentanyl Lab Targeting", "Joint list of priority production sites",
         "6", None, None, "id:agency/USA/drug-enforcement-administration",
         "Drug Enforcement Administration"),
    ]  # fmt: skip


def test_commitments_filtered_by_crime_include_narrower_categories(store: Store) -> None:
    piracy = run(store, "commitments", crime="id:crime/piracy")
    assert {row[0] for row in piracy} == {agreement(DEV2)} and len(piracy) == 13
    section_11 = run(store, "commitments", crime="id:crime/iccs-11", party="id:nation/IDN")
    assert section_11 == piracy
    assert run(store, "commitments", crime="id:crime/corruption") == []
    assert len(run(store, "commitments")) == 12 + 13 + 13 + 15


def test_commitments_by_crime_walks_down_the_iccs_backbone(store: Store) -> None:
    seed, c = agreement(SEED), commitment(SEED)
    org = ("id:crime/organized-crime", "Participation in an organized criminal group")
    assert run(store, "commitments-by-crime") == [
        (seed, c, "Biannual Training Drills", *org, "Increased team cohesion", None,
         "id:frequency/semiannual"),
        (seed, c, "Binational Task Force Meetings", *org, "Enhanced coordination", None,
         "id:frequency/semiannual"),
        (seed, c, "Border Patrol Coordination", *org, "Increased Detections", "12", None),
        (seed, c, "Community Engagement", *org, None, None, None),
        (seed, c, "Community Outreach Programs", *org, "Improved local intelligence", None,
         "id:frequency/continuous"),
        (seed, c, "Cross-border Intelligence Sharing", *org, "Faster threat detection", None,
         "id:frequency/continuous"),
        (seed, c, "Enhanced Intelligence Sharing", *org, None, None, None),
        (seed, c, "Intelligence Fusion", *org, "Real-time Alerts", "6", None),
        (seed, c, "Joint Border Patrols", *org, "Enhanced operational coverage", "3", None),
        (seed, c, "Joint Community Workshops", *org, "Strengthened public trust", None,
         "id:frequency/quarterly"),
        (seed, c, "Joint Task Forces", *org, None, None, None),
        (seed, c, "Legal Frameworks", *org, None, None, None),
        (seed, c, "Legal Harmonization", *org, "Swift Prosecutions", "18", None),
        (seed, c, "Legal Harmonization Reviews", *org, "Aligned enforcement practices", None,
         "id:frequency/annual"),
        (seed, c, "Secure Data Integration", *org, "Faster threat identification", "6", None),
    ]  # fmt: skip
    section_09 = run(store, "commitments-by-crime", crime="id:crime/iccs-09")
    matched = {(row[0], row[3]) for row in section_09}
    assert matched == {
        (agreement(DEV1), "id:crime/arms-trafficking"),
        (agreement(DEV2), "id:crime/terrorism"),
        (agreement(DEV3), "id:crime/arms-trafficking"),
        (agreement(DEV3), "id:crime/cybercrime"),
        (agreement(SEED), "id:crime/arms-trafficking"),
        (agreement(SEED), "id:crime/organized-crime"),
    }
    assert len(section_09) == 12 + 13 + 2 * 13 + 2 * 15


def test_commitments_due_within_six_months(store: Store) -> None:
    assert run(store, "commitments-due-within", months="6") == [
        ("3", agreement(DEV2), commitment(DEV2), "Shared Vessel Tracking Picture", "90 days",
         "Live display of patrol and merchant traffic in the Sulu Sea"),
        ("3", agreement(DEV3), commitment(DEV3), "Cross-Border Crime Forum", "90 days",
         "Ministerial oversight of the plan"),
        ("3", agreement(SEED), commitment(SEED), "Joint Border Patrols", "3 months",
         "Enhanced operational coverage"),
        ("6", agreement(DEV1), commitment(DEV1), "Joint Analysis Cell in Ciudad del Este",
         "6 months", "Single picture of seizures on both sides"),
        ("6", agreement(DEV2), commitment(DEV2), "Joint Boarding Team Certification",
         "six months", "Forty officers cleared to board vessels under either flag"),
        ("6", agreement(DEV3), commitment(DEV3), "Fentanyl Lab Targeting", "180 days",
         "Joint list of priority production sites"),
        ("6", agreement(DEV3), commitment(DEV3), "Joint Fentanyl Intelligence Cell", "6 months",
         "Merge seizure and lab data"),
        ("6", agreement(SEED), commitment(SEED), "Intelligence Fusion", "6 months",
         "Real-time Alerts"),
        ("6", agreement(SEED), commitment(SEED), "Secure Data Integration", "6 months",
         "Faster threat identification"),
    ]  # fmt: skip
    assert [row[3] for row in run(store, "commitments-due-within", months="2.5")] == []
    due = run(store, "commitments-due-within", months="24", party="id:nation/BRA")
    assert [row[0] for row in due] == ["6", "9", "12", "18"]


# ---------------------------------------------------------------- agreements


def test_safeguards_of_an_agreement_with_their_offsets(store: Store) -> None:
    dev2 = node_by_label(
        store, "Manila and Jakarta Agree on Joint Agenda for the Sulu and Celebes Seas"
    )
    rows = run(store, "agreement-safeguards", agreement=dev2)
    title = "Manila and Jakarta Agree on Joint Agenda for the Sulu and Celebes Seas"
    s = f"doc:{DEV2}/safeguard"
    assert rows == [
        (agreement(DEV2), title, "2817", s, "Vessels of one country may enter the other's "
         "territorial sea only with prior approval from its coast guard command."),
        (agreement(DEV2), title, "2935", s, "Suspects detained at sea are handed to the "
         "authorities of the country in whose waters the arrest took place."),
        (agreement(DEV2), title, "3046", s, "Intelligence about citizens of either country is "
         "exchanged only through designated liaison officers."),
        (agreement(DEV2), title, "3149", s, "Any use of force during a joint operation must be "
         "reported to both foreign ministries within 48 hours."),
    ]  # fmt: skip
    text = corpus_text(DEV2)
    assert all(text[int(r[2]) :].startswith(r[4]) for r in rows)
    assert len(run(store, "agreement-safeguards")) == 16


def test_approaches_side_by_side(store: Store) -> None:
    seed = node_by_label(
        store, "U.S. and Mexico Strengthen Partnership to Combat Cross-Border Crime"
    )
    mex, usa = "id:nation/MEX", "id:nation/USA"
    assert run(store, "approaches-side-by-side", agreement=seed) == [
        (agreement(SEED), "Coordination", mex, "Centralized oversight with state-level input",
         usa, "Federal and state agencies collaboration"),
        (agreement(SEED), "Data Sharing", mex, "Strict privacy protocols",
         usa, "Encrypted cross-agency databases"),
        (agreement(SEED), "Legal Framework", mex, "Constitutional safeguards",
         usa, "Intergovernmental agreements"),
    ]  # fmt: skip
    every = run(store, "approaches-side-by-side")
    assert [row[1] for row in every if row[0] == agreement(DEV2)] == [
        "Counter-Terrorism Model", "Drug Enforcement", "Kidnapping Response",
        "Maritime Security Lead",
    ]  # fmt: skip
    assert len(every) == 3 + 4 + 4 + 3


def test_agreements_between_two_parties(store: Store) -> None:
    seed_title = "U.S. and Mexico Strengthen Partnership to Combat Cross-Border Crime"
    assert run(store, "agreements-between") == [(agreement(SEED), seed_title, f"doc:{SEED}", None)]
    assert run(store, "agreements-between", first="id:nation/CAN", second="id:nation/USA") == [
        (agreement(DEV3), "Canada and the United States Unveil Northern Border Action Plan",
         f"doc:{DEV3}", None),
    ]  # fmt: skip
    assert run(store, "agreements-between", first="id:nation/BRA", second="id:nation/ARG") == []
    assert run(store, "agreements-between", first="id:nation/USA", second="id:nation/USA") == []


def test_agreements_with_their_parties(store: Store) -> None:
    dev3_title = "Canada and the United States Unveil Northern Border Action Plan"
    seed_title = "U.S. and Mexico Strengthen Partnership to Combat Cross-Border Crime"
    assert run(store, "agreements", party="id:nation/USA") == [
        (agreement(DEV3), dev3_title, "id:nation/CAN", "Canada", f"doc:{DEV3}"),
        (agreement(DEV3), dev3_title, "id:nation/USA", "United States", f"doc:{DEV3}"),
        (agreement(SEED), seed_title, "id:nation/MEX", "Mexico", f"doc:{SEED}"),
        (agreement(SEED), seed_title, "id:nation/USA", "United States", f"doc:{SEED}"),
    ]
    assert len(run(store, "agreements")) == 8


# ---------------------------------------------------------------- crimes


def test_crime_by_party_coverage_matrix(store: Store) -> None:
    matrix = {(row[0], row[2]): (row[3], row[4]) for row in run(store, "crime-party-matrix")}
    gold = {
        DEV1: (("BRA", "PRY"), ("arms-trafficking", "smuggling-of-goods", "drug-trafficking",
                                "money-laundering"), 12),
        DEV2: (("PHL", "IDN"), ("piracy", "kidnapping", "terrorism", "drug-trafficking"), 13),
        DEV3: (("CAN", "USA"), ("drug-trafficking", "arms-trafficking", "money-laundering",
                                "cybercrime"), 13),
        SEED: (("USA", "MEX"), ("organized-crime", "drug-trafficking", "violent-crime",
                                "arms-trafficking", "human-trafficking", "money-laundering"), 15),
    }  # fmt: skip
    expected: dict[tuple[str, str], list[int]] = {}
    for parties, crimes, commitments in gold.values():
        for party in parties:
            for crime in crimes:
                cell = expected.setdefault((f"id:crime/{crime}", f"id:nation/{party}"), [0, 0])
                cell[0] += 1
                cell[1] += commitments
    assert matrix == {k: (str(a), str(c)) for k, (a, c) in expected.items()}
    first = run(store, "crime-party-matrix", limit="1")
    assert first == [("id:crime/arms-trafficking", "Arms trafficking (firearms, weapons, "
                      "ammunition)", "id:nation/BRA", "1", "12")]  # fmt: skip


def test_coverage_by_iccs_section(store: Store) -> None:
    assert run(store, "iccs-section-coverage") == [
        ("id:crime/iccs-01", "01", "Acts leading to death or intending to cause death", "1", "15"),
        ("id:crime/iccs-02", "02", "Acts causing harm or intending to cause harm to the person",
         "2", "28"),
        ("id:crime/iccs-06", "06", "Acts involving controlled drugs or other psychoactive "
         "substances", "4", "53"),
        ("id:crime/iccs-07", "07", "Acts involving fraud, deception or corruption", "3", "40"),
        ("id:crime/iccs-08", "08", "Acts against public order, authority and provisions of the "
         "State", "1", "12"),
        ("id:crime/iccs-09", "09", "Acts against public safety and state security", "4", "53"),
        ("id:crime/iccs-11", "11", "Other criminal acts not elsewhere classified", "1", "13"),
    ]  # fmt: skip


# ---------------------------------------------------------------- agencies and actors


def test_agencies_of_a_nation_and_what_they_implement(store: Store) -> None:
    c, a = commitment(DEV3), agreement(DEV3)
    assert run(store, "nation-agencies") == [
        ("id:agency/USA/bureau-of-alcohol-tobacco-firearms-and-explosives",
         "Bureau of Alcohol, Tobacco, Firearms and Explosives", "ATF", c, "Crime Gun Tracing", a),
        ("id:agency/USA/drug-enforcement-administration", "Drug Enforcement Administration",
         "DEA", c, "Fentanyl Lab Targeting", a),
        ("id:agency/USA/federal-bureau-of-investigation", "Federal Bureau of Investigation",
         "FBI", c, "Cryptocurrency Tracing Unit", a),
        ("id:agency/USA/financial-crimes-enforcement-network",
         "Financial Crimes Enforcement Network", "FinCEN", None, None, None),
        ("id:agency/USA/u-s-customs-and-border-protection", "U.S. Customs and Border Protection",
         "CBP", None, None, None),
    ]  # fmt: skip
    paraguay = run(store, "nation-agencies", nation="id:nation/PRY")
    assert [(row[2], row[4]) for row in paraguay] == [
        ("SENAD", "Drug route threat assessment"),
        ("DNA", "Cigarette and electronics seizure reports"),
        ("SEPRELAD", "Review of suspicious exchange-house transfers"),
    ]


def test_agencies_named_across_documents(store: Store) -> None:
    rows = run(store, "agencies-across-documents")
    gold = {
        "BRA": ["council-for-financial-activities-control", "federal-police",
                "federal-revenue-service"],
        "PRY": ["national-anti-drug-secretariat", "national-customs-directorate",
                "secretariat-for-the-prevention-of-money-laundering"],
        "PHL": ["philippine-coast-guard", "philippine-drug-enforcement-agency",
                "philippine-national-police"],
        "IDN": ["indonesian-maritime-security-agency", "indonesian-national-police",
                "national-narcotics-board"],
        "CAN": ["canada-border-services-agency", "royal-canadian-mounted-police",
                "financial-transactions-and-reports-analysis-centre-of-canada"],
        "USA": ["bureau-of-alcohol-tobacco-firearms-and-explosives",
                "drug-enforcement-administration", "federal-bureau-of-investigation",
                "financial-crimes-enforcement-network", "u-s-customs-and-border-protection"],
    }  # fmt: skip
    leads = {  # the lead-agency cells of the tables
        "federal-police", "national-customs-directorate", "national-anti-drug-secretariat",
        "secretariat-for-the-prevention-of-money-laundering", "philippine-coast-guard",
        "indonesian-maritime-security-agency", "philippine-drug-enforcement-agency",
        "indonesian-national-police", "drug-enforcement-administration",
        "bureau-of-alcohol-tobacco-firearms-and-explosives", "canada-border-services-agency",
        "federal-bureau-of-investigation",
        "financial-transactions-and-reports-analysis-centre-of-canada",
    }  # fmt: skip
    expected = {
        (f"id:agency/{nation}/{slug}", f"id:nation/{nation}", "1", "1" if slug in leads else "0")
        for nation, slugs in gold.items()
        for slug in slugs
    }
    assert {(r[0], r[2], r[3], r[4]) for r in rows} == expected
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)
    assert run(store, "agencies-across-documents", minDocuments="2") == []


def test_documents_that_mention_an_actor(store: Store) -> None:
    dev3_title = "Canada and the United States Unveil Northern Border Action Plan"
    seed_title = "U.S. and Mexico Strengthen Partnership to Combat Cross-Border Crime"
    assert run(store, "actor-documents") == [
        (f"doc:{DEV3}", dev3_title, "id:nation/USA"),
        (f"doc:{SEED}", seed_title, "id:nation/USA"),
    ]
    with_agencies = run(store, "actor-documents", agencies="true")
    assert [row[2] for row in with_agencies] == [
        "id:agency/USA/bureau-of-alcohol-tobacco-firearms-and-explosives",
        "id:agency/USA/drug-enforcement-administration",
        "id:agency/USA/federal-bureau-of-investigation",
        "id:agency/USA/financial-crimes-enforcement-network",
        "id:agency/USA/u-s-customs-and-border-protection",
        "id:nation/USA",
        "id:nation/USA",
    ]
    assert [r[0] for r in run(store, "actor-documents", actor="id:nation/ARG")] == [f"doc:{DEV1}"]
    assert run(store, "actor-documents", actor="id:media/the-jakarta-post") == [
        (f"doc:{DEV2}", "Manila and Jakarta Agree on Joint Agenda for the Sulu and Celebes Seas",
         "id:media/the-jakarta-post"),
    ]  # fmt: skip


# ---------------------------------------------------------------- recurrence, status, evidence


def test_frequency_calendar(store: Store) -> None:
    c, a = commitment(DEV2), agreement(DEV2)
    assert run(store, "frequency-calendar", party="id:nation/PHL") == [
        ("0", "id:frequency/continuous", "Continuous", "Maritime Information Fusion Desk", c, a,
         "id:agency/IDN/indonesian-maritime-security-agency"),
        ("1", "id:frequency/monthly", "Monthly", "Joint Patrol Coordination Board", c, a,
         "id:agency/PHL/philippine-coast-guard"),
        ("3", "id:frequency/quarterly", "Quarterly", "Narcotics Intelligence Exchange", c, a,
         "id:agency/PHL/philippine-drug-enforcement-agency"),
        ("6", "id:frequency/semiannual", "Semiannual", "Kidnap Case Debriefing", c, a,
         "id:agency/IDN/indonesian-national-police"),
    ]  # fmt: skip
    every = run(store, "frequency-calendar")
    assert [row[2] for row in every] == ["Continuous"] * 4 + ["Weekly"] + ["Monthly"] * 3 + [
        "Quarterly"
    ] * 4 + ["Semiannual"] * 4 + ["Annual"] * 3


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("es", ["Continuo", "Mensual", "Trimestral", "Semestral"]),
        ("fr", ["Continu", "Mensuel", "Trimestriel", "Semestriel"]),
        ("pt", ["Contínuo", "Mensal", "Trimestral", "Semestral"]),
        ("de", ["Continuous", "Monthly", "Quarterly", "Semiannual"]),  # none: English
    ],
)
def test_concept_labels_in_the_language_asked_for(
    store: Store, lang: str, labels: list[str]
) -> None:
    rows = run(store, "frequency-calendar", party="id:nation/PHL", lang=lang)
    assert [row[2] for row in rows] == labels
    status = run(store, "commitment-status", text="PATROL", lang=lang)
    assert {row[3] for row in status} == {
        {"es": "Comprometido", "fr": "Promis", "pt": "Prometido"}.get(lang, "Pledged")
    }


def test_commitment_status_over_time(store: Store) -> None:
    pledged = ("id:status/pledged", "Pledged")
    assert run(store, "commitment-status", text="PATROL") == [
        ("Border Patrol Coordination", None, *pledged, commitment(SEED), f"doc:{SEED}"),
        ("Coordinated Maritime Patrols", None, *pledged, commitment(DEV2), f"doc:{DEV2}"),
        ("Joint Border Patrols", None, *pledged, commitment(SEED), f"doc:{SEED}"),
        ("Joint Patrol Coordination Board", None, *pledged, commitment(DEV2), f"doc:{DEV2}"),
        ("Joint river patrols", None, *pledged, commitment(DEV1), f"doc:{DEV1}"),
    ]  # fmt: skip
    assert run(store, "commitment-status", since="2020-01-01") == []
    assert len(run(store, "commitment-status")) == 53


def test_status_history_scorecard_and_overdue_on_announcements_alone(store: Store) -> None:
    """Announcements alone: one pledged status per commitment, current; nothing overdue (the
    corpus documents give no date, so no timeline can have passed)."""
    rows = run(store, "commitment-status-history", text="joint river")
    assert rows == [
        (commitment(DEV1), "Joint river patrols", None, "id:status/pledged", "Pledged", None,
         f"doc:{DEV1}", None, "true"),
    ]  # fmt: skip
    card = run(store, "agreement-scorecard", agreement=f"{document_iri(SEED)}/agreement/1")
    assert len(card) == 15
    assert {(row[3], row[8]) for row in card} == {("id:status/pledged", "false")}
    assert len(run(store, "agreement-scorecard")) == 53
    assert run(store, "overdue-commitments", today="2100-01-01") == []


def test_evidence_for_a_commitment_and_its_outcome(store: Store) -> None:
    fusion = node_by_label(store, "Intelligence Fusion")
    rows = run(store, "evidence", node=fusion)
    assert rows == [
        (commitment(SEED), None, "1635", "1688",
         "| Intelligence Fusion | Real-time Alerts | 6 months |", f"doc:{SEED}"),
        (f"doc:{SEED}/outcome", "https://w3id.org/pactgraph/ontology#aimsAt", "1659", "1675",
         "Real-time Alerts", f"doc:{SEED}"),
    ]  # fmt: skip
    text = corpus_text(SEED)
    assert all(text[int(start) : int(end)] == quote for _, _, start, end, quote, _ in rows)


def test_outcomes_by_cooperation_type(store: Store) -> None:
    judicial = ("063", "id:cooperation/cameo-063", "Engage in judicial cooperation")
    assert run(store, "outcomes-by-cooperation-type", cooperation="id:cooperation/cameo-063") == [
        (*judicial, "Aligned enforcement practices", "Legal Harmonization Reviews",
         commitment(SEED)),
        (*judicial, "Swift Prosecutions", "Legal Harmonization", commitment(SEED)),
    ]  # fmt: skip
    every = run(store, "outcomes-by-cooperation-type")
    assert [row[0] for row in every] == sorted(row[0] for row in every)


def test_commitments_matching_a_text(store: Store) -> None:
    assert run(store, "commitments-matching", text="intelligence") == [
        ("Cross-border Intelligence Sharing", None, "Faster threat detection", commitment(SEED),
         agreement(SEED)),
        ("Enhanced Intelligence Sharing", "Real-time data exchange to preempt criminal "
         "operations.", None, commitment(SEED), agreement(SEED)),
        ("Follow the Money", "Financial intelligence units will trace payments tied to fentanyl "
         "and firearms sales.", None, commitment(DEV3), agreement(DEV3)),
        ("Intelligence Fusion", None, "Real-time Alerts", commitment(SEED), agreement(SEED)),
        ("Joint Fentanyl Intelligence Cell", None, "Merge seizure and lab data", commitment(DEV3),
         agreement(DEV3)),
        ("Narcotics Intelligence Exchange", None, "Compare seizure and route data",
         commitment(DEV2), agreement(DEV2)),
        ("Shared Border Intelligence", "A joint analysis cell will pool seizure records, vehicle "
         "data and informant reporting from both sides.", None, commitment(DEV1),
         agreement(DEV1)),
    ]  # fmt: skip
    assert run(store, "commitments-matching", text='" } DROP ALL') == []


def test_document_overview(store: Store) -> None:
    def sha(key: str) -> str:
        return hashlib.sha256((CORPUS / f"{key.replace('-', '_')}.txt").read_bytes()).hexdigest()

    assert run(store, "document-overview") == [
        (f"doc:{DEV1}", DEV1, "Brazil and Paraguay Sign Frontier Security Compact", None,
         sha(DEV1), "1", "12", "4", "6", "10"),
        (f"doc:{DEV2}", DEV2, "Manila and Jakarta Agree on Joint Agenda for the Sulu and Celebes "
         "Seas", None, sha(DEV2), "1", "13", "4", "8", "10"),
        (f"doc:{DEV3}", DEV3, "Canada and the United States Unveil Northern Border Action Plan",
         None, sha(DEV3), "1", "13", "4", "8", "12"),
        (f"doc:{SEED}", SEED, "U.S. and Mexico Strengthen Partnership to Combat Cross-Border "
         "Crime", None, sha(SEED), "1", "15", "4", "6", "3"),
    ]  # fmt: skip
    one = run(store, "document-overview", document=str(document_iri(SEED)))
    assert [row[1] for row in one] == [SEED]


def test_recurring_commitments(store: Store) -> None:
    assert run(store, "recurring-commitments") == []
    assert len(run(store, "recurring-commitments", minAgreements="1")) == 53


def test_commitments_recur_when_two_documents_report_the_same_pledge(store: Store) -> None:
    """The seed document reported twice (another outlet, another key): every label recurs."""
    seed = store.get_graph(document_iri(SEED)).serialize(format="nt")
    retold = Graph().parse(data=seed.replace(f"document/{SEED}", "document/retold"), format="nt")
    with EmbeddedStore() as twice:
        twice.replace_graph(document_iri(SEED), store.get_graph(document_iri(SEED)))
        twice.replace_graph(document_iri("retold"), retold)
        rows = run(twice, "recurring-commitments")
    assert len(rows) == 2 * 15
    assert rows[:2] == [
        ("label", "biannual training drills", "2", "doc:retold/agreement",
         "doc:retold/commitment", "Biannual Training Drills"),
        ("label", "biannual training drills", "2", agreement(SEED), commitment(SEED),
         "Biannual Training Drills"),
    ]  # fmt: skip


def test_every_named_query_is_covered_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    untested = [name for name in load_catalog() if f'"{name}"' not in source]
    assert not untested, f"named queries without expected rows: {untested}"


# ---------------------------------------------------------------- the same answers everywhere

#: Every named query with parameters that give it rows on the corpus (required ones included).
CROSS_STORE_CASES = [
    ("actor-documents", {"agencies": "true"}),
    ("agencies-across-documents", {}),
    ("agreement-safeguards", {}),
    ("agreements", {}),
    ("agreements-between", {"first": "id:nation/CAN", "second": "id:nation/USA"}),
    ("approaches-side-by-side", {}),
    ("commitment-status", {"text": "joint"}),
    ("commitment-status-history", {"text": "joint"}),
    ("agreement-scorecard", {}),
    ("commitments", {"party": "id:nation/USA", "crime": "id:crime/iccs-09"}),
    ("commitments-by-crime", {"crime": "id:crime/iccs-06"}),
    ("commitments-due-within", {"months": "12.5"}),
    ("commitments-matching", {"text": "border"}),
    ("crime-party-matrix", {}),
    ("document-overview", {}),
    (
        "evidence",
        {"node": "label:U.S. and Mexico Strengthen Partnership to Combat Cross-Border Crime"},
    ),
    ("frequency-calendar", {}),
    ("iccs-section-coverage", {}),
    ("nation-agencies", {"nation": "id:nation/CAN"}),
    ("outcomes-by-cooperation-type", {"cooperation": "id:cooperation/cameo-060"}),
    ("recurring-commitments", {"minAgreements": "1"}),
]


#: The follow-up queries, compared over an announcement and its two follow-ups (the corpus
#: documents give no dates, so nothing there is overdue).
FOLLOWUP_CASES = [
    ("overdue-commitments", {"today": "2026-06-01"}),
    ("agreement-scorecard", {"today": "2026-06-01"}),
    ("commitment-status-history", {}),
]
FOLLOWUPS = Path(__file__).parent / "fixtures" / "followup" / "own"


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The corpus loaded through the pipeline into a freshly started server store."""
    from servers import oxigraph_server, virtuoso_server

    starter = oxigraph_server if request.param == "oxigraph" else virtuoso_server
    with starter(tmp_path_factory.mktemp(request.param)) as endpoints:
        remote = endpoints.remote_store()
        outcomes = load_paths(remote, sorted(CORPUS.glob("*.txt")))
        assert [o.status for o in outcomes] == ["loaded"] * 4
        yield remote
        remote.close()


EMPTY_ON_CORPUS = {"overdue-commitments"}


@pytest.mark.slow
def test_every_named_query_answers_alike_on_every_store(store: Store, server_store: Store) -> None:
    cases = CROSS_STORE_CASES + FOLLOWUP_CASES
    assert {name for name, _ in cases} == set(load_catalog())
    for name, given in CROSS_STORE_CASES:
        params = {  # a node minted by the extractor is found by its label
            k: node_by_label(store, v[6:]) if v.startswith("label:") else v
            for k, v in given.items()
        }
        embedded = run(store, name, **params)
        assert embedded, f"{name} {params} has no rows to compare"
        assert run(server_store, name, **params) == embedded, name


@pytest.mark.slow
@pytest.mark.parametrize("server", ["oxigraph", "virtuoso"])
def test_follow_up_queries_answer_alike_on_every_store(
    server: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from servers import oxigraph_server, virtuoso_server

    paths = sorted(FOLLOWUPS.glob("own01_*.txt"))
    starter = oxigraph_server if server == "oxigraph" else virtuoso_server
    with EmbeddedStore() as embedded, starter(tmp_path_factory.mktemp(server)) as endpoints:
        remote = endpoints.remote_store()
        load_paths(embedded, paths, workers=1)
        load_paths(remote, paths, workers=1)
        for name, params in FOLLOWUP_CASES:
            expected = run(embedded, name, **params)
            assert expected, f"{name} {params} has no rows to compare"
            assert run(remote, name, **params) == expected, name
        remote.close()
