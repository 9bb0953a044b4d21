# ruff: noqa: E501  (sample documents keep their long lines, as news text has them)
"""Bodies pledged in prose and comparisons written as bullets, read by what their words do."""

from __future__ import annotations

import pytest

from graph.documents.text import parse_text
from graph.extract.extractor import extract
from graph.extract.facts import DocumentFacts
from graph.extract.tables import header_role
from graph.lexicon import lexicon
from graph.namespaces import nation_iri


def _extract(text: str) -> DocumentFacts:
    return extract(parse_text(text, key="t", source_name="t.txt", sha256="0" * 64))


def _commitments(facts: DocumentFacts) -> dict[str, object]:
    return {c.label: c for c in facts.agreements[0].commitments}


HEADER = """Chile and Bolivia Sign the Altiplano Security Compact

La Paz, 3 March 2025 - Chile and Bolivia signed the Altiplano Security Compact against fuel smuggling and arms trafficking.

| Measure | Result sought | Due |
|---|---|---|
| Joint Checkpoint at Pisiga | Vehicles inspected by both customs services | Within 6 months |
"""


def test_a_body_pledged_in_prose_with_a_recurrence_is_a_commitment() -> None:
    facts = _extract(
        HEADER
        + "\nA Binational Border Council, chaired by the two deputy ministers, will meet every three months, alternately in Arica and Oruro, to review the Compact and to agree on new measures.\n"
        + "\nThe customs directors shall hold an Altiplano Customs Directors' Meeting twice a year, and the Joint Evaluation Commission on Smuggling (JECS) shall report to ministers once a year.\n"
    )
    found = _commitments(facts)
    council = found["Binational Border Council"]
    assert council.frequency.key == "quarterly"
    assert council.outcome.label.startswith("Review the Compact")
    assert found["Altiplano Customs Directors' Meeting"].frequency.key == "semiannual"
    assert found["Joint Evaluation Commission on Smuggling"].frequency.key == "annual"
    assert "Joint Checkpoint at Pisiga" in found


def test_bodies_that_met_or_have_no_recurrence_or_share_a_clause_are_not_pledged() -> None:
    facts = _extract(
        HEADER
        + "\nThe Binational Border Council met twice a year between 2010 and 2019.\n"
        + "\nA Joint Oversight Committee will be set up to follow the Compact.\n"
        + "\nA Trilateral Liaison Group, chaired by the police chiefs, will oversee the checkpoint, and the two ministers will review it once a year.\n"
        + "\nThe National Customs Service will report on seizures every month.\n"
    )
    assert set(_commitments(facts)) == {"Joint Checkpoint at Pisiga"}


def test_a_body_a_table_already_lists_is_not_read_twice() -> None:
    facts = _extract(
        HEADER.replace("Joint Checkpoint at Pisiga", "Binational Border Council")
        + "\nThe Binational Border Council will meet every three months.\n"
    )
    assert [c.label for c in facts.agreements[0].commitments] == ["Binational Border Council"]


COMPARISON = (
    HEADER
    + """
Differences in national arrangements
- Fuel subsidies: in Bolivia, diesel is sold at a fixed subsidised price; in Chile, prices follow the world market.
- Border policing: Chile's border is watched by the Carabineros; Bolivia - the army guards the line with customs at the crossings.
- Arms control: in Chile, the army keeps the national registry of firearms; in Bolivia, the police licence owners.
"""
)


def test_a_list_comparing_the_parties_gives_approaches_not_commitments() -> None:
    facts = _extract(COMPARISON)
    agreement = facts.agreements[0]
    assert set(_commitments(facts)) == {"Joint Checkpoint at Pisiga"}
    approaches = {(a.aspect.label, a.actor): a.label for a in agreement.approaches}
    assert len(approaches) == 6
    assert approaches[("Fuel subsidies", nation_iri("BOL"))] == (
        "Diesel is sold at a fixed subsidised price"
    )
    assert approaches[("Border policing", nation_iri("CHL"))] == (
        "The border is watched by the Carabineros"
    )
    assert approaches[("Border policing", nation_iri("BOL"))] == (
        "The army guards the line with customs at the crossings"
    )
    assert approaches[("Arms control", nation_iri("CHL"))].startswith("The army keeps")


