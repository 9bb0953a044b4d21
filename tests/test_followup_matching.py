# ruff: noqa: E501  (sample documents keep their long lines, as news text has them)
"""Which commitment an item of a follow-up speaks of (issue 12): rare words, lead agencies,
hyphenated words, words a report says throughout, and how clearly a row or a clause must
lead its runner-up."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from graph.followup.judged import deadline_of
from graph.followup.linking import AgreementRecord, best_agreement
from graph.followup.matching import (
    PROSE_MARGIN,
    ROW_FLOOR,
    ROW_MARGIN,
    CommitmentRecord,
    best_commitment,
    best_for_clause,
    line_of_work,
    said_throughout,
)
from graph.followup.recognise import days_named
from graph.followup.stemming import stem
from graph.followup.tracking import tracking_graph, tracking_graph_iri
from graph.followup.words import matchable
from graph.namespaces import DCTERMS, ID, OA, PG
from graph.pipeline import process_upload, store_document
from graph.store.embedded import EmbeddedStore


def test_a_hyphenated_word_of_an_item_meets_the_words_of_a_label() -> None:
    commitments = [
        CommitmentRecord("c1", "Community Early Warning", "radios and a hotline"),
        CommitmentRecord("c2", "Joint Border Security Commission", "ministers meet yearly"),
    ]
    found = best_commitment("under the early-warning priority, radios were given out", commitments)
    assert found is not None and found[0].iri == "c1"


def test_words_whose_stems_differ_only_by_an_ending_meet() -> None:
    commitments = [
        CommitmentRecord("c1", "Pirogue Registration Database", "every boat on one list"),
        CommitmentRecord("c2", "Joint Coastal Patrols", "boats patrol the coast weekly"),
        CommitmentRecord("c3", "Tripartite Ministerial Council", "a yearly session"),
    ]
    assert stem("register") != stem("registration")
    found = best_commitment("| Boat register | Under way | 11,240 boats listed |", commitments)
    assert found is not None and found[0].iri == "c1"
    found = best_commitment("| Ministers' council | Behind | moved to January |", commitments)
    assert found is not None and found[0].iri == "c3"
    assert best_commitment("| Port security | Done | gates installed |", commitments) is None


def test_matching_uses_rare_words_and_leaves_unrelated_items_unmatched() -> None:
    commitments = [
        CommitmentRecord("c1", "Joint Border Patrols", "patrols along the border"),
        CommitmentRecord("c2", "Shared Ballistics Database", "bullet and casing records"),
        CommitmentRecord("c3", "Joint Border Training", "officers trained at the border"),
    ]
    found = best_commitment("the ballistics database is delayed to 2027", commitments)
    assert found is not None and found[0].iri == "c2"
    assert best_commitment("a new cybercrime desk was launched", commitments) is None


def test_an_item_naming_the_lead_agency_meets_the_commitment_it_leads() -> None:
    commitments = [
        CommitmentRecord("c1", "Dredger Removal Operation", "dredgers off the rivers", ("MinCom",)),
        CommitmentRecord("c2", "Cocoa Register", "every bag tagged", ("Cocoa Board",)),
        CommitmentRecord("c3", "Cocoa Corridor Patrols", "patrols on cocoa roads", ("Police",)),
    ]
    said = "The Cocoa Board announced that it had abandoned the joint cocoa scheme"
    found = best_commitment(said, commitments)
    assert found is not None and found[0].iri == "c2"
    assert best_commitment(said.replace("Cocoa Board", "ministry"), commitments) is None
    assert stem("bags") == stem("bag") and stem("gas") == "gas" and stem("boss") == "boss"


def test_words_a_report_says_in_every_item_tell_no_commitment() -> None:
    commitments = [
        CommitmentRecord("c1", "Wildlife Enforcement Committee", "ministers meet twice a year"),
        CommitmentRecord("c2", "Seizure DNA Sampling", "genetic analysis of seized ivory"),
    ]
    items = [
        "The Committee welcomed the ranger force",
        "The Committee took note of the genetic analysis of seized ivory",
        "The Committee deplored the late bulletin",
        "The Committee regretted the postponed meeting",
        "The Committee thanked the hosts",
    ]
    common = said_throughout(items)
    assert "committee" in common and "genetic" not in common
    found = best_commitment(items[1], commitments, common=common)
    assert found is not None and found[0].iri == "c2"
    committee = [CommitmentRecord("c3", "Enforcement Committee", "ministers meet")]
    assert best_commitment(items[3], committee) is not None  # by the speaker's name alone
    assert best_commitment(items[3], committee, common=common) is None
    assert said_throughout(items[:4]) == frozenset()  # too few items to tell


def test_a_status_table_row_that_shares_one_rare_word_still_finds_its_commitment() -> None:
    commitments = [
        CommitmentRecord("c1", "Document Fraud Desk", "passports checked at the crossing"),
        CommitmentRecord("c2", "Rail Cargo Scanning at Nagad", "containers scanned"),
        CommitmentRecord("c3", "Joint Patrols of the Crossing", "weekly patrols"),
    ]
    row = "Fraud unit at Dewele | Operational since 20 May"
    assert best_commitment(row, commitments) is None  # too little for a sentence of prose
    found = best_commitment(row, commitments, clear_only=True, floor=ROW_FLOOR, margin=ROW_MARGIN)
    assert found is not None and found[0].iri == "c1"


def test_a_clause_of_prose_needs_only_to_lead_its_runner_up() -> None:
    commitments = [
        CommitmentRecord("c1", "Integrity Risk Review", "review of crossings exposed to bribery"),
        CommitmentRecord("c2", "Customs Integrity Testing", "tests of customs officers"),
        CommitmentRecord("c3", "Prut Anti-Drone Shield", "detection sensors along the river"),
    ]
    clause = "integrity at crossings exposed to bribery by officers"
    assert best_commitment(clause, commitments) is None  # not twice the runner-up
    found = best_commitment(clause, commitments, margin=PROSE_MARGIN)
    assert found is not None and found[0].iri == "c1"


def test_a_clause_sharing_one_word_with_one_commitment_only_speaks_of_it() -> None:
    commitments = [
        CommitmentRecord("c1", "Victim Identification and Referral", "screen and refer children"),
        CommitmentRecord("c2", "Joint Coastal Patrols", "boats patrol the coast weekly"),
        CommitmentRecord("c3", "Shared Ballistics Database", "bullet and casing records"),
        CommitmentRecord("c4", "Ministerial Review", "ministers meet yearly"),
    ]
    clause = "Help for victims has been only partly delivered"
    assert best_commitment(clause, commitments, margin=PROSE_MARGIN) is None  # below 0.25
    found = best_for_clause(clause, commitments, frozenset())
    assert found is not None and found[0].iri == "c1"
    assert best_for_clause("the weather was fine all week", commitments, frozenset()) is None


def test_a_commitment_sharing_all_the_runner_up_shares_and_more_is_clear() -> None:
    commitments = [
        CommitmentRecord("c1", "Mixed Patrols on the Green Border", "officers in every sector"),
        CommitmentRecord("c2", "Integrity at the Border", "detect bribery of staff"),
        CommitmentRecord("c3", "Joint Risk Analysis Report", "map smuggling routes"),
    ]
    row = "Joint border patrols"  # 'border' meets c2 too, but c1 has it as well
    found = best_commitment(row, commitments, clear_only=True, floor=ROW_FLOOR, margin=ROW_MARGIN)
    assert found is not None and found[0].iri == "c1"
    # A runner-up with a word of its own is not outweighed that way: 'bribery' speaks for c2.
    mixed = "border patrols and bribery"
    assert (
        best_commitment(mixed, commitments, clear_only=True, floor=ROW_FLOOR, margin=ROW_MARGIN)
        is None
    )


def test_a_report_naming_a_party_only_through_its_police_links_to_the_agreement() -> None:
    key = "statement"
    doc = URIRef(f"{ID}document/{key}")
    report = Graph()
    report.add((doc, PG.mentions, URIRef(f"{ID}nation/GBR")))
    report.add((doc, DCTERMS.date, Literal("2025-10-16")))
    agreement = AgreementRecord(
        iri=f"{ID}document/plan/agreement/1",
        title="Cross-Border Organised Crime Plan",
        parties=frozenset({f"{ID}nation/IRL", f"{ID}nation/GBR"}),
        date="2024-04-25",
        commitments=(),
    )

    def linked(text: str) -> bool:
        report.set((doc, PG.textContent, Literal(text)))
        graph = tracking_graph(key, report, [agreement])
        return (doc, PG.reportsOn, URIRef(agreement.iri)) in graph

    assert not linked("The UK Security Minister attended the seminar in Letterkenny.")
    assert linked("The seminar, hosted by An Garda Síochána, met in Letterkenny.")


def _report_with_clauses(key: str, clauses: dict[str, bool]) -> tuple[Graph, list[URIRef]]:
    """A follow-up's graph whose items are clauses of prose; True marks one that only counts."""
    doc = URIRef(f"{ID}document/{key}")
    report = Graph()
    report.add((doc, PG.mentions, URIRef(f"{ID}nation/SEN")))
    report.add((doc, PG.mentions, URIRef(f"{ID}nation/GMB")))
    items = []
    for number, (text, counted) in enumerate(clauses.items(), start=1):
        item = URIRef(f"{doc}/report-item/{number}")
        evidence = URIRef(f"{item}/evidence")
        report.add((doc, PG.reportsStatus, item))
        report.add((item, RDF.type, PG.ProseStatusAssertion))
        if counted:
            report.add((item, RDF.type, PG.CountStatusAssertion))
        report.add((item, RDFS.label, Literal(text)))
        report.add((item, PG.status, URIRef(f"{ID}status/in-progress")))
        report.add((item, PG.evidence, evidence))
        report.add((evidence, OA.exact, Literal(text)))
        report.add((evidence, OA.start, Literal(number * 100)))
        items.append(item)
    return report, items


