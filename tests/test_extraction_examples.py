"""Extraction on the project's own examples matches their hand-checked expected facts.

The examples cover what the shared corpus does not: Markdown and HTML input,
an international organization as a party, other regions, crimes, agencies
and table headings ("Intended Result", "Lead Institution", "How Often").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.documents.intake import read_source
from graph.documents.text import parse_source
from graph.extract.extractor import extract
from graph.extract.facts import DocumentFacts
from graph.lexicon import lexicon
from tests.conftest import example_documents


def _facts(path: Path) -> DocumentFacts:
    source = read_source(path)
    document = parse_source(source)
    return extract(document)


def _label(iri) -> str | None:
    entry = lexicon().actors.get(iri)
    return entry.label if entry else None


def _code(iri) -> str | None:
    entry = lexicon().actors.get(iri)
    return entry.code if entry else None


@pytest.fixture(scope="module", params=example_documents(), ids=lambda p: p.name)
def case(request) -> tuple[DocumentFacts, dict]:
    path: Path = request.param
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    return _facts(path), expected


def test_parties_and_crimes(case) -> None:
    facts, expected = case
    (agreement,) = facts.agreements
    assert [_code(p) for p in agreement.parties] == expected["parties"]
    assert set(agreement.crimes) == set(expected["crime_categories"])


def test_commitments_with_their_attributes(case) -> None:
    facts, expected = case
    (agreement,) = facts.agreements
    new_labels = {a.iri: a.label for a in facts.new_agencies}
    found = [
        {
            "label": c.label,
            "outcome": c.outcome.label if c.outcome else None,
            "timeline_months": float(c.timeline.months) if c.timeline else None,
            "frequency": c.frequency.key if c.frequency else None,
            "agency": (_label(c.agency) or new_labels.get(c.agency)) if c.agency else None,
        }
        for c in agreement.commitments
    ]
    assert found == expected["commitments"]


def test_safeguards_and_approaches(case) -> None:
    facts, expected = case
    (agreement,) = facts.agreements
    assert [s.label for s in agreement.safeguards] == expected["safeguards"]
    found = [
        {"aspect": a.aspect.label, "nation": _code(a.actor), "approach": a.label}
        for a in agreement.approaches
    ]
    assert found == expected["approaches"]


def test_agencies(case) -> None:
    facts, expected = case
    new = {a.iri: (a.label, a.acronym) for a in facts.new_agencies}
    found = set()
    for mention in facts.mentions:
        if mention.kind == "agency":
            entry = lexicon().actors.get(mention.iri)
            found.add((entry.label, entry.acronym) if entry else new[mention.iri])
    assert found == {(a["label"], a["acronym"]) for a in expected["agencies"]}