def test_pillars_naming_one_nation_each_stay_commitments() -> None:
    facts = _extract(
        HEADER
        + """
Pillars
- Fuel Controls: Chile and Bolivia will mark subsidised diesel.
- Arms Registry: a shared registry of firearms seized near the border.
"""
    )
    assert {"Fuel Controls", "Arms Registry"} <= set(_commitments(facts))
    assert facts.agreements[0].approaches == ()


def test_talks_named_in_lower_case_a_clause_after_while_and_a_numbered_paragraph_pledge() -> None:
    facts = _extract(
        HEADER
        + "\n6. Dialogue mechanisms. The two sides agreed that Home Secretary-level talks will be held every year, alternately in La Paz and Santiago.\n"
        + "\nThe ministers will meet once a year as a Binational Ministerial Council, while a Technical Border Committee made up of the heads of the border services will meet every quarter.\n"
    )
    found = _commitments(facts)
    assert found["Home Secretary-level talks"].frequency.key == "annual"
    assert found["Binational Ministerial Council"].frequency.key == "annual"
    assert found["Technical Border Committee"].frequency.key == "quarterly"


def test_a_joint_statement_in_numbered_paragraphs_gives_its_objectives_and_safeguards() -> None:
    facts = _extract(
        HEADER
        + "\n3. Objectives. The Compact rests on two objectives:\n(a) Stemming the Fuel Flow - reducing the smuggling of diesel across the border;\n(b) Order at the Crossings - curbing arms trafficking at unauthorised crossings.\n"
        + "\n8. Safeguards. Both sides affirmed that:\n- neither side's forces will cross the international boundary in pursuit of suspects;\n- detained persons will be granted consular access without delay.\n"
        + "\n9. Differences of approach. Chile treats smuggling as a customs offence, whereas Bolivia treats it as a crime.\n"
    )
    found = _commitments(facts)
    assert {"Stemming the Fuel Flow", "Order at the Crossings"} <= set(found)
    assert found["Order at the Crossings"].description.startswith("curbing arms")
    safeguards = [s.label for s in facts.agreements[0].safeguards]
    assert len(safeguards) == 2 and all("Differences" not in s for s in safeguards)


def test_a_comparison_clause_belongs_to_the_nation_it_names_not_one_it_describes() -> None:
    facts = _extract(
        HEADER
        + "\nTwo systems, one border\n- Stolen vehicles: Chile keeps a national register of stolen vehicles; Bolivia has held legalisation campaigns for undocumented vehicles, which Chilean officials regard as an incentive to theft.\n- Border patrol: Chile relies on Carabineros patrols; Bolivia relies on the Bolivian Police.\n"
    )
    owners = {
        (a.aspect.label, str(a.actor).rsplit("/", 1)[-1]) for a in facts.agreements[0].approaches
    }
    assert ("Stolen vehicles", "BOL") in owners and ("Stolen vehicles", "CHL") in owners


def test_a_comparison_in_one_clause_split_at_its_contrast_and_owned_by_its_opening_nation() -> None:
    facts = _extract(
        HEADER
        + "\nTwo systems, one border\n- Drug enforcement: Chile relies on a specialised police directorate, while in Bolivia drug cases are investigated by the FELCN.\n- Border control: Chile's army guards the border with Peru and Bolivia; in Bolivia customs staff work at the crossings, while army units patrol between them.\n"
    )
    approaches = {
        (a.aspect.label, str(a.actor).rsplit("/", 1)[-1]): a.label
        for a in facts.agreements[0].approaches
    }
    assert approaches[("Drug enforcement", "BOL")] == "Drug cases are investigated by the FELCN"
    assert approaches[("Drug enforcement", "CHL")].startswith("Chile relies on")
    # the first nation named owns a clause that names others after it; a contrast within one
    # nation's clause stays in it
    assert (
        approaches[("Border control", "CHL")] == "The army guards the border with Peru and Bolivia"
    )
    assert approaches[("Border control", "BOL")].endswith("while army units patrol between them")
    assert "Drug enforcement" not in _commitments(facts)