def _report_with_rows(key: str, rows: Iterable[str]) -> tuple[Graph, list[URIRef]]:
    """A follow-up's graph whose items are the rows of a status table."""
    report, items = _report_with_clauses(key, dict.fromkeys(rows, False))
    for item in items:
        report.remove((item, RDF.type, PG.ProseStatusAssertion))
    return report, items


def _border_plan(commitments: tuple[CommitmentRecord, ...]) -> AgreementRecord:
    """Senegal and the Gambia's plan of 2024, reported on by ``_report_with_clauses``."""
    return AgreementRecord(
        iri=f"{ID}document/pact/agreement/1",
        title="Border Plan",
        parties=frozenset({f"{ID}nation/SEN", f"{ID}nation/GMB"}),
        date="2024-01-10",
        commitments=commitments,
    )


def test_a_counting_clause_speaks_only_of_a_commitment_it_names_clearly_and_nothing_else_does():
    commitments = (
        CommitmentRecord("c1", "Weapons Tracing", "trace seized firearms to their origin"),
        CommitmentRecord("c2", "Coastal Patrols", "boats patrol the departure beaches"),
        CommitmentRecord("c3", "Victim Referral Network", "refer victims of trafficking"),
    )
    agreement = _border_plan(commitments)
    report, items = _report_with_clauses(
        "report",
        {
            "In 2025 the services jointly traced 137 firearms": True,  # clearly c1
            # one word of c3: enough for a clause with a status word, not for a count
            "Police recorded 3 robberies near the network office": True,
            "The patrols are under way": False,
            # c2 more clearly than the clause above, but that one already speaks of it
            "Officers patrolled 40 departure beaches with their boats": True,
        },
    )
    graph = tracking_graph("report", report, [agreement])
    linked = {(s, o) for s, o in graph.subject_objects(PG.assertsStatusOf)}
    assert linked == {(items[0], URIRef("c1")), (items[2], URIRef("c2"))}


