# ruff: noqa: E501  (the sample document keeps its long lines, as news text has them)
"""Tables, sections and agencies read from what their words mean, not from the corpus' headings."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDFS

from graph.documents.inline import parsed_plain, plain
from graph.documents.text import parse_text
from graph.extract.extractor import extract
from graph.extract.facts import DocumentFacts
from graph.lexicon import lexicon
from graph.namespaces import nation_iri


def _extract(text: str) -> DocumentFacts:
    return extract(parse_text(text, key="t", source_name="t.txt", sha256="0" * 64))


UNSEEN = """Argentina and Chile Agree on Andean Border Security Plan

Argentina and Chile have agreed on a plan against cocaine trafficking and cattle theft in the Andes. Chile's Carabineros will patrol with help from the Joint Task Force (JTF) and the National Border Surveillance Directorate (DNVF).

Key Commitments
- **Mountain Patrols:** Joint patrols of high passes in summer.
- Shared Radio Network — One radio network linking border posts.

Initiative | Goal | Lead Agency | Timing
--- | --- | --- | ---
Pass Surveillance | Fewer undetected crossings | DNVF | half a year
Cattle Registry | Traceable herds | Carabineros and DNVF | every 2 years

Red Lines
- No officer may carry arms on the other side.

| Theme | Argentina | Chile | Joint View |
|---|---|---|---|
| Command | Gendarmerie leads | Carabineros lead | Shared posts |
"""


def test_unseen_headings_get_their_roles() -> None:
    (agreement,) = _extract(UNSEEN).agreements
    rows = {c.label: c for c in agreement.commitments}
    assert rows["Pass Surveillance"].outcome.label == "Fewer undetected crossings"
    assert rows["Pass Surveillance"].timeline.months == 6
    assert rows["Cattle Registry"].frequency.key == "biennial"
    assert rows["Cattle Registry"].timeline is None


def test_pillars_with_bold_labels_and_dashes() -> None:
    (agreement,) = _extract(UNSEEN).agreements
    pillars = [c for c in agreement.commitments if c.kind == "area"]
    assert [(c.label, c.description) for c in pillars] == [
        ("Mountain Patrols", "Joint patrols of high passes in summer."),
        ("Shared Radio Network", "One radio network linking border posts."),
    ]


def test_safeguard_heading_cue_and_comparison_with_a_joint_column() -> None:
    (agreement,) = _extract(UNSEEN).agreements
    assert [s.label for s in agreement.safeguards] == [
        "No officer may carry arms on the other side."
    ]
    assert {(a.actor, a.label) for a in agreement.approaches} == {
        (nation_iri("ARG"), "Gendarmerie leads"),
        (nation_iri("CHL"), "Carabineros lead"),
    }


def test_new_agency_from_its_acronym_and_mechanisms_are_not_agencies() -> None:
    facts = _extract(UNSEEN)
    new = {a.label: a for a in facts.new_agencies}
    assert "National Border Surveillance Directorate" in new
    assert new["National Border Surveillance Directorate"].acronym == "DNVF"
    assert not any("Joint Task Force" in label for label in new)
    (agreement,) = facts.agreements
    rows = {c.label: c for c in agreement.commitments}
    assert rows["Pass Surveillance"].agency == new["National Border Surveillance Directorate"].iri


def test_a_central_bank_is_an_agency_by_the_last_word_of_its_name() -> None:
    """'Bank' ends the name of a body a pact puts to work against illicit finance ('led by
    the Central Bank of Iraq', 'Bank Negara Malaysia') as 'Service' or 'Unit' does."""
    text = (
        "Jordan and Iraq sign a plan against money laundering and drug trafficking.\n\n"
        "The financial pillar is led by the Central Bank of Iraq and Jordan's Public "
        "Security Directorate. Bank Negara Malaysia will share its training material.\n"
    )
    names = {a.label for a in _extract(text).new_agencies}
    assert {"Central Bank of Iraq", "Bank Negara Malaysia"} <= names


def test_parties_are_the_leading_group_not_later_places() -> None:
    text = (
        "The European Union and Morocco renewed their pact in the Strait of Gibraltar "
        "against migrant smuggling.\n"
    )
    (agreement,) = _extract(text).agreements
    codes = [lexicon().actors[p].code for p in agreement.parties]
    assert codes == ["EU", "MAR"]


def test_crimes_inside_agency_names_do_not_count() -> None:
    text = (
        "Canada and Mexico sign a pact against cybercrime. The Financial Crimes Enforcement "
        "Network and the Secretariat for the Prevention of Money Laundering (SPML) will help.\n"
    )
    (agreement,) = _extract(text).agreements
    assert agreement.crimes == ("cybercrime",)


def test_inflected_and_inverted_crime_phrases() -> None:
    text = (
        "Peru and Bolivia act against traffickers of firearms, drug and human trafficking, "
        "and the smuggling of migrants.\n"
    )
    (agreement,) = _extract(text).agreements
    assert set(agreement.crimes) >= {
        "arms-trafficking",
        "drug-trafficking",
        "human-trafficking",
        "migrant-smuggling",
    }


def test_words_in_another_sense_are_not_crimes() -> None:
    text = "Peru and Bolivia agree trade safeguard duties; the plan harms no one.\n"
    (agreement,) = _extract(text).agreements
    assert agreement.crimes == ()


def test_markdown_labels_lose_their_markup_but_evidence_keeps_it() -> None:
    from rdflib import RDFS

    from graph.build import build_graph

    text = (
        "# Ghana and Togo Sign a Pact\n\nGhana and Togo sign a pact against piracy.\n\n"
        "| Project | Outcome | Due |\n|---|---|---|\n"
        "| **Radar** [Chain](https://example.org) | `Coastal` picture | 1 year |\n"
    )
    document = parse_text(
        text, key="md", source_name="md.md", media_type="text/markdown", sha256="0" * 64
    )
    graph = build_graph(extract(document))
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert {"Radar Chain", "Coastal picture"} <= labels
    assert not any("**" in label or "](" in label for label in labels)


def test_a_named_non_outcome_column_is_not_an_outcome() -> None:
    text = (
        "Peru and Bolivia sign a pact against drug trafficking.\n\n"
        "| Action | Lead Agency | Frequency | Notes |\n|---|---|---|---|\n"
        "| River Patrols | DEVIDA | Monthly | Started in 2025 |\n"
        "\n| Initiative | Expected Effect | Deadline |\n|---|---|---|\n"
        "| Port Scanners | Faster checks | 9 months |\n"
    )
    (agreement,) = _extract(text).agreements
    rows = {c.label: c for c in agreement.commitments}
    assert rows["River Patrols"].outcome is None
    assert rows["River Patrols"].frequency.key == "monthly"
    assert rows["Port Scanners"].outcome.label == "Faster checks"


def test_short_gazetteer_acronyms_need_a_definition() -> None:
    text = "Peru and Bolivia sign a pact. An MP asked whether the PNP will help.\n"
    facts = _extract(text)
    labels = {lexicon().actors[m.iri].label for m in facts.mentions if m.kind == "agency"}
    assert labels == {"National Police"}  # PNP of Peru, gated by the nations named


def test_a_phrase_inside_a_longer_one_is_not_a_second_crime() -> None:
    found = {h.key for h in lexicon().crimes.find("customs fraud, and drug and arms trafficking")}
    assert found == {"smuggling-of-goods", "drug-trafficking", "arms-trafficking"}


def test_each_of_two_coordinated_objects_names_its_own_crime() -> None:
    text = "the smuggling of weapons and contraband cigarettes, and the laundering of the profits"
    found = {h.key for h in lexicon().crimes.find(text)}
    assert found == {"arms-trafficking", "smuggling-of-goods", "money-laundering"}


def test_a_crime_phrase_does_not_run_across_a_blank_line() -> None:
    # "smuggled ... ivory" is ivory smuggling only inside one paragraph: a headline and the
    # opening line are two.
    text = "Pact Against Smuggled Weapons\n\nBolivia and Ivory Coast sign a pact.\n"
    found = {(text[h.start : h.end], h.key) for h in lexicon().crimes.find(text)}
    assert found == {("Smuggled Weapons", "arms-trafficking")}
    same_paragraph = "Rangers seized smuggled raw ivory at the border.\n"
    assert {h.key for h in lexicon().crimes.find(same_paragraph)} == {"wildlife-trafficking"}


def test_an_accented_form_of_a_crime_word_is_found_wherever_it_stands() -> None:
    # The phrase is listed without the accent; the text spells it with one, alone.
    text = "La lutte contre le trafic de cocaïne se poursuit.\n"
    found = {h.key for h in lexicon(["fr"]).crimes.find(text)}
    assert "drug-trafficking" in found


def test_crimes_found_in_a_span_are_those_of_the_whole_text_inside_it() -> None:
    text = (
        "Money laundering and arms trafficking.\n\nDrug trafficking in the north.\n\n"
        "Cybercrime units.\n"
    )
    whole = lexicon().crimes.find(text)
    start, end = text.index("Drug"), len(text)
    inside = [(h.start, h.end, h.key) for h in whole if start <= h.start and h.end <= end]
    assert [(h.start, h.end, h.key) for h in lexicon().crimes.find(text, start, end)] == inside
    assert {key for _, _, key in inside} == {"drug-trafficking", "cybercrime"}


def test_actions_under_a_named_pillar_are_part_of_it() -> None:
    from graph.build import build_graph
    from graph.namespaces import PG

    text = (
        "Ghana and Togo sign a pact against piracy.\n\nThe pact has two pillars:\n"
        "- Maritime Patrols: Joint patrols at sea.\n- Port Security: Checks in ports.\n\n"
        "| Pillar | Action | Deadline |\n|---|---|---|\n"
        "| Maritime Patrols | Night Patrol Rota | 6 months |\n"
        "| Port Security | Container Scanners | 1 year |\n"
    )
    facts = _extract(text)
    graph = build_graph(facts)
    parts = {
        (str(graph.value(child, RDFS.label)), str(graph.value(parent, RDFS.label)))
        for child, parent in graph.subject_objects(PG.partOf)
    }
    assert parts == {
        ("Night Patrol Rota", "Maritime Patrols"),
        ("Container Scanners", "Port Security"),
    }


def test_crimes_in_a_sentence_that_leaves_them_out_do_not_count() -> None:
    text = (
        "Kenya and Tanzania sign a plan against wildlife trafficking. Cattle rustling and "
        "cybercrime are left to separate talks. Counter-terrorism is not part of the plan.\n"
    )
    (agreement,) = _extract(text).agreements
    assert agreement.crimes == ("wildlife-trafficking",)


def test_crime_verbs_and_longer_inversions() -> None:
    found = {
        h.key
        for h in lexicon().crimes.find(
            "networks that smuggle migrants, the smuggling of cattle and other goods, "
            "and officials who laundered money"
        )
    }
    assert found == {"migrant-smuggling", "smuggling-of-goods", "money-laundering"}


def test_a_crime_left_out_anywhere_is_left_out_everywhere() -> None:
    text = (
        "Guatemala and Mexico sign a pact against extortion and corruption. Anti-corruption "
        "cases are not covered by this agreement.\n"
    )
    (agreement,) = _extract(text).agreements
    assert agreement.crimes == ("extortion",)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*string.printable, "\u00a0", "\u2003", "é", "—", "\u200b", "\r\n", "  \n"]
        ),
        max_size=60,
    ).map("".join)
)
def test_a_label_without_markup_reads_as_the_parser_reads_it(text: str) -> None:
    """The shortcut for text with no markup characters agrees with markdown-it."""
    assert plain(text) == parsed_plain(text)


@pytest.mark.parametrize(
    "text", ["a  &amp; b", "x\\*y", "*em* and _em_", "<b>x</b>", "![alt](i.png) `c`"]
)
def test_a_label_with_markup_still_goes_to_the_parser(text: str) -> None:
    assert plain(text) == parsed_plain(text) != " ".join(text.split())