def test_a_table_deadline_by_the_calendar_and_a_recurrence_that_refines_ongoing() -> None:
    facts = _extract(
        HEADER.replace(
            "| Joint Checkpoint at Pisiga | Vehicles inspected by both customs services | Within 6 months |",
            "| Joint Checkpoint at Pisiga | Vehicles inspected by both customs services | End of 2025 |\n| Seizure Lists | Lists exchanged every month | Ongoing |",
        )
    )
    found = _commitments(facts)
    assert found["Joint Checkpoint at Pisiga"].timeline.months == 9  # 3 March → end of 2025
    assert found["Seizure Lists"].frequency.key == "monthly"


def test_a_body_named_then_met_by_pronoun_an_occasion_held_and_a_deliverable_with_a_deadline() -> (
    None
):
    facts = _extract(
        HEADER
        + "\nA Binational Security Committee, co-chaired by the two Ministers, will oversee the Compact. It will meet twice a year, alternating between La Paz and Santiago.\n"
        + "\nBorder commanders of the two countries will hold a border liaison meeting every two weeks at the crossing.\n"
        + "\nThe migration services, with the support of IOM, will adopt a Child Victim Referral Protocol within twelve months.\n"
        + "\nBetween meetings, the focal points will hold calls every month.\n"
        + "\nParticipating agencies\n- Chile: the Carabineros and the Investigations Police;\n- Bolivia: the Bolivian Police and the National Customs.\n"
    )
    found = _commitments(facts)
    assert found["Binational Security Committee"].frequency.key == "semiannual"
    assert "Border Liaison Meeting" in found
    assert found["Child Victim Referral Protocol"].timeline.months == 12
    assert not {"Between meetings", "Chile", "Bolivia"} & set(found)


def test_an_occasion_held_also_keeps_its_small_words_and_joint_activities_are_named() -> None:
    facts = _extract(
        HEADER
        + "\nThe two sides will also hold a joint search and interdiction exercise at sea once a year, simulating the interception of a dhow.\n"
        + "\nThe Bolivian Navy will lead Joint River Patrols with the Chilean Navy on Lake Titicaca, with at least one coordinated patrol every month.\n"
        + "\nIn addition, the customs services will host each year a Joint Anti-Smuggling Week, during which officers of both countries will carry out checks at the crossings.\n"
    )
    found = _commitments(facts)
    assert found["Joint Search and Interdiction Exercise"].frequency.key == "annual"
    assert found["Joint River Patrols"].frequency.key == "monthly"
    assert found["Joint Anti-Smuggling Week"].frequency.key == "annual"


def test_a_table_numbering_its_rows_names_each_by_the_next_column() -> None:
    facts = _extract(
        HEADER
        + "\n| No. | Deliverable | Who Leads | What Success Looks Like | By When |\n|---|---|---|---|---|\n| 1 | Joint Container Targeting Cell | Customs | 40 joint inspections a year | Within 12 months |\n| 2 | Tuna Inspection Campaign | Fisheries | 150 joint inspections | Within two years |\n"
    )
    found = _commitments(facts)
    assert found["Joint Container Targeting Cell"].timeline.months == 12
    assert "Tuna Inspection Campaign" in found and not {"1", "2"} & set(found)


def test_a_recurring_product_is_pledged_and_a_body_it_is_shared_with_is_not() -> None:
    facts = _extract(
        HEADER
        + "\nBolivia's intelligence service and Chile's ANI will together prepare a joint threat assessment of the border every quarter, to be shared with the Commission and with the operational agencies.\n"
    )
    found = _commitments(facts)
    assert found["Joint Threat Assessment"].frequency.key == "quarterly"
    assert "Commission" not in found


def test_a_body_taken_up_again_by_its_head_word_or_by_it_is_to_meets_as_it_says() -> None:
    facts = _extract(
        HEADER
        + "\nOverall direction of the Compact will rest with a Binational Security Committee chaired by the two deputy ministers. The committee will meet twice a year, alternating between La Paz and Santiago.\n"
        + "\nA Technical Working Group of senior officials will follow up the measures and prepare the Committee's sessions; it is to meet every three months, in person or online.\n"
        + "\nThe Council will meet once a year.\n"
    )
    found = _commitments(facts)
    assert found["Binational Security Committee"].frequency.key == "semiannual"
    assert found["Technical Working Group"].frequency.key == "quarterly"
    assert not {"Committee", "Council", "The Council"} & set(found)  # no body of that head named