def test_a_report_leaving_its_own_country_unnamed_links_when_the_year_is_named() -> None:
    tunisia, algeria, libya = (f"{ID}nation/{code}" for code in ("TUN", "DZA", "LBY"))
    pact = AgreementRecord(
        iri=f"{ID}document/pact/agreement/1",
        title="Ghadames Pact",
        parties=frozenset({tunisia, algeria, libya}),
        date="2024-05-20",
        commitments=(),
    )
    named = frozenset({algeria, libya})
    # 'the agreement concluded with Algeria and Libya in May 2024', in Tunisia's parliament
    assert best_agreement([pact], named, "the agreement", ("2024",), "2026-01-27") is pact
    # without the year, or with only one of the others named, it is not enough
    assert best_agreement([pact], named, "the agreement", (), "2026-01-27") is None
    assert best_agreement([pact], frozenset({libya}), "", ("2024",), "2026-01-27") is None
    # an agreement whose parties are all named is preferred
    pair = dataclasses.replace(pact, iri=f"{ID}document/pair/agreement/1", parties=named)
    assert best_agreement([pact, pair], named, "the agreement", ("2024",), "2026-01-27") is pair


def test_two_agreements_of_the_same_parties_are_told_apart_by_the_day_the_report_names() -> None:
    usa, canada = f"{ID}nation/USA", f"{ID}nation/CAN"
    may = AgreementRecord(
        iri=f"{ID}document/may/agreement/1",
        title="JOINT STATEMENT",
        parties=frozenset({usa, canada}),
        date="2024-05-31",
        commitments=(),
    )
    september = dataclasses.replace(may, iri=f"{ID}document/sep/agreement/1", date="2024-09-30")
    both, parties = [may, september], frozenset({usa, canada})
    report = "On May 31, 2024, the ministers signed the Compact in Ottawa."
    days = days_named(report)
    assert days == {"2024-05-31"}
    assert best_agreement(both, parties, report, ("2024",), "2026-01-22", days) is may
    report = "the pact the two countries signed in September 2024"
    assert days_named(report) == {"2024-09"}
    assert best_agreement(both, parties, report, ("2024",), "2026-01-22", days_named(report)) is (
        september
    )
    # a day of the same month that is not the signing names no month of its own
    assert days_named("the desk opened on 14 May 2024") == {"2024-05-14"}


