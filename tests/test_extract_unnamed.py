# ruff: noqa: E501  (sample documents keep their long lines, as news text has them)
"""Pledges made without a name: exchanges of officers and instruments on an exchange."""

from __future__ import annotations

from graph.documents.text import parse_text
from graph.extract.extractor import extract
from graph.extract.facts import CommitmentFact

HEADER = """Ghana and Togo Sign the Volta Border Security Accord

ACCRA, 10 February 2025 - Ghana and Togo today signed the Volta Border Security Accord against arms trafficking and fuel smuggling.

| Measure | Result sought | Due |
|---|---|---|
| Joint Patrols on Lake Volta | Patrols by both marine police units | Within 6 months |
"""


def _commitments(prose: str, header: str = HEADER) -> dict[str, CommitmentFact]:
    facts = extract(
        parse_text(header + "\n" + prose + "\n", key="t", source_name="t.txt", sha256="0" * 64)
    )
    return {c.label: c for a in facts.agreements for c in a.commitments}


def test_officers_each_party_posts_with_the_other_are_an_exchange() -> None:
    found = _commitments(
        "Each country will also second two customs officers to the other's main port within nine months, so that cargo alerts can be followed up on the spot."
    )
    exchange = found["Customs Officer Exchange"]
    assert exchange.timeline is not None and exchange.timeline.months == 9
    assert exchange.outcome is not None
    assert exchange.outcome.label == "Two customs officers to the other's main port"
    assert exchange.agency is None  # each party posts its own: neither leads


def test_a_posting_one_way_or_without_a_deadline_is_no_exchange() -> None:
    one_way = _commitments(
        "The Ghana Police Service will post a liaison officer to its embassy in Lomé within six months."
    )
    undated = _commitments(
        "Each country will post a liaison officer in the other's capital, so that requests are answered quickly."
    )
    assert not [label for label in [*one_way, *undated] if "Exchange" in label]


def test_a_memorandum_on_the_exchange_of_a_topic_is_named_by_it() -> None:
    found = _commitments(
        "In addition, the two financial intelligence units will conclude, within four months, a memorandum of understanding on the exchange of cyber threat intelligence, with the aim of opening ten joint cases by the end of 2026."
    )
    memorandum = found["Cyber Threat Intelligence Memorandum"]
    assert memorandum.timeline is not None and memorandum.timeline.months == 4  # not 2026's
    assert memorandum.outcome is not None
    assert memorandum.outcome.label == (
        "Memorandum of understanding on the exchange of cyber threat intelligence"
    )
    bare = _commitments(
        "The two units will sign a memorandum on the exchange of information within six months."
    )
    assert not [label for label in bare if "Memorandum" in label]


def test_a_pledge_the_text_names_elsewhere_is_not_read_twice() -> None:
    header = HEADER.replace(
        "| Joint Patrols on Lake Volta |",
        "| Liaison Officers Network | Officers in both capitals | Within 6 months |\n| Joint Patrols on Lake Volta |",
    )
    found = _commitments(
        "Each country will post a liaison officer in the other's capital by the end of 2025.",
        header,
    )
    assert "Liaison Officers Network" in found
    assert "Liaison Officer Exchange" not in found
    other = _commitments(
        "A Financial Intelligence Liaison Call will take place every month. The two units will also sign, within six months, a memorandum on the exchange of financial intelligence."
    )
    assert "Financial Intelligence Memorandum" in other


def test_training_with_a_count_a_topic_and_a_deadline_is_named_by_what_is_learnt() -> None:
    found = _commitments(
        "The Ghana Police Service will also train 120 Togolese customs officers in the detection of forged documents and stolen vehicles within twelve months, with the support of INTERPOL. "
        "The two navies will train 60 boarding officers in tracing fuel cargoes linked to smuggling over the next 18 months."
    )
    detection = found["Forged Document Detection Training"]
    assert detection.timeline is not None and detection.timeline.months == 12
    assert detection.outcome is not None
    assert detection.outcome.label == (
        "120 Togolese customs officers trained in the detection of forged documents and stolen vehicles"
    )
    tracing = found["Fuel Cargo Tracing Training"]
    assert tracing.timeline is not None and tracing.timeline.months == 18
    # no count, or no deadline: how the parties work, not a pledge to hold to
    plain = _commitments(
        "UNODC will train investigators from both countries. "
        "The academy will train 40 officers in criminal investigation every year."
    )
    assert not [label for label in plain if label.endswith("Training")]


def test_training_a_named_programme_pledges_is_that_programme() -> None:
    found = _commitments(
        "Under the Volta Training Programme, the Ghana Police Academy will train 300 officers in financial investigation by December 2026, twice a year."
    )
    assert "Financial Investigation Training" not in found