def test_a_named_course_is_pledged_with_a_deadline_by_the_calendar() -> None:
    facts = _extract(
        HEADER
        + "\nIn addition, the Investigations Police will lead a Border Investigators Course under which 120 officers of both countries are to be trained by the end of 2026.\n"
    )
    course = _commitments(facts)["Border Investigators Course"]
    assert course.timeline.months == 21  # March 2025 → December 2026
    dated = _extract(
        HEADER
        + "\nCustoms will lead a Customs Integrity Course, under which 80 officers are to be trained by 30 September 2025.\n"
    )
    assert _commitments(dated)["Customs Integrity Course"].timeline.months == 6


def test_a_named_deliverable_with_a_rhythm_or_a_deadline_and_an_exercise_held_yearly() -> None:
    facts = _extract(
        HEADER
        + "\nWithin six months of the signing, the two police forces will set up a 24/7 Cyber Incident Hotline, so that an attack can be reported at any hour. The Bolivian Police will coordinate a Joint Drug Market Assessment, to be drawn up every year and published each spring.\n"
        + "\nOnce a year the two sides will hold a Joint Crisis Exercise simulating an attack on a bank.\n"
    )
    found = _commitments(facts)
    hotline = found["Cyber Incident Hotline"]
    assert hotline.timeline.months == 6 and hotline.frequency is None
    assert found["Joint Drug Market Assessment"].frequency.key == "annual"
    assert found["Joint Crisis Exercise"].frequency.key == "annual"
    numbered = _extract(
        HEADER
        + "\n5. Wildlife. The forest services will coordinate Synchronised Wildlife Enforcement Operations twice a year against the trade in vicuña wool.\n"
        + "\n7. Victims. Within one year of signature, the Parties will adopt Common Standard Operating Procedures on Victim Return.\n"
    )
    found = _commitments(numbered)
    assert found["Synchronised Wildlife Enforcement Operations"].frequency.key == "semiannual"
    assert found["Common Standard Operating Procedures on Victim Return"].timeline.months == 12


def test_an_operation_pledged_under_a_code_name_is_a_commitment() -> None:
    facts = _extract(
        HEADER
        + '\nTwice a year, the two police forces will conduct Operation "Salt Road", a coordinated action against fuel smugglers on the Altiplano.\n'
    )
    commitments = _commitments(facts)
    assert 'Operation "Salt Road"' in commitments
    assert commitments['Operation "Salt Road"'].frequency is not None


def test_parties_named_together_in_a_heading_under_the_title() -> None:
    facts = _extract(
        "JOINT DECLARATION OF ORURO\n\n"
        "Ministry of Government of the Plurinational State of Bolivia\n\n"
        "Ministry of the Interior of the Republic of Chile\n\n"
        "Ministry of the Interior of the Republic of Peru\n\n"
        "Bolivia, Chile and Peru adopt the Altiplano Plan against fuel smuggling\n\n"
        "The Minister of Government of Bolivia, the Minister of the Interior of Chile and the Minister of the Interior of Peru today signed the Altiplano Plan.\n"
    )
    assert set(facts.agreements[0].parties) == {nation_iri(c) for c in ("BOL", "CHL", "PER")}


def test_code_names_after_their_kind_irregular_plural_possessives_and_an_agency_as_subject() -> (
    None
):
    facts = _extract(
        HEADER
        + "\nThe two navies will in addition hold a joint boarding exercise, Exercise Salar Shield, once a year.\n"
        + "\nThe two customs services will also convene a Fishermen's Dialogue every year, bringing together the associations of both coasts.\n"
        + "\nIn addition, the Border Service of the Committee for National Security will lead a Border Detection Training Programme under which 300 officers are to be trained within 18 months.\n"
    )
    commitments = _commitments(facts)
    assert {
        "Exercise Salar Shield",
        "Fishermen's Dialogue",
        "Border Detection Training Programme",
    } <= set(commitments)
    assert "Border Service of the Committee for National Security" not in commitments