def test_a_row_that_matches_nothing_is_read_again_against_the_commitments_left() -> None:
    commitments = (
        CommitmentRecord("c1", "Tripartite Ministerial Council", "ministers meet every year"),
        CommitmentRecord("c2", "Joint Border Patrols", "patrols along the common border"),
        CommitmentRecord("c3", "Shared Firearms Register", "record seized firearms"),
    )
    agreement = _border_plan(commitments)
    rows = {
        "| Joint patrols on the border | On track |": "c2",
        "| Register of seized firearms | Done |": "c3",
        # 'border' speaks for c2 as much as 'ministers' for c1: c1, once c2 is taken
        "| Border ministers' gathering | Behind |": "c1",
    }
    report, items = _report_with_rows("report", rows)
    graph = tracking_graph("report", report, [agreement])
    found = {str(graph.value(item, PG.assertsStatusOf)) for item in items}
    assert found == {"c1", "c2", "c3"}


def test_a_row_another_row_outdoes_on_its_commitment_takes_one_no_item_took() -> None:
    commitments = (
        CommitmentRecord(
            "c1",
            "Gold Origin Verification",
            "Origin documents checked for all gold shipped through Arica and Tacna",
        ),
        CommitmentRecord(
            "c2",
            "Illicit Gold and Its Proceeds",
            "Following gold extracted without permits, and the money it generates",
        ),
        CommitmentRecord("c3", "Joint Border Patrols", "patrols along the common border"),
    )
    agreement = _border_plan(commitments)
    rows = {
        "| L2 | Gold and its origin, and the money behind it | Under way |": "c2",
        "| I5 | Checks on the origin of gold | Modified |": "c1",
        "| S1 | Patrols on the border | Done |": "c3",
    }
    report, items = _report_with_rows("report", rows)
    graph = tracking_graph("report", report, [agreement])
    found = [str(graph.value(item, PG.assertsStatusOf)) for item in items]
    assert found == list(rows.values())


def test_a_row_is_read_with_what_the_report_says_of_it_under_its_label() -> None:
    commitments = (
        CommitmentRecord(
            "c1",
            "Shared Biometric Screening at Chacalluta–Santa Rosa",
            "every traveller checked against both countries' alert lists",
        ),
        CommitmentRecord(
            "c2", "Gold Origin Verification", "origin documents checked for gold shipped"
        ),
        CommitmentRecord(
            "c3", "Coordinated Desert Corridor Patrols", "mirror patrols on each side of the line"
        ),
        CommitmentRecord(
            "c4", "Tacna Intelligence Liaison Desk", "exchange alerts on smuggling routes"
        ),
    )
    agreement = _border_plan(commitments)
    row = "| I2 | Biometric checks at the crossing | Partly achieved |"
    report, [item] = _report_with_rows("report", [row])
    report.set((item, RDFS.label, Literal("Biometric checks at the crossing")))
    doc = URIRef(f"{ID}document/report")
    text = f"{row}\n\n5.2 Biometric checks at the crossing (I2). Only 61 per cent of travellers are checked against both countries' alert lists.\n"
    alone = tracking_graph("report", report, [agreement]).value(item, PG.assertsStatusOf)
    assert str(alone).startswith(str(tracking_graph_iri("report")))  # too little: a new one
    report.add((doc, PG.textContent, Literal(text)))
    graph = tracking_graph("report", report, [agreement])
    assert str(graph.value(item, PG.assertsStatusOf)) == "c1"


