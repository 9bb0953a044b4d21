"""The SHACL shapes on hand-written graphs: a good one passes, each bad one fails as it should."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.namespaces import ID, OA, PG, PROV, TIME
from graph.validate import ValidationReport, validate_document

GOOD = Path(__file__).parent / "fixtures" / "shapes" / "good.ttl"
DOC = URIRef(f"{ID}document/good")
AGREEMENT = URIRef(f"{DOC}/agreement/1")
COMMITMENT = URIRef(f"{DOC}/commitment/1")
TIMELINE = URIRef(f"{DOC}/timeline/1")
SAFEGUARD = URIRef(f"{DOC}/safeguard/1")
EVIDENCE = URIRef(f"{DOC}/evidence/10-21")


@pytest.fixture()
def good() -> Graph:
    return Graph().parse(GOOD, format="turtle")


def _only(report: ValidationReport, path: URIRef, focus: URIRef) -> str:
    matching = [v for v in report.violations if v.path == str(path) and v.focus == str(focus)]
    assert matching, [str(v) for v in report.violations]
    return matching[0].message


def test_the_good_graph_conforms(good: Graph) -> None:
    report = validate_document(good)
    assert report.conforms, [str(v) for v in report.violations]
    assert not report.warnings


def test_an_agreement_needs_two_parties(good: Graph) -> None:
    good.remove((AGREEMENT, PG.party, URIRef(f"{ID}nation/TGO")))
    message = _only(validate_document(good), PG.party, AGREEMENT)
    assert "at least two parties" in message


def test_a_party_must_be_an_actor(good: Graph) -> None:
    good.remove((AGREEMENT, PG.party, URIRef(f"{ID}nation/TGO")))
    good.add((AGREEMENT, PG.party, URIRef(f"{ID}crime/piracy")))
    assert "pg:Actor" in _only(validate_document(good), PG.party, AGREEMENT)


def test_a_commitment_needs_a_label_and_an_agreement(good: Graph) -> None:
    good.remove((COMMITMENT, RDFS.label, None))
    good.remove((AGREEMENT, PG.hasCommitment, COMMITMENT))
    report = validate_document(good)
    assert "rdfs:label" in _only(report, RDFS.label, COMMITMENT)
    assert any("must belong to an agreement" in v.message for v in report.violations)


def test_a_timeline_needs_a_positive_value_and_a_known_unit(good: Graph) -> None:
    good.set((TIMELINE, TIME.numericDuration, Literal("-3", datatype=XSD.decimal)))
    good.set((TIMELINE, TIME.unitType, TIME.unitSecond))
    report = validate_document(good)
    assert "positive" in _only(report, TIME.numericDuration, TIMELINE)
    assert "time:unitDay" in _only(report, TIME.unitType, TIMELINE)


def test_frequencies_and_crimes_come_from_their_schemes(good: Graph) -> None:
    good.set((COMMITMENT, PG.hasFrequency, URIRef(f"{ID}frequency/fortnightly")))
    good.set((AGREEMENT, PG.addresses, URIRef(f"{ID}crime/jaywalking")))
    report = validate_document(good)
    messages = " ".join(v.message for v in report.violations)
    assert "frequency scheme" in messages
    assert "crime scheme" in messages


def test_every_extracted_node_has_provenance_and_evidence(good: Graph) -> None:
    good.remove((SAFEGUARD, PROV.wasDerivedFrom, None))
    good.remove((SAFEGUARD, PG.evidence, None))
    report = validate_document(good)
    assert "prov:wasDerivedFrom" in _only(report, PROV.wasDerivedFrom, SAFEGUARD)
    assert "pg:evidence" in _only(report, PG.evidence, SAFEGUARD)


def test_evidence_offsets_run_forwards(good: Graph) -> None:
    good.set((EVIDENCE, OA.end, Literal(5, datatype=XSD.nonNegativeInteger)))
    assert "smaller than its oa:end" in _only(validate_document(good), OA.start, EVIDENCE)


def test_an_agency_needs_the_nation_it_serves(good: Graph) -> None:
    agency = URIRef(f"{ID}agency/GHA/ghana-maritime-authority")
    good.add((agency, RDFS.label, Literal("Ghana Maritime Authority")))
    good.add((agency, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), PG.Agency))
    assert "nation or international organization" in _only(
        validate_document(good), PG.agencyOf, agency
    )


def test_labels_have_no_surrounding_whitespace(good: Graph) -> None:
    good.set((SAFEGUARD, RDFS.label, Literal(" padded label ")))
    assert "whitespace" in _only(validate_document(good), RDFS.label, SAFEGUARD)


def test_thin_data_is_a_warning_not_a_violation(good: Graph) -> None:
    good.remove((AGREEMENT, PG.addresses, None))
    good.remove((COMMITMENT, PG.committedBy, None))
    report = validate_document(good)
    assert report.conforms
    assert {w.path for w in report.warnings} == {str(PG.addresses), str(PG.committedBy)}