def test_what_a_programme_is_for_is_told_with_its_subject_and_without_its_deadline() -> None:
    text = (
        HEADER
        + "\nThe Police Academy will lead a Border Investigators Course under which 120 officers of both countries are to be trained by 31 December 2025 in risk analysis and document checks.\n"
        + "\nCustoms will run a Tandem Language Programme, under which 300 customs officers are to learn the partner's language within 18 months, by the end of 2026, so that patrols need no interpreters.\n"
    )
    facts = _extract(text)
    found = _commitments(facts)
    course = found["Border Investigators Course"].outcome
    assert (
        course.label
        == "120 officers of both countries trained in risk analysis and document checks"
    )
    assert course.span.text == text[course.span.start : course.span.end]
    assert course.span.text.endswith("by 31 December 2025 in risk analysis and document checks")
    tandem = found["Tandem Language Programme"].outcome
    assert tandem.label == "300 customs officers are to learn the partner's language"
    assert tandem.span.text == "300 customs officers are to learn the partner's language"
    spelled = _extract(
        HEADER
        + "\nCustoms will run a Tandem Language Programme, under which 300 customs officers are to learn the partner's language within thirty months of signature in evening classes.\n"
    )
    assert (
        _commitments(spelled)["Tandem Language Programme"].outcome.label
        == "300 customs officers are to learn the partner's language in evening classes"
    )  # any number word the grammar knows, not a hand-picked few


def test_a_heading_that_inflects_a_cue_and_a_second_item_column_say_what_a_row_is_for() -> None:
    lex = lexicon(frozenset({"en"}))
    assert header_role(lex, "What It Should Deliver") == "outcome"  # the cue is 'delivers'
    assert header_role(lex, "What it is meant to achieve") == "outcome"
    assert header_role(lex, "Leading and Achieving") is None  # 'lead' and 'achieves'
    assert header_role(lex, "Colour") is None
    facts = _extract(
        HEADER.replace("Result sought", "What It Should Deliver")
        + "\n| Forum | Who Takes Part | Task | Meets |\n|---|---|---|---|\n"
        + "| Border Commanders' Meeting | Regional heads of both police forces | Planning joint operations on the border | Every month |\n"
    )
    found = _commitments(facts)
    assert found["Joint Checkpoint at Pisiga"].outcome.label == (
        "Vehicles inspected by both customs services"
    )
    meeting = found["Border Commanders' Meeting"]
    assert meeting.outcome.label == "Planning joint operations on the border"
    assert meeting.frequency.key == "monthly"


def _agency_labels(facts: DocumentFacts) -> set[str]:
    return {agency.label for agency in facts.new_agencies}


def test_a_defined_name_listed_among_bodies_is_a_body_and_a_mechanism_is_not() -> None:
    listed = _extract(
        HEADER
        + "\nThe Indian side was represented by the Ministry of Home Affairs (MHA), the Sashastra Seema Bal (SSB), the Joint Border Task Force (JBTF) and the Narcotics Control Bureau (NCB).\n"
    )
    assert "Sashastra Seema Bal" in _agency_labels(listed)
    assert "Joint Border Task Force" not in _agency_labels(listed)
    alone = _extract(
        HEADER + "\nThe talks were hosted by the Sashastra Seema Bal (SSB) in Delhi.\n"
    )
    assert "Sashastra Seema Bal" not in _agency_labels(alone)


def _lead_labels(facts: DocumentFacts) -> dict[str, str | None]:
    labels = {agency.iri: agency.label for agency in facts.new_agencies}
    return {
        c.label: (labels.get(c.agency, str(c.agency)) if c.agency else None)
        for c in facts.agreements[0].commitments
    }


def test_a_body_pledged_in_prose_is_led_by_the_agency_its_sentence_puts_in_charge() -> None:
    facts = _extract(
        HEADER
        + "\nThe Bolivian Anti-Drug Directorate (BADD) and the Chilean Maritime Directorate (CMD) were both present.\n"
        + "\nIn addition, the Bolivian Anti-Drug Directorate will lead a Riverine Interdiction Course, under which 80 officers are to be trained by the end of 2025.\n"
        + "\nA Precursor Working Group, convened by the CMD and bringing together analysts of the BADD, will meet every month to compare seizure data.\n"
        + "\nA Port Security Working Group of the BADD and the CMD will meet every quarter to review inspections.\n"
        + "\nThe BADD and the CMD will hold a Joint Lake Exercise once a year, the first in 2025.\n"
        + "\nA Border Security Council, co-chaired by the BADD and the two ministers, will meet twice a year to review the Compact.\n"
    )
    leads = _lead_labels(facts)
    assert leads["Riverine Interdiction Course"] == "Bolivian Anti-Drug Directorate"
    assert leads["Precursor Working Group"] == "Chilean Maritime Directorate"
    assert leads["Port Security Working Group"] is None  # its members, not its lead
    assert leads["Joint Lake Exercise"] is None  # two in charge together
    assert leads["Border Security Council"] is None  # a lead shared