def test_a_row_is_read_with_the_note_it_calls() -> None:
    commitments = (
        CommitmentRecord(
            "c1", "Gulf Maritime Interdiction", "stop drug shipments crossing the gulf by sea"
        ),
        CommitmentRecord("c2", "Joint Intelligence Centre", "a centre sharing analysis"),
        CommitmentRecord("c3", "Coordinated Border Patrols", "patrols on the border line"),
    )
    agreement = _border_plan(commitments)
    row = (
        "| 2.3 | Go-fast boats stopped before entering our waters | 187 boats (note 3) | Changed |"
    )
    report, [item] = _report_with_rows("report", [row])
    report.set((item, RDFS.label, Literal("Go-fast boats stopped before entering our waters")))
    doc = URIRef(f"{ID}document/report")
    notes = "Notes\n1. Figures are cumulative.\n3. The ministers extended the maritime interdiction zone from the gulf to the Pacific approaches.\n"
    alone = tracking_graph("report", report, [agreement]).value(item, PG.assertsStatusOf)
    assert str(alone).startswith(str(tracking_graph_iri("report")))  # too little: a new one
    # a numbered paragraph before the row is not its note
    text = f"3. The intelligence centre opened.\n\n{row}\n\n{notes}"
    report.add((doc, PG.textContent, Literal(text)))
    graph = tracking_graph("report", report, [agreement])
    assert str(graph.value(item, PG.assertsStatusOf)) == "c1"


def test_an_item_naming_a_body_in_full_is_the_body_not_the_pillar_named_within_it() -> None:
    commitments = [
        CommitmentRecord("c1", "Labour migration", "protect migrant workers from abuse"),
        CommitmentRecord("c2", "Labour Migration Protection Working Group", "meets quarterly"),
        CommitmentRecord("c3", "Digital Forensics Training", "200 investigators trained"),
    ]
    item = (
        "The Labour Migration Protection Working Group held three meetings out of the four "
        "due in its first year"
    )
    found = best_commitment(item, commitments)
    assert found is not None and found[0].iri == "c2"
    found = best_commitment("labour migration: 40 recruiters prosecuted", commitments)
    assert found is not None and found[0].iri == "c1"


def test_who_holds_a_view_is_not_what_the_view_is_of() -> None:
    text = matchable(
        "Cooperation between the units has, in the view of the Working Group, been good"
    )
    assert "Working" not in text and "Cooperation" in text
    assert "CENTIF" not in matchable("44 joint reports, according to CENTIF Niger")


def test_joint_results_no_measure_claims_are_the_line_of_work_against_their_crime() -> None:
    commitments = [
        CommitmentRecord("c1", "Dismantling Networks", "raids crimedrugtrafficking", broad=True),
        CommitmentRecord("c2", "Follow the Money", "assets crimemoneylaundering", broad=True),
        CommitmentRecord("c3", "Cannabis Eradication", "hectares crimedrugtrafficking"),
    ]
    joint = "Joint operations led to 39 arrests and 1.1 tonnes of cocaine crimedrugtrafficking"
    found = line_of_work(joint, commitments)
    assert found is not None and found.iri == "c1"
    trend = "Seizures of synthetic drugs in both countries rose by 40 per cent crimedrugtrafficking"
    assert line_of_work(trend, commitments) is None
    alone = "The Coast Guard seized 800 kilograms of cocaine crimedrugtrafficking"
    assert line_of_work(alone, commitments) is None
    two_lines = [*commitments, dataclasses.replace(commitments[2], broad=True)]
    assert line_of_work(joint, two_lines) is None


def test_a_count_names_its_line_of_work_by_what_it_counts() -> None:
    """'Two foreign longliners detained' names no crime, but illegal fishing is what such
    work stops (pg:resultCue); a line whose own words name a crime goes first."""
    commitments = [
        CommitmentRecord("c1", "Secure Waters", "patrols crimeillegalfishing", broad=True),
        CommitmentRecord("c2", "Clean Ports", "containers crimedrugtrafficking", broad=True),
        CommitmentRecord("c3", "Land Corridor", "detecting drugs, arms and ammunition", broad=True),
    ]
    boats = matchable("Joint patrols led to the detention of two foreign longliners")
    found = line_of_work(boats, commitments)
    assert found is not None and found.iri == "c1"
    rifles = matchable("Joint operations led to the seizure of 212 rifles")
    found = line_of_work(rifles, commitments)
    assert found is not None and found.iri == "c3"
    hashish = matchable("Joint operations led to the seizure of 3 tonnes of hashish")
    found = line_of_work(hashish, commitments)
    assert found is not None and found.iri == "c2"
    interviews = matchable("Joint interviews with 212 migrants held in shelters")
    assert line_of_work(interviews, commitments) is None
    said = "Both sides recalled that the apprehension of 14 fishing vessels was a sensitive matter"
    assert line_of_work(matchable(said), commitments) is None
    done = "Both sides apprehended 14 fishing vessels"
    assert line_of_work(matchable(done), commitments) is not None


def test_an_acronym_the_announcement_spells_out_is_read_in_a_report_row() -> None:
    commitments = (
        CommitmentRecord(
            "c1", "Shared Vessel Monitoring", "exchange of Vessel Monitoring System (VMS) positions"
        ),
        CommitmentRecord("c2", "Joint Patrol Days", "sea days patrolled together"),
        CommitmentRecord("c3", "Ministerial Council", "ministers meet once a year"),
    )
    row = "| VMS exchange via FFA | Live since 3 February 2025 | Achieved |"
    report, items = _report_with_rows("report", [row])
    graph = tracking_graph("report", report, [_border_plan(commitments)])
    assert str(graph.value(items[0], PG.assertsStatusOf)) == "c1"


def test_a_clause_that_writes_out_a_commitments_name_speaks_of_it() -> None:
    commitments = [
        CommitmentRecord(
            "c1", "Operation Phakela", "joint operations along the border twice a year"
        ),
        CommitmentRecord("c2", "Border Vehicle Verification", "vehicles checked at the border"),
        CommitmentRecord("c3", "Vehicles Home", "stolen vehicles returned to their owners"),
    ]
    text = (
        "The fifth round of Operation Phakela, held along the border in June, led to 34 arrests "
        "and the recovery of 29 vehicles"
    )
    found = best_for_clause(text, commitments, frozenset())
    assert found is not None and found[0].iri == "c1"
    # by its words alone, the operation does not stand out clearly from the vehicle checks
    assert best_commitment(text, commitments, clear_only=True, margin=2.0) is None
    named = best_commitment(text, commitments, clear_only=True, margin=2.0, by_name=True)
    assert named is not None and named[0].iri == "c1"


def test_a_measure_at_work_since_a_day_is_judged_by_what_its_commitment_promised() -> None:
    commitments = (
        CommitmentRecord("c1", "Joint Targeting Cell", "a cell at the port", set_up_once=True),
        CommitmentRecord("c2", "Coastal Patrols", "boats patrol the departure beaches"),
    )
    report, items = _report_with_clauses(
        "report",
        {
            "The joint targeting cell has been working at the port since 15 October 2024": False,
            "The coastal patrols have been running on the beaches since 1 March 2025": False,
        },
    )
    for item in items:  # read as running: the document states no status of its own
        report.remove((item, PG.status, None))
        report.add((item, RDF.type, PG.JudgedStatusAssertion))
        report.add((item, RDF.type, PG.RunningStatusAssertion))
    graph = tracking_graph("report", report, [_border_plan(commitments)])
    status = {item: str(graph.value(item, PG.status)).rsplit("/", 1)[-1] for item in items}
    assert graph.value(items[0], PG.assertsStatusOf) == URIRef("c1")
    assert graph.value(items[1], PG.assertsStatusOf) == URIRef("c2")
    # a cell to be set up by a deadline is fulfilled; patrols that recur go on
    assert status == {items[0]: "fulfilled", items[1]: "in-progress"}
    unlinked = tracking_graph("report", report, [])  # its agreement not loaded yet
    assert {str(unlinked.value(i, PG.status)).rsplit("/", 1)[-1] for i in items} == {"in-progress"}