def test_an_office_a_media_outlet_and_a_place_are_not_part_of_a_body_found_by_its_shape() -> None:
    facts = _extract(
        HEADER
        + "\nThe Compact was signed by the Minister of Interior and Police of Bolivia, in the presence of the Head of the Federal Department of Justice and Police of Chile, according to the Bolivian News Agency.\n"
        + "\nTraining will take place at the National Police Academy in Santiago.\n"
    )
    labels = _agency_labels(facts)
    assert "Federal Department of Justice and Police of Chile" in labels
    assert "National Police Academy" in labels
    assert not {label for label in labels if label.startswith(("Minister", "Head"))}
    assert not {label for label in labels if "News Agency" in label or " in " in label}


def test_a_table_deadline_given_as_a_day_whatever_its_column_is_called() -> None:
    facts = _extract(
        HEADER.replace(
            "| Measure | Result sought | Due |", "| Measure | Result sought | To be finished by |"
        ).replace(
            "| Joint Checkpoint at Pisiga | Vehicles inspected by both customs services | Within 6 months |",
            "| Joint Checkpoint at Pisiga | Vehicles inspected by both customs services | 30 November 2025 |\n"
            "| Fuel Tracing Desk | A desk answering every request within 48 hours | Operational by 31 July 2025 |\n"
            "| Cocaine Signature Report | A joint report on seized cocaine | By end-2026 |\n"
            "| Binational Radio Link | Radios linking the two border commands | By the end of this year |",
        )
    )
    found = _commitments(facts)
    assert found["Joint Checkpoint at Pisiga"].timeline.months == 8  # March → November 2025
    assert found["Fuel Tracing Desk"].timeline.months == 4
    assert found["Cocaine Signature Report"].timeline.months == 21
    assert found["Binational Radio Link"].timeline.months == 9  # the document's year


def test_a_recurrence_due_to_start_within_a_span_has_both() -> None:
    facts = _extract(
        HEADER.replace(
            "| Joint Checkpoint at Pisiga | Vehicles inspected by both customs services | Within 6 months |",
            "| Joint Checkpoint at Pisiga | Vehicles inspected by both customs services | Weekly, starting within 4 months |\n"
            "| Lake Patrols | Patrols on Lake Titicaca | Every 6 months |",
        )
    )
    found = _commitments(facts)
    checkpoint = found["Joint Checkpoint at Pisiga"]
    assert checkpoint.frequency.key == "weekly" and checkpoint.timeline.months == 4
    patrols = found["Lake Patrols"]
    assert patrols.frequency.key == "semiannual" and patrols.timeline is None


def test_the_first_of_a_recurring_occasion_given_a_deadline_times_the_commitment() -> None:
    facts = _extract(
        HEADER
        + "\nThe two navies will hold a Joint Lake Rescue Exercise once a year, the first edition to be hosted by Bolivia before the end of 2025.\n"
        + "\nThe customs services will run Coordinated Fuel Operations every quarter. The first operation is to take place within five months of signature.\n"
        + "\nA Technical Working Group will meet every quarter. Since 2019, informal meetings have been held. The first of them was held in Arica within a week.\n"
        + "\nA Compact Secretariat will be established in Oruro within three months, staffed by one official from each Party.\n"
    )
    found = _commitments(facts)
    assert found["Joint Lake Rescue Exercise"].timeline.months == 9
    assert found["Coordinated Fuel Operations"].timeline.months == 5
    assert found["Technical Working Group"].timeline is None  # the sentence does not follow it
    assert found["Compact Secretariat"].timeline.months == 3


def test_a_capitalized_training_pledged_with_a_deadline_is_a_deliverable() -> None:
    found = _commitments(
        _extract(
            HEADER
            + "\nIn addition, the Chilean Investigations Police will run a Border Document Examiner Training programme, under which 80 Bolivian officers are to be trained in detecting forged passports by December 2026.\n"
        )
    )
    training = found["Border Document Examiner Training"]
    assert training.timeline is not None and training.timeline.months == 21  # from 3 March 2025