def test_a_shortfall_is_partial_once_its_commitment_is_past_due_and_under_way_before() -> None:
    assert deadline_of("2024-01-31", 1) == "2024-02-29"  # the last day of a short month
    assert deadline_of("2024-01-10", 18) == "2025-07-10"
    course = CommitmentRecord(
        "c1", "Investigators Course", "officers trained in risk analysis", deadline="2025-07-10"
    )
    report, items = _report_with_clauses(
        "report", {"86 of the 200 officers have completed the investigators course": False}
    )
    report.remove((items[0], PG.status, None))
    report.add((items[0], RDF.type, PG.JudgedStatusAssertion))
    report.add((items[0], RDF.type, PG.ShortfallStatusAssertion))

    def judged_on(day: str) -> str:
        report.set((items[0], DCTERMS.date, Literal(day, datatype=XSD.date)))
        graph = tracking_graph("report", report, [_border_plan((course,))])
        assert graph.value(items[0], PG.assertsStatusOf) == URIRef("c1")
        return str(graph.value(items[0], PG.status)).rsplit("/", 1)[-1]

    assert judged_on("2025-03-01") == "in-progress"  # the rest may still come
    assert judged_on("2025-09-01") == "partially-fulfilled"  # the deadline has passed


def test_a_share_handled_in_time_is_judged_by_the_standard_its_commitment_sets() -> None:
    tracing = CommitmentRecord("c1", "Firearms Tracing Protocol", "trace requests answered")
    report, items = _report_with_clauses(
        "report", {"The police answered 93% of firearm trace requests within 10 days": False}
    )
    report.remove((items[0], PG.status, None))
    report.add((items[0], RDF.type, PG.JudgedStatusAssertion))
    report.add((items[0], RDF.type, PG.StandardStatusAssertion))
    report.add((items[0], PG.reportedValue, Literal(Decimal(93), datatype=XSD.decimal)))

    def judged_against(standard: Decimal | None) -> str:
        commitment = dataclasses.replace(tracing, standard=standard)
        graph = tracking_graph("report", report, [_border_plan((commitment,))])
        assert graph.value(items[0], PG.assertsStatusOf) == URIRef("c1")
        return str(graph.value(items[0], PG.status)).rsplit("/", 1)[-1]

    assert judged_against(Decimal(90)) == "fulfilled"  # '90% answered within 10 days'
    assert judged_against(Decimal(100)) == "partially-fulfilled"  # 'answered within 10 days'
    assert judged_against(None) == "in-progress"  # no standard to judge it by


def test_of_two_clauses_naming_a_commitment_as_clearly_the_later_is_the_report_s_word() -> None:
    commitments = (
        CommitmentRecord("c1", "Joint Border Committee", ""),
        CommitmentRecord("c2", "Coastal Patrols", "boats patrol the departure beaches"),
    )
    agreement = _border_plan(commitments)
    report, items = _report_with_clauses(
        "report",
        {
            "The Joint Border Committee postponed its March session": False,
            "The Joint Border Committee has since met twice, in May and in October": False,
        },
    )
    graph = tracking_graph("report", report, [agreement])
    assert set(graph.subject_objects(PG.assertsStatusOf)) == {(items[1], URIRef("c1"))}


def test_a_rhythm_named_is_a_word_the_matcher_compares_and_a_standing_activity_is_none() -> None:
    assert matchable("Two-yearly review by the joint commission").endswith("rhythmbiennial")
    assert "rhythmweekly" in matchable("Weekly joint patrols (Katuna-Gatuna)").split()
    assert "rhythm" not in matchable("Risk profiling has run continuously since the signing")


ANNOUNCEMENT = """Rwanda and Uganda sign the Gatuna Border Security Compact

KIGALI, 3 March 2025 — Rwanda and Uganda today signed the Gatuna Border Security Compact against drug trafficking and the smuggling of goods across their common border.

A Joint Security Committee of deputy ministers will meet twice a year, alternately in Kigali and Kampala. The regional border commanders will hold a Border Commanders' Meeting every month at Gatuna.
"""
REVIEW = """Progress report on the Gatuna Border Security Compact

KIGALI, 10 February 2026 — Rwanda and Uganda have published their first progress report on the Gatuna Border Security Compact of March 2025.

The regional border commanders have met every month without interruption since September 2025. Given that most work is now carried out by the border commanders, the Committee will in future meet once a year instead of every six months.
"""


def test_the_rhythm_a_clause_names_tells_the_commitment_that_keeps_it() -> None:
    """'have met every month' is the monthly meeting's news; the clause on the Committee's
    rhythm names the border commanders only as a reason, and 'every six months' is the
    Committee's rhythm, not theirs."""
    compact = process_upload(ANNOUNCEMENT.encode(), "gatuna_compact.txt")
    review = process_upload(REVIEW.encode(), "gatuna_review.txt")
    meeting = next(
        c for c, label in compact.graph.subject_objects(RDFS.label)
        if str(label) == "Border Commanders' Meeting"
    )  # fmt: skip
    with EmbeddedStore() as store:
        store_document(store, compact)
        store_document(store, review)
        tracking = store.get_graph(tracking_graph_iri(review.key))
    statuses = [
        review.graph.value(i, PG.status) for i in tracking.subjects(PG.assertsStatusOf, meeting)
    ]
    assert statuses == [URIRef(f"{ID}status/in-progress")]


PASSENGER_PLAN = """Qatar and Bahrain sign the Gulf Border Security Memorandum

DOHA, 12 May 2024 — Qatar and Bahrain today signed the Gulf Border Security Memorandum against drug trafficking and migrant smuggling.

A Joint Security Committee of senior officials will meet twice a year, alternately in Doha and Manama.

| Measure | Expected result | Lead | Deadline |
|---|---|---|---|
| Advance Passenger Data Exchange | Every passenger flying between Doha and Manama screened in advance | Ministry of Interior | 12 months |
| Joint Drug Intelligence Cell | Six analysts, three from each country, working together in Doha | Drug Enforcement Administration | 6 months |
"""
PASSENGER_REVIEW = """Gulf Border Security Memorandum: second review

DOHA, 20 December 2025 — Qatar and Bahrain reviewed the Gulf Border Security Memorandum of May 2024.

The plan to screen in advance every passenger flying between Doha and Manama was dropped at the third meeting of the Joint Security Committee, held in Doha on 14 December 2025. At the same session, the Committee decided that it would henceforth meet once a year instead of every six months.
"""


def test_a_body_that_decided_a_change_is_who_acted_not_what_changed() -> None:
    """'dropped at the third meeting of the Joint Security Committee' abandons the passenger
    screening; the Committee changing its own meetings is the Committee's revision."""
    plan = process_upload(PASSENGER_PLAN.encode(), "gulf_memorandum.txt")
    review = process_upload(PASSENGER_REVIEW.encode(), "gulf_review.txt")
    labels = {str(label): c for c, label in plan.graph.subject_objects(RDFS.label)}
    with EmbeddedStore() as store:
        store_document(store, plan)
        store_document(store, review)
        tracking = store.get_graph(tracking_graph_iri(review.key))
    statuses = {
        str(review.graph.value(item, PG.status)).rsplit("/", 1)[-1]: str(
            plan.graph.value(commitment, RDFS.label)
        )
        for item, commitment in tracking.subject_objects(PG.assertsStatusOf)
    }
    assert labels.keys() >= {"Advance Passenger Data Exchange", "Joint Security Committee"}
    assert statuses == {
        "abandoned": "Advance Passenger Data Exchange",
        "revised": "Joint Security Committee",
    }


def test_a_seat_of_joint_work_is_met_by_another_word_for_it() -> None:
    """Reports call a cell an office or a centre: 'the intelligence office that the pact
    created in Bamako' is the intelligence cell, not the intelligence-sharing protocol."""
    commitments = (
        CommitmentRecord("c1", "Tripartite Drug Intelligence Cell", "analysts of the three"),
        CommitmentRecord("c2", "Intelligence Sharing Protocol", "a common form for requests"),
    )
    found = best_for_clause(
        "The intelligence office that the pact created in Bamako now has its full team",
        commitments,
        frozenset(),
    )
    assert found is not None and found[0].iri == "c1"


def test_nouns_of_one_kind_of_measure_meet_each_other() -> None:
    commitments = [
        CommitmentRecord("c1", "Fraud Reporting Channel", "victims report scams"),
        CommitmentRecord("c2", "Fraud Investigation Course", "investigators taught"),
        CommitmentRecord("c3", "Shared Seizure Register", "seizures recorded by both sides"),
    ]
    found = best_commitment("the fraud hotline now answers calls around the clock", commitments)
    assert found is not None and found[0].iri == "c1"
    found = best_commitment("the joint seizure database went live in May", commitments)
    assert found is not None and found[0].iri == "c3"