def test_an_occasion_named_in_one_or_two_words_is_named_with_its_holders() -> None:
    found = _commitments(
        _extract(
            HEADER
            + "\nAt field level, Bolivian sector commanders and Chilean battalion commanders will hold a flag meeting every month at Pisiga. "
            + "Between meetings, the national focal points of the two States will hold a videoconference every two weeks. "
            + "The two sides will hold a dialogue every year. "
            + "Border commanders will hold a border liaison meeting every quarter.\n"
        )
    )
    assert found["Sector Commanders' Flag Meeting"].frequency.key == "monthly"
    assert "National Focal Points' Videoconference" in found
    assert found["Border Liaison Meeting"].frequency.key == "quarterly"
    assert not [label for label in found if label.endswith("Dialogue")]  # the parties hold it


#: Safeguards set out in prose under their heading, and the sentences read as safeguards: a
#: rule laid down with 'shall', or without a modal of obligation ('will be processed only
#: for', 'No officer of either party will … without its express authorization'); the
#: sentences that introduce them, and a pledge under another heading, are none.
PROSE_SAFEGUARDS = {
    "shall": (
        "The Parties have agreed two safeguards. All exchange of personal data under the "
        "Compact shall comply with the data protection laws of the Parties. No officer of one "
        "Party shall exercise enforcement powers on the territory of the other.\n\n"
        "Next steps\n\n"
        "Ministers shall meet again in Tallinn next year.\n",
        [
            "All exchange of personal data under the Compact shall comply with the data "
            "protection laws of the Parties.",
            "No officer of one Party shall exercise enforcement powers on the territory of the "
            "other.",
        ],
    ),
    "no modal": (
        "The Compact contains two safeguards. Personal data exchanged under the Compact will be "
        "processed only for the purposes of criminal investigation. No officer of either party "
        "will carry out operational activities in the territory of the other without its "
        "express authorization.\n",
        [
            "Personal data exchanged under the Compact will be processed only for the purposes "
            "of criminal investigation.",
            "No officer of either party will carry out operational activities in the territory "
            "of the other without its express authorization.",
        ],
    ),
}


@pytest.mark.parametrize("prose", sorted(PROSE_SAFEGUARDS))
def test_safeguards_set_out_in_prose_under_their_heading_are_read_sentence_by_sentence(
    prose: str,
) -> None:
    text, expected = PROSE_SAFEGUARDS[prose]
    facts = _extract(HEADER + "\nSafeguards\n\n" + text)
    assert [s.label for s in facts.agreements[0].safeguards] == expected


def test_a_labelled_bullet_gives_the_rhythm_deadline_and_lead_its_description_names() -> None:
    text = HEADER + (
        "\nThe remaining measures are:\n\n"
        "- Joint Task Force on Online Fraud: the Bolivian FELCN will form "
        "a task force, meeting quarterly, to pursue cases involving victims in both countries.\n"
        "- Secure Information Exchange Platform: an encrypted system for sharing seizure data, "
        "to be operational within 18 months.\n"
        "- River Control: a permanent presence on the main rivers.\n"
    )
    found = _commitments(_extract(text))
    task_force = found["Joint Task Force on Online Fraud"]
    assert task_force.frequency.key == "quarterly" and task_force.agency is not None
    assert found["Secure Information Exchange Platform"].timeline.months == 18
    assert found["River Control"].frequency is None  # what it is, not how often


def test_a_lead_stated_in_so_many_words_outweighs_two_subjects_of_the_pledge() -> None:
    defined = (
        "\nThe Bolivian Anti-Drug Directorate (BADD) and the Chilean Maritime Directorate (CMD) "
        "were both present.\n\nThe remaining measures are:\n\n"
    )
    bullets = (
        "- Joint Investigation Teams: the BADD and the CMD will set up at least four joint "
        "investigation teams within 24 months; the CMD will lead.\n"
        "- Financial Exchange: the BADD and the CMD will hold monthly exchanges on cash "
        "couriers, with the BADD as lead.\n"
        "- Border Cooperation Centres: the four centres will operate 24 hours a day within 18 "
        "months, under the lead of the Chilean Maritime Directorate.\n"
        "- Threat Assessment: the BADD and the CMD will produce an annual assessment.\n"
    )
    leads = _lead_labels(_extract(HEADER + defined + bullets))
    assert leads["Joint Investigation Teams"] == "Chilean Maritime Directorate"
    assert leads["Financial Exchange"] == "Bolivian Anti-Drug Directorate"
    assert leads["Border Cooperation Centres"] == "Chilean Maritime Directorate"
    assert leads["Threat Assessment"] is None  # two subjects, and no word of leading


def test_a_lead_cell_naming_partners_after_a_comma_is_led_by_the_first_body() -> None:
    table = (
        "\n| Action | Lead agency | Timeline |\n|---|---|---|\n"
        "| Coordinated River Patrols | Bolivian Navy, with the Chilean Navy (ARMADA) | 6 months |\n"
        "| Victim Referral File | Ministère de l'Intérieur, du Développement communautaire "
        "et de la Sécurité publique | 9 months |\n"
    )
    facts = _extract(HEADER + table)
    leads = _lead_labels(facts)
    assert leads["Coordinated River Patrols"] == "Bolivian Navy"
    assert leads["Victim Referral File"] == (
        "Ministère de l'Intérieur, du Développement communautaire et de la Sécurité publique"
    )


def test_a_review_held_on_a_rhythm_and_a_network_agreed_by_a_deadline_are_commitments() -> None:
    found = _commitments(
        _extract(
            HEADER
            + "\nMinisters will meet twice a year in a Joint Ministerial Review, alternating "
            "between the two countries to take stock of progress.\n\n"
            "The Parties further agreed to set up a Community Stock Theft Reporting Network in "
            "at least 30 riverside villages within 24 months.\n\n"
            "The Parties agreed in La Paz that the Compact would be reviewed every year.\n"
        )
    )
    assert found["Joint Ministerial Review"].frequency.key == "semiannual"
    assert found["Community Stock Theft Reporting Network"].timeline.months == 24
    assert set(found) == {
        "Joint Checkpoint at Pisiga",
        "Joint Ministerial Review",
        "Community Stock Theft Reporting Network",
    }


def test_a_body_is_named_without_the_agreement_it_serves_or_a_pronoun_of_its_holders() -> None:
    found = _commitments(
        _extract(
            HEADER
            + "\nThe two ministers will hold an Annual Ministerial Review of the Compact, on the "
            "margins of a summit where possible.\n\n"
            "The two ministers themselves will hold a review every year.\n"
        )
    )
    assert "Annual Ministerial Review" in found
    assert "Ministers' Review" in found


def test_a_body_taken_up_again_by_two_words_of_its_name_is_the_body_named_before() -> None:
    found = _commitments(
        _extract(
            HEADER + "\nTo oversee the Compact, the Parties will create a Joint Working Group on "
            "Border Security, co-chaired by the two foreign ministries. The Working Group shall "
            "convene twice a year, alternating between the two countries.\n"
        )
    )
    assert found["Joint Working Group on Border Security"].frequency.key == "semiannual"
    assert "Working Group" not in found


def test_an_agency_keeps_its_own_languages_name_in_an_english_text() -> None:
    table = (
        "\n| Action | Lead agency | Timeline |\n|---|---|---|\n"
        "| Mapping of Illegal Mining Sites | Ejército Nacional de Bolivia | 12 months |\n"
        "| Encrypted Command Link | Comando Conjunto de las Fuerzas Armadas | 3 months |\n"
    )
    leads = _lead_labels(_extract(HEADER + table))
    assert leads["Mapping of Illegal Mining Sites"] == "Ejército Nacional de Bolivia"
    assert leads["Encrypted Command Link"] == "Comando Conjunto de las Fuerzas Armadas"


def test_a_name_ends_before_and_with_a_peoples_adjective() -> None:
    facts = _extract(
        HEADER
        + "\nThe course will be delivered by the Fuel Control Unit (FCU) of the Customs Administration of Chile and Bolivian instructors.\n"
    )
    labels = _agency_labels(facts)
    assert "Customs Administration of Chile" in labels
    assert not any(label.endswith("Bolivian") for label in labels)
